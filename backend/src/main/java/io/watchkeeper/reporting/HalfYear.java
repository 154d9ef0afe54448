package io.watchkeeper.reporting;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A half year of the council report: {@code half} 1 is 上半年 (1 January to 30 June), 2 is 下半年 (1 July to
 * 31 December), of the western {@code year}; shown with the ROC year (112年上半年 = 2023 H1).
 */
public record HalfYear(int year, int half) {

	public HalfYear {
		if (half != 1 && half != 2) {
			throw new IllegalArgumentException("half must be 1 or 2");
		}
	}

	/** First day. */
	public LocalDate from() {
		return LocalDate.of(year, half == 1 ? 1 : 7, 1);
	}

	/** Last day, included. */
	public LocalDate to() {
		return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
	}

	public ReportPeriod period() {
		return new ReportPeriod(from(), to());
	}

	/** The half year before: 2023 H1 → 2022 H2. */
	public HalfYear previous() {
		return half == 1 ? new HalfYear(year - 1, 2) : new HalfYear(year, 1);
	}

	public int rocYear() {
		return ReportPeriod.rocYear(year);
	}

	/** "112年上半年". */
	public String labelZh() {
		return rocYear() + "年" + (half == 1 ? "上半年" : "下半年");
	}

	/** "2023 H1 (January–June)". */
	public String labelEn() {
		return year + " H" + half + (half == 1 ? " (January–June)" : " (July–December)");
	}

	/** "2023-H1": the form links and file names use. */
	public String key() {
		return year + "-H" + half;
	}

	/** The half year that holds {@code day}. */
	public static HalfYear of(LocalDate day) {
		return new HalfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
	}

	/**
	 * Reads {@code year} (western, e.g. 2023) and {@code half} (1, 2, H1, H2, 上半年, 下半年) as a request gives them;
	 * both missing means the last half year that has ended. Refused with a 400 naming the parameter: a year before
	 * 1990 or after next year, a half that is none of these, a half year that has not begun on {@code today}.
	 */
	public static HalfYear parse(String year, String half, LocalDate today) {
		boolean noYear = year == null || year.isBlank();
		boolean noHalf = half == null || half.isBlank();
		if (noYear && noHalf) {
			return of(today).previous();
		}
		int y;
		if (noYear) {
			y = today.getYear();
		}
		else {
			try {
				y = Integer.parseInt(year.strip());
			}
			catch (NumberFormatException e) {
				throw new ReportInputException("year", "reporting.error.halfYear.year",
						"year must be a western year such as 2023, not '" + year + "'", year);
			}
		}
		if (y < 1990 || y > today.getYear() + 1) {
			throw new ReportInputException("year", "reporting.error.halfYear.yearRange",
					"year must be between 1990 and " + (today.getYear() + 1) + ", not " + y, String.valueOf(y),
					String.valueOf(today.getYear() + 1));
		}
		int h;
		String text = noHalf ? "1" : half.strip().toUpperCase(Locale.ROOT);
		switch (text) {
		case "1", "H1", "上半年", "上" -> h = 1;
		case "2", "H2", "下半年", "下" -> h = 2;
		default -> throw new ReportInputException("half", "reporting.error.halfYear.half",
				"half must be 1 (January–June) or 2 (July–December), not '" + half + "'", half);
		}
		HalfYear result = new HalfYear(y, h);
		if (result.from().isAfter(today)) {
			throw new ReportInputException(noHalf ? "year" : "half", "reporting.error.halfYear.notBegun",
					result.key() + " has not begun: it starts on " + result.from(), result.key(), result.from());
		}
		return result;
	}
}
