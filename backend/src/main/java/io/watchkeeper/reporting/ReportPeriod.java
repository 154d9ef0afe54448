package io.watchkeeper.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;


/**
 * A reporting period: whole days from {@code from} to {@code to}, both included, in the city's time zone. Presets
 * name calendar spans: a year ({@code Y}), a half year ({@code H1} 上半年, {@code H2} 下半年), a quarter
 * ({@code Q1}..{@code Q4}) or a month ({@code M01}..{@code M12}).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

	/** The longest period one request may ask for: five years. */
	public static final int MAX_DAYS = 5 * 366;

	private static final Pattern SPAN = Pattern.compile("Y|H[12]|Q[1-4]|M(0[1-9]|1[0-2])");

	public ReportPeriod {
		if (from == null || to == null) {
			throw new IllegalArgumentException("from and to are required");
		}
	}

	/** The preset {@code span} of {@code year}, e.g. (2023, "H1") = 2023-01-01 .. 2023-06-30. */
	public static ReportPeriod preset(int year, String span) {
		if (year < 1990 || year > 2100) {
			throw new ReportInputException("year", "reporting.error.year", "year must be between 1990 and 2100, not " + year, year);
		}
		if (span == null || !SPAN.matcher(span).matches()) {
			throw new ReportInputException("span", "reporting.error.span", "span must be Y, H1, H2, Q1..Q4 or M01..M12, not '" + span + "'", span);
		}
		LocalDate start = LocalDate.of(year, 1, 1);
		return switch (span.charAt(0)) {
		case 'Y' -> new ReportPeriod(start, start.plusYears(1).minusDays(1));
		case 'H' -> of(start.plusMonths(6L * (span.charAt(1) - '1')), 6);
		case 'Q' -> of(start.plusMonths(3L * (span.charAt(1) - '1')), 3);
		default -> of(start.plusMonths(Integer.parseInt(span.substring(1)) - 1L), 1);
		};
	}

	private static ReportPeriod of(LocalDate first, int months) {
		return new ReportPeriod(first, first.plusMonths(months).minusDays(1));
	}

	/**
	 * Reads and checks {@code from} and {@code to} (ISO dates) as a request gives them: both or neither (then
	 * {@code fallback}); from not after to; not longer than {@link #MAX_DAYS}; not starting after today.
	 */
	public static ReportPeriod parse(String from, String to, ReportPeriod fallback, Clock clock, ZoneId zone) {
		boolean noFrom = from == null || from.isBlank();
		boolean noTo = to == null || to.isBlank();
		if (noFrom && noTo) {
			return fallback;
		}
		if (noFrom) {
			throw new ReportInputException("from", "reporting.error.required", "from is required with to (a date such as 2023-01-01)");
		}
		if (noTo) {
			throw new ReportInputException("to", "reporting.error.required", "to is required with from (a date such as 2023-06-30)");
		}
		LocalDate start = date("from", from);
		LocalDate end = date("to", to);
		if (end.isBefore(start)) {
			throw new ReportInputException("to", "reporting.error.toBeforeFrom", "to (" + end + ") must not be before from (" + start + ")",
					end, start);
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			throw new ReportInputException("to", "reporting.error.tooLong", "the period from " + start + " to " + end
					+ " is longer than " + MAX_DAYS + " days, the longest one report covers", MAX_DAYS);
		}
		if (start.isAfter(LocalDate.now(clock.withZone(zone)))) {
			throw new ReportInputException("from", "reporting.error.future", "from (" + start + ") is in the future: the period has not begun",
					start);
		}
		return new ReportPeriod(start, end);
	}

	private static LocalDate date(String field, String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new ReportInputException(field, "reporting.error.date", field + " must be a date such as 2023-01-31, not '" + text + "'",
					text);
		}
	}

	/** The month that holds {@code day}. */
	public static ReportPeriod monthOf(LocalDate day) {
		return of(day.withDayOfMonth(1), 1);
	}

	/** The preset this period is, if it is one: "Y", "H1", "Q3", "M07"; null otherwise. */
	public String span() {
		if (from.getYear() != to.getYear() || from.getDayOfMonth() != 1 || to.plusDays(1).getDayOfMonth() != 1) {
			return null;
		}
		int months = (int) ChronoUnit.MONTHS.between(from, to.plusDays(1));
		int first = from.getMonthValue();
		if (months == 12) {
			return "Y";
		}
		if (months == 6 && (first == 1 || first == 7)) {
			return first == 1 ? "H1" : "H2";
		}
		if (months == 3 && (first - 1) % 3 == 0) {
			return "Q" + ((first - 1) / 3 + 1);
		}
		if (months == 1) {
			return String.format("M%02d", first);
		}
		return null;
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** Minguo (ROC) year: 民國112年 = 2023. */
	public static int rocYear(int year) {
		return year - 1911;
	}
}
