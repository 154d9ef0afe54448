package io.watchkeeper.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.watchkeeper.support.PageSession;

/**
 * The case API over real HTTP: the flow from opening a case to closing it, the snapshot that does not follow later
 * corrections of the outage history, bad input (400 naming the field, nothing written), precinct scoping per role,
 * and the audit rows of every canvass and view.
 */
class CaseApiIT extends InvestigationHttp {

	/** A place of its own per run (in Taiwan's mountains), so no other test's cameras fall in the circle. */
	double lon;
	double lat;
	long near;
	long outage;

	@BeforeEach
	void place() {
		lon = 120.90 + ThreadLocalRandom.current().nextDouble(0.2);
		lat = 23.30 + ThreadLocalRandom.current().nextDouble(0.2);
		near = camera(lon + 0.0003, lat, 270); // about 31 m east, facing west: towards the point
		jdbc.update("""
				INSERT INTO camera_health (camera_id, first_seen_at, last_seen_at, up, state_since, updated_at)
				VALUES (?, TIMESTAMPTZ '2023-01-01T00:00:00Z', TIMESTAMPTZ '2023-12-31T00:00:00Z', true,
				        TIMESTAMPTZ '2023-01-01T00:00:00Z', now())""", near);
		outage = jdbc.queryForObject("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause)
				VALUES (?, TIMESTAMPTZ '2023-03-30T02:20:00Z', TIMESTAMPTZ '2023-03-30T02:30:00Z', 'MANUAL') RETURNING id""",
				Long.class, near);
	}

	Map<String, Object> canvassBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("longitude", lon);
		body.put("latitude", lat);
		body.put("radiusM", 100);
		body.put("from", "2023-03-30T02:15:00Z");
		body.put("to", "2023-03-30T02:45:00Z");
		return body;
	}

	@Test
	void anInvestigatorOpensCanvassesRequestsFootageRecordsTheOutcomeAndCloses() {
		String number = caseNumber("KH");
		long caseId = openCase(INVESTIGATOR_A, number, null);
		JsonNode opened = json(get(INVESTIGATOR_A, "/api/cases/" + caseId));
		assertThat(opened.get("precinctId").asLong()).as("an investigator's case is their precinct's").isEqualTo(precinctA);
		assertThat(opened.get("state").asString()).isEqualTo("OPEN");

		HttpResponse<String> run = post(INVESTIGATOR_A, "/api/cases/" + caseId + "/canvasses", canvassBody());
		assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
		JsonNode canvass = json(run);
		assertThat(canvass.get("kind").asString()).isEqualTo("POINT");
		assertThat(canvass.get("caseNumber").asString()).isEqualTo(number);
		assertThat(canvass.get("route").isNull()).isTrue();
		assertThat(canvass.get("cameras")).hasSize(1);
		JsonNode camera = canvass.get("cameras").get(0);
		assertThat(camera.get("cameraId").asLong()).isEqualTo(near);
		assertThat(camera.get("facing").asString()).isEqualTo("YES");
		assertThat(camera.get("availability").asString()).isEqualTo("PARTLY");
		assertThat(camera.get("downIntervals").get(0).get("from").asString()).isEqualTo("2023-03-30T02:20:00Z");
		assertThat(camera.get("footageExpiresOn").asString()).isEqualTo("2023-04-29");
		assertThat(canvass.get("summary").get("found").asInt()).isEqualTo(1);
		long canvassId = canvass.get("id").asLong();

		// the footage expired long ago: allowed, marked late; due 4 h after the request for CRITICAL
		HttpResponse<String> requested = post(INVESTIGATOR_A, "/api/cases/" + caseId + "/footage-requests",
				Map.of("canvassId", canvassId, "cameraId", near, "priority", "CRITICAL"));
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
		JsonNode request = json(requested);
		assertThat(request.get("late").asBoolean()).isTrue();
		assertThat(request.get("expiresSoon").asBoolean()).isFalse();
		assertThat(request.get("from").asString()).as("the window defaults to the canvass's").isEqualTo("2023-03-30T02:15:00Z");
		assertThat(Instant.parse(request.get("dueAt").asString()))
			.isEqualTo(Instant.parse(request.get("requestedAt").asString()).plusSeconds(4 * 3600));
		long requestId = request.get("id").asLong();
		String requestPath = "/api/cases/" + caseId + "/footage-requests/" + requestId;

		// an outcome before delivery: 400 naming outcome, nothing written
		HttpResponse<String> early = post(INVESTIGATOR_A, requestPath + "/outcome", Map.of("outcome", "USEFUL"));
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat(field(early)).isEqualTo("outcome");
		assertThat(jdbc.queryForObject("SELECT outcome FROM footage_request WHERE id = ?", String.class, requestId)).isNull();
		// NOT_AVAILABLE needs a reason
		assertThat(field(post(INVESTIGATOR_A, requestPath + "/answer", Map.of("state", "NOT_AVAILABLE")))).isEqualTo("reason");
		// a stale version: 409
		assertThat(post(INVESTIGATOR_A, requestPath + "/answer", Map.of("state", "DELIVERED", "version", 7)).statusCode())
			.isEqualTo(409);

		HttpResponse<String> delivered = post(INVESTIGATOR_A, requestPath + "/answer", Map.of("state", "DELIVERED"));
		assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
		assertThat(json(delivered).get("state").asString()).isEqualTo("DELIVERED");
		assertThat(post(INVESTIGATOR_A, requestPath + "/answer", Map.of("state", "REFUSED")).statusCode())
			.as("answered once").isEqualTo(409);
		HttpResponse<String> useful = post(INVESTIGATOR_A, requestPath + "/outcome", Map.of("outcome", "USEFUL"));
		assertThat(json(useful).get("outcome").asString()).isEqualTo("USEFUL");

		assertThat(json(get(INVESTIGATOR_A, "/api/cases/" + caseId)).get("footageContributed").asBoolean()).isTrue();
		assertThat(field(post(INVESTIGATOR_A, "/api/cases/" + caseId + "/close",
				Map.of("result", "SOLVED", "footageContributed", false)))).as("by hand needs a reason").isEqualTo("reason");
		HttpResponse<String> closed = post(INVESTIGATOR_A, "/api/cases/" + caseId + "/close", Map.of("result", "SOLVED"));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(json(closed).get("state").asString()).isEqualTo("SOLVED");
		assertThat(json(closed).get("canvasses")).hasSize(1);
		assertThat(json(closed).get("requests")).hasSize(1);
		assertThat(post(INVESTIGATOR_A, "/api/cases/" + caseId + "/close", Map.of("result", "UNSOLVED")).statusCode())
			.as("closing twice").isEqualTo(409);
		// a closed case keeps what it has: no new canvass or request (409, nothing written), answers still come in
		long canvassesBefore = jdbc.queryForObject("SELECT count(*) FROM canvass WHERE case_id = ?", Long.class, caseId);
		assertThat(post(INVESTIGATOR_A, "/api/cases/" + caseId + "/canvasses", canvassBody()).statusCode())
			.as("canvass on a closed case").isEqualTo(409);
		assertThat(post(INVESTIGATOR_A, "/api/cases/" + caseId + "/footage-requests",
				Map.of("canvassId", canvassId, "cameraId", near, "priority", "NORMAL")).statusCode())
			.as("footage request on a closed case").isEqualTo(409);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM canvass WHERE case_id = ?", Long.class, caseId))
			.isEqualTo(canvassesBefore);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM footage_request WHERE case_id = ?", Long.class, caseId))
			.isEqualTo(1L);

		// the list: search by part of the number, filter by state
		JsonNode list = json(get(INVESTIGATOR_A, "/api/cases?state=SOLVED&number=" + number.substring(3)));
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("caseNumber").asString()).isEqualTo(number);

		// CSV: BOM, header row, one row per camera
		HttpResponse<byte[]> csv = getBytes(INVESTIGATOR_A, "/api/cases/" + caseId + "/canvasses/" + canvassId + "/csv?lang=en");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()[0] & 0xFF).isEqualTo(0xEF);
		String[] lines = new String(csv.body(), StandardCharsets.UTF_8).substring(1).split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).startsWith("No.,Asset tag,Address");
		assertThat(lines[1]).contains(jdbc.queryForObject("SELECT asset_tag FROM camera WHERE id = ?", String.class, near))
			.contains("Partly", "2023-04-29", "2023-03-30T02:20:00Z/2023-03-30T02:30:00Z");
	}

	@Test
	void theSnapshotStaysAsAnsweredWhenTheOutageIsCorrectedAndARerunIsANewSnapshot() {
		long caseId = openCase(HQ, caseNumber("SNAP"), null);
		JsonNode first = json(post(HQ, "/api/cases/" + caseId + "/canvasses", canvassBody()));
		jdbc.update("""
				UPDATE outage SET started_at = TIMESTAMPTZ '2023-03-30T02:00:00Z', ended_at = TIMESTAMPTZ '2023-03-30T03:00:00Z'
				 WHERE id = ?""", outage);
		JsonNode stored = json(get(HQ, "/api/cases/" + caseId + "/canvasses/" + first.get("id").asLong()));
		assertThat(stored.get("cameras")).isEqualTo(first.get("cameras"));
		assertThat(stored.get("cameras").get(0).get("availability").asString()).isEqualTo("PARTLY");
		assertThat(stored.get("runAt")).isEqualTo(first.get("runAt"));

		JsonNode rerun = json(post(HQ, "/api/cases/" + caseId + "/canvasses", canvassBody()));
		assertThat(rerun.get("id").asLong()).isNotEqualTo(first.get("id").asLong());
		assertThat(rerun.get("cameras").get(0).get("availability").asString()).as("the corrected history").isEqualTo("DOWN");
		assertThat(json(get(HQ, "/api/cases/" + caseId)).get("canvasses")).hasSize(2);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
		long caseId = openCase(HQ, caseNumber("BAD"), null);
		String canvasses = "/api/cases/" + caseId + "/canvasses";
		int before = count();
		Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
		cases.put("radiusM", with("radiusM", 0));
		cases.put("radiusM ", with("radiusM", 1001));
		cases.put("to", with("to", "2023-04-07T02:15:01Z"));
		cases.put("to ", with("to", "2023-03-30T02:00:00Z"));
		cases.put("longitude", with("longitude", 139.7));
		cases.put("from", with("from", null));
		for (var e : cases.entrySet()) {
			HttpResponse<String> response = post(HQ, canvasses, e.getValue());
			assertThat(response.statusCode()).as(e.getKey() + ": " + response.body()).isEqualTo(400);
			assertThat(field(response)).as(e.getKey()).isEqualTo(e.getKey().strip());
		}
		// NaN as a JSON string is read as a number by the JSON reader: refused all the same
		assertThat(post(HQ, canvasses, with("longitude", "NaN")).statusCode()).isEqualTo(400);
		assertThat(post(HQ, canvasses, "{\"longitude\": 120.3, \"latitude\": ").statusCode()).as("malformed JSON").isEqualTo(400);
		HttpResponse<String> badInstant = post(HQ, canvasses, with("from", "yesterday"));
		assertThat(badInstant.statusCode()).isEqualTo(400);
		assertThat(field(badInstant)).isEqualTo("from");

		String routes = "/api/cases/" + caseId + "/routes";
		assertThat(field(post(HQ, routes, route(List.of(List.of(lon, lat)))))).isEqualTo("route");
		List<List<Double>> many = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			many.add(List.of(lon + i * 0.00001, lat));
		}
		assertThat(field(post(HQ, routes, route(many)))).isEqualTo("route");
		assertThat(field(post(HQ, routes, route(List.of(List.of(lon, lat), List.of(lon, lat)))))).isEqualTo("route");

		// an unknown case: 404
		assertThat(post(HQ, "/api/cases/999999999/canvasses", canvassBody()).statusCode()).isEqualTo(404);
		// a case number that is missing, a duplicate (any case), or in no known format
		assertThat(field(post(HQ, "/api/cases", Map.of("title", "t", "incidentFrom", "2023-03-30T02:15:00Z")))).isEqualTo("caseNumber");
		String existing = jdbc.queryForObject("SELECT case_number FROM investigation_case WHERE id = ?", String.class, caseId);
		assertThat(field(post(HQ, "/api/cases", Map.of("caseNumber", existing.toLowerCase(), "title", "t", "incidentFrom",
				"2023-03-30T02:15:00Z")))).isEqualTo("caseNumber");
		assertThat(field(post(HQ, "/api/cases", Map.of("caseNumber", "a b", "title", "t", "incidentFrom",
				"2023-03-30T02:15:00Z")))).isEqualTo("caseNumber");
		// a footage request for a camera that is not in the case's canvass
		long canvassId = json(post(HQ, canvasses, canvassBody())).get("id").asLong();
		long elsewhere = camera(lon + 0.1, lat, null);
		HttpResponse<String> notInCanvass = post(HQ, "/api/cases/" + caseId + "/footage-requests",
				Map.of("canvassId", canvassId, "cameraId", elsewhere));
		assertThat(notInCanvass.statusCode()).isEqualTo(400);
		assertThat(field(notInCanvass)).isEqualTo("cameraId");
		assertThat(count()).as("only the one good canvass was written").isEqualTo(before + 1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM footage_request WHERE case_id = ?", Integer.class, caseId)).isZero();
	}

	@Test
	void realTaiwanesePoliceCaseNumbersAreAccepted() {
		for (String form : List.of("1120330-0001", "KH-2023-000123", "高市警刑偵字第1120012345號")) {
			String number = form + "-" + RUN + caseNumber("").substring(1);
			if (number.length() > 40) {
				number = number.substring(0, 40);
			}
			assertThat(openCase(HQ, number, null)).isPositive();
		}
	}

	@Test
	void aPrecinctInvestigatorSeesOnlyTheirPrecinctsCasesAndOtherRolesNone() {
		long ofA = openCase(INVESTIGATOR_A, caseNumber("SCOPE"), null);
		long ofB = openCase(HQ, caseNumber("SCOPE"), precinctB);
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put(ADMIN, 200);
		expected.put(HQ, 200);
		expected.put(INVESTIGATOR_A, 200);
		expected.put(INVESTIGATOR_B, 404);
		expected.put(DISPATCHER, 403);
		expected.put(VIEWER, 403);
		expected.put(VENDOR, 403);
		for (var e : expected.entrySet()) {
			assertThat(get(e.getKey(), "/api/cases/" + ofA).statusCode()).as(e.getKey()).isEqualTo(e.getValue());
			assertThat(post(e.getKey(), "/api/cases/" + ofA + "/canvasses", canvassBody()).statusCode()).as(e.getKey() + " canvass")
				.isEqualTo(e.getValue() == 200 ? 201 : e.getValue());
		}
		assertThat(get(INVESTIGATOR_A, "/api/cases/" + ofB).statusCode()).isEqualTo(404);
		assertThat(get(INVESTIGATOR_B, "/api/cases/" + ofB).statusCode()).isEqualTo(200);
		JsonNode listA = json(get(INVESTIGATOR_A, "/api/cases?number=SCOPE"));
		List<Long> idsA = new ArrayList<>();
		listA.forEach(n -> idsA.add(n.get("id").asLong()));
		assertThat(idsA).contains(ofA).doesNotContain(ofB);
		assertThat(field(post(INVESTIGATOR_A, "/api/cases", Map.of("caseNumber", caseNumber("X"), "title", "t",
				"incidentFrom", "2023-03-30T02:15:00Z", "precinctId", precinctB)))).isEqualTo("precinctId");
	}

	@Test
	void everyCanvassAndViewIsAuditedWithTheCaseNumberParametersAndCameraCount() {
		String number = caseNumber("AUD");
		long caseId = openCase(INVESTIGATOR_A, number, null);
		long canvassId = json(post(INVESTIGATOR_A, "/api/cases/" + caseId + "/canvasses", canvassBody())).get("id").asLong();
		post(INVESTIGATOR_A, "/api/cases/" + caseId + "/routes", route(List.of(List.of(lon - 0.001, lat), List.of(lon + 0.001, lat))));
		get(INVESTIGATOR_A, "/api/cases/" + caseId);
		get(INVESTIGATOR_A, "/api/cases/" + caseId + "/canvasses/" + canvassId);
		getBytes(INVESTIGATOR_A, "/api/cases/" + caseId + "/canvasses/" + canvassId + "/csv");
		PageSession browser = loggedIn(INVESTIGATOR_A);
		browser.get("/cases/" + caseId);
		browser.get("/cases/" + caseId + "/canvasses/" + canvassId);
		browser.get("/cases/" + caseId + "/canvasses/" + canvassId + "/print");
		Map<String, Integer> actions = new HashMap<>();
		for (Map<String, Object> row : jdbc.queryForList("""
				SELECT action, actor, details::text AS details FROM audit_event
				 WHERE object_type = 'investigation_case' AND object_id = ?""", String.valueOf(caseId))) {
			actions.merge((String) row.get("action"), 1, Integer::sum);
			assertThat(row.get("actor")).isEqualTo(INVESTIGATOR_A);
			assertThat((String) row.get("details")).contains(number);
			if (((String) row.get("action")).startsWith("canvass.")) {
				assertThat((String) row.get("details")).contains("\"cameraCount\": 1", "\"parameters\"");
			}
		}
		assertThat(actions).containsEntry("case.opened", 1).containsEntry("canvass.run", 1)
			.containsEntry("canvass.route_run", 1).containsEntry("canvass.viewed", 2).containsEntry("canvass.exported", 1)
			.containsEntry("canvass.printed", 1);
		// the API's answer to POST /api/cases is the case view (1), then GET (1), then the page (1)
		assertThat(actions.get("case.viewed")).isEqualTo(3);
	}

	private Map<String, Object> with(String key, Object value) {
		Map<String, Object> body = canvassBody();
		body.put(key, value);
		return body;
	}

	private Map<String, Object> route(List<List<Double>> points) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("route", points);
		body.put("from", "2023-03-30T02:15:00Z");
		body.put("to", "2023-03-30T02:45:00Z");
		return body;
	}

	private int count() {
		return jdbc.queryForObject("SELECT count(*) FROM canvass", Integer.class);
	}

	static Timestamp ts(String instant) {
		return Timestamp.from(Instant.parse(instant));
	}
}
