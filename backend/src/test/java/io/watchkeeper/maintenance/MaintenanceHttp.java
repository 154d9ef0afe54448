package io.watchkeeper.maintenance;

import java.io.ByteArrayOutputStream;
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
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the application on a random port: HTTP Basic for the API, form-login sessions for pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MaintenanceHttp {

	private static final AtomicInteger addresses = new AtomicInteger();
	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	MaintenanceFixtures.Ids ids;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void fixtures() {
		ids = MaintenanceFixtures.ensure(jdbc);
	}

	/** Addresses from 203.0.113.0/24 and beyond (documentation ranges), one per caller, so throttling never mixes. */
	static String newAddress() {
		int n = addresses.incrementAndGet();
		return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + MaintenanceFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> get(String user, String path) {
		return send(request(user, path).GET());
	}

	HttpResponse<String> post(String user, String path, String json) {
		return send(request(user, path).POST(BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
	}

	HttpResponse<String> post(String user, String path, Map<String, ?> body) {
		return post(user, path, JSON.writeValueAsString(body));
	}

	HttpResponse<byte[]> getBytes(String user, String path) {
		try {
			return http.send(request(user, path).GET().build(), BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	HttpResponse<String> upload(String user, String path, String fileName, String contentType, byte[] content) {
		String boundary = "itm" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(user, path).POST(BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary));
	}

	HttpRequest.Builder request(String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("X-Forwarded-For", newAddress());
		if (!path.contains("export.csv")) {
			request.header("Accept", "application/json");
		}
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return request;
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

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** The current version of an order, read from the database. */
	long version(long orderId) {
		return jdbc.queryForObject("SELECT version FROM work_order WHERE id = ?", Long.class, orderId);
	}

	String state(long orderId) {
		return jdbc.queryForObject("SELECT state FROM work_order WHERE id = ?", String.class, orderId);
	}

	/** Opens an order for the camera as the dispatcher, through the API; returns its id. */
	long openOrder(long cameraId, String kind) {
		HttpResponse<String> created = post(MaintenanceFixtures.DISPATCHER, "/api/work-orders",
				Map.of("cameraId", cameraId, "kind", kind, "note", "camera dark since this morning"));
		if (created.statusCode() != 201) {
			throw new AssertionError("Could not open an order: " + created.statusCode() + " " + created.body());
		}
		return json(created).get("id").asLong();
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A browser-like client for the pages: keeps cookies, reads CSRF tokens. */
	class Browser {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		final String address = newAddress();

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(uri(path)).GET());
		}

		HttpResponse<String> submit(String pageWithForm, String action, Map<String, String> fields) {
			Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
			withToken.put("_csrf", csrfToken(pageWithForm));
			return send(HttpRequest.newBuilder(uri(action)).POST(BodyPublishers.ofString(form(withToken)))
				.header("Content-Type", "application/x-www-form-urlencoded"));
		}

		String csrfToken(String pageWithForm) {
			HttpResponse<String> page = get(pageWithForm);
			Matcher token = CSRF_INPUT.matcher(page.body());
			if (!token.find()) {
				throw new AssertionError("No CSRF token on " + pageWithForm + " (" + page.statusCode() + ")");
			}
			return token.group(1);
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
		HttpResponse<String> login = browser.submit("/login", "/login",
				Map.of("username", username, "password", MaintenanceFixtures.PASSWORD));
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("/login")) {
			throw new AssertionError("Login of " + username + " failed: " + login.statusCode());
		}
		return browser;
	}
}
