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
 * @param throttle when repeated failed logins lock a user name or a remote address
 * @param minPasswordLength shortest password an administrator may set
 * @param apiCredentialCacheTtl how long a verified HTTP Basic user name and password are trusted without
 *        checking the hash again (bcrypt costs tens of milliseconds per request); zero turns the cache off
 * @param zone the time zone audit times are shown and date filters are read in
 * @param bootstrapAdmin an administrator created on start when there is none (for a fresh installation)
 */
@ConfigurationProperties("watchkeeper.security")
record SecuritySettings(
		@DefaultValue({ "https://tile.openstreetmap.org", "https://*.tile.openstreetmap.org",
				"https://wmts.nlsc.gov.tw" }) List<String> cspImgSources,
		@DefaultValue Throttle throttle,
		@DefaultValue("12") int minPasswordLength,
		@DefaultValue("2m") Duration apiCredentialCacheTtl,
		@DefaultValue("Asia/Taipei") ZoneId zone,
		@DefaultValue BootstrapAdmin bootstrapAdmin) {

	/**
	 * @param maxFailuresPerUser failed logins for one user name within {@code window} that lock it
	 * @param maxFailuresPerAddress failed logins from one remote address within {@code window} that lock it
	 *        (higher: a police station's users may share one address)
	 * @param window how far back failures count
	 * @param lockout how long the first lockout lasts; each further one doubles, up to {@code maxLockout}
	 */
	record Throttle(
			@DefaultValue("5") int maxFailuresPerUser,
			@DefaultValue("50") int maxFailuresPerAddress,
			@DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration lockout,
			@DefaultValue("24h") Duration maxLockout) {

		Throttle {
			if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
				throw new IllegalArgumentException("watchkeeper.security.throttle max failures must be at least 1");
			}
			if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()
					|| maxLockout.compareTo(lockout) < 0) {
				throw new IllegalArgumentException(
						"watchkeeper.security.throttle window and lockout must be positive, max-lockout at least lockout");
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
