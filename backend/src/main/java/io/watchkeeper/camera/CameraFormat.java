package io.watchkeeper.camera;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting helpers for the camera pages ({@code ${@cameraFormat.date(c.installDate)}}). */
@Component("cameraFormat")
public class CameraFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(CameraRegistry.TAIWAN);

	/** ISO date, with the ROC (Minguo) year beside it for Chinese readers: 2015-03-30（民國104年）. */
	public String date(LocalDate date) {
		if (date == null) {
			return "—";
		}
		Locale locale = LocaleContextHolder.getLocale();
		if ("zh".equals(locale.getLanguage()) && date.getYear() > 1911) {
			return date + "（民國" + (date.getYear() - 1911) + "年）";
		}
		return date.toString();
	}

	/** A moment in Taiwan time, e.g. for the audit trail. */
	public String dateTime(Instant instant) {
		return instant == null ? "—" : DATE_TIME.format(instant);
	}

	public String name(Reference reference) {
		return reference == null ? "—" : reference.name(LocaleContextHolder.getLocale());
	}

	/** An audited value: {@code [old, new]} for a change, or the value itself. */
	public boolean isChange(Object value) {
		return value instanceof List<?> list && list.size() == 2;
	}

	public String value(Object value) {
		return value == null ? "—" : value.toString();
	}
}
