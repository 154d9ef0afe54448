package io.watchkeeper.camera.importing;

import java.text.Normalizer;

import io.watchkeeper.shared.TextInput;

/** Small text helpers for cell values. */
final class Values {

	private Values() {
	}

	/**
	 * Folds full-width letters, digits and punctuation (common in Taiwanese spreadsheets) to their ASCII
	 * forms and drops a byte order mark; leaves Chinese characters alone.
	 */
	static String fold(String value) {
		if (value == null) {
			return null;
		}
		boolean foldable = false;
		for (int i = 0; i < value.length(); i++) {
			if (needsFolding(value.charAt(i))) {
				foldable = true;
				break;
			}
		}
		String v = foldable ? Normalizer.normalize(value, Normalizer.Form.NFKC) : value;
		return v.indexOf('\uFEFF') >= 0 ? v.replace("\uFEFF", "") : v;
	}

	/**
	 * Characters NFKC changes that turn up in these files: full-width forms, the ideographic space,
	 * compatibility ideographs, circled numbers and such. Plain ASCII and ordinary CJK ideographs (the bulk of
	 * a file) are left alone without running the normaliser over them.
	 */
	private static boolean needsFolding(char c) {
		return c >= 0xFF00 && c <= 0xFFEF || c == 0x3000 || c >= 0x2000 && c <= 0x2BFF || c >= 0xF900 && c <= 0xFAFF
				|| c >= 0xFE30 && c <= 0xFE6F || c >= 0x3200 && c <= 0x33FF || c == 0xFEFF || c == 0x00A0;
	}

	/** The folded, stripped value, or null when the cell is empty. */
	private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern
		.compile("[\u200B\u200C\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]");

	/** The text without direction marks and zero-width characters. */
	static String visible(String value) {
		return value == null ? null : INVISIBLE.matcher(value).replaceAll("");
	}

	static String clean(String value) {
		if (value == null) {
			return null;
		}
		// direction marks and zero-width characters copied in from web pages and word processors: invisible, and they
		// would make 新興分局 an unknown precinct and 東 no direction
		String v = fold(INVISIBLE.matcher(value).replaceAll("")).strip();
		return v.isEmpty() ? null : v;
	}

	/**
	 * A value cut to a length that fits a report line, with control characters and lone surrogates shown as U+FFFD:
	 * the report and the job's sample columns are stored in PostgreSQL, which cannot hold a NUL.
	 */
	static String forReport(String value) {
		if (value == null) {
			return null;
		}
		String shown = value.length() <= 120 ? value : value.substring(0, 117) + "...";
		if (!hasControlCharacters(shown)) {
			return shown;
		}
		StringBuilder visible = new StringBuilder(shown.length());
		for (int i = 0; i < shown.length(); i++) {
			char c = shown.charAt(i);
			boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
			visible.append(control || Character.isSurrogate(c) && !pairedAt(shown, i) ? '\uFFFD' : c);
		}
		return visible.toString();
	}

	private static boolean pairedAt(String s, int i) {
		char c = s.charAt(i);
		return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
				: i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
	}

	/** The shared rule ({@link TextInput#problem}: C0 but tab/CR/LF, DEL, lone surrogates) and the C1 controls. */
	static boolean hasControlCharacters(String value) {
		if (TextInput.problem(value) != null) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x80 && c <= 0x9F) {
				return true;
			}
		}
		return false;
	}
}
