package io.watchkeeper.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The placement queue API over real HTTP on the real PostGIS: order, place, skip, conflicts and bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlacementQueueIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void users() {
		TestUsers.ensure(jdbc, "it-pl-dispatcher", "secret-1", "DISPATCHER");
		TestUsers.ensure(jdbc, "it-pl-admin", "secret-3", "ADMIN");
		jdbc.update("DELETE FROM placement_skip WHERE username IN ('it-pl-dispatcher', 'it-pl-admin')");
	}

	@Test
	void offersTheOldestPoleOfTheNamedPrecinctWithItsCamerasAndPlacesThemWhereClicked() throws Exception {
		PlacementFixtures.Areas areas = PlacementFixtures.areas(jdbc, "ITPL1", 21.60);
		long older = PlacementFixtures.site(jdbc, "PLQA001", "甲路1號", areas.a(), 2, 300);
		long newer = PlacementFixtures.site(jdbc, "PLQA002", "甲路2號", areas.a(), 1, 100);
		long lone = PlacementFixtures.lone(jdbc, "PLQA900-01", "甲路9號", areas.a(), 200);

		JsonNode step = get("/api/placement/queue/next?precinct=ITPL1-A");
		JsonNode pole = step.get("pole");
		assertThat(pole.get("kind").asString()).isEqualTo("SITE");
		assertThat(pole.get("id").asLong()).isEqualTo(older);
		assertThat(pole.get("code").asString()).isEqualTo("PLQA001");
		assertThat(pole.get("address").asString()).isEqualTo("甲路1號");
		assertThat(pole.get("precinct").get("code").asString()).isEqualTo("ITPL1-A");
		assertThat(pole.get("cameras")).extracting(c -> c.get("assetTag").asString()).containsExactly("PLQA001-01", "PLQA001-02");
		assertThat(pole.get("cameras").get(0).get("headingDeg").asInt()).isEqualTo(90);
		assertThat(pole.get("cameras").get(0).get("lpr").asString()).isEqualTo("LPR");
		JsonNode suggestion = pole.get("suggestion");
		assertThat(suggestion.get("source").asString()).isEqualTo("PRECINCT");
		assertThat(suggestion.get("longitude").asDouble()).isBetween(121.60, 121.70);
		assertThat(step.get("progress").get("remaining").asLong()).isEqualTo(3);
		assertThat(step.get("progress").get("remainingCameras").asLong()).isEqualTo(4);

		// next after the first: the lone camera (imported before the newer site), then the newer site, then round again
		JsonNode second = get("/api/placement/queue/next?precinct=ITPL1-A&after=site:" + older).get("pole");
		assertThat(second.get("kind").asString()).isEqualTo("CAMERA");
		assertThat(second.get("id").asLong()).isEqualTo(lone);
		assertThat(get("/api/placement/queue/next?precinct=ITPL1-A&after=camera:" + lone).get("pole").get("id").asLong())
			.isEqualTo(newer);
		assertThat(get("/api/placement/queue/next?precinct=ITPL1-A&after=site:" + newer).get("pole").get("id").asLong())
			.isEqualTo(older);

		long placedBefore = get("/api/placement/queue/next?precinct=ITPL1-A").get("progress").get("placedToday").asLong();
		// clicked in precinct B: the cameras follow the polygon, not the list
		HttpResponse<String> placed = post("/api/placement/queue/site/" + older + "/place", """
				{"longitude": 121.75, "latitude": 21.65, "cameraIds": %s}""".formatted(ids(pole)));
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
		JsonNode result = json.readTree(placed.body());
		assertThat(result.get("cameraIds")).hasSize(2);
		assertThat(result.get("precinct").get("code").asString()).isEqualTo("ITPL1-B");
		assertThat(result.get("district").get("code").asString()).isEqualTo("ITPL1-D");
		assertThat(jdbc.queryForList("""
				SELECT p.code FROM camera c JOIN precinct p ON p.id = c.precinct_id
				 WHERE c.site_id = ? AND ST_Equals(c.location, ST_SetSRID(ST_MakePoint(121.75, 21.65), 4326))""",
				String.class, older)).containsExactly("ITPL1-B", "ITPL1-B");
		assertThat(jdbc.queryForObject("SELECT ST_X(location) FROM site WHERE id = ?", Double.class, older)).isEqualTo(121.75);
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE action = 'camera.placed' AND actor = 'it-pl-dispatcher'
				   AND details ->> 'how' = 'queue' AND (details ->> 'poleId')::bigint = ?""", Long.class, older)).isEqualTo(1);

		JsonNode after = get("/api/placement/queue/next?precinct=ITPL1-A");
		assertThat(after.get("pole").get("id").asLong()).isNotEqualTo(older);
		assertThat(after.get("progress").get("remaining").asLong()).isEqualTo(2);
		assertThat(after.get("progress").get("placedToday").asLong()).isEqualTo(placedBefore + 1);

		// the same pole again: someone placed it meanwhile (409), or, asked blindly, there is nothing left (404)
		assertProblem(post("/api/placement/queue/site/" + older + "/place", """
				{"longitude": 121.65, "latitude": 21.65, "cameraIds": %s}""".formatted(ids(pole))), 409, null);
		assertProblem(post("/api/placement/queue/site/" + older + "/place", """
				{"longitude": 121.65, "latitude": 21.65}"""), 404, null);
		assertThat(jdbc.queryForObject("SELECT ST_X(location) FROM site WHERE id = ?", Double.class, older)).isEqualTo(121.75);
	}

	@Test
	void aPointOutsideEveryPrecinctAsksToConfirmFirst() throws Exception {
		PlacementFixtures.Areas areas = PlacementFixtures.areas(jdbc, "ITPL2", 21.71);
		long site = PlacementFixtures.site(jdbc, "PLQB001", "乙路1號", areas.b(), 1, 50);
		HttpResponse<String> refused = post("/api/placement/queue/site/" + site + "/place", """
				{"longitude": 122.30, "latitude": 21.75}""");
		assertProblem(refused, 409, "confirmOutside");
		assertThat(json.readTree(refused.body()).get("confirm").asBoolean()).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE site_id = ? AND location IS NOT NULL", Long.class, site)).isZero();

		HttpResponse<String> confirmed = post("/api/placement/queue/site/" + site + "/place", """
				{"longitude": 122.30, "latitude": 21.75, "confirmOutside": true}""");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(json.readTree(confirmed.body()).get("precinct").isNull()).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE site_id = ? AND location IS NOT NULL", Long.class, site)).isEqualTo(1);
	}

	@Test
	void badCoordinatesAndFieldsAreA400NamingTheFieldAndWriteNothing() throws Exception {
		PlacementFixtures.Areas areas = PlacementFixtures.areas(jdbc, "ITPL3", 21.82);
		long site = PlacementFixtures.site(jdbc, "PLQC001", "丙路1號", areas.a(), 1, 50);
		String place = "/api/placement/queue/site/" + site + "/place";
		assertProblem(post(place, "{\"longitude\": \"121.65\", \"latitude\": 21.85}"), 400, "longitude");
		assertProblem(post(place, "{\"longitude\": 121.65, \"latitude\": 91}"), 400, "latitude");
		assertProblem(post(place, "{\"longitude\": -181, \"latitude\": 21.85}"), 400, "longitude");
		assertProblem(post(place, "{\"longitude\": 121.65}"), 400, "latitude");
		assertProblem(post(place, "{\"longitude\": NaN, \"latitude\": 21.85}"), 400, null);
		assertProblem(post(place, "{\"longitude\": 1e400, \"latitude\": 21.85}"), 400, "longitude");
		assertProblem(post(place, "{\"longitude\": 2.35, \"latitude\": 48.85}"), 400, "longitude");
		assertProblem(post(place, "{\"longitude\": 121.65, \"latitude\": 21.85, \"colour\": \"red\"}"), 400, "colour");
		assertProblem(post(place, "{\"longitude\": 121.65, \"latitude\": 21.85, \"confirmOutside\": \"yes\"}"), 400, "confirmOutside");
		assertProblem(post(place, "{\"longitude\": 121.65, \"latitude\": 21.85, \"cameraIds\": [\"x\"]}"), 400, "cameraIds");
		assertProblem(post(place, "[121.65, 21.85]"), 400, null);
		assertProblem(post(place, "{\"longitude\": 121.65,"), 400, null);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE site_id = ? AND location IS NOT NULL", Long.class, site)).isZero();

		assertProblem(post("/api/placement/queue/pole/" + site + "/place", "{\"longitude\": 121.65, \"latitude\": 21.85}"), 404, null);
		assertProblem(post("/api/placement/queue/site/abc/place", "{\"longitude\": 121.65, \"latitude\": 21.85}"), 404, null);
		assertProblem(post("/api/placement/queue/site/987654321/place", "{\"longitude\": 121.65, \"latitude\": 21.85}"), 404, null);
		assertProblem(post("/api/placement/queue/camera/987654321/skip", null), 404, null);
		assertProblem(send("GET", "/api/placement/queue/next?after=site", null, "it-pl-dispatcher", "secret-1"), 400, "after");
		assertProblem(send("GET", "/api/placement/queue/next?precinct=NOPE", null, "it-pl-dispatcher", "secret-1"), 400, "precinct");
		assertProblem(send("GET", "/api/placement/queue/next?order=random", null, "it-pl-dispatcher", "secret-1"), 400, "order");
		assertProblem(send("GET", "/api/placement/queue/next?withAddress=maybe", null, "it-pl-dispatcher", "secret-1"), 400, "withAddress");
	}

	@Test
	void theMapStartsAtTheBestAddressMatchEvenARoadOrARejectedOneAndSaysWhichItIs() throws Exception {
		PlacementFixtures.Areas areas = PlacementFixtures.areas(jdbc, "ITPL6", 22.05);
		long site = PlacementFixtures.site(jdbc, "PLQF001", "戊路8號", areas.a(), 2, 400);
		long lone = PlacementFixtures.lone(jdbc, "PLQF900-01", "戊路99號", areas.a(), 390);
		long bare = PlacementFixtures.site(jdbc, "PLQF002", "無名路1號", areas.a(), 1, 380);
		long run = jdbc.queryForObject("INSERT INTO address_match_run (started_by, auto_apply, finished_at) "
				+ "VALUES ('it', 'EXACT', now()) RETURNING id", Long.class);
		// the site: a reviewer rejected the door plate, the road section is still proposed
		match(run, site, null, "EXACT", "戊路8號", 121.611, "REJECTED");
		long road = match(run, site, null, "ROAD", "戊路", 121.622, "PROPOSED");
		// the camera alone: only a rejected match, still a better start than the whole precinct
		match(run, null, lone, "NEAREST", "戊路97號", 121.633, "REJECTED");

		JsonNode pole = get("/api/placement/queue/next?precinct=ITPL6-A").get("pole");
		assertThat(pole.get("id").asLong()).isEqualTo(site);
		JsonNode s = pole.get("suggestion");
		assertThat(s.get("source").asString()).isEqualTo("ADDRESS");
		assertThat(s.get("quality").asString()).isEqualTo("ROAD");
		assertThat(s.get("doorPlate").asString()).isEqualTo("戊路");
		assertThat(s.get("matchStatus").asString()).isEqualTo("PROPOSED");
		assertThat(s.get("longitude").asDouble()).isEqualTo(121.622);

		JsonNode alone = get("/api/placement/queue/next?precinct=ITPL6-A&after=site:" + site).get("pole");
		assertThat(alone.get("id").asLong()).isEqualTo(lone);
		assertThat(alone.get("suggestion").get("quality").asString()).isEqualTo("NEAREST");
		assertThat(alone.get("suggestion").get("matchStatus").asString()).isEqualTo("REJECTED");
		assertThat(alone.get("suggestion").get("longitude").asDouble()).isEqualTo(121.633);

		JsonNode none = get("/api/placement/queue/next?precinct=ITPL6-A&after=camera:" + lone).get("pole");
		assertThat(none.get("id").asLong()).isEqualTo(bare);
		assertThat(none.get("suggestion").get("source").asString()).isEqualTo("PRECINCT");
		assertThat(none.get("suggestion").get("quality").isNull()).isTrue();

		// the road proposal rejected too: the door plate (rejected, but better than the road) is where to start
		jdbc.update("UPDATE address_match SET status = 'REJECTED' WHERE id = ?", road);
		JsonNode again = get("/api/placement/queue/next?precinct=ITPL6-A").get("pole").get("suggestion");
		assertThat(again.get("quality").asString()).isEqualTo("EXACT");
		assertThat(again.get("doorPlate").asString()).isEqualTo("戊路8號");
		jdbc.update("DELETE FROM address_match_run WHERE id = ?", run);
	}

	private long match(long run, Long site, Long camera, String quality, String text, double longitude, String status) {
		Long[] ids = site == null ? new Long[] { camera }
				: jdbc.queryForList("SELECT id FROM camera WHERE site_id = ? ORDER BY id", Long.class, site).toArray(Long[]::new);
		return jdbc.queryForObject("""
				INSERT INTO address_match (run_id, site_id, camera_id, camera_ids, address, kind, quality, matched_text, point, status)
				VALUES (?, ?, ?, ?, ?, 'DOOR_PLATE', ?, ?, ST_SetSRID(ST_MakePoint(?, 22.06), 4326), ?) RETURNING id""", Long.class,
				run, site, camera, ids, text, quality, text, longitude, status);
	}

	@Test
	void aSkippedPoleGoesToTheEndOfThatUsersQueueOnly() throws Exception {
		PlacementFixtures.Areas areas = PlacementFixtures.areas(jdbc, "ITPL4", 21.93);
		long first = PlacementFixtures.site(jdbc, "PLQD001", "丁路1號", areas.a(), 1, 300);
		long second = PlacementFixtures.site(jdbc, "PLQD002", null, areas.a(), 1, 200);
		long third = PlacementFixtures.site(jdbc, "PLQD003", "丁路3號", areas.a(), 1, 100);

		HttpResponse<String> skipped = post("/api/placement/queue/site/" + first + "/skip?precinct=ITPL4-A", null);
		assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
		JsonNode step = json.readTree(skipped.body());
		assertThat(step.get("pole").get("id").asLong()).isEqualTo(second);
		assertThat(step.get("progress").get("skipped").asLong()).isEqualTo(1);
		assertThat(get("/api/placement/queue/next?precinct=ITPL4-A").get("pole").get("id").asLong()).isEqualTo(second);
		JsonNode last = get("/api/placement/queue/next?precinct=ITPL4-A&after=site:" + third).get("pole");
		assertThat(last.get("id").asLong()).isEqualTo(first);
		assertThat(last.get("skipped").isNull()).isFalse();
		// only poles with an address: the second has none
		assertThat(get("/api/placement/queue/next?precinct=ITPL4-A&withAddress=true").get("pole").get("id").asLong()).isEqualTo(third);
		// another user's queue is not changed by it
		JsonNode admins = json.readTree(send("GET", "/api/placement/queue/next?precinct=ITPL4-A", null, "it-pl-admin", "secret-3").body());
		assertThat(admins.get("pole").get("id").asLong()).isEqualTo(first);
		assertThat(admins.get("progress").get("skipped").asLong()).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'placement.skipped' AND object_id = ?",
				Long.class, String.valueOf(first))).isGreaterThanOrEqualTo(1);
	}

	@Test
	void twoPeoplePlacingTheSamePolePlaceItOnce() throws Exception {
		PlacementFixtures.Areas areas = PlacementFixtures.areas(jdbc, "ITPL5", 22.04);
		long site = PlacementFixtures.site(jdbc, "PLQE001", "戊路1號", areas.a(), 3, 50);
		List<Long> ids = jdbc.queryForList("SELECT id FROM camera WHERE site_id = ? ORDER BY id", Long.class, site);
		String body = "{\"longitude\": %s, \"latitude\": 22.05, \"cameraIds\": " + ids + "}";
		CompletableFuture<HttpResponse<String>> one = http.sendAsync(request("POST", "/api/placement/queue/site/" + site
				+ "/place", body.formatted("121.61"), "it-pl-dispatcher", "secret-1"), HttpResponse.BodyHandlers.ofString());
		CompletableFuture<HttpResponse<String>> two = http.sendAsync(request("POST", "/api/placement/queue/site/" + site
				+ "/place", body.formatted("121.62"), "it-pl-admin", "secret-3"), HttpResponse.BodyHandlers.ofString());
		List<Integer> statuses = List.of(one.get().statusCode(), two.get().statusCode());
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.queryForObject("SELECT count(DISTINCT ST_AsText(location)) FROM camera WHERE site_id = ?", Long.class, site))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE action = 'camera.placed' AND (details ->> 'poleId')::bigint = ?
				   AND details ->> 'pole' = 'SITE'""", Long.class, site)).isEqualTo(1);
	}

	private static String ids(JsonNode pole) {
		return pole.get("cameras").valueStream().map(c -> String.valueOf(c.get("id").asLong())).toList().toString();
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> r = send("GET", path, null, "it-pl-dispatcher", "secret-1");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return json.readTree(r.body());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return send("POST", path, body, "it-pl-dispatcher", "secret-1");
	}

	private HttpResponse<String> send(String method, String path, String body, String user, String password) throws Exception {
		return http.send(request(method, path, body, user, password), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String path, String body, String user, String password) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", "en");
		if (body != null) {
			b.header("Content-Type", "application/json");
		}
		return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private void assertProblem(HttpResponse<String> r, int status, String field) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = json.readTree(r.body());
		assertThat(problem.get("detail").asString()).isNotBlank();
		if (field != null) {
			assertThat(problem.get("errors")).as(r.body()).extracting(e -> e.get("field").asString()).contains(field);
		}
	}
}
