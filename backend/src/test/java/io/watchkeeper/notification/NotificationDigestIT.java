package io.watchkeeper.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.watchkeeper.maintenance.JobFixtures;
import io.watchkeeper.support.TestUsers;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "watchkeeper.notification.webhook.url=http://127.0.0.1:9/itj-unused")
class NotificationDigestIT {

	static final LocalDate DAY = LocalDate.of(2024, 6, 3);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	NotificationProperties properties;

	NotificationDigest at(LocalDate day, int hour) {
		return new NotificationDigest(named, properties,
				Clock.fixed(JobFixtures.noonTaipei(day).plusSeconds((hour - 12) * 3600L), JobFixtures.TAIPEI),
				JobFixtures.TAIPEI);
	}

	long user(String role) {
		String name = JobFixtures.code("dig").toLowerCase();
		TestUsers.ensure(jdbc, name, "secret password 1", role);
		return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, name);
	}

	void notification(long userId, String kind, boolean read) {
		jdbc.update("""
				INSERT INTO notification (user_id, recipient_role, kind, args, dedup_key, created_at, read_at)
				VALUES (?, 'DISPATCHER', ?, '[]', ?, TIMESTAMPTZ '2024-06-01 00:00:00+00', CASE WHEN ? THEN now() END)""",
				userId, kind, JobFixtures.code("n"), read);
	}

	@Test
	void oneDigestPerUserAndDayOfTheirUnreadNotifications() {
		long busy = user("DISPATCHER");
		long caughtUp = user("DISPATCHER");
		notification(busy, "SLA_RESPONSE_OVERDUE", false);
		notification(busy, "SLA_RESPONSE_OVERDUE", false);
		notification(busy, "SLA_RESTORE_OVERDUE", false);
		notification(busy, "SLA_RESTORE_OVERDUE", true);
		notification(caughtUp, "SLA_RESTORE_OVERDUE", true);

		at(DAY, 7).writeDailyDigests();

		assertThat(jdbc.queryForMap("""
				SELECT digest_day, unread_count, (by_kind->>'SLA_RESPONSE_OVERDUE')::int AS response,
				       (by_kind->>'SLA_RESTORE_OVERDUE')::int AS restore FROM notification_digest WHERE user_id = ?""", busy))
			.containsEntry("digest_day", java.sql.Date.valueOf(DAY))
			.containsEntry("unread_count", 3)
			.containsEntry("response", 2)
			.containsEntry("restore", 1);
		assertThat(digests(caughtUp)).isZero();
		assertThat(jdbc.queryForObject("SELECT (payload->>'unread')::int FROM webhook_outbox WHERE dedup_key = ?",
				Integer.class, "digest:" + busy + ":" + DAY)).isEqualTo(3);

		// later the same day (in Taipei): nothing new
		notification(busy, "SLA_RESPONSE_OVERDUE", false);
		at(DAY, 23).writeDailyDigests();
		assertThat(digests(busy)).isEqualTo(1);

		// the next day: a new digest with what is unread then
		at(DAY.plusDays(1), 7).writeDailyDigests();
		assertThat(digests(busy)).isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT unread_count FROM notification_digest WHERE user_id = ? AND digest_day = ?",
				Integer.class, busy, DAY.plusDays(1))).isEqualTo(4);
	}

	int digests(long userId) {
		return jdbc.queryForObject("SELECT count(*) FROM notification_digest WHERE user_id = ?", Integer.class, userId);
	}
}
