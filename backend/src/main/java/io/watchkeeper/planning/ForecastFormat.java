package io.watchkeeper.planning;

import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting for the forecast and price pages ({@code ${@forecastFormat.year(2027)}}): ROC years, NT$ amounts. */
@Component("forecastFormat")
class ForecastFormat {

	private final MessageSource messages;

	ForecastFormat(MessageSource messages) {
		this.messages = messages;
	}

	/** 2027（民國116年） / 2027 (ROC 116). */
	public String year(int year) {
		return messages.getMessage("planning.forecast.yearLabel",
				new Object[] { String.valueOf(year), String.valueOf(year - Forecast.ROC_EPOCH) }, LocaleContextHolder.getLocale());
	}

	/** The chart's short label: 2027 (116). */
	static String shortYear(int year) {
		return year + " (" + (year - Forecast.ROC_EPOCH) + ")";
	}

	/** NT$1,234,567. */
	public String money(long ntd) {
		return "NT$" + count(ntd);
	}

	public String count(long n) {
		return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
	}
}
