package io.watchkeeper.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Audit details as lines a person reads: {@code status: ACTIVE → FAULTY} for a change, {@code rows: 120} otherwise. */
final class AuditDetails {

	record Line(String name, String text) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String NOTHING = "—";

	private AuditDetails() {
	}

	static List<Line> lines(Map<String, Object> details) {
		List<Line> lines = new ArrayList<>(details.size());
		details.forEach((name, value) -> lines.add(new Line(name, text(value))));
		return lines;
	}

	private static String text(Object value) {
		if (value instanceof List<?> change && change.size() == 2 && change.stream().noneMatch(AuditDetails::nested)) {
			return plain(change.get(0)) + " → " + plain(change.get(1));
		}
		return nested(value) ? JSON.writeValueAsString(value) : plain(value);
	}

	private static boolean nested(Object value) {
		return value instanceof Map<?, ?> || value instanceof Collection<?>;
	}

	private static String plain(Object value) {
		return value == null || "".equals(value) ? NOTHING : String.valueOf(value);
	}
}
