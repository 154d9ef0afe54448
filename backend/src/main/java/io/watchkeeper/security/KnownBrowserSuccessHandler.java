package io.watchkeeper.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a successful form login: the browser gets (or keeps, with a fresh expiry) its device cookie for the user,
 * then goes where it was headed, or to the start page.
 */
class KnownBrowserSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final DeviceCookies devices;

	KnownBrowserSuccessHandler(DeviceCookies devices) {
		this.devices = devices;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		LoginSource source = LoginSource.of(request);
		devices.issue(request, response, authentication.getName(), source == null ? null : source.device());
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
