package io.watchkeeper.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a login attempt comes from, as the throttle counts it: the user name tried, the client's address, and the
 * device id of a genuine device cookie for that name (form login only; null otherwise: an untrusted browser).
 * Worked out once per attempt and kept in the request, so counting and the cookie after a success agree with the
 * check before the password.
 */
record LoginSource(String username, String address, String device) {

	static final String ATTRIBUTE = LoginSource.class.getName();

	boolean knownBrowser() {
		return device != null;
	}

	static LoginSource of(HttpServletRequest request) {
		return request == null ? null : (LoginSource) request.getAttribute(ATTRIBUTE);
	}
}
