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
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.camera.AreaAssignment;

/**
 * The demo data set as it loads on a first start with {@code watchkeeper.demo.enabled=true}. It runs in a schema
 * of its own ({@code demo_it}) so its 10,000 cameras never meet other tests' expectations about the registry.
 * The load takes the bulk path (indexes and foreign keys dropped and restored) that large fleets take.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"watchkeeper.demo.enabled=true",
		"watchkeeper.demo.cameras=10000",
		"watchkeeper.demo.password=demo-it-secret",
		"watchkeeper.demo.bulk-load-from=5000",
		"spring.flyway.schemas=demo_it",
		"spring.datasource.url=${WK_TEST_DB_URL:jdbc:postgresql://localhost:5432/watchkeeper_test}?currentSchema=demo_it,public" })
class DemoDataIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AreaAssignment areaAssignment;

	@Autowired
	DemoStartup demoStartup;

	@Autowired
	javax.sql.DataSource dataSource;

	@LocalServerPort
	int port;

	@Test
	void runsInItsOwnSchema() {
		assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo("demo_it");
	}

	@Test
	void loadsTheKaohsiungBoundariesAndTheAskedNumberOfCameras() {
		assertThat(count("SELECT count(*) FROM precinct")).isEqualTo(17);
		assertThat(count("SELECT count(*) FROM district")).isEqualTo(38);
		assertThat(count("SELECT count(*) FROM camera")).isEqualTo(10_000);
		assertThat(count("SELECT count(*) FROM camera WHERE lpr <> 'NONE'")).as("1,589 ordinary, 530 replaced, 40 subsidised")
			.isEqualTo(2_159);
		// the report's 八.6 at the end of June 2023: 1,589 of 10,000 (3,178 of 20,000)
		assertThat(count("""
				SELECT count(*) FROM camera WHERE lpr <> 'NONE' AND status <> 'PLANNED' AND install_date <= DATE '2023-06-30'
				   AND (decommissioned_on IS NULL OR decommissioned_on > DATE '2023-06-30')""")).isEqualTo(1_589);
		assertThat(count("SELECT count(*) FROM camera WHERE lpr = 'REALTIME_LPR'")).isEqualTo(150);
		assertThat(count("SELECT count(*) FROM camera WHERE precinct_id IS NULL OR district_id IS NULL")).isZero();
		// a small share has an address but no coordinates yet: the unplaced-camera list is not empty on a fresh start
		assertThat(count("SELECT count(*) FROM camera WHERE location IS NULL")).as("unplaced cameras").isBetween(20L, 60L);
		assertThat(count("""
				SELECT count(*) FROM camera WHERE location IS NULL
				   AND (address IS NULL OR status NOT IN ('ACTIVE', 'PLANNED') OR notes NOT LIKE '%座標待測量%')""")).isZero();
		assertThat(count("SELECT count(*) FROM camera WHERE site_id IS NULL")).isZero();
		assertThat(count("SELECT max(n) FROM (SELECT count(*) AS n FROM camera GROUP BY site_id) s")).isBetween(1L, 3L);
		assertThat(jdbc.queryForList("SELECT seed, cameras FROM demo_dataset"))
			.containsExactly(Map.of("seed", 20230630L, "cameras", 10_000));
	}

	@Test
	void theBulkLoadRestoresEveryIndexAndForeignKeyTheMigrationsDefine() {
		String indexes = """
				SELECT string_agg(replace(pg_get_indexdef(i.indexrelid), n.nspname || '.', ''), ';' ORDER BY c.relname)
				  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				 WHERE n.nspname = ? AND i.indrelid IN (SELECT oid FROM pg_class WHERE relname IN ('camera', 'site') AND relnamespace = n.oid)""";
		String keys = """
				SELECT string_agg(conname || ' ' || replace(pg_get_constraintdef(o.oid), n.nspname || '.', '') || ' ' || convalidated, ';' ORDER BY conname)
				  FROM pg_constraint o JOIN pg_namespace n ON n.oid = o.connamespace
				 WHERE n.nspname = ? AND o.conrelid = (SELECT oid FROM pg_class WHERE relname = 'camera' AND relnamespace = n.oid)""";
		// A schema migrated by the same migrations and never bulk-loaded is the reference.
		org.flywaydb.core.Flyway.configure().dataSource(dataSource).schemas("demo_it_reference")
			.locations("classpath:db/migration").load().migrate();
		String migratedIndexes = jdbc.queryForObject(indexes, String.class, "demo_it_reference");
		assertThat(migratedIndexes).contains("camera_address_trgm").contains("camera_location_gix").contains("site_location_gix");
		assertThat(jdbc.queryForObject(indexes, String.class, "demo_it")).isEqualTo(migratedIndexes);
		String migratedKeys = jdbc.queryForObject(keys, String.class, "demo_it_reference");
		assertThat(migratedKeys).contains("camera_site_id_fkey FOREIGN KEY (site_id) REFERENCES site(id) true");
		assertThat(jdbc.queryForObject(keys, String.class, "demo_it")).isEqualTo(migratedKeys);
	}

	@Test
	void everyCameraIsInThePrecinctAndDistrictThatPointInPolygonGives() {
		assertThat(areaAssignment.assignAll()).as("cameras whose area point in polygon would change").isZero();
	}

	@Test
	void theSeedReportsProjectsHaveTheirExactAmountsDatesAndCameras() {
		Map<String, Object> replacement = project("P2023-REPLACE-530");
		assertThat(replacement).containsEntry("purpose", "REPLACEMENT").containsEntry("budget_ntd", 49_955_000L)
			.containsEntry("awarded_on", "2023-03-30").containsEntry("started_on", "2023-04-21")
			.containsEntry("completion_due_on", "2023-12-31").containsEntry("cameras", 530L);
		assertThat(jdbc.queryForList("""
				SELECT f.code, pf.amount_ntd, f.amount_ntd AS source_amount FROM project_funding pf
				  JOIN funding_source f ON f.id = pf.funding_source_id
				  JOIN procurement_project p ON p.id = pf.project_id WHERE p.code = 'P2023-REPLACE-530' ORDER BY f.code"""))
			.containsExactly(Map.of("code", "F2023-CITY-LPR", "amount_ntd", 10_000_000L, "source_amount", 10_000_000L),
					Map.of("code", "F2023-CITY-REPLACE", "amount_ntd", 39_955_000L, "source_amount", 39_955_000L));
		assertThat(count("""
				SELECT count(*) FROM camera n JOIN camera o ON o.site_id = n.site_id AND o.site_index = 1
				 WHERE n.project_id = (SELECT id FROM procurement_project WHERE code = 'P2023-REPLACE-530')
				   AND o.status = 'DECOMMISSIONED' AND o.decommissioned_on = n.install_date AND o.end_of_life <= n.install_date"""))
			.as("each replacement camera replaced a camera past its 8 years on the same pole").isEqualTo(530);

		assertThat(project("P2023-NEW-30M")).containsEntry("purpose", "NEW_INSTALLATION").containsEntry("budget_ntd", 30_000_000L)
			.containsEntry("budgeted_on", "2023-06-20").containsEntry("cameras", 0L);
		assertThat(project("P2023-CENTRAL-219")).containsEntry("budget_ntd", 20_526_000L)
			.containsEntry("planned_camera_count", 219).containsEntry("cameras", 219L);
		assertThat(count("""
				SELECT count(*) FROM camera WHERE lpr = 'REALTIME_LPR' AND funding_source_id =
				       (SELECT id FROM funding_source WHERE code = 'F2023-CENTRAL' AND kind = 'CENTRAL_SUBSIDY' AND amount_ntd = 20526000)"""))
			.isEqualTo(40);
		assertThat(project("P2023-TPC-HUNEI")).containsEntry("budget_ntd", 3_500_000L).containsEntry("precinct", "HUNEI")
			.containsEntry("completed_on", "2023-03-17").containsEntry("accepted_on", "2023-03-29").containsEntry("cameras", 50L);
		assertThat(project("P2023-TPC-GANGSHAN")).containsEntry("budget_ntd", 5_000_000L).containsEntry("precinct", "GANGSHAN")
			.containsEntry("completed_on", "2023-03-30").containsEntry("accepted_on", "2023-04-21").containsEntry("cameras", 52L);
		assertThat(jdbc.queryForList("SELECT DISTINCT kind FROM funding_source WHERE code LIKE 'F2023-TPC-%'", String.class))
			.containsExactly("SOE_COMMUNITY_FUND");
	}

	@Test
	void aProjectWhoseCamerasAreAllDeliveredIsCompletedAndAcceptedNoEarlierThanItsLastCamera() {
		assertThat(project("P2023-CENTRAL-219")).containsEntry("cameras", 219L)
			.containsEntry("completed_on", "2023-12-20")
			.containsEntry("accepted_on", "2024-01-19");
		List<Map<String, Object>> disagreeing = jdbc.queryForList("""
				SELECT p.code, p.completed_on, p.accepted_on, d.cameras, d.last_install
				  FROM procurement_project p
				  CROSS JOIN LATERAL (SELECT count(*) AS cameras, max(install_date) AS last_install
				                        FROM camera c WHERE c.project_id = p.id) d
				 WHERE p.planned_camera_count IS NOT NULL AND d.cameras >= p.planned_camera_count
				   AND (p.completed_on IS NULL OR p.accepted_on IS NULL OR p.accepted_on < p.completed_on
				        OR d.last_install > p.completed_on
				        OR p.completed_on > p.completion_due_on AND p.code LIKE 'P2023-%')""");
		assertThat(disagreeing).as("delivered projects whose milestones do not say so").isEmpty();
		assertThat(count("SELECT count(*) FROM procurement_project WHERE planned_camera_count IS NOT NULL"))
			.as("the check covers the seed report's projects").isGreaterThanOrEqualTo(4);
	}

	/**
	 * The demo's texts that pages show as they are (one language only: notes, reasons, Chinese names): each has
	 * Chinese, and none carries an English sentence (two English words in a row) for a zh-TW page to show.
	 */
	@Test
	void theDemosSingleLanguageTextsAreChineseWithoutEnglishSentences() {
		List<String> texts = jdbc.queryForList("""
				SELECT DISTINCT t FROM (
				    SELECT notes AS t FROM camera UNION ALL SELECT decommission_reason FROM camera
				    UNION ALL SELECT address FROM site
				    UNION ALL SELECT notes FROM procurement_project UNION ALL SELECT name_zh FROM procurement_project
				    UNION ALL SELECT name_zh FROM funding_source UNION ALL SELECT sponsor FROM funding_source
				    UNION ALL SELECT name_zh FROM maintenance_contract UNION ALL SELECT name_zh FROM vendor
				    UNION ALL SELECT name_zh FROM repair_squad UNION ALL SELECT display_name FROM app_user
				    UNION ALL SELECT title FROM work_order UNION ALL SELECT description FROM work_order
				    UNION ALL SELECT hold_reason FROM work_order UNION ALL SELECT resolution_note FROM work_order
				    UNION ALL SELECT note FROM work_order_event
				    UNION ALL SELECT title FROM investigation_case UNION ALL SELECT place FROM investigation_case
				    UNION ALL SELECT crime_type FROM investigation_case UNION ALL SELECT note FROM footage_request) s
				 WHERE t IS NOT NULL""", String.class);
		assertThat(texts).as("the demo's texts").hasSizeGreaterThan(50);
		java.util.regex.Pattern englishWords = java.util.regex.Pattern.compile("[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}");
		assertThat(texts).allSatisfy(text -> {
			assertThat(text).as("has Chinese").containsPattern("\\p{IsHan}");
			assertThat(englishWords.matcher(text).find()).as("an English sentence in: %s", text).isFalse();
		});
	}

	@Test
	void theQiedingCamerasLieInsideQiedingByPointInPolygon() {
		assertThat(count("""
				SELECT count(*) FROM camera c, district d
				 WHERE d.name_zh = '茄萣區' AND ST_Within(c.location, d.boundary)
				   AND c.project_id = (SELECT id FROM procurement_project WHERE code = 'P2023-TPC-HUNEI')""")).isEqualTo(50);
		assertThat(count("""
				SELECT count(*) FROM camera c JOIN district d ON d.id = c.district_id JOIN precinct p ON p.id = c.precinct_id
				 WHERE d.code = 'YONGAN' AND p.code = 'GANGSHAN' AND ST_Within(c.location, d.boundary) AND ST_Within(c.location, p.boundary)
				   AND c.project_id = (SELECT id FROM procurement_project WHERE code = 'P2023-TPC-GANGSHAN')""")).isEqualTo(52);
	}

	@Test
	void sevenVendorsMaintainTheSeventeenPrecinctsForTheWhole2023Budget() {
		assertThat(count("SELECT count(DISTINCT vendor_id) FROM maintenance_contract")).isEqualTo(7);
		assertThat(count("SELECT count(DISTINCT precinct_id) FROM maintenance_contract_precinct")).isEqualTo(17);
		assertThat(count("SELECT sum(budget_ntd) FROM maintenance_contract WHERE starts_on = DATE '2023-01-01'")).isEqualTo(69_769_000L);
		// Each precinct's share follows its cameras out of warranty when the contracts began.
		List<Map<String, Object>> shares = jdbc.queryForList("""
				WITH oow AS (SELECT precinct_id, count(*) AS n FROM camera
				              WHERE install_date < DATE '2023-01-01' AND warranty_end < DATE '2023-01-01'
				                AND (decommissioned_on IS NULL OR decommissioned_on >= DATE '2023-01-01') GROUP BY precinct_id)
				SELECT mc.budget_ntd, 69769000.0 * oow.n / (SELECT sum(n) FROM oow) AS expected
				  FROM maintenance_contract mc JOIN maintenance_contract_precinct mcp ON mcp.contract_id = mc.id
				  JOIN oow ON oow.precinct_id = mcp.precinct_id WHERE mc.starts_on = DATE '2023-01-01'""");
		assertThat(shares).hasSize(17).allSatisfy(s -> assertThat(((Number) s.get("budget_ntd")).doubleValue())
			.isCloseTo(((Number) s.get("expected")).doubleValue(), org.assertj.core.data.Offset.offset(1.0)));
		assertThat(count("""
				SELECT count(*) FROM camera c JOIN maintenance_contract_precinct mcp ON mcp.contract_id = c.contract_id
				 WHERE mcp.precinct_id <> c.precinct_id""")).as("a camera's contract covers its precinct").isZero();
		assertThat(count("SELECT count(*) FROM camera WHERE status <> 'PLANNED' AND supplier_vendor_id IS NULL")).isZero();
	}

	@Test
	void demoUsersOnePerRoleLogInWithTheConfiguredPassword() throws Exception {
		assertThat(jdbc.queryForList("""
				SELECT u.username || ':' || r.role FROM app_user u JOIN app_user_role r ON r.user_id = u.id
				 WHERE u.demo ORDER BY u.username""", String.class))
			.containsExactly("admin:ADMIN", "dispatcher:DISPATCHER", "investigator:INVESTIGATOR", "procurement:PROCUREMENT",
					"squad:SQUAD_MEMBER", "vendor:VENDOR_TECHNICIAN", "viewer:VIEWER");
		assertThat(count("SELECT count(*) FROM app_user u JOIN vendor v ON v.id = u.vendor_id WHERE u.username = 'vendor'")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM app_user u JOIN precinct p ON p.id = u.precinct_id WHERE u.username = 'squad'")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM app_user u JOIN precinct p ON p.id = u.precinct_id WHERE u.username = 'investigator'")).isEqualTo(1);
		assertThat(get("/api/admin/boundaries/precincts", "admin", "demo-it-secret").statusCode()).isEqualTo(200);
		assertThat(get("/api/admin/boundaries/precincts", "viewer", "demo-it-secret").statusCode()).isEqualTo(403);
		assertThat(get("/api/admin/boundaries/precincts", "admin", "watchkeeper").statusCode()).isEqualTo(401);
	}

	/** The investigators' half year scales with the fleet: round(10,000 × 1,414 / 20,000) = 707, still 15.0 %. */
	@Test
	void theInvestigatorsHalfYearScalesWithTheFleetAndKeeps15Percent() {
		Map<String, Object> kpi = jdbc.queryForMap("""
				SELECT count(*) FILTER (WHERE coalesce(c.footage_override, EXISTS (
				           SELECT 1 FROM footage_request r WHERE r.case_id = c.id AND r.outcome = 'USEFUL'))) AS with_footage,
				       count(*) AS solved
				  FROM investigation_case c
				 WHERE c.state = 'SOLVED' AND (c.closed_at AT TIME ZONE 'Asia/Taipei')::date BETWEEN DATE '2023-01-01' AND DATE '2023-06-30'""");
		long withFootage = ((Number) kpi.get("with_footage")).longValue();
		assertThat(withFootage).isEqualTo(Math.round(10_000 * 1_414 / 20_000.0));
		assertThat(Math.round(withFootage * 1000.0 / ((Number) kpi.get("solved")).longValue())).as("per mille").isEqualTo(150);
	}

	@Test
	void aSecondStartKeepsTheDataAndAddsNothing() throws Exception {
		String before = fingerprint();
		demoStartup.run(new DefaultApplicationArguments());
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(count("SELECT count(*) FROM demo_dataset")).isEqualTo(1);
	}

	private String fingerprint() {
		return jdbc.queryForObject("""
				SELECT (SELECT count(*) FROM camera) || '/' || (SELECT max(id) FROM camera) || '/' || (SELECT count(*) FROM site)
				    || '/' || (SELECT count(*) FROM app_user) || '/' || (SELECT count(*) FROM procurement_project)
				    || '/' || (SELECT count(*) FROM maintenance_contract) || '/' || (SELECT count(*) FROM precinct)""", String.class);
	}

	/** The seed report's half year decommissioned 120 cameras (replacements aside), each by a closed decommission order. */
	@Test
	void theReportsHalfYearHas120DecommissionsEachByAClosedDecommissionOrder() throws Exception {
		String inHalfYear = "c.decommissioned_on BETWEEN DATE '2023-01-01' AND DATE '2023-06-30'";
		assertThat(count("SELECT count(*) FROM camera c WHERE " + inHalfYear + " AND c.decommission_kind <> 'REPLACED'"))
			.isEqualTo(120);
		assertThat(count("SELECT count(*) FROM camera WHERE status = 'DECOMMISSIONED' AND decommission_kind IS NULL"))
			.as("every decommission has its kind").isZero();
		assertThat(count("""
				SELECT count(*) FROM camera c WHERE c.status = 'DECOMMISSIONED' AND c.decommission_kind <> 'REPLACED'
				   AND (SELECT count(*) FROM work_order w WHERE w.camera_id = c.id AND w.kind = 'DECOMMISSION' AND w.state = 'CLOSED'
				           AND w.resolution = 'DECOMMISSIONED' AND w.resolution_note = c.decommission_reason
				           AND (w.closed_at AT TIME ZONE 'Asia/Taipei')::date = c.decommissioned_on) <> 1"""))
			.as("one closed decommission order each, closed on the decommission day").isZero();
		Map<String, Object> kinds = jdbc.queryForMap("""
				SELECT count(*) FILTER (WHERE c.end_of_life <= c.decommissioned_on) AS past_life,
				       count(*) FILTER (WHERE c.end_of_life <= c.decommissioned_on AND c.decommission_kind = 'END_OF_LIFE_FAULTY') AS faulty,
				       count(DISTINCT c.decommission_kind) AS kinds
				  FROM camera c""" + " WHERE " + inHalfYear + " AND c.decommission_kind <> 'REPLACED'");
		assertThat(((Number) kinds.get("faulty")).doubleValue()).as("past-life cameras mostly over service life and faulty")
			.isGreaterThan(0.6 * ((Number) kinds.get("past_life")).doubleValue());
		assertThat(((Number) kinds.get("kinds")).longValue()).isGreaterThanOrEqualTo(2);
		// the product counts them from these records: the maintenance figures of the half year
		HttpResponse<String> report = get("/api/reports/maintenance?from=2023-01-01&to=2023-06-30&groupBy=precinct", "admin",
				"demo-it-secret");
		assertThat(report.statusCode()).isEqualTo(200);
		tools.jackson.databind.JsonNode totals = tools.jackson.databind.json.JsonMapper.builder().build().readTree(report.body())
			.get("totals");
		assertThat(totals.get("decommissioned").asLong()).isEqualTo(120);
		assertThat(totals.get("replaced").asLong()).isEqualTo(count("SELECT count(*) FROM camera c WHERE " + inHalfYear
				+ " AND c.decommission_kind = 'REPLACED'")).isPositive();
	}

	/** The 2023 replacement project: 530 pairs, the new camera linked to the old, one closed order of the project each. */
	@Test
	void the530ReplacementsHaveLineageSerialsAndTheirProjectsClosedOrders() {
		assertThat(count("SELECT count(*) FROM camera WHERE decommission_kind = 'REPLACED'")).isEqualTo(530);
		assertThat(count("""
				SELECT count(*) FROM camera n JOIN camera o ON o.id = n.replaces_camera_id
				  JOIN procurement_project p ON p.id = n.project_id AND p.code = 'P2023-REPLACE-530'
				 WHERE o.decommission_kind = 'REPLACED' AND o.site_id = n.site_id AND o.decommissioned_on = n.install_date
				   AND n.status <> 'DECOMMISSIONED'""")).isEqualTo(530);
		assertThat(count("""
				SELECT count(*) FROM work_order w JOIN camera n ON n.id = w.delivered_camera_id
				  JOIN procurement_project p ON p.id = w.project_id AND p.code = 'P2023-REPLACE-530'
				 WHERE w.kind = 'REPLACEMENT' AND w.state = 'CLOSED' AND w.resolution = 'REPLACED'
				   AND w.camera_id = n.replaces_camera_id AND (w.closed_at AT TIME ZONE 'Asia/Taipei')::date = n.install_date""")).isEqualTo(530);
		assertThat(count("""
				SELECT count(DISTINCT upper(n.serial_number)) FROM camera n
				  JOIN procurement_project p ON p.id = n.project_id AND p.code = 'P2023-REPLACE-530'""")).isEqualTo(530);
		assertThat(count("""
				SELECT count(*) FROM camera n JOIN procurement_project p ON p.id = n.project_id AND p.code = 'P2023-REPLACE-530'
				 WHERE n.warranty_end <> (n.install_date + make_interval(years => p.warranty_years))::date""")).isZero();
		assertThat(count("SELECT warranty_years FROM procurement_project WHERE code = 'P2023-REPLACE-530'")).isEqualTo(3);
	}

	/**
	 * The product's budget split for 2023 with the report's NT$69,769,000, counted on the day the 2023 contracts began,
	 * gives exactly the budgets the demo's 2023 precinct contracts have.
	 */
	@Test
	void theBudgetSplitPreviewReproducesThe2023ContractBudgets() throws Exception {
		HttpResponse<String> r = get("/api/planning/budget-split?fiscalYear=2023&totalNtd=69769000&referenceDate="
				+ DemoCatalog.CONTRACT_START, "procurement", "demo-it-secret");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		tools.jackson.databind.JsonNode parts = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body())
			.get("parts");
		assertThat(parts).hasSize(17);
		long sum = 0;
		for (tools.jackson.databind.JsonNode p : parts) {
			String code = p.get("precinctCode").asString();
			assertThat(p.get("contractCode").asString()).isEqualTo("MC2023-" + code);
			assertThat(p.get("amountNtd").asLong()).as(code).isEqualTo(jdbc.queryForObject(
					"SELECT budget_ntd FROM maintenance_contract WHERE code = ?", Long.class, "MC2023-" + code));
			sum += p.get("amountNtd").asLong();
		}
		assertThat(sum).isEqualTo(69_769_000L);
		// and the demo applied it as a user would: recorded with its parts, by "demo"
		assertThat(jdbc.queryForList("""
				SELECT fiscal_year, total_ntd, reference_date::text AS reference_date, applied_by FROM maintenance_budget_split"""))
			.containsExactly(Map.of("fiscal_year", 2023, "total_ntd", 69_769_000L, "reference_date", "2023-01-01",
					"applied_by", "demo"));
		assertThat(count("""
				SELECT count(*) FROM maintenance_budget_split_part p JOIN maintenance_contract mc ON mc.id = p.contract_id
				 WHERE mc.starts_on = DATE '2023-01-01' AND mc.budget_ntd = p.amount_ntd""")).isEqualTo(17);
	}

	private Map<String, Object> project(String code) {
		return jdbc.queryForMap("""
				SELECT p.purpose, p.budget_ntd, p.planned_camera_count, pr.code AS precinct, p.budgeted_on::text AS budgeted_on,
				       p.awarded_on::text AS awarded_on, p.started_on::text AS started_on, p.completion_due_on::text AS completion_due_on,
				       p.completed_on::text AS completed_on, p.accepted_on::text AS accepted_on,
				       (SELECT count(*) FROM camera c WHERE c.project_id = p.id) AS cameras
				  FROM procurement_project p LEFT JOIN precinct pr ON pr.id = p.precinct_id WHERE p.code = ?""", code);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.GET().build(), HttpResponse.BodyHandlers.ofString());
	}
}
