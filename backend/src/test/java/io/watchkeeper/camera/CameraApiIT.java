package io.watchkeeper.camera;

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

/** The camera API over real HTTP: problem details for bad input, locking, exports, roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CameraApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();
	CameraFixtures.Areas areas;

	@BeforeEach
	void users() {
		TestUsers.ensure(jdbc, "it-api-dispatcher", "secret-1", "DISPATCHER");
		TestUsers.ensure(jdbc, "it-api-viewer", "secret-2", "VIEWER");
		TestUsers.ensure(jdbc, "it-api-admin", "secret-3", "ADMIN");
		areas = CameraFixtures.ensureAreas(jdbc, "ITA", 23.20);
	}

	@Test
	void registersReadsAndFindsByAssetTag() throws Exception {
		HttpResponse<String> created = send("POST", "/api/cameras", """
				{"assetTag": "aapi001-01", "longitude": 119.35, "latitude": 23.25, "address": "API路1號",
				 "heading": 45, "installDate": "2015-03-30", "lpr": "REALTIME_LPR"}""");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode camera = json.readTree(created.body());
		assertThat(created.headers().firstValue("Location")).contains("/api/cameras/" + camera.get("id").asLong());
		assertThat(camera.get("assetTag").asString()).isEqualTo("AAPI001-01");
		assertThat(camera.get("precinct").get("code").asString()).isEqualTo("ITA-WEST");
		assertThat(camera.get("endOfLife").asString()).isEqualTo("2023-03-30");

		HttpResponse<String> byTag = send("GET", "/api/cameras/by-asset-tag/aapi001-01", null);
		assertThat(byTag.statusCode()).isEqualTo(200);
		assertThat(json.readTree(byTag.body()).get("id").asLong()).isEqualTo(camera.get("id").asLong());

		HttpResponse<String> list = send("GET", "/api/cameras?precinct=" + areas.west() + "&lpr=ANY&q=AAPI", null);
		assertThat(json.readTree(list.body()).get("items")).extracting(n -> n.get("assetTag").asString()).contains("AAPI001-01");
	}

	@Test
	void anUnknownFieldIsA400NamingTheField() throws Exception {
		HttpResponse<String> r = send("POST", "/api/cameras", """
				{"assetTag": "AAPI002-01", "colour": "red"}""");
		assertProblem(r, 400, "colour");
		assertThat(r.body()).contains("unknown field");
	}

	@Test
	void malformedJsonIsA400() throws Exception {
		assertProblem(send("POST", "/api/cameras", "{\"assetTag\": \"AAPI003-01\","), 400, null);
		assertProblem(send("POST", "/api/cameras", "[1, 2]"), 400, null);
		assertProblem(send("POST", "/api/cameras", "{\"assetTag\": \"AAPI003-01\", \"installDate\": \"2023-02-30\"}"), 400,
				"installDate");
		assertProblem(send("POST", "/api/cameras", "{\"assetTag\": \"AAPI003-01\", \"status\": \"BROKEN\"}"), 400, "status");
	}

	@Test
	void overLongFieldsAndABadHeadingAreFieldErrors() throws Exception {
		HttpResponse<String> r = send("POST", "/api/cameras", """
				{"assetTag": "%s", "address": "%s", "heading": 360}""".formatted("A".repeat(41), "路".repeat(301)));
		assertProblem(r, 400, "assetTag");
		JsonNode errors = json.readTree(r.body()).get("errors");
		assertThat(errors).extracting(e -> e.get("field").asString()).contains("assetTag", "address", "heading");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag = ?", Long.class, "A".repeat(41))).isZero();
	}

	@Test
	void installDatesOutsideTheImportersYearsAreRefusedAsInTheImporter() throws Exception {
		for (String date : new String[] { "-0001-01-01", "9999-12-31", "+10000-01-01", "1949-12-31" }) {
			HttpResponse<String> r = send("POST", "/api/cameras", """
					{"assetTag": "AAPID20-01", "installDate": "%s"}""".formatted(date));
			assertProblem(r, 400, "installDate");
			assertThat(r.body()).as(date).contains("between 1950 and 2100");
		}
		assertProblem(send("POST", "/api/cameras", """
				{"assetTag": "AAPID20-01", "warrantyEnd": "2101-01-01"}"""), 400, "warrantyEnd");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag = 'AAPID20-01'", Long.class)).isZero();
		assertThat(send("POST", "/api/cameras", """
				{"assetTag": "AAPID20-02", "installDate": "1950-01-01", "warrantyEnd": "2100-12-31"}""").statusCode()).isEqualTo(201);
	}

	@Test
	void aDecimalHeadingIsRoundedHalfUpAndWrapsToNorth() throws Exception {
		for (String body : new String[] { "{\"assetTag\": \"AAPIH21-01\", \"heading\": 359.9}",
				"{\"assetTag\": \"AAPIH21-02\", \"heading\": 359.4}", "{\"assetTag\": \"AAPIH21-03\", \"heading\": 44.5}" }) {
			HttpResponse<String> created = send("POST", "/api/cameras", body);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		assertThat(jdbc.queryForList("SELECT heading_deg FROM camera WHERE asset_tag LIKE 'AAPIH21-%' ORDER BY asset_tag",
				Integer.class)).containsExactly(0, 359, 45);
		assertProblem(send("POST", "/api/cameras", """
				{"assetTag": "AAPIH21-04", "heading": 360}"""), 400, "heading");
	}

	@Test
	void anAssetTagWithAnOverlongIndexIsRefused() throws Exception {
		HttpResponse<String> r = send("POST", "/api/cameras", """
				{"assetTag": "ZZB001-99999999999"}""");
		assertProblem(r, 400, "assetTag");
		assertThat(r.body()).contains("at most 4 digits");
		assertThat(send("POST", "/api/cameras", """
				{"assetTag": "KHT-0042"}""").statusCode()).isEqualTo(201);
	}

	@Test
	void aLocationOutsideTaiwanOrSwappedIsAFieldError() throws Exception {
		HttpResponse<String> r = send("POST", "/api/cameras", """
				{"assetTag": "AAPI004-01", "longitude": 22.63, "latitude": 120.30}""");
		assertProblem(r, 400, "longitude");
		assertThat(r.body()).contains("swapped");
	}

	@Test
	void aDuplicateTagIsA409() throws Exception {
		assertThat(send("POST", "/api/cameras", "{\"assetTag\": \"AAPI005-01\"}").statusCode()).isEqualTo(201);
		assertProblem(send("POST", "/api/cameras", "{\"assetTag\": \"aapi005-01\"}"), 409, null);
	}

	@Test
	void aStaleVersionIsA409AndAMissingCameraA404() throws Exception {
		long id = create("AAPI006-01");
		assertThat(send("PUT", "/api/cameras/" + id, "{\"assetTag\": \"AAPI006-01\", \"heading\": 10, \"version\": 0}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> stale = send("PUT", "/api/cameras/" + id,
				"{\"assetTag\": \"AAPI006-01\", \"heading\": 20, \"version\": 0}");
		assertProblem(stale, 409, null);
		assertThat(stale.body()).contains("Stale version");
		assertProblem(send("PUT", "/api/cameras/" + id, "{\"assetTag\": \"AAPI006-01\"}"), 400, "version");
		assertProblem(send("GET", "/api/cameras/987654321", null), 404, null);
		assertProblem(send("PUT", "/api/cameras/987654321", "{\"assetTag\": \"X\", \"version\": 0}"), 404, null);
	}

	@Test
	void twoWritersRaceAndExactlyOneGetsA409() throws Exception {
		long id = create("AAPI007-01");
		CompletableFuture<HttpResponse<String>> a = sendAsync("PUT", "/api/cameras/" + id,
				"{\"assetTag\": \"AAPI007-01\", \"address\": \"writer A\", \"version\": 0}");
		CompletableFuture<HttpResponse<String>> b = sendAsync("PUT", "/api/cameras/" + id,
				"{\"assetTag\": \"AAPI007-01\", \"address\": \"writer B\", \"version\": 0}");
		List<Integer> statuses = List.of(a.get().statusCode(), b.get().statusCode());
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		String winner = a.get().statusCode() == 200 ? "writer A" : "writer B";
		assertThat(jdbc.queryForObject("SELECT address FROM camera WHERE id = ?", String.class, id)).isEqualTo(winner);
	}

	@Test
	void mergePatchChangesOnlyTheGivenFields() throws Exception {
		long id = create("AAPI008-01");
		HttpResponse<String> r = send("PATCH", "/api/cameras/" + id, "{\"heading\": 270, \"make\": \"VIVOTEK\", \"version\": 0}",
				"application/merge-patch+json");
		assertThat(r.statusCode()).isEqualTo(200);
		JsonNode camera = json.readTree(r.body());
		assertThat(camera.get("heading").asInt()).isEqualTo(270);
		assertThat(camera.get("address").asString()).isEqualTo("API路");
		assertProblem(send("PATCH", "/api/cameras/" + id, "{\"heading\": 400, \"version\": 1}", "application/merge-patch+json"),
				400, "heading");
		assertProblem(send("PATCH", "/api/cameras/" + id, "{\"hue\": 1, \"version\": 1}", "application/merge-patch+json"),
				400, "hue");
		assertProblem(send("PATCH", "/api/cameras/" + id, "{\"heading\": 1}", "application/merge-patch+json"), 400, "version");
	}

	@Test
	void footageRetentionIsTheCamerasOwnOrNullForTheCityDefault() throws Exception {
		long id = create("AAPI090-01");
		JsonNode created = json.readTree(send("GET", "/api/cameras/" + id, null).body());
		assertThat(created.get("retentionDays").isNull()).as(created.toString()).isTrue();
		HttpResponse<String> r = send("PATCH", "/api/cameras/" + id, "{\"retentionDays\": 45, \"version\": 0}",
				"application/merge-patch+json");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		assertThat(json.readTree(r.body()).get("retentionDays").asInt()).isEqualTo(45);
		assertThat(jdbc.queryForObject("SELECT retention_days FROM camera WHERE id = ?", Integer.class, id)).isEqualTo(45);
		r = send("PATCH", "/api/cameras/" + id, "{\"make\": \"AXIS\", \"version\": 1}", "application/merge-patch+json");
		assertThat(json.readTree(r.body()).get("retentionDays").asInt()).as("kept by a patch of another field").isEqualTo(45);
		assertProblem(send("PATCH", "/api/cameras/" + id, "{\"retentionDays\": 0, \"version\": 2}", "application/merge-patch+json"),
				400, "retentionDays");
		assertProblem(send("PATCH", "/api/cameras/" + id, "{\"retentionDays\": 3651, \"version\": 2}",
				"application/merge-patch+json"), 400, "retentionDays");
		r = send("PATCH", "/api/cameras/" + id, "{\"retentionDays\": null, \"version\": 2}", "application/merge-patch+json");
		assertThat(json.readTree(r.body()).get("retentionDays").isNull()).isTrue();
	}

	@Test
	void decommissionsOnceThenConflicts() throws Exception {
		long id = create("AAPI009-01");
		HttpResponse<String> r = send("POST", "/api/cameras/" + id + "/decommission",
				"{\"reason\": \"遭車輛撞毀\", \"on\": \"2024-01-15\"}");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(json.readTree(r.body()).get("status").asString()).isEqualTo("DECOMMISSIONED");
		assertProblem(send("POST", "/api/cameras/" + id + "/decommission", "{\"reason\": \"again\", \"on\": \"2024-01-16\"}"),
				409, null);
		assertProblem(send("POST", "/api/cameras/" + id + "/decommission", "{\"on\": \"2024-01-16\"}"), 400, "reason");
		assertThat(json.readTree(send("GET", "/api/cameras/" + id + "/audit", null).body()))
			.extracting(e -> e.get("action").asString()).containsExactly("camera.decommissioned", "camera.created");
	}

	@Test
	void aViewerMayReadButNotWrite() throws Exception {
		assertThat(send("GET", "/api/cameras?size=1", null, "it-api-viewer", "secret-2").statusCode()).isEqualTo(200);
		assertThat(send("POST", "/api/cameras", "{\"assetTag\": \"AAPI010-01\"}", "it-api-viewer", "secret-2").statusCode())
			.isEqualTo(403);
		assertThat(send("GET", "/api/precincts", null, "it-api-viewer", "secret-2").body()).contains("ITA-WEST");
	}

	@Test
	void badListParametersAre400s() throws Exception {
		assertProblem(send("GET", "/api/cameras?sort=password", null), 400, "sort");
		assertProblem(send("GET", "/api/cameras?status=BROKEN", null), 400, "status");
		assertProblem(send("GET", "/api/cameras?size=5000", null), 400, "size");
		assertProblem(send("GET", "/api/cameras?q=" + "x".repeat(101), null), 400, "q");
	}

	@Test
	void unreadableValuesNameTheFieldAndTheAllowedValuesWithoutJavaInternals() throws Exception {
		HttpResponse<String> status = send("GET", "/api/cameras?status=FOO&precinct=abc", null);
		assertProblem(status, 400, "status");
		assertThat(status.body()).contains("Status: \\\"FOO\\\" is not valid; use one of PLANNED, ACTIVE, FAULTY, DECOMMISSIONED")
			.contains("Precinct: \\\"abc\\\" is not valid; use a whole number")
			.doesNotContain("java.lang").doesNotContain("Failed to convert");
		HttpResponse<String> lpr = send("POST", "/api/cameras", "{\"assetTag\": \"AAPI010-01\", \"lpr\": \"XX\"}");
		assertProblem(lpr, 400, "lpr");
		assertThat(lpr.body()).contains("use one of NONE, LPR, REALTIME_LPR").doesNotContain("tools.jackson")
			.doesNotContain("Cannot deserialize");
		HttpResponse<String> date = send("POST", "/api/cameras", "{\"assetTag\": \"AAPI010-01\", \"installDate\": \"2023-02-30\"}");
		assertProblem(date, 400, "installDate");
		assertThat(date.body()).contains("there is no such day in the calendar").doesNotContain("java.time");
		HttpResponse<String> badDate = send("POST", "/api/cameras", "{\"assetTag\": \"AAPI010-01\", \"installDate\": \"30/3/2015\"}");
		assertThat(badDate.body()).contains("write the date as YYYY-MM-DD");
	}

	@Test
	void theApiSpeaksTheCallersLanguageAndEnglishByDefault() throws Exception {
		String body = "{\"assetTag\": \"\", \"heading\": 999}";
		HttpRequest.Builder noLanguage = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cameras"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("it-api-dispatcher:secret-1".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		String english = http.send(noLanguage.build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(english).as(english).doesNotContainPattern("[\\u4e00-\\u9fff]").contains("heading");
		String chinese = http.send(noLanguage.header("Accept-Language", "zh-TW,zh;q=0.9,en;q=0.5").build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(chinese).as(chinese).containsPattern("[\\u4e00-\\u9fff]");
		HttpRequest list = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cameras?status=FOO"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("it-api-dispatcher:secret-1".getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", "zh-TW").build();
		assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).body()).contains("狀態：「FOO」不是有效的值");
	}

	@Test
	void theListTotalIsExactOrMarkedAndAPagePastTheEndSaysSo() throws Exception {
		JsonNode page = json.readTree(send("GET", "/api/cameras?size=1&page=400", null).body());
		assertThat(page.get("totalExact").asBoolean()).isTrue();
		assertThat(page.get("total").asLong()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM camera", Long.class));
		assertThat(page.get("pastEnd").asBoolean()).isEqualTo(page.get("total").asLong() <= 400);
		assertThat(page.get("lastPage").asLong()).isEqualTo(Math.max(0, page.get("total").asLong() - 1));
	}

	@Test
	void aLocationOutsideEveryPrecinctIsSavedWithAWarning() throws Exception {
		HttpResponse<String> created = send("POST", "/api/cameras?confirmOutsideArea=true", """
				{"assetTag": "AAPI020-01", "longitude": 121.5, "latitude": 25.03}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode camera = json.readTree(created.body());
		assertThat(camera.get("precinct").isNull()).isTrue();
		assertThat(camera.get("warnings")).extracting(w -> w.get("code").asString()).contains("OUTSIDE_PRECINCTS");
		JsonNode inside = json.readTree(send("POST", "/api/cameras", """
				{"assetTag": "AAPI020-02", "longitude": 119.35, "latitude": 23.25}""").body());
		assertThat(inside.get("warnings")).as("inside a precinct and a district: nothing to warn about").isEmpty();
	}

	@Test
	void aLocationFarOutsideTheDepartmentsAreaIsRefusedUnlessConfirmed() throws Exception {
		String taipei = """
				{"assetTag": "AAPI030-01", "longitude": 121.5, "latitude": 25.03}""";
		HttpResponse<String> refused = send("POST", "/api/cameras", taipei);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		JsonNode problem = json.readTree(refused.body());
		String km = String.format(java.util.Locale.ROOT, "%.1f", jdbc.queryForObject("SELECT min(ST_Distance(boundary::geography, "
				+ "ST_SetSRID(ST_MakePoint(121.5, 25.03), 4326)::geography)) / 1000 FROM precinct", Double.class));
		assertThat(problem.get("distanceKm").asDouble()).isEqualTo(Double.parseDouble(km)).isGreaterThan(2);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("longitude");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains(km).contains("confirmOutsideArea=true");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag = 'AAPI030-01'", Long.class)).isZero();

		HttpResponse<String> confirmed = send("POST", "/api/cameras?confirmOutsideArea=true", taipei);
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
		assertThat(json.readTree(confirmed.body()).get("warnings")).extracting(w -> w.get("code").asString())
			.contains("OUTSIDE_PRECINCTS");

		JsonNode inside = json.readTree(send("POST", "/api/cameras", """
				{"assetTag": "AAPI030-02", "longitude": 119.35, "latitude": 23.25}""").body());
		String move = "{\"longitude\": 121.5, \"latitude\": 25.03, \"version\": " + inside.get("version").asLong() + "}";
		HttpResponse<String> patched = send("PATCH", "/api/cameras/" + inside.get("id").asLong(), move);
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(422);
		patched = send("PATCH", "/api/cameras/" + inside.get("id").asLong() + "?confirmOutsideArea=true", move);
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		JsonNode moved = json.readTree(patched.body());
		String notes = "{\"notes\": \"still in Taipei\", \"version\": " + moved.get("version").asLong() + "}";
		assertThat(send("PATCH", "/api/cameras/" + moved.get("id").asLong(), notes).statusCode())
			.as("a position confirmed before is not asked about again when other fields change").isEqualTo(200);
	}

	@Test
	void aLocationJustOutsideTheBoundaryWithinTheToleranceIsAcceptedWithAWarning() throws Exception {
		// ITA-EAST ends at longitude 119.50: 119.51 is about 1 km east of it, within the 2 km tolerance
		HttpResponse<String> created = send("POST", "/api/cameras", """
				{"assetTag": "AAPI031-01", "longitude": 119.51, "latitude": 23.25}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode camera = json.readTree(created.body());
		assertThat(camera.get("precinct").isNull()).isTrue();
		assertThat(camera.get("warnings")).extracting(w -> w.get("code").asString()).contains("OUTSIDE_PRECINCTS");
		HttpResponse<String> put = send("PUT", "/api/cameras/" + camera.get("id").asLong(), """
				{"assetTag": "AAPI031-01", "longitude": 119.53, "latitude": 23.25, "version": %d}"""
			.formatted(camera.get("version").asLong()));
		assertThat(put.statusCode()).as("119.53 is about 3 km out: " + put.body()).isEqualTo(422);
	}

	@Test
	void theAuditTrailIsInFieldOrderAndShowsTheAddressToAdminsOnly() throws Exception {
		long id = json.readTree(send("POST", "/api/cameras", """
				{"assetTag": "AAPI021-01", "longitude": 119.35, "latitude": 23.25, "lpr": "LPR", "notes": "x"}""").body())
			.get("id").asLong();
		JsonNode forViewer = json.readTree(send("GET", "/api/cameras/" + id + "/audit", null, "it-api-viewer", "secret-2").body());
		assertThat(forViewer.get(0).get("remoteAddress").isNull()).isTrue();
		List<String> fields = new java.util.ArrayList<>(forViewer.get(0).get("details").propertyNames());
		assertThat(fields.indexOf("assetTag")).isLessThan(fields.indexOf("precinctId"));
		assertThat(fields.indexOf("precinctId")).isLessThan(fields.indexOf("lpr"));
		assertThat(fields.indexOf("lpr")).isLessThan(fields.indexOf("notes"));
		JsonNode forAdmin = json.readTree(send("GET", "/api/cameras/" + id + "/audit", null, "it-api-admin", "secret-3").body());
		assertThat(forAdmin.get(0).get("remoteAddress").asString()).isNotBlank();
	}

	@Test
	void everyChangeThroughTheApiRecordsTheCallersAddress() throws Exception {
		long id = create("AAPI032-01");
		assertThat(send("PUT", "/api/cameras/" + id, "{\"assetTag\": \"AAPI032-01\", \"heading\": 10, \"version\": 0}")
			.statusCode()).isEqualTo(200);
		assertThat(send("PATCH", "/api/cameras/" + id, "{\"heading\": 20, \"version\": 1}").statusCode()).isEqualTo(200);
		JsonNode trail = json.readTree(send("GET", "/api/cameras/" + id + "/audit", null, "it-api-admin", "secret-3").body());
		assertThat(trail).extracting(e -> e.get("action").asString())
			.containsExactly("camera.updated", "camera.updated", "camera.created");
		assertThat(trail).as(trail.toString()).extracting(e -> e.get("remoteAddress").asString())
			.containsOnly("127.0.0.1");
		JsonNode audit = json.readTree(send("GET", "/api/audit?objectType=camera&objectId=" + id, null, "it-api-admin",
				"secret-3").body());
		assertThat(audit.toString()).contains("127.0.0.1");
	}

	@Test
	void fundingSourcesAndProjectsCarryAmountsCountsAndMilestones() throws Exception {
		jdbc.update("""
				INSERT INTO funding_source (code, kind, name_zh, name_en, sponsor, fiscal_year, amount_ntd)
				VALUES ('IT-FS-112', 'CENTRAL_SUBSIDY', '測試中央補助', 'Test subsidy', '內政部警政署', 2023, 49955000)
				ON CONFLICT (code) DO NOTHING""");
		jdbc.update("""
				INSERT INTO procurement_project (code, name_zh, purpose, fiscal_year, budget_ntd, planned_camera_count,
				  precinct_id, budgeted_on, awarded_on, completion_due_on)
				VALUES ('IT-PRJ-112', '測試汰換案', 'REPLACEMENT', 2023, 49955000, 120, ?, '2023-01-10', '2023-03-30', '2023-12-31')
				ON CONFLICT (code) DO NOTHING""", areas.west());
		jdbc.update("""
				INSERT INTO project_funding (project_id, funding_source_id, amount_ntd)
				SELECT p.id, f.id, 30000000 FROM procurement_project p, funding_source f
				 WHERE p.code = 'IT-PRJ-112' AND f.code = 'IT-FS-112' ON CONFLICT DO NOTHING""");
		long projectId = jdbc.queryForObject("SELECT id FROM procurement_project WHERE code = 'IT-PRJ-112'", Long.class);
		send("POST", "/api/cameras", """
				{"assetTag": "AAPI022-01", "longitude": 119.35, "latitude": 23.25, "projectId": %d}""".formatted(projectId));

		JsonNode funds = json.readTree(send("GET", "/api/funding-sources", null).body());
		JsonNode fund = null;
		for (JsonNode f : funds) {
			if (f.get("code").asString().equals("IT-FS-112")) {
				fund = f;
			}
		}
		assertThat(fund).isNotNull();
		assertThat(fund.get("amountNtd").asLong()).isEqualTo(49_955_000L);
		assertThat(fund.get("sponsor").asString()).isEqualTo("內政部警政署");
		assertThat(fund.get("allocatedNtd").asLong()).isEqualTo(30_000_000L);

		JsonNode project = null;
		for (JsonNode p : json.readTree(send("GET", "/api/projects", null).body())) {
			if (p.get("code").asString().equals("IT-PRJ-112")) {
				project = p;
			}
		}
		assertThat(project).isNotNull();
		assertThat(project.get("budgetNtd").asLong()).isEqualTo(49_955_000L);
		assertThat(project.get("plannedCameraCount").asInt()).isEqualTo(120);
		assertThat(project.get("deliveredCameraCount").asLong()).isEqualTo(1);
		assertThat(project.get("milestones").get("awarded").asString()).isEqualTo("2023-03-30");
		assertThat(project.get("milestones").get("completionDue").asString()).isEqualTo("2023-12-31");
		assertThat(project.get("precinct").get("code").asString()).isEqualTo("ITA-WEST");
		assertThat(project.get("funding").get(0).get("amountNtd").asLong()).isEqualTo(30_000_000L);

		String precincts = send("GET", "/api/precincts", null).body();
		assertThat(precincts).doesNotContain("\"kind\"").doesNotContain("\"fiscalYear\"");
	}

	@Test
	void exportsTheFilteredListAsCsvWithBomAndAsGeoJson() throws Exception {
		create("AAPI011-01");
		create("AAPI011-02");
		HttpResponse<byte[]> csv = http.send(request("GET", "/api/cameras/export.csv?q=AAPI011&lang=zh-TW", null, null,
				"it-api-dispatcher", "secret-1"), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		byte[] body = csv.body();
		assertThat(new byte[] { body[0], body[1], body[2] }).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).startsWith("編號,站點,站點序號,安裝地址,經度,緯度,分局,派出所,行政區");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith("AAPI011-01,AAPI011,1,API路,119.35,23.25,ITA西分局");
		assertThat(lines.get(2)).startsWith("AAPI011-02,");

		HttpResponse<String> geo = send("GET", "/api/cameras/export.geojson?q=AAPI011", null);
		JsonNode collection = json.readTree(geo.body());
		assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.get("features")).hasSize(2);
		assertThat(collection.get("features").get(0).get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(119.35);
	}

	@Test
	void theOpenApiDocumentDescribesTheCameraApi() throws Exception {
		HttpResponse<String> r = send("GET", "/v3/api-docs", null);
		assertThat(r.statusCode()).isEqualTo(200);
		JsonNode paths = json.readTree(r.body()).get("paths");
		assertThat(paths.has("/api/cameras")).isTrue();
		assertThat(paths.has("/api/cameras/{id}/decommission")).isTrue();
		assertThat(paths.has("/api/cameras/export.csv")).isTrue();
		assertThat(paths.has("/api/funding-sources")).isTrue();
		for (String[] operation : new String[][] { { "/api/cameras", "post" }, { "/api/cameras/{id}", "put" },
				{ "/api/cameras/{id}", "patch" } }) {
			assertThat(paths.get(operation[0]).get(operation[1]).get("parameters")).as(operation[1])
				.extracting(p -> p.get("name").asString()).contains("confirmOutsideArea");
		}
	}

	// --- helpers

	private long create(String tag) throws Exception {
		HttpResponse<String> r = send("POST", "/api/cameras",
				"{\"assetTag\": \"" + tag + "\", \"longitude\": 119.35, \"latitude\": 23.25, \"address\": \"API路\"}");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return json.readTree(r.body()).get("id").asLong();
	}

	private void assertProblem(HttpResponse<String> r, int status, String field) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = json.readTree(r.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		if (field != null) {
			assertThat(problem.get("errors")).as(r.body()).extracting(e -> e.get("field").asString()).contains(field);
		}
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		return send(method, path, body, "application/json");
	}

	private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
		return http.send(request(method, path, body, contentType, "it-api-dispatcher", "secret-1"),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String body, String user, String password)
			throws Exception {
		return http.send(request(method, path, body, "application/json", user, password), HttpResponse.BodyHandlers.ofString());
	}

	private CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String body) {
		return http.sendAsync(request(method, path, body, "application/json", "it-api-dispatcher", "secret-1"),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String path, String body, String contentType, String user, String password) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", "en");
		if (body != null) {
			b.header("Content-Type", contentType);
		}
		return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
	}
}
