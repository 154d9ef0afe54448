package io.watchkeeper.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per user name and per remote address in the database, so that every application node
 * sees the same counters and a lockout holds whichever node the next attempt reaches. Times come from the
 * database clock for the same reason.
 */
@Service
class LoginThrottle {

	enum Scope {
		USER, ADDRESS
	}

	/** An active lockout and how many seconds are left of it. */
	record Lock(Scope scope, Instant until, long secondsLeft) {

		long minutesLeft() {
			return Math.max(1, (secondsLeft + 59) / 60);
		}
	}

	private static final long PURGE_EVERY_MILLIS = 10 * 60 * 1000;

	private final JdbcTemplate jdbc;
	private final SecuritySettings.Throttle settings;
	private final AtomicLong lastPurge = new AtomicLong();

	LoginThrottle(JdbcTemplate jdbc, SecuritySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings.throttle();
	}

	static String userKey(String username) {
		String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return key.length() > 100 ? key.substring(0, 100) : key;
	}

	/** The longest active lockout of this user name or this address, if any. */
	Optional<Lock> activeLock(String username, String address) {
		return jdbc.query("""
				SELECT scope, locked_until, ceil(extract(epoch FROM locked_until - now()))::bigint AS seconds_left
				FROM login_throttle
				WHERE ((scope = 'USER' AND key = ?) OR (scope = 'ADDRESS' AND key = ?)) AND locked_until > now()
				ORDER BY locked_until DESC LIMIT 1""",
				(rs, n) -> new Lock(Scope.valueOf(rs.getString("scope")), rs.getTimestamp("locked_until").toInstant(),
						rs.getLong("seconds_left")),
				userKey(username), address == null ? "" : address).stream().findFirst();
	}

	/** Counts a failed login against the user name and the address; returns the lockouts this failure started. */
	@Transactional
	List<Lock> recordFailure(String username, String address) {
		purgeOccasionally();
		List<Lock> started = new ArrayList<>(2);
		count(Scope.USER, userKey(username), settings.maxFailuresPerUser()).ifPresent(started::add);
		if (address != null && !address.isBlank()) {
			count(Scope.ADDRESS, address, settings.maxFailuresPerAddress()).ifPresent(started::add);
		}
		return started;
	}

	/** A successful login clears the user name's failures and its lockout history; the address keeps its count. */
	void recordSuccess(String username) {
		jdbc.update("DELETE FROM login_throttle WHERE scope = 'USER' AND key = ?", userKey(username));
	}

	private Optional<Lock> count(Scope scope, String key, int maxFailures) {
		long windowSeconds = settings.window().toSeconds();
		int failures = jdbc.queryForObject("""
				INSERT INTO login_throttle AS t (scope, key, failures, window_started_at, last_failure_at)
				VALUES (?, ?, 1, now(), now())
				ON CONFLICT (scope, key) DO UPDATE SET
				    failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => ?) THEN 1 ELSE t.failures + 1 END,
				    window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => ?)
				                             THEN now() ELSE t.window_started_at END,
				    last_failure_at = now()
				RETURNING failures""", Integer.class, scope.name(), key, windowSeconds, windowSeconds);
		if (failures < maxFailures) {
			return Optional.empty();
		}
		// Each lockout in a row doubles the next one, so a patient attacker gains little by waiting.
		return jdbc.query("""
				UPDATE login_throttle SET
				    locked_until = now() + least(make_interval(secs => ? * power(2, least(lockouts, 20))),
				                                 make_interval(secs => ?)),
				    lockouts = lockouts + 1,
				    failures = 0,
				    window_started_at = now()
				WHERE scope = ? AND key = ?
				RETURNING locked_until, ceil(extract(epoch FROM locked_until - now()))::bigint AS seconds_left""",
				(rs, n) -> new Lock(scope, rs.getTimestamp("locked_until").toInstant(), rs.getLong("seconds_left")),
				settings.lockout().toSeconds(), settings.maxLockout().toSeconds(), scope.name(), key)
			.stream().findFirst();
	}

	/** Forgets counters nobody has failed against for a day, so made-up user names do not pile up. */
	private void purgeOccasionally() {
		long now = System.currentTimeMillis();
		long last = lastPurge.get();
		if (now - last > PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
			jdbc.update("""
					DELETE FROM login_throttle
					WHERE last_failure_at < now() - make_interval(secs => ?)
					  AND (locked_until IS NULL OR locked_until < now())""",
					Math.max(settings.window().toSeconds(), settings.maxLockout().toSeconds()));
		}
	}
}
