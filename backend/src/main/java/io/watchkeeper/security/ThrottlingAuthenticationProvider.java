package io.watchkeeper.security;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks user name and password (form login and HTTP Basic alike), but first refuses, without looking at the
 * password, an attempt that {@link LoginThrottle} holds back (a locked pair, address or device cookie, or a user
 * name's wait for untrusted browsers): a correct password does not get through. Who the attempt comes from
 * ({@link LoginSource}, with the browser's device cookie on a form login) is kept in the request for
 * {@link AuthenticationEvents}, which counts the failures, and for the cookie after a success.
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
	private final DeviceCookies devices;

	ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle,
			VerifiedCredentials verified, DeviceCookies devices) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.verified = verified;
		this.devices = devices;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		LoginSource source = source(attempt, devices);
		throttle.refusal(source).ifPresent(lock -> {
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

	/** Where the attempt comes from; on a form login with the device this browser proves for the user name. */
	static LoginSource source(Authentication attempt, DeviceCookies devices) {
		HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest() : null;
		String device = devices != null && request != null && isFormLogin()
				? devices.deviceFor(request, attempt.getName()).orElse(null) : null;
		LoginSource source = new LoginSource(attempt.getName(), remoteAddress(attempt), device);
		if (request != null) {
			request.setAttribute(LoginSource.ATTRIBUTE, source);
		}
		return source;
	}

	/** The source worked out for this attempt by {@link #authenticate}, or (without it) an untrusted one. */
	static LoginSource currentSource(Authentication attempt) {
		LoginSource source = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? LoginSource.of(a.getRequest()) : null;
		if (source != null && LoginThrottle.userKey(source.username()).equals(LoginThrottle.userKey(attempt.getName()))) {
			return source;
		}
		return new LoginSource(attempt.getName(), remoteAddress(attempt), null);
	}

	static String remoteAddress(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: AuditLog.currentRemoteAddress();
	}
}
