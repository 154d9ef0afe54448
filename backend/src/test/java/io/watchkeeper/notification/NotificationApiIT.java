package io.watchkeeper.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.maintenance.JobFixtures;
import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each user sees and marks only their own notifications, over real HTTP with HTTP Basic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "watchkeeper.notification.webhook.url=http://127.0.0.1:9/itj-unused")
class NotificationApiIT {

	static final String PASSWORD = "itj password 123";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	String user(String role) {
		String name = JobFixtures.code("api").toLowerCase();
		TestUsers.ensure(jdbc, name, PASSWORD, role);
		return name;
	}

	long notify(String username, String kind, String createdAt) {
		return jdbc.queryForObject("""
				INSERT INTO notification (user_id, recipient_role, kind, args, dedup_key, created_at)
				SELECT id, 'DISPATCHER', ?, '["ITJ-CAM-1", "42", "HIGH"]', ?, CAST(? AS timestamptz) FROM app_user WHERE username = ?
				RETURNING id""", Long.class, kind, JobFixtures.code("n"), createdAt, username);
	}

	HttpResponse<String> call(String method, String path, String username, String language) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language)
			.header("X-Forwarded-For", "10.77." + (Math.abs(username.hashCode()) % 250) + ".9")
			.method(method, HttpRequest.BodyPublishers.noBody());
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void eachUserSeesOnlyTheirOwnUnreadFirstAndMarksOnlyTheirOwnRead() throws Exception {
		String dispatcher = user("DISPATCHER");
		String technician = user("VENDOR_TECHNICIAN");
		long older = notify(dispatcher, "SLA_RESPONSE_OVERDUE", "2024-01-01T00:00:00Z");
		long newer = notify(dispatcher, "SLA_RESTORE_OVERDUE", "2024-01-02T00:00:00Z");
		long technicians = notify(technician, "SLA_RESTORE_OVERDUE", "2024-01-03T00:00:00Z");

		HttpResponse<String> read = call("POST", "/api/notifications/" + older + "/read", dispatcher, "en");
		assertThat(read.statusCode()).isEqualTo(204);

		HttpResponse<String> list = call("GET", "/api/notifications", dispatcher, "en");
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(list.body());
		assertThat(body.get("unread").asInt()).isEqualTo(1);
		List<Long> ids = body.get("items").valueStream().map(n -> n.get("id").asLong()).toList();
		assertThat(ids).containsExactly(newer, older);
		assertThat(body.get("items").get(0).get("message").asString())
			.isEqualTo("Work order #42 for camera ITJ-CAM-1 was not restored in time; priority raised to High.");
		assertThat(body.get("items").get(1).get("readAt").isNull()).isFalse();

		JsonNode zh = json.readTree(call("GET", "/api/notifications", dispatcher, "zh-TW").body());
		assertThat(zh.get("items").get(0).get("message").asString()).contains("未於期限內修復");

		// another user's notification answers as if it did not exist, and stays unread
		assertThat(call("POST", "/api/notifications/" + technicians + "/read", dispatcher, "en").statusCode())
			.isEqualTo(404);
		assertThat(jdbc.queryForObject("SELECT read_at IS NULL FROM notification WHERE id = ?", Boolean.class,
				technicians)).isTrue();
		JsonNode techList = json.readTree(call("GET", "/api/notifications", technician, "en").body());
		assertThat(techList.get("items").valueStream().map(n -> n.get("id").asLong()).toList())
			.containsExactly(technicians);

		HttpResponse<String> all = call("POST", "/api/notifications/read-all", dispatcher, "en");
		assertThat(json.readTree(all.body()).get("marked").asInt()).isEqualTo(1);
		assertThat(json.readTree(call("GET", "/api/notifications", dispatcher, "en").body()).get("unread").asInt())
			.isZero();
	}

	@Test
	void badInputIsAClearProblemNotAServerError() throws Exception {
		String viewer = user("VIEWER");
		HttpResponse<String> badLimit = call("GET", "/api/notifications?limit=0", viewer, "en");
		assertThat(badLimit.statusCode()).isEqualTo(400);
		assertThat(badLimit.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(call("POST", "/api/notifications/abc/read", viewer, "en").statusCode()).isEqualTo(400);
		assertThat(call("POST", "/api/notifications/999999999/read", viewer, "en").statusCode()).isEqualTo(404);
	}
}
