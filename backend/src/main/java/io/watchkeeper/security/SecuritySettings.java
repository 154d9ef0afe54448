package io.watchkeeper.security;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchkeeper.security.*}: the knobs of login, throttling, passwords and the Content-Security-Policy.
 *
 * @param cspImgSources image sources allowed besides the application itself, i.e. the base-map tile servers
 * @param throttle when repeated failed logins lock a user name and address pair, an address or a device cookie,
 *        and when they slow a user name down
 * @param deviceCookie the signed cookie that makes a browser known for a user
 * @param minPasswordLength shortest password an administrator may set
 * @param apiCredentialCacheTtl how long a verified HTTP Basic user name and password are trusted without
 *        checking the hash again (bcrypt costs tens of milliseconds per request); zero turns the cache off
 * @param zone the time zone audit times are shown and date filters are read in
 * @param bootstrapAdmin an administrator created on start when there is none (for a fresh installation)
 * @param trustedProxies the reverse proxies (IP addresses or CIDR ranges) whose {@code X-Forwarded-For} and
 *        {@code X-Forwarded-Proto} are believed; empty (the default): the headers are ignored and the address is
 *        the connection's
 */
@ConfigurationProperties("watchkeeper.security")
record SecuritySettings(
		@DefaultValue({ "https://tile.openstreetmap.org", "https://*.tile.openstreetmap.org",
				"https://wmts.nlsc.gov.tw" }) List<String> cspImgSources,
		@DefaultValue Throttle throttle,
		@DefaultValue DeviceCookie deviceCookie,
		@DefaultValue("12") int minPasswordLength,
		@DefaultValue("2m") Duration apiCredentialCacheTtl,
		@DefaultValue("Asia/Taipei") ZoneId zone,
		@DefaultValue BootstrapAdmin bootstrapAdmin,
		@DefaultValue({}) List<String> trustedProxies) {

	/**
	 * Failed logins lock the guesser, never the user: a user name and address pair, an address, or one browser's
	 * device cookie. A user name alone is only slowed down, and only for browsers without its device cookie.
	 *
	 * @param maxFailuresPerPair failed logins for one user name from one address within {@code window} that lock
	 *        that pair
	 * @param maxFailuresPerAddress failed logins from one address (any user names) within {@code window} that lock
	 *        it for every browser without a device cookie (higher: a police station's users may share one address)
	 * @param maxFailuresPerDevice failed logins with one device cookie within {@code window} that lock that cookie
	 * @param nameSlowdownAfter failed logins for one user name (from anywhere without its device cookie) within
	 *        {@code window} after which each further attempt from such a browser must wait: a botnet's guesses,
	 *        each from a new address, are slowed to one per {@code maxNameDelay}
	 * @param nameDelay the first wait; it doubles with every further failure, up to {@code maxNameDelay}
	 * @param window how far back failures count
	 * @param lockout how long the first lockout lasts; each further one doubles, up to {@code maxLockout}
	 */
	record Throttle(
			@DefaultValue("5") int maxFailuresPerPair,
			@DefaultValue("50") int maxFailuresPerAddress,
			@DefaultValue("10") int maxFailuresPerDevice,
			@DefaultValue("10") int nameSlowdownAfter,
			@DefaultValue("1s") Duration nameDelay,
			@DefaultValue("60s") Duration maxNameDelay,
			@DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration lockout,
			@DefaultValue("24h") Duration maxLockout) {

		Throttle {
			if (maxFailuresPerPair < 1 || maxFailuresPerAddress < 1 || maxFailuresPerDevice < 1
					|| nameSlowdownAfter < 1) {
				throw new IllegalArgumentException("watchkeeper.security.throttle max failures must be at least 1");
			}
			if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()
					|| maxLockout.compareTo(lockout) < 0) {
				throw new IllegalArgumentException(
						"watchkeeper.security.throttle window and lockout must be positive, max-lockout at least lockout");
			}
			if (nameDelay.toSeconds() < 1 || maxNameDelay.compareTo(nameDelay) < 0) {
				throw new IllegalArgumentException(
						"watchkeeper.security.throttle name-delay must be at least 1s, max-name-delay at least name-delay");
			}
		}
	}

	/**
	 * The cookie a browser gets when a user logs in with it, which lets that browser past the address and name
	 * throttles for that user later (OWASP's "device cookie").
	 *
	 * @param key HMAC key (any text of at least 32 characters); blank: one is made and kept in the database, so
	 *        that every node shares it
	 * @param maxAge how long a browser stays known after its last login
	 */
	record DeviceCookie(@DefaultValue("") String key, @DefaultValue("180d") Duration maxAge) {

		DeviceCookie {
			if (!key.isBlank() && key.length() < 32) {
				throw new IllegalArgumentException("watchkeeper.security.device-cookie.key must have at least 32 characters");
			}
		}
	}

	/** @param username user name of the administrator; @param password its initial password (empty: none is created) */
	record BootstrapAdmin(@DefaultValue("admin") String username, @DefaultValue("") String password) {
	}

	SecuritySettings {
		if (minPasswordLength < 8) {
			throw new IllegalArgumentException("watchkeeper.security.min-password-length must be at least 8");
		}
	}
}
