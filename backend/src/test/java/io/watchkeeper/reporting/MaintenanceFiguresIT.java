package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.watchkeeper.shared.TimeFormat;
import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures on the real PostGIS against {@link ReportScenario} (March 1996, so no other test's rows fall in the
 * period): every number is worked out by hand in the scenario's table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaintenanceFiguresIT {

	static final ReportPeriod MARCH_1996 = new ReportPeriod(LocalDate.of(1996, 3, 1), LocalDate.of(1996, 3, 31));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	MaintenanceFigures figures;

	@Autowired
	TimeFormat timeFormat;

	@Autowired
	DailySums dailySums;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@BeforeEach
	void scenario() {
		ReportScenario.ensure(jdbc);
		TestUsers.ensure(jdbc, "itr-dispatcher", "itr-dispatcher-pass", "DISPATCHER");
		TestUsers.ensure(jdbc, "itr-vendor", "itr-vendor-pass", "VENDOR_TECHNICIAN");
		TestUsers.ensure(jdbc, "itr-viewer", "itr-viewer-pass", "VIEWER");
	}

	@Test
	void onlyVerifiedOrdersCountAsRestoredByVendorsOrInHouse() {
		ReportPeriod june = new ReportPeriod(LocalDate.of(1998, 6, 1), LocalDate.of(1998, 6, 30));
		long order = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, assignee_kind, contract_id, vendor_id, opened_at,
				                        assigned_at, started_at, restored_at, resolution, resolution_note, title, created_by)
				SELECT 'REPAIR', c.id, 'MANUAL', 'RESTORED', 'CONTRACT', mc.id, mc.vendor_id, timestamptz '1998-06-02 08:00+08',
				       timestamptz '1998-06-02 08:00+08', timestamptz '1998-06-02 09:00+08', timestamptz '1998-06-02 12:00+08',
				       'RESTORED_BY_VENDOR', 'ITR', 'ITR W9', 'itr'
				  FROM camera c, maintenance_contract mc WHERE c.asset_tag = 'ITR-C1' AND mc.code = 'ITR-MC1'
				RETURNING id""", Long.class);
		try {
			MaintenanceReport.Row proposed = figures.figures(june, Grouping.PRECINCT).totals();
			assertThat(proposed.repairsRestored()).isEqualTo(1);
			assertThat(proposed.restoredByVendors()).as("restored, not yet verified by a dispatcher").isZero();
			jdbc.update("UPDATE work_order SET state = 'CLOSED', closed_at = timestamptz '1998-07-03 09:00+08' WHERE id = ?", order);
			assertThat(figures.figures(june, Grouping.PRECINCT).totals().restoredByVendors())
				.as("verified in July, counted in June when it was restored").isEqualTo(1);
		}
		finally {
			jdbc.update("DELETE FROM work_order WHERE id = ?", order);
		}
	}

	@Test
	void byPrecinctClipsOutagesToThePeriodAndCountsOnlyCamerasInService() {
		MaintenanceReport report = figures.figures(MARCH_1996, Grouping.PRECINCT);
		assertThat(report.periodHours()).isEqualByComparingTo("744");
		assertThat(report.measuredUntil()).isEqualTo(report.periodEnd()).isEqualTo(Instant.parse("1996-03-31T16:00:00Z"));
		assertThat(report.periodStart()).isEqualTo(Instant.parse("1996-02-29T16:00:00Z"));
		assertThat(report.span()).isEqualTo("M03");
		assertThat(report.rocYearFrom()).isEqualTo(85);
		assertThat(report.rows()).hasSize(17); // every precinct, with figures or not

		MaintenanceReport.Row liugui = row(report, "LIUGUI");
		// C1, C2, C3 (installed 03-20), C6 (decommissioned 03-10); not C4 (April), C5 (February), C8 (planned)
		assertThat(liugui.camerasInService()).isEqualTo(4);
		assertThat(liugui.cameraHours()).isEqualByComparingTo("2976");
		assertThat(liugui.downtimeHours()).isEqualByComparingTo("216"); // 4 + 6 + 2 + 156 (open) + 48 (until decommissioned)
		assertThat(liugui.availabilityPercent()).isEqualByComparingTo("92.742"); // 1 − 216 / 2976
		assertThat(liugui.outages()).isEqualTo(4); // O2, O3, O4, O5 started in March; O1 in February; O7's camera was gone
		assertThat(liugui.outagesEnded()).isEqualTo(3); // O1 8 h, O2 6 h, O5 72 h
		assertThat(liugui.outageMttrHours()).isEqualByComparingTo("28.67");
		assertThat(liugui.ordersOpened()).isEqualTo(4); // W1, W2, W4, W5
		assertThat(liugui.ordersClosed()).isEqualTo(3); // W1, W2, W3
		assertThat(liugui.repairsRestored()).isEqualTo(3);
		assertThat(liugui.mttrHours()).isEqualByComparingTo("5.92"); // (5 h 55 + 4 h + 7 h 50) / 3
		assertThat(liugui.restoredByVendors()).isEqualTo(2);
		assertThat(liugui.restoredInHouse()).isEqualTo(1);

		MaintenanceReport.Row qishan = row(report, "QISHAN");
		assertThat(qishan.camerasInService()).isEqualTo(1);
		assertThat(qishan.downtimeHours()).isEqualByComparingTo("292"); // 10 + 282 (open since 03-20 06:00)
		assertThat(qishan.availabilityPercent()).isEqualByComparingTo("60.753");
		assertThat(qishan.outages()).isEqualTo(2);
		assertThat(qishan.ordersOpened()).isEqualTo(2);
		assertThat(qishan.mttrHours()).isEqualByComparingTo("9.92");
		assertThat(qishan.restoredByVendors()).isEqualTo(1);

		MaintenanceReport.Row total = report.totals();
		assertThat(total.camerasInService()).isEqualTo(5);
		assertThat(total.downtimeHours()).isEqualByComparingTo("508");
		assertThat(total.availabilityPercent()).isEqualByComparingTo("86.344"); // 1 − 508 / 3720
		assertThat(total.outages()).isEqualTo(6);
		assertThat(total.ordersOpened()).isEqualTo(6);
		assertThat(total.ordersClosed()).isEqualTo(4);
		assertThat(total.repairsRestored()).isEqualTo(4);
		assertThat(total.mttrHours()).isEqualByComparingTo("6.92");
		assertThat(total.restoredByVendors()).isEqualTo(3);
		assertThat(total.restoredInHouse()).isEqualTo(1);
		// a precinct without cameras in service has no availability rather than 100 %
		assertThat(row(report, "GUSHAN").availabilityPercent()).isNull();
		assertThat(row(report, "GUSHAN").camerasInService()).isZero();
	}

	@Test
	void byContractEachContractCountsItsPrecinctsDuringItsTermWithinThePeriod() {
		MaintenanceReport report = figures.figures(MARCH_1996, Grouping.CONTRACT);
		assertThat(report.rows()).extracting(MaintenanceReport.Row::code).contains("ITR-MC1", "ITR-MC2");
		MaintenanceReport.Row first = row(report, "ITR-MC1"); // 03-01 .. 03-15: 360 h, C1, C2, C6
		assertThat(first.camerasInService()).isEqualTo(3);
		assertThat(first.cameraHours()).isEqualByComparingTo("1080");
		assertThat(first.downtimeHours()).isEqualByComparingTo("58"); // O1 4 + O2 6 + O5 48
		assertThat(first.availabilityPercent()).isEqualByComparingTo("94.630");
		assertThat(first.ordersOpened()).isEqualTo(1); // W1 (W3 in February)
		assertThat(first.ordersClosed()).isEqualTo(2);
		assertThat(first.mttrHours()).isEqualByComparingTo("6.88"); // (5 h 55 + 7 h 50) / 2 = 6.875
		assertThat(first.restoredByVendors()).isEqualTo(2);
		MaintenanceReport.Row second = row(report, "ITR-MC2"); // 03-16 .. 03-31: 384 h, C1, C2, C3
		assertThat(second.camerasInService()).isEqualTo(3);
		assertThat(second.downtimeHours()).isEqualByComparingTo("158"); // O3 2 + O4 156
		assertThat(second.availabilityPercent()).isEqualByComparingTo("86.285");
		assertThat(second.ordersOpened()).isEqualTo(1);
		assertThat(second.repairsRestored()).isZero();
		assertThat(second.mttrHours()).isNull();
		// the orders on no contract (warranty and squad) have their own row; the totals are the city's whatever the grouping
		MaintenanceReport.Row none = report.rows().stream().filter(r -> r.key() == null).findFirst().orElseThrow();
		assertThat(none.camerasInService()).isNull();
		assertThat(report.totals()).isEqualTo(figures.figures(MARCH_1996, Grouping.PRECINCT).totals());
		// years later the contracts have ended: an order merely still open (W4) brings no empty row back
		MaintenanceReport later = figures.figures(new ReportPeriod(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31)),
				Grouping.CONTRACT);
		assertThat(later.rows()).extracting(MaintenanceReport.Row::code).doesNotContain("ITR-MC1", "ITR-MC2");
		// while its outage O4, open since 1996, still counts as downtime of a camera in service
		assertThat(row(figures.figures(new ReportPeriod(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31)), Grouping.PRECINCT),
				"LIUGUI").downtimeHours()).isGreaterThanOrEqualTo(new BigDecimal("744"));
	}

	@Test
	void byVendorAndBySquad() {
		MaintenanceReport byVendor = figures.figures(MARCH_1996, Grouping.VENDOR);
		MaintenanceReport.Row vendor = row(byVendor, "ITR-V1");
		assertThat(vendor.camerasInService()).isEqualTo(4);
		assertThat(vendor.downtimeHours()).isEqualByComparingTo("216");
		assertThat(vendor.availabilityPercent()).isEqualByComparingTo("92.742");
		assertThat(vendor.ordersOpened()).isEqualTo(4); // W1, W4, W6 (warranty), W8 (warranty)
		assertThat(vendor.ordersClosed()).isEqualTo(3);
		assertThat(vendor.restoredByVendors()).isEqualTo(3);
		assertThat(vendor.restoredInHouse()).isZero();
		assertThat(vendor.mttrHours()).isEqualByComparingTo("7.89");

		MaintenanceReport bySquad = figures.figures(MARCH_1996, Grouping.SQUAD);
		MaintenanceReport.Row squad = row(bySquad, "ITR-SQ");
		assertThat(squad.camerasInService()).isEqualTo(4);
		assertThat(squad.ordersOpened()).isEqualTo(2);
		assertThat(squad.ordersClosed()).isEqualTo(1);
		assertThat(squad.restoredInHouse()).isEqualTo(1);
		assertThat(squad.mttrHours()).isEqualByComparingTo("4.00");
	}

	@Test
	void whileThePeriodRunsOpenOutagesCountUntilNow() {
		// 1996-03-20 12:00 in Taipei: 19.5 days of March measured, O4 and O3 not begun yet, O8 open for 6 hours
		Clock clock = Clock.fixed(Instant.parse("1996-03-20T04:00:00Z"), ZoneOffset.UTC);
		MaintenanceReport report = new MaintenanceFigures(named, clock, timeFormat, dailySums).figures(MARCH_1996, Grouping.PRECINCT);
		assertThat(report.measuredUntil()).isEqualTo(Instant.parse("1996-03-20T04:00:00Z"));
		assertThat(report.periodHours()).isEqualByComparingTo("468");
		MaintenanceReport.Row liugui = row(report, "LIUGUI");
		assertThat(liugui.camerasInService()).isEqualTo(4);
		assertThat(liugui.downtimeHours()).isEqualByComparingTo("58");
		assertThat(liugui.availabilityPercent()).isEqualByComparingTo("96.902"); // 1 − 58 / (4 × 468)
		MaintenanceReport.Row qishan = row(report, "QISHAN");
		assertThat(qishan.downtimeHours()).isEqualByComparingTo("16"); // 10 + 6 of the open O8
		assertThat(qishan.availabilityPercent()).isEqualByComparingTo("96.581");
	}

	@Test
	void theApiAnswersJsonForEveryGrouping() throws Exception {
		HttpResponse<String> response = get("/api/reports/maintenance?from=1996-03-01&to=1996-03-31&groupBy=contract",
				"itr-viewer", "itr-viewer-pass");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("groupBy").asString()).isEqualTo("contract");
		assertThat(body.get("span").asString()).isEqualTo("M03");
		assertThat(body.get("totals").get("restoredByVendors").asLong()).isEqualTo(3);
		assertThat(body.get("totals").get("availabilityPercent").decimalValue()).isEqualByComparingTo(new BigDecimal("86.344"));
		boolean found = false;
		for (JsonNode row : body.get("rows")) {
			if ("ITR-MC1".equals(row.get("code").asString())) {
				found = true;
				assertThat(row.get("downtimeHours").decimalValue()).isEqualByComparingTo("58");
			}
		}
		assertThat(found).isTrue();
		for (String grouping : new String[] { "precinct", "vendor", "squad", "VENDOR" }) {
			assertThat(get("/api/reports/maintenance?from=1996-03-01&to=1996-03-31&groupBy=" + grouping, "itr-dispatcher",
					"itr-dispatcher-pass").statusCode()).as(grouping).isEqualTo(200);
		}
		// no period: the current month
		JsonNode month = json.readTree(get("/api/reports/maintenance", "itr-dispatcher", "itr-dispatcher-pass").body());
		assertThat(month.get("from").asString()).endsWith("-01");
		assertThat(get("/api/reports/maintenance", "itr-vendor", "itr-vendor-pass").statusCode()).isEqualTo(403);
	}

	@Test
	void badInputIsA400ProblemNamingTheParameter() throws Exception {
		Map<String, String> cases = Map.of(
				"from=1996-13-01&to=1996-03-31", "from",
				"from=1996-03-01&to=yesterday", "to",
				"from=1996-04-01&to=1996-03-31", "to",
				"from=1990-01-01&to=1996-03-31", "to",
				"from=2999-01-01&to=2999-01-31", "from",
				"from=1996-03-01", "to",
				"to=1996-03-31", "from",
				"from=1996-03-01&to=1996-03-31&groupBy=district", "groupBy");
		for (Map.Entry<String, String> c : cases.entrySet()) {
			HttpResponse<String> response = get("/api/reports/maintenance?" + c.getKey(), "itr-dispatcher", "itr-dispatcher-pass");
			assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(c.getKey()).contains("application/problem+json");
			JsonNode errors = json.readTree(response.body()).get("errors");
			assertThat(errors.get(0).get("field").asString()).as(c.getKey()).isEqualTo(c.getValue());
			assertThat(errors.get(0).get("message").asString()).as(c.getKey()).isNotBlank();
		}
	}

	@Test
	void presetsAreCalendarSpansWithTheirRocYear() {
		assertThat(ReportPeriod.preset(2023, "H1")).isEqualTo(new ReportPeriod(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)));
		assertThat(ReportPeriod.preset(2023, "H2").to()).isEqualTo(LocalDate.of(2023, 12, 31));
		assertThat(ReportPeriod.preset(2024, "M02").to()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(ReportPeriod.preset(2023, "Q3")).isEqualTo(new ReportPeriod(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 9, 30)));
		assertThat(ReportPeriod.preset(2023, "Y").span()).isEqualTo("Y");
		assertThat(ReportPeriod.preset(2023, "Q4").span()).isEqualTo("Q4");
		assertThat(new ReportPeriod(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 15)).span()).isNull();
		assertThat(ReportPeriod.rocYear(2023)).isEqualTo(112);
	}

	private static MaintenanceReport.Row row(MaintenanceReport report, String code) {
		Map<String, MaintenanceReport.Row> rows = report.rows().stream().filter(r -> r.code() != null)
			.collect(Collectors.toMap(MaintenanceReport.Row::code, Function.identity()));
		assertThat(rows).containsKey(code);
		return rows.get(code);
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.GET().build(), HttpResponse.BodyHandlers.ofString());
	}
}
