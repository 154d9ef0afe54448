package io.watchkeeper.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest: for every user with unread notifications, one digest row per day (in {@code watchkeeper.zone})
 * with the count by kind, and one webhook event for it when the webhook is configured. There is no mail server
 * here; the webhook's receiver (a chat bot or mail gateway) can forward it. Idempotent per user and day by the
 * unique key {@code notification_digest_once_per_day}.
 */
@Service
public class NotificationDigest {

	private final NamedParameterJdbcTemplate jdbc;

	private final NotificationProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	NotificationDigest(NamedParameterJdbcTemplate jdbc, NotificationProperties properties, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Writes today's digest for each user with unread notifications who has none for today yet.
	 *
	 * @return the number of digests written
	 */
	@Transactional
	public int writeDailyDigests() {
		Instant now = clock.instant();
		LocalDate day = LocalDate.ofInstant(now, zone);
		Integer written = jdbc.queryForObject("""
				WITH per_kind AS (
				    SELECT user_id, kind, count(*) AS unread, min(created_at) AS oldest
				      FROM notification WHERE read_at IS NULL AND created_at <= :now
				     GROUP BY user_id, kind),
				digest AS (
				    INSERT INTO notification_digest (user_id, digest_day, unread_count, by_kind, oldest_at, created_at)
				    SELECT user_id, :day, sum(unread), jsonb_object_agg(kind, unread), min(oldest), :now
				      FROM per_kind GROUP BY user_id
				    ON CONFLICT ON CONSTRAINT notification_digest_once_per_day DO NOTHING
				    RETURNING user_id, unread_count, by_kind, oldest_at),
				queued AS (
				    INSERT INTO webhook_outbox (event_type, dedup_key, payload, created_at, next_attempt_at)
				    SELECT 'notification.digest', 'digest:' || d.user_id || ':' || CAST(:day AS date),
				           jsonb_build_object('event', 'notification.digest', 'username', u.username,
				                              'day', CAST(CAST(:day AS date) AS text), 'unread', d.unread_count,
				                              'byKind', d.by_kind, 'oldestAt', d.oldest_at),
				           :now, :now
				      FROM digest d JOIN app_user u ON u.id = d.user_id
				     WHERE CAST(:webhook AS boolean)
				    ON CONFLICT (dedup_key) DO NOTHING)
				SELECT count(*) FROM digest""",
				new MapSqlParameterSource().addValue("now", Timestamp.from(now))
					.addValue("day", day)
					.addValue("webhook", properties.webhook().enabled()),
				Integer.class);
		return written == null ? 0 : written;
	}
}
