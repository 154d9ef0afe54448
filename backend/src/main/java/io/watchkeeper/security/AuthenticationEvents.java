package io.watchkeeper.security;

import java.util.LinkedHashMap;
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
 * ({@code auth.login_failed}) and lockouts ({@code auth.locked}), and keeps the throttling counters.
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
		throttle.recordSuccess(username);
		audit.record(username, "auth.login", "user", username, Map.of("method", method()), address(authentication));
	}

	@EventListener
	void loginFailed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		AuthenticationException failure = event.getException();
		String username = truncate(attempt.getName(), 64);
		String address = address(attempt);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", method());
		if (failure instanceof LoginThrottledException throttled) {
			// Refused without looking at the password; not counted again, or a lockout would never end.
			details.put("reason", "locked");
			details.put("lockedUntil", throttled.lock().until().toString());
			audit.record(username, "auth.login_failed", "user", username, details, address);
			return;
		}
		details.put("reason", failure instanceof DisabledException ? "disabled" : "bad_credentials");
		audit.record(username, "auth.login_failed", "user", username, details, address);
		for (LoginThrottle.Lock lock : throttle.recordFailure(username, address)) {
			log.warn("Login locked for {} {} until {} after repeated failures",
					lock.scope() == LoginThrottle.Scope.USER ? "user" : "address",
					lock.scope() == LoginThrottle.Scope.USER ? username : address, lock.until());
			Map<String, Object> lockDetails = new LinkedHashMap<>();
			lockDetails.put("scope", lock.scope().name().toLowerCase());
			lockDetails.put("address", address);
			lockDetails.put("lockedUntil", lock.until().toString());
			lockDetails.put("minutes", lock.minutesLeft());
			audit.record(username, "auth.locked", "user", username, lockDetails, address);
		}
	}

	private static String method() {
		return ThrottlingAuthenticationProvider.isFormLogin() ? "form" : "basic";
	}

	private static String address(Authentication authentication) {
		return ThrottlingAuthenticationProvider.remoteAddress(authentication);
	}

	private static String truncate(String value, int max) {
		if (value == null) {
			return "";
		}
		return value.length() > max ? value.substring(0, max) : value;
	}
}
