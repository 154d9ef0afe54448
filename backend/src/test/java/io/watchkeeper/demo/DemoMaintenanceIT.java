package io.watchkeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo maintenance history at the default fleet size (20,000 cameras, in a schema of its own): the figures
 * page and API give the seed report's half-year numbers, contracts cover today, squads exist, the demo vendor and
 * squad have open orders in every state, and every order's history is coherent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"watchkeeper.demo.enabled=true",
		"watchkeeper.demo.cameras=20000",
		"watchkeeper.demo.password=demo-maint-secret",
		"spring.flyway.schemas=demo_maint_it",
		"spring.datasource.url=${WK_TEST_DB_URL:jdbc:postgresql://localhost:5432/watchkeeper_test}?currentSchema=demo_maint_it,public" })
class DemoMaintenanceIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void theFiguresOfTheSeedReportsHalfYearAre2360ByVendorsAnd4849InHouse() throws Exception {
		HttpResponse<String> response = get("/api/reports/maintenance?from=2023-01-01&to=2023-06-30&groupBy=vendor", "dispatcher");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode totals = json.readTree(response.body()).get("totals");
		assertThat(totals.get("restoredByVendors").asLong()).isEqualTo(2_360);
		assertThat(totals.get("restoredInHouse").asLong()).isEqualTo(4_849);
		// the same whatever the grouping, and the vendor rows add up to the vendors' total
		JsonNode byVendor = json.readTree(response.body()).get("rows");
		long sum = 0;
		for (JsonNode row : byVendor) {
			sum += row.get("restoredByVendors").asLong();
		}
		assertThat(sum).isEqualTo(2_360);
		JsonNode bySquad = json.readTree(get("/api/reports/maintenance?from=2023-01-01&to=2023-06-30&groupBy=squad", "viewer").body());
		assertThat(bySquad.get("totals").get("restoredInHouse").asLong()).isEqualTo(4_849);
		long inHouse = 0;
		for (JsonNode row : bySquad.get("rows")) {
			inHouse += row.get("restoredInHouse").asLong();
		}
		assertThat(inHouse).isEqualTo(4_849);
		assertThat(totals.get("availabilityPercent").decimalValue().doubleValue()).isBetween(99.0, 99.99);
	}

	@Test
	void vendorRepairsTakeLongerThanSquadFixesAndSomeAreLate() {
		Map<String, Object> hours = jdbc.queryForMap("""
				SELECT avg(extract(epoch FROM restored_at - opened_at)) FILTER (WHERE resolution = 'RESTORED_BY_VENDOR') / 3600 AS vendor,
				       avg(extract(epoch FROM restored_at - opened_at)) FILTER (WHERE resolution = 'RESTORED_IN_HOUSE') / 3600 AS squad,
				       count(*) FILTER (WHERE restored_at > restore_due_at) AS late, count(*) AS orders
				  FROM work_order WHERE opened_at < timestamptz '2023-07-01 00:00+08'""");
		double vendor = ((Number) hours.get("vendor")).doubleValue();
		double squad = ((Number) hours.get("squad")).doubleValue();
		assertThat(vendor).isGreaterThan(2 * squad);
		assertThat(squad).isBetween(1.0, 8.0);
		assertThat(((Number) hours.get("late")).longValue()).isBetween(100L, 1_000L);
		// a camera never has two outages at once
		assertThat(count("""
				SELECT count(*) FROM outage a JOIN outage b ON a.camera_id = b.camera_id AND a.id < b.id
				 WHERE tstzrange(a.started_at, a.ended_at) && tstzrange(b.started_at, b.ended_at)""")).isZero();
		// a lighter history runs on until a week ago: availability of last month is measurable
		assertThat(count("""
				SELECT count(*) FROM work_order WHERE opened_at >= date_trunc('month', now()) - interval '1 month'
				   AND opened_at < date_trunc('month', now())""")).isBetween(60L, 400L);
	}

	@Test
	void everyOrderHasACoherentHistory() {
		assertThat(count("SELECT count(*) FROM work_order w WHERE NOT EXISTS (SELECT 1 FROM work_order_event e WHERE e.work_order_id = w.id AND e.action = 'OPENED')")).isZero();
		assertThat(count("SELECT count(*) FROM work_order w WHERE w.state = 'CLOSED' AND NOT EXISTS (SELECT 1 FROM work_order_event e WHERE e.work_order_id = w.id AND e.action = 'CLOSED' AND e.actor = 'dispatcher')")).isZero();
		assertThat(count("SELECT count(*) FROM work_order w WHERE w.assignee_kind = 'SQUAD' AND NOT EXISTS (SELECT 1 FROM work_order_event e WHERE e.work_order_id = w.id AND e.action = 'ASSIGNED')")).isZero();
		// each event leaves the order in the state the next one starts from, in time order, ending in the order's state
		assertThat(count("""
				SELECT count(*) FROM (
				    SELECT e.to_state, lead(e.from_state) OVER w AS next_from, lead(e.occurred_at) OVER w AS next_at, e.occurred_at
				      FROM work_order_event e WINDOW w AS (PARTITION BY e.work_order_id ORDER BY e.occurred_at, e.id)) x
				 WHERE next_from IS NOT NULL AND (next_from <> to_state OR next_at < occurred_at)""")).isZero();
		assertThat(count("""
				SELECT count(*) FROM work_order w JOIN LATERAL (SELECT to_state FROM work_order_event e WHERE e.work_order_id = w.id
				                                              ORDER BY occurred_at DESC, id DESC LIMIT 1) last ON true
				 WHERE last.to_state <> w.state""")).isZero();
		assertThat(count("SELECT count(*) FROM work_order WHERE outage_id IS NULL")).isZero();
	}

	@Test
	void theDemoVendorAndSquadHaveOpenOrdersInEveryState() {
		List<String> vendorStates = jdbc.queryForList("""
				SELECT DISTINCT w.state FROM work_order w JOIN app_user u ON u.vendor_id = w.vendor_id
				 WHERE u.username = 'vendor' AND w.state <> 'CLOSED' ORDER BY 1""", String.class);
		assertThat(vendorStates).containsExactly("ASSIGNED", "IN_PROGRESS", "ON_HOLD", "RESTORED");
		List<String> squadStates = jdbc.queryForList("""
				SELECT DISTINCT w.state FROM work_order w JOIN app_user u ON u.squad_id = w.squad_id
				 WHERE u.username = 'squad' AND w.state <> 'CLOSED' ORDER BY 1""", String.class);
		assertThat(squadStates).containsExactly("ASSIGNED", "IN_PROGRESS", "ON_HOLD", "RESTORED");
		assertThat(count("SELECT count(*) FROM work_order WHERE state = 'ON_HOLD' AND hold_reason IS NULL")).isZero();
		assertThat(count("SELECT count(*) FROM work_order WHERE state = 'NEW'")).isPositive();
		// open outages are exactly those of the open orders not yet restored
		assertThat(count("SELECT count(*) FROM outage WHERE ended_at IS NULL")).isEqualTo(
				count("SELECT count(*) FROM work_order WHERE state IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD')"));
	}

	@Test
	void squadsAndContractsCoverEveryPrecinctToday() {
		assertThat(count("SELECT count(*) FROM repair_squad")).isEqualTo(18);
		assertThat(count("SELECT count(*) FROM repair_squad WHERE precinct_id IS NULL AND name_zh = '總局維修小組'")).isEqualTo(1);
		assertThat(count("""
				SELECT count(*) FROM app_user u JOIN repair_squad q ON q.id = u.squad_id AND q.precinct_id = u.precinct_id
				 WHERE u.username = 'squad'""")).isEqualTo(1);
		assertThat(count("""
				SELECT count(DISTINCT mp.precinct_id) FROM maintenance_contract mc JOIN maintenance_contract_precinct mp ON mp.contract_id = mc.id
				 WHERE (now() AT TIME ZONE 'Asia/Taipei')::date BETWEEN mc.starts_on AND mc.ends_on""")).isEqualTo(17);
		// the 2023 contracts keep the seed's budget; later years are the same precincts with the same companies
		assertThat(count("SELECT sum(budget_ntd) FROM maintenance_contract WHERE starts_on = DATE '2023-01-01'")).isEqualTo(69_769_000L);
		assertThat(count("""
				SELECT count(*) FROM maintenance_contract later JOIN maintenance_contract first
				    ON substr(later.code, 7) = substr(first.code, 7) AND first.starts_on = DATE '2023-01-01'
				 WHERE later.starts_on > first.starts_on AND (later.vendor_id <> first.vendor_id OR later.budget_ntd <> first.budget_ntd)""")).isZero();
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private HttpResponse<String> get(String path, String user) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":demo-maint-secret").getBytes(StandardCharsets.UTF_8)))
			.GET().build(), HttpResponse.BodyHandlers.ofString());
	}
}
