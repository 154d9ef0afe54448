package io.watchkeeper.investigation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.PageSession;
import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the application on a random port for the investigation tests: HTTP Basic for the API,
 * form-login sessions for pages. Users {@code itc-*}: an administrator, an HQ investigator (no precinct), one
 * investigator each of precincts A and B, and one user of each role that may not see cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class InvestigationHttp {

	static final String PASSWORD = "itc investigation secret";
	static final String ADMIN = "itc-admin", HQ = "itc-hq", INVESTIGATOR_A = "itc-inv-a", INVESTIGATOR_B = "itc-inv-b",
			DISPATCHER = "itc-dispatcher", VIEWER = "itc-viewer", VENDOR = "itc-vendor";
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

	private static final AtomicInteger addresses = new AtomicInteger();
	private static final AtomicInteger serial = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	long precinctA;
	long precinctB;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void users() {
		List<Long> precincts = jdbc.queryForList("SELECT id FROM precinct ORDER BY code", Long.class);
		precinctA = precincts.get(0);
		precinctB = precincts.get(1);
		TestUsers.ensure(jdbc, ADMIN, PASSWORD, "ADMIN");
		TestUsers.ensure(jdbc, HQ, PASSWORD, "INVESTIGATOR");
		TestUsers.ensure(jdbc, INVESTIGATOR_A, PASSWORD, "INVESTIGATOR");
		TestUsers.ensure(jdbc, INVESTIGATOR_B, PASSWORD, "INVESTIGATOR");
		TestUsers.ensure(jdbc, DISPATCHER, PASSWORD, "DISPATCHER");
		TestUsers.ensure(jdbc, VIEWER, PASSWORD, "VIEWER");
		TestUsers.ensure(jdbc, VENDOR, PASSWORD, "VENDOR_TECHNICIAN");
		jdbc.update("UPDATE app_user SET precinct_id = ? WHERE username = ?", precinctA, INVESTIGATOR_A);
		jdbc.update("UPDATE app_user SET precinct_id = ? WHERE username = ?", precinctB, INVESTIGATOR_B);
	}

	/** A case number no other test run uses. */
	static String caseNumber(String prefix) {
		return prefix + "-" + RUN + "-" + serial.incrementAndGet();
	}

	static String newAddress() {
		int n = addresses.incrementAndGet();
		return "198.18." + (n / 250) + "." + (n % 250 + 1);
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	HttpRequest.Builder request(String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", newAddress());
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	HttpResponse<String> get(String user, String path) {
		return send(request(user, path).header("Accept", "application/json").GET());
	}

	HttpResponse<String> post(String user, String path, String json) {
		return send(request(user, path).header("Accept", "application/json")
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
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

	/** The field a 400 problem names first. */
	static String field(HttpResponse<String> response) {
		JsonNode errors = json(response).get("errors");
		return errors == null || errors.isEmpty() ? null : errors.get(0).get("field").asString();
	}

	/** Opens a case through the API as {@code user}; returns its id. */
	long openCase(String user, String number, Long precinctId) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("caseNumber", number);
		body.put("title", "ATM 提款後遭搶");
		body.put("crimeType", "搶奪");
		body.put("incidentFrom", "2023-03-30T02:15:00Z");
		body.put("incidentTo", "2023-03-30T02:45:00Z");
		body.put("longitude", 120.302);
		body.put("latitude", 22.639);
		body.put("place", "高雄車站前");
		if (precinctId != null) {
			body.put("precinctId", precinctId);
		}
		HttpResponse<String> created = post(user, "/api/cases", body);
		if (created.statusCode() != 201) {
			throw new AssertionError("Could not open a case: " + created.statusCode() + " " + created.body());
		}
		return json(created).get("id").asLong();
	}

	/** A camera placed at lon/lat, installed long ago, with a unique asset tag. */
	long camera(double lon, double lat, Integer heading) {
		String tag = "ITC" + RUN + "-" + serial.incrementAndGet();
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, address, location, heading_deg, fov_deg, range_m, install_date, status, make, model)
				VALUES (?, '高雄市測試路1號', ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, 60, 50, DATE '2015-01-01', 'ACTIVE', 'ITC', 'Dome')
				RETURNING id""", Long.class, tag, lon, lat, heading);
	}

	/** A page session (form login, cookies, CSRF) of {@code username}, from an address of its own. */
	PageSession loggedIn(String username) {
		return PageSession.loggedIn(port, newAddress(), username, PASSWORD);
	}
}
