package io.watchkeeper.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-app notifications: raising them (fanned out to each recipient user in one statement, with one outgoing
 * webhook event per notice queued in the same transaction), and each user's own list, count and "read".
 */
@Service
public class Notifications {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	private final NotificationProperties properties;

	private final MessageSource messages;

	Notifications(NamedParameterJdbcTemplate jdbc, JsonMapper json, NotificationProperties properties,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
		this.messages = messages;
	}

	/**
	 * Notifies the recipients of each notice (see {@link Notice}) and queues a webhook event per notice when the
	 * webhook is configured. Joins the caller's transaction; idempotent by each notice's dedup key.
	 *
	 * @return the number of notification rows created (one per recipient user)
	 */
	@Transactional
	public int notify(List<Notice> notices, Instant now) {
		if (notices.isEmpty()) {
			return 0;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Notice n : notices) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("kind", n.kind());
			row.put("work_order_id", n.workOrderId());
			row.put("precinct_id", n.precinctId());
			row.put("vendor_id", n.vendorId());
			row.put("squad_id", n.squadId());
			row.put("args", n.args());
			row.put("dedup_key", n.dedupKey());
			row.put("data", n.data());
			rows.add(row);
		}
		Integer created = jdbc.queryForObject("""
				WITH n AS (
				    SELECT * FROM jsonb_to_recordset(CAST(:notices AS jsonb))
				        AS x(kind text, work_order_id bigint, precinct_id bigint, vendor_id bigint, squad_id bigint,
				             args jsonb, dedup_key text, data jsonb)),
				recipient AS (
				    SELECT n.*, u.id AS user_id, 'DISPATCHER' AS via
				      FROM n JOIN app_user u ON u.enabled AND (u.precinct_id IS NULL OR u.precinct_id = n.precinct_id)
				      JOIN app_user_role r ON r.user_id = u.id AND r.role = 'DISPATCHER'
				    UNION ALL
				    SELECT n.*, u.id, 'VENDOR_TECHNICIAN'
				      FROM n JOIN app_user u ON u.enabled AND u.vendor_id = n.vendor_id
				      JOIN app_user_role r ON r.user_id = u.id AND r.role = 'VENDOR_TECHNICIAN'
				    UNION ALL
				    SELECT n.*, u.id, 'SQUAD_MEMBER'
				      FROM n JOIN app_user u ON u.enabled AND u.squad_id = n.squad_id
				      JOIN app_user_role r ON r.user_id = u.id AND r.role = 'SQUAD_MEMBER'),
				created AS (
				    INSERT INTO notification (user_id, recipient_role, kind, work_order_id, args, dedup_key, created_at)
				    SELECT DISTINCT ON (user_id, dedup_key) user_id, via, kind, work_order_id, args, dedup_key, :now
				      FROM recipient ORDER BY user_id, dedup_key, via
				    ON CONFLICT ON CONSTRAINT notification_once_per_user DO NOTHING
				    RETURNING id),
				queued AS (
				    INSERT INTO webhook_outbox (event_type, dedup_key, payload, created_at, next_attempt_at)
				    SELECT 'work_order.' || lower(kind), dedup_key,
				           jsonb_build_object('event', 'work_order.' || lower(kind), 'kind', kind, 'workOrderId', work_order_id,
				                              'occurredAt', CAST(:nowText AS text), 'data', data),
				           :now, :now
				      FROM n WHERE CAST(:webhook AS boolean)
				    ON CONFLICT (dedup_key) DO NOTHING)
				SELECT count(*) FROM created""",
				new MapSqlParameterSource().addValue("notices", json.writeValueAsString(rows))
					.addValue("now", Timestamp.from(now))
					.addValue("nowText", now.toString())
					.addValue("webhook", properties.webhook().enabled()),
				Integer.class);
		return created == null ? 0 : created;
	}

	/** The user's notifications, unread first, newest first, with messages in {@code locale}. */
	@Transactional(readOnly = true)
	public List<NotificationView> list(String username, int limit, Locale locale) {
		return jdbc.query("""
				SELECT n.id, n.kind, n.work_order_id, n.args::text AS args, n.created_at, n.read_at
				  FROM notification n JOIN app_user u ON u.id = n.user_id
				 WHERE u.username = :username
				 ORDER BY n.read_at IS NOT NULL, n.created_at DESC, n.id DESC
				 LIMIT :limit""", Map.of("username", username, "limit", limit), (rs, i) -> {
			List<String> args = json.readValue(rs.getString("args"), STRINGS);
			String kind = rs.getString("kind");
			Timestamp read = rs.getTimestamp("read_at");
			return new NotificationView(rs.getLong("id"), kind, (Long) rs.getObject("work_order_id"), args,
					messages.getMessage("notification.kind." + kind, readable(kind, args, locale), kind, locale),
					rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
		});
	}

	/** The message arguments as a person reads them: an escalation's new priority in the reader's language. */
	private Object[] readable(String kind, List<String> args, Locale locale) {
		Object[] readable = args.toArray();
		if (kind.startsWith("SLA_") && readable.length > 2 && readable[2] != null) {
			readable[2] = messages.getMessage("maintenance.priority." + readable[2], null, readable[2].toString(), locale);
		}
		return readable;
	}

	/** How many unread notifications the user has. */
	@Transactional(readOnly = true)
	public int unreadCount(String username) {
		Integer count = jdbc.queryForObject("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				 WHERE u.username = :username AND n.read_at IS NULL""", Map.of("username", username), Integer.class);
		return count == null ? 0 : count;
	}

	/**
	 * Marks one of the user's notifications read (again is harmless). Another user's notification answers as if
	 * it did not exist.
	 */
	@Transactional
	public void markRead(String username, long id, Instant now) {
		int found = jdbc.update("""
				UPDATE notification n SET read_at = coalesce(n.read_at, :now)
				  FROM app_user u
				 WHERE n.id = :id AND u.id = n.user_id AND u.username = :username""",
				Map.of("id", id, "username", username, "now", Timestamp.from(now)));
		if (found == 0) {
			throw new NotFoundException("notification", id);
		}
	}

	/** Marks all of the user's notifications read. */
	@Transactional
	public int markAllRead(String username, Instant now) {
		return jdbc.update("""
				UPDATE notification n SET read_at = :now FROM app_user u
				 WHERE u.id = n.user_id AND u.username = :username AND n.read_at IS NULL""",
				Map.of("username", username, "now", Timestamp.from(now)));
	}

	/** A notification as its recipient sees it. */
	public record NotificationView(long id, String kind, Long workOrderId, List<String> args, String message,
			Instant createdAt, Instant readAt) {

		public boolean read() {
			return readAt != null;
		}
	}
}
