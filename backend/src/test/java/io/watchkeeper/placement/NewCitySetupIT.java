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
 * bundled Kaohsiung ones, its stations (the stations upload), its door plates (a tiny dataset), a camera list with a
 * unit column ("X分局 Y派出所"), two cameras with coordinates and the rest with addresses only, address matching
 * placing what the door plates find, and the placement queue for the rest; at the end every camera has a position, a
 * precinct, a district and a station, and no Kaohsiung name is left in the lists.
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

		// 3. stations, one per precinct, through the stations upload
		HttpResponse<String> stations = multipart("/api/stations/upload", ADMIN, "stations.csv", """
				分局,派出所,英文名稱
				西灣分局,漁港派出所,Fishing Harbour Station
				東灣分局,燈塔派出所,Lighthouse Station
				北灣分局,浪花派出所,Wave Station
				""".getBytes(StandardCharsets.UTF_8));
		assertThat(stations.statusCode()).as(stations.body()).isEqualTo(200);
		assertThat(json.readTree(stations.body()).get("created").size()).isEqualTo(3);
		assertThat(state(checklist(), "stations")).isEqualTo("DONE");

		// 4. the city's door plates (a tiny dataset, WGS84 columns)
		assertThat(state(checklist(), "doorPlates")).isEqualTo("TODO");
		HttpResponse<String> plates = multipart("/api/gazetteer/datasets?name=" + java.net.URLEncoder.encode("海風市門牌",
				StandardCharsets.UTF_8), ADMIN, "door-plates.csv", new ClassPathResource("newcity/door-plates.csv").getContentAsByteArray());
		assertThat(plates.statusCode()).as(plates.body()).isEqualTo(200);
		assertThat(json.readTree(plates.body()).get("rows").asLong()).isEqualTo(8);
		JsonNode doorPlates = step(checklist(), "doorPlates");
		assertThat(doorPlates.get("state").asString()).isEqualTo("DONE");
		assertThat(doorPlates.get("count").asLong()).isEqualTo(8);
		assertThat(doorPlates.get("details").get("datasets").asLong()).isEqualTo(1);

		// 5. the first camera list: a unit column (precinct and station), two cameras with coordinates, the rest with
		// addresses only
		JsonNode imported = json.readTree(importCsv("newcity/cameras.csv"));
		assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("APPLIED");
		assertThat(imported.get("rowsWritten").asInt()).isEqualTo(8);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE location IS NULL", Long.class)).isEqualTo(6);
		assertThat(jdbc.queryForList("""
				SELECT p.code || ' ' || s.name_zh FROM camera c JOIN precinct p ON p.id = c.precinct_id
				  JOIN station s ON s.id = c.station_id WHERE c.asset_tag LIKE 'HFA002-%'""",
				String.class)).containsExactly("HF-EAST 燈塔派出所", "HF-EAST 燈塔派出所");
		assertThat(state(checklist(), "placement")).isEqualTo("PARTLY");
		assertThat(state(checklist(), "matching")).isEqualTo("TODO");

		// 6. address matching places what the door plates find (a door plate, the nearest number, where two roads
		// meet); a road the dataset does not know and a lamp post without number are left to the queue
		HttpResponse<String> run = send("POST", "/api/placement/matches/run", DISPATCHER, "{}");
		assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
		JsonNode matched = json.readTree(run.body());
		assertThat(matched.get("camerasPlaced").asInt()).as(run.body()).isEqualTo(4);
		assertThat(jdbc.queryForList("""
				SELECT c.asset_tag FROM camera c WHERE c.location IS NOT NULL AND c.asset_tag NOT LIKE 'HFA001-%'
				 ORDER BY 1""", String.class)).containsExactly("HFA002-01", "HFA002-02", "HFA003-01", "HFA004-01");
		assertThat(jdbc.queryForList("SELECT p.code FROM camera c JOIN precinct p ON p.id = c.precinct_id "
				+ "WHERE c.asset_tag = 'HFA003-01'", String.class)).containsExactly("HF-NORTH");
		JsonNode matching = step(checklist(), "matching");
		assertThat(matching.get("state").asString()).isEqualTo("PARTLY");
		assertThat(matching.get("count").asLong()).isEqualTo(3);
		assertThat(matching.get("left").asLong()).isEqualTo(2);
		assertThat(matching.get("details").get("EXACT").asLong()).isEqualTo(1);
		assertThat(matching.get("details").get("NEAREST").asLong()).isEqualTo(1);
		assertThat(matching.get("details").get("INTERSECTION").asLong()).isEqualTo(1);
		assertThat(matching.get("details").get("UNMATCHED").asLong()).isEqualTo(2);
		assertThat(admin.get("/admin/setup?lang=zh-TW").body()).contains("門牌相符 1", "路口 1", "找不到 2");

		// 7. the placement queue places the rest, one pole at a time, where the dispatcher clicks: inside the
		// precinct the list named (the queue's suggestion)
		List<String> placed = new ArrayList<>();
		for (int step = 0; step < 20; step++) {
			JsonNode next = json.readTree(send("GET", "/api/placement/queue/next", DISPATCHER, null).body());
			JsonNode pole = next.get("pole");
			if (pole == null || pole.isNull()) {
				assertThat(next.get("progress").get("remaining").asLong()).isZero();
				break;
			}
			JsonNode at = pole.get("suggestion");
			assertThat(at.get("source").asString()).isEqualTo("PRECINCT");
			HttpResponse<String> r = send("POST", "/api/placement/queue/" + pole.get("kind").asString().toLowerCase()
					+ "/" + pole.get("id").asLong() + "/place", DISPATCHER, "{\"longitude\": %s, \"latitude\": %s}"
						.formatted(at.get("longitude").asDouble(), at.get("latitude").asDouble()));
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			JsonNode result = json.readTree(r.body());
			assertThat(result.get("precinct").get("code").asString()).isEqualTo(pole.get("precinct").get("code").asString());
			assertThat(result.get("station").get("code").asString()).isEqualTo(pole.get("station").get("code").asString());
			placed.add(pole.get("code").asString());
		}
		assertThat(placed).containsExactlyInAnyOrder("HFA005", "HFA006");

		// every camera has a position, a precinct and a district of the new city
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM camera c
				 WHERE c.location IS NULL OR c.precinct_id IS NULL OR c.district_id IS NULL OR c.station_id IS NULL""",
				Long.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera", Long.class)).isEqualTo(8);
		assertThat(jdbc.queryForList("SELECT DISTINCT p.code FROM camera c JOIN precinct p ON p.id = c.precinct_id ORDER BY 1",
				String.class)).containsExactly("HF-EAST", "HF-NORTH", "HF-WEST");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'camera.placed' "
				+ "AND details ->> 'how' = 'queue'", Long.class)).isEqualTo(2);
		JsonNode done = checklist();
		for (String step : List.of("department", "precincts", "districts", "stations", "doorPlates", "import", "matching",
				"placement", "areas")) {
			assertThat(state(done, step)).as(step).isEqualTo("DONE");
		}
	}

	private JsonNode checklist() throws Exception {
		HttpResponse<String> r = send("GET", "/api/admin/setup", ADMIN, null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return json.readTree(r.body());
	}

	private static String state(JsonNode checklist, String key) {
		return step(checklist, key).get("state").asString();
	}

	private static JsonNode step(JsonNode checklist, String key) {
		return checklist.get("steps").valueStream().filter(s -> s.get("key").asString().equals(key)).findFirst()
			.orElseThrow();
	}

	private HttpResponse<String> multipart(String path, String user, String filename, byte[] content) throws Exception {
		String boundary = "wk-boundary-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());
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
