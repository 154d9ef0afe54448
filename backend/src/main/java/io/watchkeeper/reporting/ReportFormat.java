package io.watchkeeper.reporting;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting for the report pages ({@code ${@reportFormat.period(report)}}): ROC years, hours, percentages. */
@Component("reportFormat")
class ReportFormat {

	private final MessageSource messages;

	ReportFormat(MessageSource messages) {
		this.messages = messages;
	}

	/** "2023年（民國112年）上半年" / "2023 first half (ROC 112)", or the dates of a custom period with their ROC years. */
	public String period(MaintenanceReport r) {
		if (r.span() != null) {
			return message("reporting.period.preset", String.valueOf(r.from().getYear()), String.valueOf(r.rocYearFrom()),
					message("reporting.span." + r.span()));
		}
		String years = r.rocYearFrom() == r.rocYearTo() ? String.valueOf(r.rocYearFrom()) : r.rocYearFrom() + "–" + r.rocYearTo();
		return message("reporting.period.custom", r.from().toString(), r.to().toString(), years);
	}

	/** "2023（民國112年）" / "2023 (ROC 112)" for the year picker. */
	public String year(int year) {
		return message("reporting.year", String.valueOf(year), String.valueOf(ReportPeriod.rocYear(year)));
	}

	public String name(MaintenanceReport.Row row) {
		Locale locale = LocaleContextHolder.getLocale();
		return "zh".equals(locale.getLanguage()) ? row.nameZh() : row.nameEn();
	}

	public String count(Long value) {
		return value == null ? "—" : NumberFormat.getIntegerInstance(Locale.US).format(value);
	}

	/** 1,234.5 with grouping, one decimal; a dash for none. */
	public String hours(BigDecimal value) {
		return decimal(value, 1);
	}

	/** 99.85 %: two decimals. */
	public String percent(BigDecimal value) {
		return value == null ? "—" : decimal(value, 2) + " %";
	}

	static String decimal(BigDecimal value, int decimals) {
		if (value == null) {
			return "—";
		}
		NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	private String message(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}
}
