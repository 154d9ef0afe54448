package io.watchkeeper.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.watchkeeper.support.TestUsers;

/**
 * Real HTTP against the application on a random port: HTTP Basic for the API, form-login sessions for pages.
 * One user per role ({@code it-admin}, {@code it-viewer}, ...). Every request names its own client address
 * (X-Forwarded-For, believed from 127.0.0.1 because the tests' configuration lists loopback as a trusted proxy) so
 * that throttling counters of one test never touch another's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SecurityHttpSupport.AccessProbe.class)
abstract class SecurityHttpSupport {

	static final String PASSWORD = "correct horse battery";

	private static final AtomicBoolean usersCreated = new AtomicBoolean();
	private static final AtomicInteger addresses = new AtomicInteger();
	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/**
	 * Endpoints under each rule of {@link AccessRules}, so every decision can be checked even before the
	 * camera and import controllers exist on this branch. Only for tests.
	 */
	@RestController
	static class AccessProbe {

		@RequestMapping({ "/api/cameras/access-probe", "/api/imports/access-probe", "/api/precincts/access-probe",
				"/api/admin/access-probe", "/api/unlisted/access-probe", "/cameras/access-probe",
				"/imports/access-probe", "/admin/access-probe" })
		String probe() {
			return "probe";
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** A fresh address from the documentation range (RFC 5737) for each caller that wants its own counters. */
	static String newAddress() {
		int n = addresses.incrementAndGet();
		return "198.51." + (n / 250) + "." + (n % 250 + 1);
	}

	static String user(Role role) {
		return "it-" + role.name().toLowerCase().replace('_', '-');
	}

	@BeforeEach
	void createRoleUsers() {
		if (usersCreated.compareAndSet(false, true)) {
			for (Role role : Role.values()) {
				TestUsers.ensure(jdbc, user(role), PASSWORD, role.name());
			}
		}
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** A request with HTTP Basic credentials (null: none) from a fresh address. */
	HttpResponse<String> api(String method, String path, String username, String password) {
		return api(method, path, username, password, newAddress());
	}

	HttpResponse<String> api(String method, String path, String username, String password, String address) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, method.equals("GET") ? BodyPublishers.noBody() : BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-Forwarded-For", address);
		if (username != null) {
			request.header("Authorization", basic(username, password));
		}
		return send(request);
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A browser-like client: keeps cookies, reads CSRF tokens from pages, comes from one address. */
	class Browser {

		final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		final String address;

		Browser() {
			this(newAddress());
		}

		Browser(String address) {
			this.address = address;
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(uri(path)).GET());
		}

		HttpResponse<String> post(String path, Map<String, String> fields) {
			return send(HttpRequest.newBuilder(uri(path))
				.POST(BodyPublishers.ofString(form(fields)))
				.header("Content-Type", "application/x-www-form-urlencoded"));
		}

		/** Posts a form the way the page does: with the CSRF token of {@code pageWithForm}. */
		HttpResponse<String> submit(String pageWithForm, String action, Map<String, String> fields) {
			Map<String, String> withToken = new LinkedHashMap<>(fields);
			withToken.put("_csrf", csrfToken(pageWithForm));
			return post(action, withToken);
		}

		String csrfToken(String pageWithForm) {
			HttpResponse<String> page = get(pageWithForm);
			Matcher token = CSRF_INPUT.matcher(page.body());
			if (!token.find()) {
				throw new AssertionError("No CSRF token on " + pageWithForm + " (" + page.statusCode() + ")");
			}
			return token.group(1);
		}

		HttpResponse<String> logIn(String username, String password) {
			return submit("/login", "/login", Map.of("username", username, "password", password));
		}

		/** Ends the session on the client's side only (a new visit of the same browser): cookies stay. */
		void forgetSession() {
			cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).toList()
				.forEach(c -> cookies.getCookieStore().remove(null, c));
		}

		/** The device cookies this browser holds (one per user name that logged in with it). */
		java.util.List<HttpCookie> deviceCookies() {
			return cookies.getCookieStore().getCookies().stream()
				.filter(c -> c.getName().startsWith(DeviceCookies.COOKIE_PREFIX)).toList();
		}

		String sessionId() {
			return cookies.getCookieStore().getCookies().stream()
				.filter(c -> c.getName().equals("JSESSIONID"))
				.map(HttpCookie::getValue)
				.findFirst().orElse(null);
		}

		HttpResponse<String> send(HttpRequest.Builder request) {
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
	}

	Browser loggedIn(String username) {
		Browser browser = new Browser();
		HttpResponse<String> login = browser.logIn(username, PASSWORD);
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("/login")) {
			throw new AssertionError("Login of " + username + " failed: " + login.statusCode() + " "
					+ login.headers().firstValue("Location").orElse(""));
		}
		return browser;
	}
}
