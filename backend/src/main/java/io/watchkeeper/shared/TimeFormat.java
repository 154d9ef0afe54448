package io.watchkeeper.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times on every page, in one zone ({@code watchkeeper.zone}, Asia/Taipei) and labelled with its offset, so that
 * a page never shows UTC next to another page's local time. In templates: {@code ${@timeFormat.dateTime(t)}}
 * gives {@code 2026-11-28 16:26 (+08:00)}.
 */
@Component("timeFormat")
public class TimeFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ZoneId zone;

	public TimeFormat(@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.zone = zone;
	}

	public ZoneId zone() {
		return zone;
	}

	/** Today in the city's zone (not the server's), e.g. the latest date a form may take. */
	public java.time.LocalDate today() {
		return java.time.LocalDate.now(zone);
	}

	/** {@code 2026-11-28 16:26 (+08:00)}; empty for null. Takes Instant, OffsetDateTime, ZonedDateTime or Date. */
	public String dateTime(Object time) {
		return format(time, DATE_TIME);
	}

	/** Like {@link #dateTime} with seconds. */
	public String dateTimeSeconds(Object time) {
		return format(time, DATE_TIME_SECONDS);
	}

	/** The zone's label, e.g. {@code +08:00}. */
	public String offset() {
		return offsetAt(Instant.now());
	}

	private String offsetAt(Instant instant) {
		String id = zone.getRules().getOffset(instant).getId();
		return "Z".equals(id) ? "+00:00" : id;
	}

	private String format(Object time, DateTimeFormatter pattern) {
		Instant instant = toInstant(time);
		if (instant == null) {
			return "";
		}
		return pattern.format(instant.atZone(zone)) + " (" + offsetAt(instant) + ")";
	}

	private static Instant toInstant(Object time) {
		if (time == null) {
			return null;
		}
		if (time instanceof Instant i) {
			return i;
		}
		if (time instanceof OffsetDateTime o) {
			return o.toInstant();
		}
		if (time instanceof ZonedDateTime z) {
			return z.toInstant();
		}
		if (time instanceof Date d) {
			return d.toInstant();
		}
		if (time instanceof TemporalAccessor t) {
			return Instant.from(t);
		}
		throw new IllegalArgumentException("Not a point in time: " + time.getClass().getName());
	}
}
