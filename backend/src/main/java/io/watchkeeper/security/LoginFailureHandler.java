package io.watchkeeper.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login page after a failed login: {@code ?locked=N} (minutes) when locked out, {@code ?wait=N}
 * (seconds) when the user name makes untrusted browsers wait, otherwise {@code ?error}. The page does not say whether the user name exists or the account is disabled.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String query = "?error";
		if (failure instanceof LoginThrottledException throttled) {
			LoginThrottle.Lock lock = throttled.lock();
			query = lock.slowdown() ? "?wait=" + Math.max(1, lock.secondsLeft()) : "?locked=" + lock.minutesLeft();
		}
		response.sendRedirect(request.getContextPath() + SecurityConfig.LOGIN_PAGE + query);
	}
}
