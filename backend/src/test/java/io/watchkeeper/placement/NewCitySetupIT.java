package io.watchkeeper.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.PageSession;
import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A made-up city (海風市, three precincts and four districts in the sea east of Hualien) set up end to end from the
 * admin endpoints on a fresh installation without the demo: the department's name, its boundaries replacing the
 * bundled Kaohsiung ones, a camera list with a precinct column, some coordinates and some addresses only, and the
 * placement queue for the rest; at the end every camera has a position, a precinct and a district, and no Kaohsiung
 * name is left in the lists.
 * <p>
 * The application runs on a schema of its own ({@code newcity_it}, migrated from scratch) in the test database, so
 * that replacing every boundary touches no other test's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=${WK_TEST_DB_URL:jdbc:postgresql://localhost:5432/watchkeeper_test}?currentSchema=newcity_it,public",
		"spring.flyway.schemas=newcity_it", "spring.flyway.default-schema=newcity_it" })
class NewCitySetupIT {

	static final String ADMIN = "it-newcity-admin";
	static final String PASSWORD = "it-newcity-secret";
	static final String DISPATCHER = "it-newcity-dispatcher";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aSmallMadeUpCityIsSetUpFromTheAdminEndpointsAndEveryCameraEndsPlacedInItsAreas() throws Exception {
		TestUsers.ensure(jdbc, ADMIN, PASSWORD, "ADMIN");
		TestUsers.ensure(jdbc, DISPATCHER, PASSWORD, "DISPATCHER");
		assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo("newcity_it");
		// a fresh installation: the bundled Kaohsiung boundaries, nothing else
		assertThat(jdbc.queryForObject("SELECT count(*) FROM precinct", Long.class)).isEqualTo(17);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera", Long.class)).isZero();
		assertThat(state(checklist(), "department")).isEqualTo("TODO");

		// 1. the department's name, shown in the header
		HttpResponse<String> named = send("PUT", "/api/admin/setup/department", ADMIN,
				"{\"departmentZh\": \"海風市政府警察局\", \"departmentEn\": \"Haifeng City Police Department\"}");
		assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
		assertThat(send("PUT", "/api/admin/setup/department", ADMIN, "{\"departmentZh\": \"<script>x</script>\"}").statusCode())
			.isEqualTo(400);
		PageSession admin = PageSession.loggedIn(port, "198.18.13.1", ADMIN, PASSWORD);
		assertThat(admin.get("/admin/setup?lang=zh-TW").body()).contains("海風市政府警察局", "城市設定");
		assertThat(admin.get("/admin/setup?lang=en").body()).contains("Haifeng City Police Department");

		// 2. precinct and district boundaries replace Kaohsiung's 17 and 38
		JsonNode precincts = json.readTree(upload("/api/admin/boundaries/precincts", "newcity/precincts.geojson"));
		assertThat(precincts.get("features").asInt()).isEqualTo(3);
		assertThat(precincts.get("removed")).hasSize(17);
		JsonNode districts = json.readTree(upload("/api/admin/boundaries/districts", "newcity/districts.geojson"));
		assertThat(districts.get("features").asInt()).isEqualTo(4);
		assertThat(districts.get("removed")).hasSize(38);
		String lists = send("GET", "/api/precincts", ADMIN, null).body() + send("GET", "/api/districts", ADMIN, null).body();
		assertThat(lists).contains("東灣分局", "西灣分局", "北灣分局", "港口區", "燈塔區")
			.doesNotContain("高雄", "新興", "苓雅", "三民", "Kaohsiung", "Sanmin", "Lingya");
		// the map opens on the new city, not on Kaohsiung's centre
		assertThat(admin.get("/map").body()).contains("data-extent=\"122.00000,24.00000,122.30000,24.20000\"");

		// 3. stations
		// TODO(lead, after merging i13-st): add the stations through the STATIONS upload (/api/stations) and assert
		// below that every camera ends with a station; until then one is written here as the upload would.
		jdbc.update("""
				INSERT INTO station (code, precinct_id, name_zh, name_en, boundary)
				SELECT 'HF-WEST-1', id, '漁港派出所', 'Fishing Harbour Station', boundary FROM precinct WHERE code = 'HF-WEST'""");

		// 4. the first camera list: a precinct column, two cameras with coordinates, the rest with addresses only
		JsonNode imported = json.readTree(importCsv("newcity/cameras.csv"));
		assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("APPLIED");
		assertThat(imported.get("rowsWritten").asInt()).isEqualTo(7);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE location IS NULL", Long.class)).isEqualTo(5);
		assertThat(jdbc.queryForList("""
				SELECT p.code FROM camera c JOIN precinct p ON p.id = c.precinct_id WHERE c.asset_tag LIKE 'HFA002-%'""",
				String.class)).containsExactly("HF-EAST", "HF-EAST");
		assertThat(state(checklist(), "placement")).isEqualTo("PARTLY");

		// 5. address matching: TODO(lead, after merging i13-gz): import door plates and run matching here

		// 6. the placement queue places the rest, one pole at a time, where the dispatcher clicks: inside the
		// precinct the list named (the queue's suggestion), or for the pole without a precinct, the west precinct
		List<String> placed = new ArrayList<>();
		for (int step = 0; step < 20; step++) {
			JsonNode next = json.readTree(send("GET", "/api/placement/queue/next", DISPATCHER, null).body());
			JsonNode pole = next.get("pole");
			if (pole == null || pole.isNull()) {
				assertThat(next.get("progress").get("remaining").asLong()).isZero();
				break;
			}
			JsonNode at = pole.get("suggestion");
			double lon = at != null && !at.isNull() ? at.get("longitude").asDouble() : 122.05;
			double lat = at != null && !at.isNull() ? at.get("latitude").asDouble() : 24.05;
			HttpResponse<String> r = send("POST", "/api/placement/queue/" + pole.get("kind").asString().toLowerCase()
					+ "/" + pole.get("id").asLong() + "/place", DISPATCHER,
					"{\"longitude\": %s, \"latitude\": %s}".formatted(lon, lat));
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			JsonNode result = json.readTree(r.body());
			if (pole.get("precinct") != null && !pole.get("precinct").isNull()) {
				assertThat(result.get("precinct").get("code").asString()).isEqualTo(pole.get("precinct").get("code").asString());
			}
			placed.add(pole.get("code").asString());
		}
		assertThat(placed).containsExactlyInAnyOrder("HFA002", "HFA003", "HFA004", "HFA005");

		// every camera has a position, a precinct and a district of the new city
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM camera c WHERE c.location IS NULL OR c.precinct_id IS NULL OR c.district_id IS NULL""",
				Long.class)).isZero();
		assertThat(jdbc.queryForList("SELECT DISTINCT p.code FROM camera c JOIN precinct p ON p.id = c.precinct_id ORDER BY 1",
				String.class)).containsExactly("HF-EAST", "HF-NORTH", "HF-WEST");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'camera.placed'", Long.class))
			.isEqualTo(4);
		JsonNode done = checklist();
		for (String step : List.of("department", "precincts", "districts", "import", "placement", "areas")) {
			assertThat(state(done, step)).as(step).isEqualTo("DONE");
		}
		assertThat(state(done, "stations")).isEqualTo("PARTLY");
	}

	private JsonNode checklist() throws Exception {
		HttpResponse<String> r = send("GET", "/api/admin/setup", ADMIN, null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return json.readTree(r.body());
	}

	private static String state(JsonNode checklist, String key) {
		return checklist.get("steps").valueStream().filter(s -> s.get("key").asString().equals(key)).findFirst()
			.orElseThrow().get("state").asString();
	}

	private String upload(String path, String resource) throws Exception {
		byte[] content = new ClassPathResource(resource).getContentAsByteArray();
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic(ADMIN)).header("Content-Type", "application/geo+json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return r.body();
	}

	private String importCsv(String resource) throws Exception {
		byte[] content = new ClassPathResource(resource).getContentAsByteArray();
		String boundary = "wk-boundary-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cameras.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports?dryRun=false"))
			.header("Authorization", basic(DISPATCHER)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return r.body();
	}

	private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic(user)).header("Accept-Language", "en");
		if (body != null) {
			b.header("Content-Type", "application/json");
		}
		return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
