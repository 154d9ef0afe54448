package io.watchkeeper.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read-only canvass preview over real HTTP: the engine's answer as JSON, field errors as 400, roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CanvassPreviewApiIT {

	static final String PASSWORD = "canvass preview secret";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	/** An HQ case (no precinct): the admin sees it, a precinct's investigator does not. */
	long caseId;
	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void fixtures() {
		TestUsers.ensure(jdbc, "itv-admin", PASSWORD, "ADMIN");
		TestUsers.ensure(jdbc, "itv-viewer", PASSWORD, "VIEWER");
		TestUsers.ensure(jdbc, "itv-precinct", PASSWORD, "INVESTIGATOR");
		jdbc.update("UPDATE app_user SET precinct_id = (SELECT min(id) FROM precinct) WHERE username = 'itv-precinct'");
		caseId = jdbc.queryForObject("""
				INSERT INTO investigation_case (case_number, title, incident_from, incident_to, opened_by, opened_at)
				VALUES ('ITV-' || nextval('investigation_case_id_seq'), 'preview', now(), now(), 'itv-admin', now())
				RETURNING id""", Long.class);
		jdbc.update("""
				INSERT INTO camera (asset_tag, location, install_date, heading_deg, fov_deg, lpr, retention_days)
				VALUES ('CVW-01', ST_SetSRID(ST_MakePoint(118.2, 21.9), 4326), DATE '2020-01-01', 0, 60, 'LPR', 14)
				ON CONFLICT (asset_tag) DO NOTHING""");
		jdbc.update("""
				INSERT INTO camera (asset_tag, location, install_date)
				VALUES ('CVW-02', ST_SetSRID(ST_MakePoint(118.2, 21.9005), 4326), DATE '2020-01-01')
				ON CONFLICT (asset_tag) DO NOTHING""");
	}

	HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json");
		r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void canvassAndRoutePreviewsAnswerWithoutKeepingAnything() throws Exception {
		long canvasses = jdbc.queryForObject("SELECT count(*) FROM canvass", Long.class);
		HttpResponse<String> r = send("itv-admin", "GET", "/api/investigation/canvass-preview?caseId=" + caseId + "&tag=CVW-02&radiusM=100"
				+ "&from=2023-03-30T10:00:00%2B08:00&to=2023-03-30T12:00:00%2B08:00", null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode answer = json.readTree(r.body());
		assertThat(answer.get("from").asString()).isEqualTo("2023-03-30T02:00:00Z");
		assertThat(answer.get("summary").get("found").asInt()).isEqualTo(2);
		JsonNode first = answer.get("cameras").get(0);
		assertThat(first.get("assetTag").asString()).isEqualTo("CVW-02");
		JsonNode second = answer.get("cameras").get(1);
		assertThat(second.get("assetTag").asString()).isEqualTo("CVW-01");
		assertThat(second.get("distanceM").asDouble()).isBetween(54.0, 57.0);
		assertThat(second.get("facing").asString()).isEqualTo("YES");
		assertThat(second.get("lpr").asString()).isEqualTo("LPR");
		assertThat(second.get("footageExpiresOn").asString()).isEqualTo("2023-04-13");
		assertThat(second.get("availability").asString()).isEqualTo("UNKNOWN");
		assertThat(second.get("unknownIntervals").get(0).get("from").asString()).isEqualTo("2023-03-30T02:00:00Z");

		r = send("itv-admin", "POST", "/api/investigation/route-preview", """
				{"caseId": %d, "route": [[118.199, 21.9002], [118.201, 21.9002]], "halfWidthM": 40, "from": "2023-03-30T02:00:00Z",
				 "lprOnly": true}""".formatted(caseId));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		answer = json.readTree(r.body());
		assertThat(answer.get("cameras")).extracting(c -> c.get("assetTag").asString()).containsExactly("CVW-01");
		assertThat(answer.get("cameras").get(0).get("alongM").asDouble()).isBetween(100.0, 106.0);
		assertThat(answer.get("to").asString()).as("a single instant").isEqualTo("2023-03-30T02:00:00Z");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM canvass", Long.class)).isEqualTo(canvasses);
		assertThat(jdbc.queryForList("""
				SELECT details ->> 'kind' || ' ' || (details ->> 'cameraCount') FROM audit_event
				 WHERE action = 'canvass.previewed' AND object_id = ? AND actor = 'itv-admin' ORDER BY id""", String.class,
				Long.toString(caseId))).as("each preview audited with its case and camera count").containsExactly("POINT 2",
						"ROUTE 1");
	}

	@Test
	void aPreviewNeedsACaseTheCallerMaySee() throws Exception {
		assertField(send("itv-admin", "GET", "/api/investigation/canvass-preview?tag=CVW-02&from=2023-03-30T02:00:00Z",
				null), "caseId");
		assertField(send("itv-admin", "POST", "/api/investigation/route-preview",
				"{\"route\": [[118.199, 21.9002], [118.201, 21.9002]], \"from\": \"2023-03-30T02:00:00Z\"}"), "caseId");
		assertThat(send("itv-precinct", "GET", "/api/investigation/canvass-preview?caseId=" + caseId
				+ "&tag=CVW-02&from=2023-03-30T02:00:00Z", null).statusCode()).as("an HQ case, not the precinct's")
			.isEqualTo(404);
		assertThat(send("itv-admin", "GET", "/api/investigation/canvass-preview?caseId=999999999&tag=CVW-02"
				+ "&from=2023-03-30T02:00:00Z", null).statusCode()).isEqualTo(404);
	}

	@Test
	void badInputIsA400NamingTheFieldAndOtherRolesAreRefused() throws Exception {
		assertField(send("itv-admin", "GET", "/api/investigation/canvass-preview?caseId=" + caseId + "&longitude=118.2&latitude=21.9&radiusM=0"
				+ "&from=2023-03-30T02:00:00Z", null), "radiusM");
		assertField(send("itv-admin", "GET", "/api/investigation/canvass-preview?caseId=" + caseId + "&longitude=NaN&latitude=21.9"
				+ "&from=2023-03-30T02:00:00Z", null), "longitude");
		assertField(send("itv-admin", "GET", "/api/investigation/canvass-preview?caseId=" + caseId + "&longitude=118.2&latitude=21.9"
				+ "&from=2023-03-30T02:00:00Z&to=2023-03-29T02:00:00Z", null), "to");
		assertField(send("itv-admin", "GET", "/api/investigation/canvass-preview?caseId=" + caseId + "&longitude=118.2&latitude=21.9"
				+ "&from=yesterday", null), "from");
		assertField(send("itv-admin", "GET", "/api/investigation/canvass-preview?caseId=" + caseId + "&tag=NO-SUCH&from=2023-03-30T02:00:00Z", null),
				"tag");
		assertField(send("itv-admin", "POST", "/api/investigation/route-preview",
				"{\"caseId\": " + caseId + ", \"route\": [[118.2, 21.9]], \"from\": \"2023-03-30T02:00:00Z\"}"), "route");
		assertField(send("itv-admin", "POST", "/api/investigation/route-preview",
				"{\"caseId\": " + caseId + ", \"route\": [[118.2, 21.9], [118.2, 95]], \"from\": \"2023-03-30T02:00:00Z\"}"),
				"route");
		assertThat(send("itv-viewer", "GET", "/api/investigation/canvass-preview?caseId=" + caseId + "&tag=CVW-01&from=2023-03-30T02:00:00Z", null)
			.statusCode()).isEqualTo(403);
	}

	void assertField(HttpResponse<String> r, String field) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
		assertThat(json.readTree(r.body()).get("errors")).as(r.body()).extracting(e -> e.get("field").asString())
			.contains(field);
	}
}
