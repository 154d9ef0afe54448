package io.watchkeeper.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** Reads the audit log, newest first, a page at a time. */
@Service
class AuditSearch {

	static final int MAX_PAGE_SIZE = 200;

	record Page(List<AuditEvent> events, int page, int size, boolean hasNext) {
	}

	private final JdbcTemplate jdbc;
	private final ZoneId zone;
	private final JsonMapper json = JsonMapper.builder().build();

	AuditSearch(JdbcTemplate jdbc, SecuritySettings settings) {
		this.jdbc = jdbc;
		this.zone = settings.zone();
	}

	/**
	 * Without a total count: counting a large audit log for every page costs more than it is worth; the page
	 * knows whether there is a next one by asking for one row more.
	 */
	@Transactional(readOnly = true)
	Page find(AuditFilter filter, int page, int size) {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more, got " + page);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
		}
		StringBuilder sql = new StringBuilder("""
				SELECT id, occurred_at, actor, action, object_type, object_id, details::text AS details, remote_addr
				FROM audit_event WHERE true""");
		List<Object> args = new ArrayList<>();
		if (filter.actor() != null) {
			sql.append(" AND actor = ?");
			args.add(filter.actor());
		}
		if (filter.action() != null) {
			if (filter.action().endsWith("*")) {
				sql.append(" AND action LIKE ? ESCAPE '\\'");
				args.add(likeEscape(filter.action().substring(0, filter.action().length() - 1)) + "%");
			}
			else {
				sql.append(" AND action = ?");
				args.add(filter.action());
			}
		}
		if (filter.objectType() != null) {
			sql.append(" AND object_type = ?");
			args.add(filter.objectType());
		}
		if (filter.objectId() != null) {
			sql.append(" AND object_id = ?");
			args.add(filter.objectId());
		}
		if (filter.from() != null) {
			sql.append(" AND occurred_at >= ?");
			args.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
		}
		if (filter.to() != null) {
			sql.append(" AND occurred_at < ?");
			args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?");
		args.add(size + 1);
		args.add((long) page * size);
		List<AuditEvent> events = jdbc.query(sql.toString(), this::event, args.toArray());
		boolean hasNext = events.size() > size;
		return new Page(hasNext ? events.subList(0, size) : events, page, size, hasNext);
	}

	/** The newest events about one object, for that object's own page. */
	@Transactional(readOnly = true)
	List<AuditEvent> trail(String objectType, String objectId, int limit) {
		return jdbc.query("""
				SELECT id, occurred_at, actor, action, object_type, object_id, details::text AS details, remote_addr
				FROM audit_event WHERE object_type = ? AND object_id = ?
				ORDER BY occurred_at DESC, id DESC LIMIT ?""", this::event, objectType, objectId, limit);
	}

	private AuditEvent event(ResultSet rs, int n) throws SQLException {
		String details = rs.getString("details");
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
				details(details), rs.getString("remote_addr"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> details(String text) {
		if (text == null) {
			return Map.of();
		}
		Object parsed = json.readValue(text, Object.class);
		return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", parsed);
	}

	private static String likeEscape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
