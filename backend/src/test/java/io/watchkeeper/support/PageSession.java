package io.watchkeeper.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the pages, over real HTTP: keeps the session cookie, reads the CSRF token from the
 * form it submits, follows no redirects, and comes from its own (forwarded) address so that login throttling of
 * one test does not touch another (the test configuration trusts the loopback proxy).
 */
public final class PageSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final String address;
	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public PageSession(int port, String address) {
		this.base = "http://localhost:" + port;
		this.address = address;
	}

	/** A session logged in through the login form; fails the test when the login does not succeed. */
	public static PageSession loggedIn(int port, String address, String username, String password) {
		PageSession session = new PageSession(port, address);
		HttpResponse<String> login = session.submit("/login", "/login", Map.of("username", username, "password", password));
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("/login")) {
			throw new AssertionError("Login of " + username + " failed: " + login.statusCode());
		}
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts {@code fields} to {@code action} as the form on {@code pageWithForm} would, with its CSRF token. */
	public HttpResponse<String> submit(String pageWithForm, String action, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrfToken(pageWithForm));
		return send(HttpRequest.newBuilder(URI.create(base + action)).POST(BodyPublishers.ofString(form(withToken)))
			.header("Content-Type", "application/x-www-form-urlencoded"));
	}

	public String csrfToken(String pageWithForm) {
		HttpResponse<String> page = get(pageWithForm);
		Matcher token = CSRF_INPUT.matcher(page.body());
		if (!token.find()) {
			throw new AssertionError("No CSRF token on " + pageWithForm + " (" + page.statusCode() + ")");
		}
		return token.group(1);
	}

	/** Uploads {@code content} as the multipart part {@code file} to {@code action}, with the CSRF token of {@code pageWithForm}. */
	public HttpResponse<String> upload(String pageWithForm, String action, String fileName, byte[] content) {
		String boundary = "----page" + java.util.UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken(pageWithForm)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + action)).POST(BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		request.header("X-Forwarded-For", address);
		try {
			return client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** {@code application/x-www-form-urlencoded} of the fields, in their order. */
	public static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}
}
