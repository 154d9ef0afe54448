package io.watchkeeper.security;

import java.util.Collection;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks user name and password (form login and HTTP Basic alike), but first refuses, without looking at the
 * password, a user name or address that {@link LoginThrottle} has locked: a correct password does not get
 * through a lockout. Counting the failures happens in {@link AuthenticationEvents}.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	/** A success taken from {@link VerifiedCredentials}: not a new login, so neither audited nor reset. */
	static final class Reused extends UsernamePasswordAuthenticationToken {

		Reused(Object principal, Collection<? extends GrantedAuthority> authorities) {
			super(principal, null, authorities);
		}
	}

	private final AuthenticationProvider passwords;
	private final LoginThrottle throttle;
	private final VerifiedCredentials verified;

	ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle,
			VerifiedCredentials verified) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.verified = verified;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		throttle.activeLock(username, remoteAddress(attempt)).ifPresent(lock -> {
			throw new LoginThrottledException(lock);
		});
		Object password = attempt.getCredentials();
		// A form login is a new session and always checked and audited; only API calls reuse a verification.
		boolean api = !isFormLogin();
		Authentication earlier = api ? verified.lookup(username, password) : null;
		if (earlier != null) {
			Reused reused = new Reused(earlier.getPrincipal(), earlier.getAuthorities());
			reused.setDetails(attempt.getDetails());
			return reused;
		}
		Authentication result = passwords.authenticate(attempt);
		if (result != null && api) {
			verified.remember(username, password, result);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** True while the login form is being submitted; false for HTTP Basic on the API. */
	static boolean isFormLogin() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& "POST".equals(attributes.getRequest().getMethod())
				&& SecurityConfig.LOGIN_PAGE.equals(attributes.getRequest().getServletPath());
	}

	static String remoteAddress(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: AuditLog.currentRemoteAddress();
	}
}
