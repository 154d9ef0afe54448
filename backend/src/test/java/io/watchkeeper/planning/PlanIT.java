package io.watchkeeper.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.PageSession;
import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The budget-capped plan over a hand-worked fleet in a precinct of its own (prices NT$75,387 a standard camera from
 * 2023): score parts from known outages, repair orders, a covering neighbour and the important flag; the cap, carry
 * over, a custom service life, determinism; save, show, list, compare, delete; bad input (400 naming the field,
 * nothing written); who may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanIT {

	static final String PASSWORD = "itp plan secret";
	static final String PLANNER = "itp-planner", DISPATCHER = "itp-dispatcher", VIEWER = "itp-viewer",
			INVESTIGATOR = "itp-investigator";
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
	static final AtomicInteger serial = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();
	long precinct;
	long a, b, c, e, far, neighbour;
	String asOf;

	@BeforeEach
	void fleet() {
		TestUsers.ensure(jdbc, PLANNER, PASSWORD, "PROCUREMENT");
		TestUsers.ensure(jdbc, DISPATCHER, PASSWORD, "DISPATCHER");
		TestUsers.ensure(jdbc, VIEWER, PASSWORD, "VIEWER");
		TestUsers.ensure(jdbc, INVESTIGATOR, PASSWORD, "INVESTIGATOR");
		int n = serial.incrementAndGet();
		precinct = jdbc.queryForObject("""
				INSERT INTO precinct (code, name_zh, name_en, boundary)
				VALUES (?, '測試分局', 'Test precinct', ST_Multi(ST_MakeEnvelope(121.5, 24.5, 121.6, 24.6, 4326))) RETURNING id""",
				Long.class, "ITP" + RUN + n);
		// a date of its own per test, so the kept facts of the date are this test's
		asOf = java.time.LocalDate.of(2026, 3, 1).plusDays(n % 200).toString();
		double lon = 121.55, lat = 24.55 + n * 0.001;
		a = camera(lon, lat, 0, "2015-01-01", 8, "NONE"); // end of life 2023-01-01
		neighbour = camera(lon, lat - 0.00005, 0, "2024-01-01", 8, "NONE"); // 5.5 m south, facing north: sees a's view
		b = camera(lon + 0.01, lat, null, "2016-06-01", 8, "NONE"); // 2024-06-01, important
		e = camera(lon + 0.02, lat, null, "2021-01-01", 5, "NONE"); // custom life: 2026-01-01
		c = camera(lon + 0.03, lat, null, "2019-01-01", 8, "NONE"); // 2027-01-01
		far = camera(lon + 0.04, lat, null, "2010-01-01", 20, "NONE"); // custom life: 2030-01-01, beyond the plan
		java.time.LocalDate day = java.time.LocalDate.parse(asOf);
		// 48 h inside the window, 12 h of one that straddles its start, one after it (not counted), and one still open
		// for the last 24 h of the window
		outage(a, day.minusMonths(6) + "T00:00:00Z", day.minusMonths(6).plusDays(2) + "T00:00:00Z");
		outage(a, day.minusYears(1).minusDays(1) + "T12:00:00+08:00", day.minusYears(1) + "T12:00:00+08:00");
		outage(a, day.plusDays(3) + "T00:00:00Z", day.plusDays(4) + "T00:00:00Z");
		outage(a, day.minusDays(1) + "T00:00:00+08:00", null);
		// two repair orders opened in the window, one before it
		repair(a, "CANCELLED", day.minusMonths(3) + "T00:00:00Z");
		repair(a, "NEW", day.minusMonths(1) + "T00:00:00Z");
		repair(a, "CANCELLED", day.minusYears(2) + "T00:00:00Z");
		jdbc.update("INSERT INTO planning_important_camera (camera_id, flagged_by) VALUES (?, 'it')", b);
	}

	long camera(double lon, double lat, Integer heading, String installed, int life, String lpr) {
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, location, precinct_id, heading_deg, fov_deg, range_m, install_date,
				                    service_life_years, lpr, status)
				VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, 60, 50, CAST(? AS date), ?, ?, 'ACTIVE') RETURNING id""",
				Long.class, "ITP" + RUN + "-" + serial.incrementAndGet(), lon, lat, precinct, heading, installed, life, lpr);
	}

	void outage(long camera, String from, String to) {
		jdbc.update("INSERT INTO outage (camera_id, started_at, ended_at, cause) VALUES (?, CAST(? AS timestamptz), CAST(? AS timestamptz), 'MANUAL')",
				camera, from, to);
	}

	void repair(long camera, String state, String opened) {
		jdbc.update("""
				INSERT INTO work_order (kind, camera_id, origin, state, opened_at, cancelled_at)
				VALUES ('REPAIR', ?, 'MANUAL', ?, CAST(? AS timestamptz), CASE WHEN ? = 'CANCELLED' THEN now() END)""",
				camera, state, opened, state);
	}

	Map<String, Object> inputs() {
		Map<String, Object> body = new HashMap<>();
		body.put("firstYear", 2026);
		body.put("years", 3);
		body.put("budgetPerYear", 160_000);
		body.put("asOf", asOf);
		body.put("precinctId", precinct);
		return body;
	}

	@Test
	void theBudgetFillsEachYearByPriorityAndCarriesTheRestOver() {
		HttpResponse<String> preview = post(PLANNER, "/api/planning/plans/preview", inputs());
		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		JsonNode plan = json(preview);
		JsonNode years = plan.get("yearRows");
		assertThat(years).hasSize(3);
		// 2026: due a, b, e; b (important) then a; e carries over. 2027: e and c. 2028: nothing left.
		assertThat(years.get(0).get("cameras").asInt()).isEqualTo(2);
		assertThat(years.get(0).get("costNtd").asLong()).isEqualTo(2 * 75_387);
		assertThat(years.get(0).get("rocYear").asInt()).isEqualTo(115);
		assertThat(years.get(0).get("backlogCapped").asInt()).isEqualTo(1);
		assertThat(years.get(0).get("backlogUncapped").asInt()).isEqualTo(3);
		assertThat(years.get(0).get("clearCameras").asInt()).isEqualTo(3);
		assertThat(years.get(1).get("cameras").asInt()).isEqualTo(2);
		assertThat(years.get(1).get("backlogCapped").asInt()).isZero();
		assertThat(years.get(1).get("backlogUncapped").asInt()).as("the far camera's custom life ends in 2030").isEqualTo(4);
		assertThat(years.get(2).get("cameras").asInt()).isZero();
		for (JsonNode y : years) {
			assertThat(y.get("costNtd").asLong()).isLessThanOrEqualTo(y.get("budgetNtd").asLong());
		}

		HttpResponse<String> saved = post(PLANNER, "/api/planning/plans", with(inputs(), "name", "Plan " + RUN + serial.incrementAndGet()));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		long id = json(saved).get("id").asLong();
		assertThat(json(saved).get("yearRows").toString()).isEqualTo(years.toString());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'planning.plan_saved' AND object_id = ?",
				Long.class, String.valueOf(id))).isEqualTo(1L);
		assertThat(jdbc.queryForObject("SELECT count(*) - count(DISTINCT camera_id) FROM replacement_plan_camera WHERE plan_id = ?",
				Long.class, id)).as("nothing planned twice").isZero();

		JsonNode first = json(get(PLANNER, "/api/planning/plans/" + id + "/years/2026/cameras"));
		assertThat(first).hasSize(2);
		assertThat(first.get(0).get("cameraId").asLong()).isEqualTo(b);
		assertThat(first.get(0).get("parts").get("important").asBoolean()).isTrue();
		JsonNode partsA = first.get(1).get("parts");
		assertThat(first.get(1).get("cameraId").asLong()).isEqualTo(a);
		assertThat(partsA.get("downtimeHours").decimalValue()).isEqualByComparingTo("84.0");
		assertThat(partsA.get("repairOrders").asInt()).isEqualTo(2);
		assertThat(partsA.get("covered").asBoolean()).isTrue();
		assertThat(partsA.get("important").asBoolean()).isFalse();
		assertThat(partsA.get("yearsPastEol").decimalValue()).isEqualByComparingTo("3.997");
		assertThat(first.get(1).get("unitPriceNtd").asLong()).isEqualTo(75_387);
		JsonNode second = json(get(PLANNER, "/api/planning/plans/" + id + "/years/2027/cameras"));
		assertThat(second).extracting(j -> j.get("cameraId").asLong()).containsExactly(e, c);
		assertThat(second.get(0).get("parts").get("covered").asBoolean()).isFalse();

		// the same inputs give the same plan; a bigger budget is compared side by side
		String name2 = "plan " + RUN + serial.incrementAndGet();
		long id2 = json(post(PLANNER, "/api/planning/plans", with(with(inputs(), "budgetPerYear", 400_000), "name", name2)))
			.get("id").asLong();
		assertThat(json(post(PLANNER, "/api/planning/plans/preview", inputs())).get("yearRows").toString())
			.isEqualTo(years.toString());
		JsonNode compare = json(get(DISPATCHER, "/api/planning/plans/compare?a=" + id + "&b=" + id2));
		assertThat(compare.get("years").get(0).get("a").get("cameras").asInt()).isEqualTo(2);
		assertThat(compare.get("years").get(0).get("b").get("cameras").asInt()).isEqualTo(3);
		assertThat(compare.get("years").get(0).get("onlyInB").asInt()).isEqualTo(1);
		assertThat(compare.get("years").get(1).get("onlyInA").asInt()).as("e moved to 2026 in b").isEqualTo(1);

		// a name taken whatever its case: 400 naming name, nothing written
		long plans = jdbc.queryForObject("SELECT count(*) FROM replacement_plan", Long.class);
		HttpResponse<String> taken = post(PLANNER, "/api/planning/plans", with(inputs(), "name", name2.toUpperCase()));
		assertThat(taken.statusCode()).isEqualTo(400);
		assertThat(field(taken)).isEqualTo("name");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM replacement_plan", Long.class)).isEqualTo(plans);

		assertThat(json(get(DISPATCHER, "/api/planning/plans")).toString()).contains(name2);
		assertThat(send(request(DISPATCHER, "/api/planning/plans/" + id2).DELETE()).statusCode()).isEqualTo(403);
		assertThat(send(request(PLANNER, "/api/planning/plans/" + id2).DELETE()).statusCode()).isEqualTo(204);
		assertThat(get(PLANNER, "/api/planning/plans/" + id2).statusCode()).isEqualTo(404);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM replacement_plan_camera WHERE plan_id = ?", Long.class, id2))
			.isZero();
	}

	/** A footage request of an investigation, answered DELIVERED, with the investigator's outcome. */
	void footage(long camera, String outcome) {
		long kase = jdbc.queryForObject("""
				INSERT INTO investigation_case (case_number, title, incident_from, incident_to, opened_by, opened_at)
				VALUES (?, 'ITP case', now() - interval '2 days', now() - interval '1 day', 'it', now()) RETURNING id""",
				Long.class, "ITP" + RUN + "-" + serial.incrementAndGet());
		long canvass = jdbc.queryForObject("""
				INSERT INTO canvass (case_id, kind, run_by, run_at, window_from, window_to, geom, radius_m, parameters,
				                     camera_count, facing_recording, expired_count)
				SELECT ?, 'POINT', 'it', now(), now() - interval '2 days', now() - interval '1 day', location, 100, '{}', 1, 1, 0
				  FROM camera WHERE id = ? RETURNING id""", Long.class, kase, camera);
		jdbc.update("""
				INSERT INTO canvass_camera (canvass_id, camera_id, ordinal, asset_tag, location, distance_m, facing,
				                            availability, lpr, retention_days, footage_expires_on)
				SELECT ?, id, 1, asset_tag, location, 0, 'YES', 'RECORDING', lpr, 30, current_date + 30 FROM camera WHERE id = ?""",
				canvass, camera);
		jdbc.update("""
				INSERT INTO footage_request (case_id, canvass_id, camera_id, requested_by, requested_at, window_from, window_to,
				                             priority, due_at, footage_expires_on, late, state, answered_by, answered_at,
				                             outcome, outcome_by, outcome_at)
				VALUES (?, ?, ?, 'it', now(), now() - interval '2 days', now() - interval '1 day', 'NORMAL', now() + interval '1 day',
				        current_date + 30, false, 'DELIVERED', 'it', now(), ?, 'it', now())""",
				kase, canvass, camera, outcome);
	}

	@Test
	void usefulFootageCountsOnlyRequestsMarkedUsefulAndAPlanMadeIntoAProjectIsKept() {
		footage(c, "USEFUL");
		footage(c, "USEFUL");
		footage(c, "NOT_USEFUL");
		footage(e, "NOT_USEFUL");
		HttpResponse<String> saved = post(PLANNER, "/api/planning/plans", with(inputs(), "name", "Footage " + RUN + serial.incrementAndGet()));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		long id = json(saved).get("id").asLong();
		JsonNode second = json(get(PLANNER, "/api/planning/plans/" + id + "/years/2027/cameras"));
		Map<Long, Integer> useful = new HashMap<>();
		second.forEach(j -> useful.put(j.get("cameraId").asLong(), j.get("parts").get("usefulFootage").asInt()));
		assertThat(useful).as("NOT_USEFUL requests do not count").containsEntry(c, 2).containsEntry(e, 0);
		assertThat(jdbc.queryForObject("SELECT useful_footage FROM planning_priority_fact WHERE as_of = CAST(? AS date) AND camera_id = ?",
				Integer.class, asOf, c)).isEqualTo(2);

		// a procurement project made from the plan's first year: the plan is its record and cannot be deleted
		jdbc.update("""
				INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd, plan_id, plan_year)
				VALUES (?, '測試汰換案', 'ITP replacement', 'REPLACEMENT', 2026, 150774, ?, 2026)""", "ITP-P" + RUN + serial.incrementAndGet(), id);
		HttpResponse<String> refused = send(request(PLANNER, "/api/planning/plans/" + id).DELETE());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(get(PLANNER, "/api/planning/plans/" + id).statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'planning.plan_deleted' AND object_id = ?",
				Long.class, String.valueOf(id))).isZero();
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
		long before = written();
		Map<String, String> cases = Map.of(
				"years", "{\"years\":11,\"budgetPerYear\":1000}",
				"budgetPerYear", "{\"years\":2,\"budgetPerYear\":-1}",
				"budgets[0].budgetNtd", "{\"years\":2,\"firstYear\":2026,\"budgets\":[{\"fiscalYear\":2026,\"budgetNtd\":100000000001}]}",
				"budgets[0].fiscalYear", "{\"years\":2,\"firstYear\":2026,\"budgetPerYear\":1,\"budgets\":[{\"fiscalYear\":2031,\"budgetNtd\":5}]}",
				"weights.lpr", "{\"years\":2,\"budgetPerYear\":1000,\"weights\":{\"lpr\":10.5}}",
				"prices", "{\"firstYear\":2020,\"years\":10,\"budgetPerYear\":1000}",
				"name", "{\"years\":2,\"budgetPerYear\":1000,\"name\":\"  \"}");
		cases.forEach((field, body) -> {
			String withName = body.contains("\"name\"") ? body
					: body.replaceFirst("\\{", "{\"name\":\"bad " + RUN + serial.incrementAndGet() + "\",\"asOf\":\"" + asOf
							+ "\",\"precinctId\":" + precinct + ",");
			HttpResponse<String> refused = post(PLANNER, "/api/planning/plans", withName);
			assertThat(refused.statusCode()).as(field + ": " + refused.body()).isEqualTo(400);
			assertThat(field(refused)).as(refused.body()).isEqualTo(field);
			assertThat(written()).as(field).isEqualTo(before);
		});
	}

	@Test
	void dispatchersReadPlansButCannotMakeThemOthersSeeNone() {
		assertThat(get(DISPATCHER, "/api/planning/plans").statusCode()).isEqualTo(200);
		assertThat(post(DISPATCHER, "/api/planning/plans/preview", inputs()).statusCode()).isEqualTo(403);
		assertThat(post(DISPATCHER, "/api/planning/plans", with(inputs(), "name", "d" + RUN)).statusCode()).isEqualTo(403);
		assertThat(send(request(DISPATCHER, "/api/planning/important-cameras/" + c).header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(403);
		for (String user : List.of(VIEWER, INVESTIGATOR)) {
			assertThat(get(user, "/api/planning/plans").statusCode()).as(user).isEqualTo(403);
			PageSession page = PageSession.loggedIn(port, "198.19.8." + (serial.incrementAndGet() % 250 + 1), user, PASSWORD);
			assertThat(page.get("/planning/plans").statusCode()).as(user).isEqualTo(403);
		}
		// the planner marks and unmarks an important site (audited both ways)
		assertThat(send(request(PLANNER, "/api/planning/important-cameras/" + c).header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{\"note\":\"市府前\"}"))).statusCode()).isEqualTo(204);
		assertThat(json(get(DISPATCHER, "/api/planning/important-cameras")).toString()).contains("市府前");
		assertThat(send(request(PLANNER, "/api/planning/important-cameras/" + c).DELETE()).statusCode()).isEqualTo(204);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'planning.important_set' AND object_id = ?",
				Long.class, String.valueOf(c))).isEqualTo(2L);
	}

	@Test
	void thePlanPagesShowTheYearsWithTheRocYear() {
		long id = json(post(PLANNER, "/api/planning/plans", with(inputs(), "name", "Page " + RUN + serial.incrementAndGet())))
			.get("id").asLong();
		PageSession session = PageSession.loggedIn(port, "198.19.7." + (serial.incrementAndGet() % 250 + 1), DISPATCHER, PASSWORD);
		HttpResponse<String> page = session.get("/planning/plans/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"plan-year-2026\"").contains("115").contains("150,774")
			.contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
		HttpResponse<String> list = session.get("/planning/plans");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("/planning/plans/" + id);
	}

	long written() {
		return jdbc.queryForObject("""
				SELECT (SELECT count(*) FROM replacement_plan) + (SELECT count(*) FROM replacement_plan_year)
				     + (SELECT count(*) FROM replacement_plan_camera)""", Long.class);
	}

	static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(key, value);
		return copy;
	}

	HttpRequest.Builder request(String user, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-For", "198.18.9." + (serial.incrementAndGet() % 250 + 1))
			.header("Accept", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}

	HttpResponse<String> get(String user, String path) {
		return send(request(user, path).GET());
	}

	HttpResponse<String> post(String user, String path, Map<String, ?> body) {
		return post(user, path, JSON.writeValueAsString(body));
	}

	HttpResponse<String> post(String user, String path, String body) {
		return send(request(user, path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String field(HttpResponse<String> response) {
		JsonNode errors = json(response).get("errors");
		return errors == null || errors.isEmpty() ? null : errors.get(0).get("field").asString();
	}
}
