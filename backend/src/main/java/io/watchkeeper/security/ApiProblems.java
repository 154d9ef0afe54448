package io.watchkeeper.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers when security says no, as RFC 9457 problem details rather than a login page:
 * 401 (no or wrong credentials), 403 (the role may not), 429 (login locked after repeated failures).
 */
class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "Watchkeeper";

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof LoginThrottledException throttled) {
			LoginThrottle.Lock lock = throttled.lock();
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, lock.secondsLeft())));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", throttled.getMessage());
			return;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			// a machine token of the health feed (MachineTokenFilter)
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
			write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"The token is unknown or revoked (tokens are accepted on /api/health/** only)");
			return;
		}
		// Scripts on our own pages send X-Requested-With so that an expired session does not make the browser
		// pop up its Basic dialog; other clients get the challenge.
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
		}
		boolean triedCredentials = authorization != null;
		write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", triedCredentials
				? "The user name or password is wrong, or the account is disabled"
				: "Log in, or send HTTP Basic credentials");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		boolean csrf = denied instanceof org.springframework.security.web.csrf.CsrfException;
		write(request, response, HttpStatus.FORBIDDEN, "Forbidden", csrf
				? "The CSRF token is missing or wrong; send the X-CSRF-TOKEN header from the page's _csrf meta tag"
				: "Your role may not do this");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://watchkeeper.example/problems/" + title.toLowerCase().replace(' ', '-'));
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
