package io.watchkeeper.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the half-year report's page, print page and exports show figures, the way the text does ({@link CouncilStyle}):
 * in zh-TW amounts as 3,995萬5,000元, counts in 支, 件, 家 and 案, dates as 112年3月30日; in English NT$39,955,000,
 * "120 cameras", ISO dates. Changes carry their sign (+12, −3, 0). The page calls it as {@code ${@halfYearFormat.value(figure)}} in its locale;
 * the exports pass the locale they write in.
 */
@Component("halfYearFormat")
class HalfYearFormat {

	private final MessageSource messages;

	HalfYearFormat(MessageSource messages) {
		this.messages = messages;
	}

	static boolean zh(Locale locale) {
		return "zh".equals(locale.getLanguage());
	}

	// --- the page's calls, in the request's locale

	public String value(HalfYearReport.Figure f) {
		return figure(f.unit(), f.value(), current());
	}

	public String previous(HalfYearReport.Figure f) {
		return figure(f.unit(), f.previousValue(), current());
	}

	public String change(HalfYearReport.Figure f) {
		return change(f.unit(), f.change(), current());
	}

	public String label(HalfYearReport.Figure f) {
		return zh(current()) ? f.labelZh() : f.labelEn();
	}

	public String amount(long ntd) {
		return amount(ntd, current());
	}

	public String count(long value) {
		return integer(value);
	}

	public String date(LocalDate day) {
		return date(day, current());
	}

	public String month(YearMonth month) {
		return month(month, current());
	}

	public String period(HalfYear period) {
		return zh(current()) ? period.year() + "年（民國" + period.rocYear() + "年）" + (period.half() == 1 ? "上半年" : "下半年")
				: period.labelEn() + " (ROC " + period.rocYear() + ")";
	}

	public String name(HalfYearReport.Project p) {
		return zh(current()) || p.nameEn() == null ? p.nameZh() : p.nameEn();
	}

	public String funding(HalfYearReport.Project p) {
		return funding(p, current());
	}

	private static Locale current() {
		return LocaleContextHolder.getLocale();
	}

	// --- the exports' calls

	/** A figure's value with its unit, as the text writes it ({@link CouncilStyle}); a dash for none. */
	static String figure(HalfYearReport.Unit unit, BigDecimal value, Locale locale) {
		if (value == null) {
			return "—";
		}
		return zh(locale) ? CouncilStyle.valueZh(value, unit) : CouncilStyle.valueEn(value, unit);
	}

	/** The change with its sign: +12支, −3支, 0支; −1,000萬元; +0.8% (percentage points). A dash when there is none. */
	static String change(HalfYearReport.Unit unit, BigDecimal change, Locale locale) {
		if (change == null) {
			return "—";
		}
		return zh(locale) ? CouncilStyle.changeZh(change, unit) : CouncilStyle.changeEn(change, unit);
	}

	static String count(HalfYearReport.Unit unit, long value, Locale locale) {
		return figure(unit, BigDecimal.valueOf(value), locale);
	}

	/** 3,995萬5,000元, 1,000萬元, 9,800元 / NT$39,955,000. */
	static String amount(long ntd, Locale locale) {
		return zh(locale) ? CouncilStyle.amountZh(ntd) : CouncilStyle.amountEn(ntd);
	}

	/** 112年3月30日 / 2023-03-30; a dash for none. */
	static String date(LocalDate day, Locale locale) {
		if (day == null) {
			return "—";
		}
		return zh(locale) ? CouncilStyle.rocDate(day) : day.toString();
	}

	/** 112年3月 / 2023-03. */
	static String month(YearMonth month, Locale locale) {
		return zh(locale) ? CouncilStyle.rocMonth(month) : month.toString();
	}

	static String label(HalfYearReport.Figure f, Locale locale) {
		return zh(locale) ? f.labelZh() : f.labelEn();
	}

	static String period(HalfYear period, Locale locale) {
		return zh(locale) ? period.labelZh() : period.labelEn();
	}

	/** 市款 3,995萬5,000元、中央補助 1,000萬元 / City budget NT$39,955,000; ... */
	static String funding(HalfYearReport.Project p, Locale locale) {
		StringBuilder text = new StringBuilder();
		for (HalfYearReport.Funding f : p.funding()) {
			if (!text.isEmpty()) {
				text.append(zh(locale) ? "、" : "; ");
			}
			String name = zh(locale) || f.nameEn() == null ? f.nameZh() : f.nameEn();
			text.append(name).append(' ').append(amount(f.amountNtd(), locale));
		}
		return text.toString();
	}

	public String milestones(HalfYearReport.Project p) {
		return milestones(p, current());
	}

	/** The milestones reached, in order: 決標 112年3月30日、開工 112年4月21日、預計完工 112年12月31日. */
	String milestones(HalfYearReport.Project p, Locale locale) {
		StringBuilder text = new StringBuilder();
		milestone(text, p.budgetedOn(), "budgeted", locale);
		milestone(text, p.tenderingOn(), "tendering", locale);
		milestone(text, p.awardedOn(), "awarded", locale);
		milestone(text, p.startedOn(), "started", locale);
		if (p.completedOn() == null) {
			milestone(text, p.completionDueOn(), "due", locale);
		}
		milestone(text, p.completedOn(), "completed", locale);
		milestone(text, p.acceptedOn(), "accepted", locale);
		return text.isEmpty() ? "—" : text.toString();
	}

	private void milestone(StringBuilder text, LocalDate day, String key, Locale locale) {
		if (day == null) {
			return;
		}
		if (!text.isEmpty()) {
			text.append(zh(locale) ? "、" : "; ");
		}
		text.append(message("reporting.halfYear.milestone." + key, locale)).append(' ').append(date(day, locale));
	}

	String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	static String integer(long value) {
		return CouncilStyle.number(value);
	}
}
