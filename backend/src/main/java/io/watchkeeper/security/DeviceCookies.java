package io.watchkeeper.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies: a browser that a user logged in with gets a cookie naming a random device id, signed
 * with an HMAC over the user name and that id. Presented again with a login for the same user name, it makes the
 * attempt "from a known browser": past the address and name throttles, counted on its own ({@link LoginThrottle}).
 * One cookie per user name, named after an HMAC of the name (so the name is not readable in it); the key comes from
 * the configuration or is made once and kept in the database, so every node accepts every node's cookies.
 */
@Component
class DeviceCookies {

	static final String COOKIE_PREFIX = "wk-device-";

	private static final String SECRET_NAME = "device-cookie";

	private final JdbcTemplate jdbc;
	private final SecuritySettings.DeviceCookie settings;
	private final SecureRandom random = new SecureRandom();
	private volatile SecretKeySpec key;

	DeviceCookies(JdbcTemplate jdbc, SecuritySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings.deviceCookie();
	}

	/** The device id this browser proves for the user name, when it holds a genuine cookie for exactly that name. */
	Optional<String> deviceFor(HttpServletRequest request, String username) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		String user = LoginThrottle.userKey(username);
		String name = cookieName(user);
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName()) && cookie.getValue() != null) {
				String value = cookie.getValue();
				int dot = value.indexOf('.');
				if (dot > 0 && MessageDigest.isEqual(signature(user, value.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
						value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
					return Optional.of(value.substring(0, dot));
				}
			}
		}
		return Optional.empty();
	}

	/** Makes the browser known for the user name (again, with the same id when it already was), for max-age. */
	void issue(HttpServletRequest request, HttpServletResponse response, String username, String device) {
		String user = LoginThrottle.userKey(username);
		String id = device;
		if (id == null) {
			byte[] nonce = new byte[16];
			random.nextBytes(nonce);
			id = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
		}
		String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
		ResponseCookie cookie = ResponseCookie.from(cookieName(user), id + "." + signature(user, id))
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path(path)
			.maxAge(settings.maxAge())
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private String cookieName(String user) {
		return COOKIE_PREFIX + mac("name\n" + user).substring(0, 16);
	}

	private String signature(String user, String device) {
		return mac("device\n" + user + "\n" + device);
	}

	private String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			byte[] secret;
			if (!settings.key().isBlank()) {
				secret = settings.key().getBytes(StandardCharsets.UTF_8);
			}
			else {
				byte[] made = new byte[32];
				random.nextBytes(made);
				// the first node to get here stores its key; every node then reads the one stored
				jdbc.update("INSERT INTO security_secret (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
						SECRET_NAME, made);
				secret = jdbc.queryForObject("SELECT secret FROM security_secret WHERE name = ?", byte[].class,
						SECRET_NAME);
			}
			current = new SecretKeySpec(secret, "HmacSHA256");
			key = current;
		}
		return current;
	}
}
