package io.watchkeeper.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the application for the health feed: an administrator issues machine tokens through the
 * API, cameras are made straight in the database with asset tags {@code ITH...}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "watchkeeper.health.max-batch-size=50", "watchkeeper.health.tokens.cache-ttl=5s" })
abstract class HealthHttpSupport {

	static final String ADMIN = "ith-admin";
	static final String VIEWER = "ith-viewer";
	static final String PASSWORD = "health feed secret";
	private static final AtomicInteger addresses = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void users() {
		TestUsers.ensure(jdbc, ADMIN, PASSWORD, "ADMIN");
		TestUsers.ensure(jdbc, VIEWER, PASSWORD, "VIEWER");
	}

	/** A camera with this tag (created if missing); returns its id. */
	long camera(String tag) {
		jdbc.update("INSERT INTO camera (asset_tag) VALUES (?) ON CONFLICT (asset_tag) DO NOTHING", tag);
		return jdbc.queryForObject("SELECT id FROM camera WHERE asset_tag = ?", Long.class, tag);
	}

	/** Issues a token through the admin API; returns the token. */
	String issueToken(String name) {
		HttpResponse<String> r = send(request("/api/admin/tokens").header("Authorization", basic(ADMIN))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"name\": \"" + name + "\"}")));
		if (r.statusCode() != 201) {
			throw new AssertionError("token not issued: " + r.statusCode() + " " + r.body());
		}
		return read(r).get("token").asString();
	}

	HttpResponse<String> postBatch(String token, String body) {
		HttpRequest.Builder request = request("/api/health/observations").header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	/** A batch body from (tag, up, observedAt) triples. */
	static String batch(String source, List<Object[]> observations) {
		StringBuilder s = new StringBuilder("{\"source\": \"" + source + "\", \"observations\": [");
		for (int i = 0; i < observations.size(); i++) {
			Object[] o = observations.get(i);
			s.append(i == 0 ? "" : ", ").append("{\"assetTag\": \"").append(o[0]).append("\", \"up\": ").append(o[1])
				.append(", \"observedAt\": \"").append(o[2]).append("\"}");
		}
		return s.append("]}").toString();
	}

	static Object[] obs(String tag, boolean up, Instant at) {
		return new Object[] { tag, up, at };
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json")
			.header("X-Forwarded-For", "203.0.113." + (addresses.incrementAndGet() % 250 + 1));
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

	JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	int outages(long cameraId) {
		return jdbc.queryForObject("SELECT count(*) FROM outage WHERE camera_id = ?", Integer.class, cameraId);
	}

	int openOutages(long cameraId) {
		return jdbc.queryForObject("SELECT count(*) FROM outage WHERE camera_id = ? AND ended_at IS NULL", Integer.class,
				cameraId);
	}
}
