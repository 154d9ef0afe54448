package io.watchkeeper.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * Numbers and dates as the council report writes them (zh-TW), and their plain English counterparts:
 * <ul>
 * <li>amounts in 億, 萬 and the rest, each group with thousands separators and zero groups left out:
 * 3,995萬5,000元, 350萬元, 1億2,345萬元, 5,000元, 0元;</li>
 * <li>dates with the ROC year: 112年3月30日; a following date of the same year without it: 4月21日; a month with its
 * year: 112年12月;</li>
 * <li>counts with thousands separators and their unit: 120支, 1,414件, 7家; a percentage with one decimal: 15.0%;</li>
 * <li>a change signed, with a true minus sign: +12支, −12支, 0支, −350萬元.</li>
 * </ul>
 * English: NT$39,955,000, ISO dates (2023-03-30), 120 cameras, 1,414 cases, 15.0 %.
 */
public final class CouncilStyle {

	/** U+2212, the minus sign the report's tables print (a hyphen reads as a dash). */
	public static final String MINUS = "\u2212";

	private static final long WAN = 10_000L;
	private static final long YI = 100_000_000L;

	private CouncilStyle() {
	}

	/** 39,955,000 → 3,995萬5,000元; 10,000,000 → 1,000萬元; 123,450,000 → 1億2,345萬元; 0 → 0元; −3,500,000 → −350萬元. */
	public static String amountZh(long ntd) {
		if (ntd == 0) {
			return "0元";
		}
		if (ntd < 0) {
			return MINUS + amountZh(-ntd);
		}
		StringBuilder text = new StringBuilder();
		long yi = ntd / YI;
		long wan = ntd % YI / WAN;
		long rest = ntd % WAN;
		if (yi > 0) {
			text.append(number(yi)).append('億');
		}
		if (wan > 0) {
			text.append(number(wan)).append('萬');
		}
		if (rest > 0) {
			text.append(number(rest));
		}
		return text.append('元').toString();
	}

	/** NT$39,955,000; negative: −NT$3,500,000. */
	public static String amountEn(long ntd) {
		return ntd < 0 ? MINUS + "NT$" + number(-ntd) : "NT$" + number(ntd);
	}

	/** 1,414 (no unit); negative with the minus sign. */
	public static String number(long n) {
		return n < 0 ? MINUS + grouped(-n) : grouped(n);
	}

	/** 2023 → 112 (民國). */
	public static int rocYear(int year) {
		return year - 1911;
	}

	/** 112年3月30日. */
	public static String rocDate(LocalDate day) {
		return rocYear(day.getYear()) + "年" + monthDay(day);
	}

	/** 4月21日 when {@code day} is in the same year as {@code before} (a date earlier in the sentence), else with its year. */
	public static String rocDate(LocalDate day, LocalDate before) {
		return before != null && before.getYear() == day.getYear() ? monthDay(day) : rocDate(day);
	}

	/** 3月30日. */
	public static String monthDay(LocalDate day) {
		return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	/** 112年12月. */
	public static String rocMonth(YearMonth month) {
		return rocYear(month.getYear()) + "年" + month.getMonthValue() + "月";
	}

	/** 112年6月底 (the end of a month, as 截至112年6月底止 says). */
	public static String rocMonthEnd(YearMonth month) {
		return rocMonth(month) + "底";
	}

	/** 120支. */
	public static String cameras(long n) {
		return number(n) + "支";
	}

	/** 1,414件. */
	public static String cases(long n) {
		return number(n) + "件";
	}

	/** 7家. */
	public static String companies(long n) {
		return number(n) + "家";
	}

	/** 15.0% (one decimal, half up). */
	public static String percentZh(BigDecimal percent) {
		return oneDecimal(percent) + "%";
	}

	/** 15.0 %. */
	public static String percentEn(BigDecimal percent) {
		return oneDecimal(percent) + " %";
	}

	/** A count in English with its noun: 1 camera, 120 cameras. */
	public static String countEn(long n, String singular, String plural) {
		return number(n) + " " + (n == 1 ? singular : plural);
	}

	/** A value of {@code unit} in the report's zh-TW form: 120支, 1,414件, 3,995萬5,000元, 15.0%, 7家, 2案. */
	public static String valueZh(BigDecimal value, HalfYearReport.Unit unit) {
		return switch (unit) {
		case CAMERAS -> cameras(value.longValue());
		case CASES -> cases(value.longValue());
		case NTD -> amountZh(value.longValue());
		case PERCENT -> percentZh(value);
		case COMPANIES -> companies(value.longValue());
		case PROJECTS -> number(value.longValue()) + "案";
		};
	}

	/** The same in English: 120 cameras, 1,414 cases, NT$39,955,000, 15.0 %, 7 companies, 2 projects. */
	public static String valueEn(BigDecimal value, HalfYearReport.Unit unit) {
		return switch (unit) {
		case CAMERAS -> countEn(value.longValue(), "camera", "cameras");
		case CASES -> countEn(value.longValue(), "case", "cases");
		case NTD -> amountEn(value.longValue());
		case PERCENT -> percentEn(value);
		case COMPANIES -> countEn(value.longValue(), "company", "companies");
		case PROJECTS -> countEn(value.longValue(), "project", "projects");
		};
	}

	/**
	 * A change as the comparison table shows it: signed, 0 unsigned: +12支, −12支, 0支, −350萬元, +1.5%. A percentage's
	 * change is in percentage points (shown with %, as the report's tables do).
	 */
	public static String changeZh(BigDecimal change, HalfYearReport.Unit unit) {
		return sign(change) + valueZh(change.abs(), unit);
	}

	/** The same in English: +12 cameras, −12 cameras, −NT$3,500,000, +1.5 %. */
	public static String changeEn(BigDecimal change, HalfYearReport.Unit unit) {
		return sign(change) + valueEn(change.abs(), unit);
	}

	private static String sign(BigDecimal change) {
		return switch (change.signum()) {
		case 1 -> "+";
		case -1 -> MINUS;
		default -> "";
		};
	}

	private static String oneDecimal(BigDecimal percent) {
		BigDecimal rounded = percent.setScale(1, RoundingMode.HALF_UP);
		return rounded.signum() < 0 ? MINUS + rounded.negate().toPlainString() : rounded.toPlainString();
	}

	private static String grouped(long n) {
		// DecimalFormat is not thread-safe: one per call (cheap next to the report's queries)
		return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
	}
}
