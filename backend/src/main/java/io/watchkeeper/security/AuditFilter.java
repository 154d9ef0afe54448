package io.watchkeeper.security;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.watchkeeper.security.InvalidRequest.Violation;

/**
 * What the audit log is searched for. Blank means any. {@code action} matches exactly, or as a prefix when it
 * ends with {@code *} ({@code auth.*}); dates are whole days, both ends included, in the configured zone.
 */
record AuditFilter(String actor, String action, String objectType, String objectId, LocalDate from, LocalDate to) {

	static final int MAX_TEXT = 100;

	static AuditFilter parse(String actor, String action, String objectType, String objectId, String from, String to) {
		List<Violation> errors = new ArrayList<>();
		AuditFilter filter = new AuditFilter(text("actor", actor, errors), text("action", action, errors),
				text("objectType", objectType, errors), text("objectId", objectId, errors), date("from", from, errors),
				date("to", to, errors));
		if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
			errors.add(new Violation("to", "audit.error.range", new Object[0],
					"'to' (" + filter.to() + ") is before 'from' (" + filter.from() + ")"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequest("The audit filter is not valid", errors);
		}
		return filter;
	}

	static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null);
	}

	/** The filters in use, for the {@code audit.viewed} event and for links to other pages of the result. */
	Map<String, String> asParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "actor", actor);
		put(parameters, "action", action);
		put(parameters, "objectType", objectType);
		put(parameters, "objectId", objectId);
		put(parameters, "from", from == null ? null : from.toString());
		put(parameters, "to", to == null ? null : to.toString());
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, String value) {
		if (value != null) {
			parameters.put(name, value);
		}
	}

	private static String text(String field, String value, List<Violation> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > MAX_TEXT) {
			errors.add(new Violation(field, "audit.error.long", new Object[] { MAX_TEXT },
					"'" + field + "' is longer than " + MAX_TEXT + " characters"));
			return null;
		}
		return trimmed;
	}

	private static LocalDate date(String field, String value, List<Violation> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(new Violation(field, "audit.error.date", new Object[] { value },
					"'" + field + "' must be a date like 2023-06-30, got '" + value + "'"));
			return null;
		}
	}
}
