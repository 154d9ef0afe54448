package io.watchkeeper.procurement;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for the procurement pages ({@code ${@procurementFormat.year(p.fiscalYear)}}). Years and dates carry
 * the ROC (Minguo) year, because the city's budget papers count fiscal years that way (112年度 = 2023).
 */
@Component("procurementFormat")
class ProcurementFormat {

	private static final int ROC_EPOCH = 1911;

	private final MessageSource messages;

	ProcurementFormat(MessageSource messages) {
		this.messages = messages;
	}

	/** 2023（民國112年） in Chinese, 2023 (ROC 112) in English. */
	public String year(int year) {
		return year > ROC_EPOCH ? message("procurement.format.year", String.valueOf(year), rocYear(year))
				: String.valueOf(year);
	}

	/** A year that arrives as text (a key of the totals). */
	public String year(String year) {
		return year(Integer.parseInt(year));
	}

	/** 2023-03-30（民國112年）; a dash when there is no date. */
	public String date(LocalDate date) {
		if (date == null) {
			return "—";
		}
		return date.getYear() > ROC_EPOCH ? message("procurement.format.date", date.toString(), rocYear(date.getYear()))
				: date.toString();
	}

	public String name(Bilingual name) {
		return name == null ? "—" : name.in(LocaleContextHolder.getLocale());
	}

	public String money(NtDollars amount) {
		return amount == null ? "—" : amount.toString();
	}

	private static String rocYear(int year) {
		return String.valueOf(year - ROC_EPOCH);
	}

	private String message(String code, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(code, args, locale);
	}
}
