package io.watchkeeper.camera;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.watchkeeper.shared.InvalidInputException;

/**
 * The label on a camera, unique in the registry. Trimmed and upper-cased, so {@code laaa001-01} and
 * {@code LAAA001-01} are the same camera. A tag of the form site code + index ({@code LAAA001-01})
 * puts the camera on that site (pole {@code LAAA001}, index 1).
 */
public record AssetTag(String value) {

	public static final int MAX_LENGTH = 40;

	/** Letters, digits and the separators police lists use; no spaces. */
	public static final String ALLOWED = "^[A-Z0-9][A-Z0-9._/-]*$";

	private static final Pattern ALLOWED_PATTERN = Pattern.compile(ALLOWED);

	private static final Pattern SITE_AND_INDEX = Pattern.compile("^([A-Z0-9]+)-(\\d{1,2})$");

	/** The most digits the number after a tag's last hyphen may have ({@code KH-0042}; not {@code ZZB001-99999999999}). */
	public static final int MAX_INDEX_DIGITS = 4;

	private static final Pattern TOO_LONG_INDEX = Pattern.compile("^.*-\\d{" + (MAX_INDEX_DIGITS + 1) + ",}$");

	public AssetTag {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("assetTag", "asset tag is required");
		}
		value = value.strip().toUpperCase(Locale.ROOT);
		if (value.length() > MAX_LENGTH) {
			throw new InvalidInputException("assetTag", "asset tag is longer than " + MAX_LENGTH + " characters");
		}
		if (!ALLOWED_PATTERN.matcher(value).matches()) {
			throw new InvalidInputException("assetTag",
					"asset tag may only contain letters, digits and . _ / - (got '" + value + "')");
		}
		if (hasTooLongIndex(value)) {
			throw new InvalidInputException("assetTag", "the number after the last '-' of an asset tag may have at most "
					+ MAX_INDEX_DIGITS + " digits (got '" + value + "')");
		}
	}

	/** The one rule for the API, the pages and the importer: at most {@link #MAX_INDEX_DIGITS} digits after the last '-'. */
	public static boolean hasTooLongIndex(String upperCased) {
		return TOO_LONG_INDEX.matcher(upperCased).matches();
	}

	public static AssetTag of(String value) {
		return new AssetTag(value);
	}

	/** The site code this tag encodes ({@code LAAA001} for {@code LAAA001-01}), if any. */
	public Optional<String> siteCode() {
		Matcher m = SITE_AND_INDEX.matcher(value);
		return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
	}

	/** The camera's index on its site (1 for {@code LAAA001-01}), if the tag encodes one. */
	public Optional<Integer> siteIndex() {
		Matcher m = SITE_AND_INDEX.matcher(value);
		return m.matches() ? Optional.of(Integer.valueOf(m.group(2))) : Optional.empty();
	}

	@Override
	public String toString() {
		return value;
	}
}
