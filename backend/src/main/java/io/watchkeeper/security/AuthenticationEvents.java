package io.watchkeeper.security;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Listens to Spring Security's authentication events: audits logins ({@code auth.login}), failed logins
 * ({@code auth.login_failed}), lockouts of a pair, address or device cookie ({@code auth.locked}) and the start of
 * a user name's wait for untrusted browsers ({@code auth.slowed_down}), and keeps the throttling counters.
 */
@Component
class AuthenticationEvents {

	private static final Logger log = LoggerFactory.getLogger(AuthenticationEvents.class);

	private final AuditLog audit;
	private final LoginThrottle throttle;

	AuthenticationEvents(AuditLog audit, LoginThrottle throttle) {
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	void loggedIn(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		if (authentication instanceof ThrottlingAuthenticationProvider.Reused) {
			return; // an API call within the credential cache's lifetime, not a new login
		}
		String username = authentication.getName();
		LoginSource source = ThrottlingAuthenticationProvider.currentSource(authentication);
		throttle.recordSuccess(source);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", method());
		details.put("knownBrowser", source.knownBrowser());
		audit.record(username, "auth.login", "user", username, details, source.address());
	}

	@EventListener
	void loginFailed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		AuthenticationException failure = event.getException();
		String username = truncate(attempt.getName(), 64);
		LoginSource source = ThrottlingAuthenticationProvider.currentSource(attempt);
		String address = source.address();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", method());
		details.put("knownBrowser", source.knownBrowser());
		if (failure instanceof LoginThrottledException throttled) {
			// Refused without looking at the password; not counted again, or a lockout would never end.
			details.put("reason", throttled.lock().slowdown() ? "slowed_down" : "locked");
			details.put("scope", throttled.lock().scope().name().toLowerCase(Locale.ROOT));
			details.put("lockedUntil", throttled.lock().until().toString());
			audit.record(username, "auth.login_failed", "user", username, details, address);
			return;
		}
		details.put("reason", failure instanceof DisabledException ? "disabled" : "bad_credentials");
		audit.record(username, "auth.login_failed", "user", username, details, address);
		for (LoginThrottle.Lock lock : throttle.recordFailure(source)) {
			String scope = lock.scope().name().toLowerCase(Locale.ROOT);
			Map<String, Object> lockDetails = new LinkedHashMap<>();
			lockDetails.put("scope", scope);
			lockDetails.put("address", address);
			lockDetails.put("lockedUntil", lock.until().toString());
			if (lock.slowdown()) {
				log.warn("Logins for user {} from unknown browsers slowed down after repeated failures", username);
				lockDetails.put("seconds", lock.secondsLeft());
				audit.record(username, "auth.slowed_down", "user", username, lockDetails, address);
			}
			else {
				log.warn("Login locked for {} of user {} from {} until {} after repeated failures", scope, username,
						address, lock.until());
				lockDetails.put("minutes", lock.minutesLeft());
				audit.record(username, "auth.locked", "user", username, lockDetails, address);
			}
		}
	}

	private static String method() {
		return ThrottlingAuthenticationProvider.isFormLogin() ? "form" : "basic";
	}

	private static String truncate(String value, int max) {
		if (value == null) {
			return "";
		}
		return value.length() > max ? value.substring(0, max) : value;
	}
}
