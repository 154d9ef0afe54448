package io.watchkeeper.camera.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates found in Taiwanese lists: ISO ({@code 2023-03-30}, {@code 2023/3/30}, {@code 20230330}),
 * ROC (民國) years ({@code 112/03/30}, {@code 112-03-30}, {@code 112.3.30}, {@code 1120330},
 * {@code 民國112年3月30日}, {@code 112年3月30日}) and spreadsheet date-times ({@code 2023/3/30 上午 12:00:00}).
 * A year of one to three digits is a ROC year (ROC year + 1911 = Gregorian year), four digits a Gregorian
 * year. Six bare digits ({@code 990330}) are refused as ambiguous. Impossible dates such as 2023-02-30
 * are refused, not rolled over.
 */
final class RocDates {

	static final int ROC_OFFSET = 1911;

	static final int MIN_YEAR = io.watchkeeper.camera.CameraDates.MIN_YEAR;

	static final int MAX_YEAR = io.watchkeeper.camera.CameraDates.MAX_YEAR;

	private static final Pattern CHINESE = Pattern.compile("(?:民國|民国)?\\s*(\\d{1,4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日號号]?");

	private static final Pattern SEPARATED = Pattern.compile("(?:民國|民国)?\\s*(\\d{1,4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})");

	private static final Pattern COMPACT = Pattern.compile("(?:民國|民国)?(\\d{6,8})");

	/** A trailing time of day, as spreadsheets write it: {@code 上午 12:00:00}, {@code T00:00}, {@code 00:00:00}. */
	private static final Pattern TIME = Pattern.compile("(?:[T\\s]+(?:上午|下午|AM|PM|am|pm)?\\s*\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:AM|PM|am|pm|Z|[+-]\\d{2}:?\\d{2})?)$");

	private RocDates() {
	}

	static LocalDate parse(String raw) throws BadValue {
		String value = Values.clean(raw);
		if (value == null) {
			return null;
		}
		if (value.indexOf(':') >= 0) {
			value = TIME.matcher(value).replaceFirst("").strip();
		}
		Matcher m = CHINESE.matcher(value);
		if (m.matches()) {
			return date(raw, m.group(1), m.group(2), m.group(3));
		}
		m = SEPARATED.matcher(value);
		if (m.matches()) {
			return date(raw, m.group(1), m.group(3), m.group(4));
		}
		m = COMPACT.matcher(value);
		if (m.matches()) {
			String digits = m.group(1);
			return switch (digits.length()) {
				case 8 -> date(raw, digits.substring(0, 4), digits.substring(4, 6), digits.substring(6));
				case 7 -> date(raw, digits.substring(0, 3), digits.substring(3, 5), digits.substring(5));
				default -> throw new BadValue("import.error.date.ambiguous", raw);
			};
		}
		throw new BadValue("import.error.date.format", raw);
	}

	private static LocalDate date(String raw, String yearText, String month, String day) throws BadValue {
		int year = Integer.parseInt(yearText);
		if (yearText.length() <= 3) {
			if (year == 0) {
				throw new BadValue("import.error.date.impossible", raw);
			}
			year += ROC_OFFSET;
		}
		LocalDate date;
		try {
			date = LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException e) {
			throw new BadValue("import.error.date.impossible", raw);
		}
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new BadValue("import.error.date.range", raw, MIN_YEAR, MAX_YEAR);
		}
		return date;
	}
}
