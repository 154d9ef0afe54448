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
 * Throttles the guesser, never the user (OWASP's device-cookie approach). Failed logins count per user name and
 * address pair, per address and per device cookie, and those lock (each lockout in a row twice as long). A user
 * name alone is never locked: after many failures from anywhere, browsers without its device cookie must wait a
 * few seconds between attempts, so a botnet guesses slowly while the owner's known browsers pass. A browser with
 * a genuine device cookie for the name is counted on its own cookie only. Counters are in the database, so every
 * node sees the same, with times from the database clock for the same reason.
 */
@Service
class LoginThrottle {

	enum Scope {
		/** a user name from one address: locks */
		PAIR,
		/** an address, whatever the user names: locks */
		ADDRESS,
		/** one browser's device cookie: locks */
		DEVICE,
		/** a user name alone: slows untrusted browsers down, never locks */
		USER
	}

	/** An active lockout (or, for {@link Scope#USER}, a wait) and how many seconds are left of it. */
	record Lock(Scope scope, Instant until, long secondsLeft) {

		long minutesLeft() {
			return Math.max(1, (secondsLeft + 59) / 60);
		}

		boolean slowdown() {
			return scope == Scope.USER;
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

	static String pairKey(String username, String address) {
		return userKey(username) + " @ " + address(address);
	}

	private static String address(String address) {
		return address == null ? "" : address;
	}

	/**
	 * Why this attempt is refused before its password is looked at, if it is: for a known browser only its own
	 * cookie's lockout; otherwise the pair's or the address's lockout, or the user name's wait, whichever is longest.
	 */
	Optional<Lock> refusal(LoginSource source) {
		if (source.knownBrowser()) {
			return jdbc.query("""
					SELECT scope, locked_until, ceil(extract(epoch FROM locked_until - now()))::bigint AS seconds_left
					FROM login_throttle WHERE scope = 'DEVICE' AND key = ? AND locked_until > now()""",
					(rs, n) -> lock(rs), source.device()).stream().findFirst();
		}
		return jdbc.query("""
				SELECT scope, locked_until, ceil(extract(epoch FROM locked_until - now()))::bigint AS seconds_left
				FROM login_throttle
				WHERE ((scope = 'PAIR' AND key = ?) OR (scope = 'ADDRESS' AND key = ?) OR (scope = 'USER' AND key = ?))
				  AND locked_until > now()
				ORDER BY locked_until DESC LIMIT 1""",
				(rs, n) -> lock(rs), pairKey(source.username(), source.address()), address(source.address()),
				userKey(source.username())).stream().findFirst();
	}

	/**
	 * Counts a failed login: against the device cookie alone for a known browser; otherwise against the pair, the
	 * address and the user name. Returns the lockouts this failure started, and the user name's wait when this
	 * failure started it.
	 */
	@Transactional
	List<Lock> recordFailure(LoginSource source) {
		purgeOccasionally();
		List<Lock> started = new ArrayList<>(3);
		String username = userKey(source.username());
		if (source.knownBrowser()) {
			count(Scope.DEVICE, source.device(), username, null, settings.maxFailuresPerDevice()).ifPresent(started::add);
			return started;
		}
		String address = address(source.address());
		count(Scope.PAIR, pairKey(username, address), username, address, settings.maxFailuresPerPair())
			.ifPresent(started::add);
		if (!address.isBlank()) {
			count(Scope.ADDRESS, address, null, address, settings.maxFailuresPerAddress()).ifPresent(started::add);
		}
		slowDown(username).ifPresent(started::add);
		return started;
	}

	/**
	 * A successful login clears the failures of where it came from (the pair, or the device cookie). The address
	 * keeps its count, and so does the user name: its wait ends with its window, not with the owner's login, or an
	 * attacker could guess at full speed again right after it.
	 */
	void recordSuccess(LoginSource source) {
		if (source.knownBrowser()) {
			jdbc.update("DELETE FROM login_throttle WHERE scope = 'DEVICE' AND key = ?", source.device());
		}
		else {
			jdbc.update("DELETE FROM login_throttle WHERE scope = 'PAIR' AND key = ?",
					pairKey(source.username(), source.address()));
		}
	}

	private int countFailure(Scope scope, String key, String username, String address) {
		long windowSeconds = settings.window().toSeconds();
		return jdbc.queryForObject("""
				INSERT INTO login_throttle AS t (scope, key, username, address, failures, window_started_at, last_failure_at)
				VALUES (?, ?, ?, ?, 1, now(), now())
				ON CONFLICT (scope, key) DO UPDATE SET
				    failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => ?) THEN 1 ELSE t.failures + 1 END,
				    window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => ?)
				                             THEN now() ELSE t.window_started_at END,
				    last_failure_at = now()
				RETURNING failures""", Integer.class, scope.name(), key, username, address, windowSeconds, windowSeconds);
	}

	private Optional<Lock> count(Scope scope, String key, String username, String address, int maxFailures) {
		if (countFailure(scope, key, username, address) < maxFailures) {
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
				RETURNING scope, locked_until, ceil(extract(epoch FROM locked_until - now()))::bigint AS seconds_left""",
				(rs, n) -> lock(rs), settings.lockout().toSeconds(), settings.maxLockout().toSeconds(), scope.name(), key)
			.stream().findFirst();
	}

	/**
	 * From {@code name-slowdown-after} failures on, each failure makes untrusted browsers wait before the next
	 * attempt for this name: {@code name-delay}, doubling per further failure, at most {@code max-name-delay}. The
	 * failures are not reset by the wait, so the waits stay long while the guessing goes on. Returns the wait only
	 * when this failure started it (for the audit log), not on every further failure.
	 */
	private Optional<Lock> slowDown(String username) {
		int failures = countFailure(Scope.USER, username, username, null);
		int after = settings.nameSlowdownAfter();
		if (failures < after) {
			return Optional.empty();
		}
		List<Lock> wait = jdbc.query("""
				UPDATE login_throttle SET
				    locked_until = now() + least(make_interval(secs => ? * power(2, least(?, 20))), make_interval(secs => ?))
				WHERE scope = 'USER' AND key = ?
				RETURNING scope, locked_until, ceil(extract(epoch FROM locked_until - now()))::bigint AS seconds_left""",
				(rs, n) -> lock(rs), settings.nameDelay().toSeconds(), failures - after,
				settings.maxNameDelay().toSeconds(), username);
		return failures == after ? wait.stream().findFirst() : Optional.empty();
	}

	private static Lock lock(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Lock(Scope.valueOf(rs.getString("scope")), rs.getTimestamp("locked_until").toInstant(),
				rs.getLong("seconds_left"));
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
