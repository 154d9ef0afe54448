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

	private final org.springframework.context.MessageSource messages;

	CameraFormat(org.springframework.context.MessageSource messages) {
		this.messages = messages;
	}

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

	/**
	 * An audited value as a person reads it: the name of the precinct, district, funding source, project,
	 * contract or supplier instead of its id, the label of a status or LPR capability, yes/no for flags.
	 *
	 * @param names the reference lists by field ({@code precinctId} to precincts by id), see {@link #auditNames}
	 */
	public String auditValue(String field, Object value, java.util.Map<String, java.util.Map<Long, Reference>> names) {
		if (value == null) {
			return "—";
		}
		Locale locale = LocaleContextHolder.getLocale();
		java.util.Map<Long, Reference> refs = names == null ? null : names.get(field);
		if (refs != null && value instanceof Number id) {
			Reference r = refs.get(id.longValue());
			return r == null ? "#" + id : r.code() + " " + r.name(locale);
		}
		if (value instanceof Boolean b) {
			return messages.getMessage(b ? "camera.yes" : "camera.no", null, b ? "yes" : "no", locale);
		}
		if ("status".equals(field) || "lpr".equals(field)) {
			return messages.getMessage("camera." + field + "." + value, null, value.toString(), locale);
		}
		return value.toString();
	}

	/**
	 * Precincts or districts in the reader's order: by Chinese name in the Traditional Chinese collation
	 * (stroke order, as printed lists in Taiwan do) for Chinese readers, by English name for English readers.
	 * Their codes are romanised names, whose alphabetical order looks random in Chinese.
	 */
	public List<Reference> byName(List<Reference> references) {
		Locale locale = LocaleContextHolder.getLocale();
		boolean english = "en".equals(locale.getLanguage());
		java.text.Collator collator = java.text.Collator.getInstance(english ? Locale.ENGLISH : Locale.TRADITIONAL_CHINESE);
		return references.stream()
			.sorted(java.util.Comparator.comparing((Reference r) -> r.name(locale), collator).thenComparing(Reference::code))
			.toList();
	}

	/** The reference lists an audit trail may name, keyed by the audited field. */
	public java.util.Map<String, java.util.Map<Long, Reference>> auditNames(CameraCatalog catalog) {
		java.util.Map<String, java.util.Map<Long, Reference>> names = new java.util.HashMap<>();
		names.put("precinctId", byId(catalog.precincts()));
		names.put("districtId", byId(catalog.districts()));
		names.put("stationId", byId(catalog.stations().stream().map(StationChoice::station).toList()));
		names.put("fundingSourceId", byId(catalog.fundingSources()));
		names.put("projectId", byId(catalog.projects()));
		names.put("contractId", byId(catalog.contracts()));
		names.put("supplierVendorId", byId(catalog.vendors()));
		return names;
	}

	private static java.util.Map<Long, Reference> byId(List<Reference> references) {
		java.util.Map<Long, Reference> map = new java.util.HashMap<>();
		references.forEach(r -> map.put(r.id(), r));
		return map;
	}
}
