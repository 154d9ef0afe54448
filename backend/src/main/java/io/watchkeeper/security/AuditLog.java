package io.watchkeeper.security;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit events. The table refuses updates and deletes, so what is written here stays.
 * Joins the caller's transaction: an audit event is kept exactly when the change it describes is.
 */
@Service
public class AuditLog {

	private final JdbcTemplate jdbc;
	private final AuditSearch search;
	private final JsonMapper json = JsonMapper.builder().build();

	AuditLog(JdbcTemplate jdbc, AuditSearch search) {
		this.jdbc = jdbc;
		this.search = search;
	}

	/** The newest {@code limit} events about one object, newest first (e.g. a camera page's audit trail). */
	public List<AuditEvent> trail(String objectType, Object objectId, int limit) {
		return search.trail(objectType, String.valueOf(objectId), limit);
	}

	/** Records an action by the current user, from the current request's address. */
	public void record(String action, String objectType, Object objectId, Map<String, ?> details) {
		record(currentActor(), action, objectType, objectId, details, currentRemoteAddress());
	}

	/** Records one of the known actions by the current user, from the current request's address. */
	public void record(AuditAction action, String objectType, Object objectId, Map<String, ?> details) {
		record(action.code(), objectType, objectId, details);
	}

	public void record(String actor, String action, String objectType, Object objectId, Map<String, ?> details,
			String remoteAddress) {
		jdbc.update("""
				INSERT INTO audit_event (actor, action, object_type, object_id, details, remote_addr)
				VALUES (?, ?, ?, ?, ?::jsonb, ?)""",
				actor, action, objectType, objectId == null ? null : String.valueOf(objectId),
				details == null ? null : json.writeValueAsString(details), remoteAddress);
	}

	public static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	public static String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}
}
