package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

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
 * The half-year report over {@link HalfYearScenario} (86年上半年 = 1997 H1 and 1996 H2 before it), through the API
 * as a report reader. City-wide figures are compared as "the scenario's part plus whatever else the database holds
 * for the period" (read from the figure's records, whose rows name other tests' data by other prefixes), so other
 * tests' rows in the shared database do not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HalfYearReportIT {

	private static final String USER = "hyr-viewer";
	private static final String PASSWORD = "hyr-viewer-pass";
	private static final String ADMIN = "hyr-admin";
	private static final String ADMIN_PASSWORD = "hyr-admin-pass";
	private static final AtomicInteger ADDRESS = new AtomicInteger();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@BeforeEach
	void scenario() {
		HalfYearScenario.ensure(jdbc);
		TestUsers.ensure(jdbc, USER, PASSWORD, "VIEWER");
		TestUsers.ensure(jdbc, "hyr-vendor", "hyr-vendor-pass", "VENDOR_TECHNICIAN");
		TestUsers.ensure(jdbc, ADMIN, ADMIN_PASSWORD, "ADMIN");
	}

	/**
	 * Investigation keeps from other roles that a case exists: a VIEWER reading the records of a case figure gets how
	 * many per precinct (adding up to the figure), never a case number, title or link; an ADMIN gets the cases.
	 */
	@Test
	void caseRecordsAreCountsPerPrecinctForReadersWhoMayNotSeeCases() throws Exception {
		for (String figure : List.of("cases.solved", "cases.solvedWithFootage")) {
			String path = "/api/reports/half-year/records?year=1997&half=1&figure=" + figure;
			HttpResponse<String> response = get(path, USER, PASSWORD);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).doesNotContain("HYR-K").doesNotContain("/cases/");
			JsonNode viewer = json.readTree(response.body());
			long sum = 0;
			for (JsonNode row : viewer.get("rows")) {
				assertThat(row.get("kind").asString()).isEqualTo("case-count");
				assertThat(row.get("href").isNull()).isTrue();
				sum += Long.parseLong(row.get("detail").asString());
			}
			assertThat(sum).as(figure).isEqualTo(viewer.get("total").asLong()).isPositive();
			JsonNode admin = json.readTree(get(path, ADMIN, ADMIN_PASSWORD).body());
			assertThat(admin.get("total").asLong()).isEqualTo(viewer.get("total").asLong());
			assertThat(admin.get("rows").get(0).get("kind").asString()).isEqualTo("case");
			assertThat(admin.get("rows").get(0).get("href").asString()).startsWith("/cases/");
		}
	}

	@Test
	void everyItemOfTheHalfYearAsOfItsLastDay() throws Exception {
		JsonNode report = ok("/api/reports/half-year?year=1997&half=1&groupBy=precinct");
		assertThat(report.get("period").get("year").asInt()).isEqualTo(1997);
		assertThat(report.get("previous").get("half").asInt()).isEqualTo(2);
		assertThat(report.get("asOf").asString()).isEqualTo("1997-06-30");
		Map<String, JsonNode> figures = figures(report);
		assertThat(figures.keySet()).containsExactlyElementsOf(HalfYearReports.figureKeys());

		// 1: D1 (the last day) and D5 (the first day); not D2 (07-01), D3 (replaced), D4 (the half year before)
		assertThat(codes(records("decommissioned"))).containsExactly("HYR-D1", "HYR-D5");
		assertThat(report.get("decommissioned").asLong()).isEqualTo(2 + others(records("decommissioned")));

		// 2: PR1, awarded in the half year before and still running; its completion on 08-10 is after the end
		List<JsonNode> replacements = mine(report.get("replacements"));
		assertThat(replacements).extracting(p -> p.get("code").asString()).containsExactly("HYR-PR1");
		JsonNode pr1 = replacements.get(0);
		assertThat(pr1.get("awardedOn").asString()).isEqualTo("1996-11-15");
		assertThat(pr1.get("startedOn").asString()).isEqualTo("1996-12-01");
		assertThat(pr1.get("completionDueOn").asString()).isEqualTo("1997-12-31");
		assertThat(pr1.get("completedOn").isNull()).as("completed after the period's end").isTrue();
		assertThat(pr1.get("stage").asString()).isEqualTo("STARTED");
		assertThat(pr1.get("cameras").asLong()).isEqualTo(3);
		assertThat(pr1.get("realtimeLpr").asLong()).isEqualTo(1);
		assertThat(pr1.get("districtEn").asString()).isEqualTo(name("district", "YONGAN"));
		assertThat(pr1.get("precinctZh").asString()).isEqualTo(jdbc.queryForObject(
				"SELECT name_zh FROM precinct WHERE code = 'GANGSHAN'", String.class));
		assertThat(pr1.get("funding")).extracting(f -> f.get("code").asString() + "=" + f.get("amountNtd").asLong())
			.containsExactly("HYR-F-CITY96=30000000", "HYR-F-CITY97=10000000");

		// 3: PN1, passed on the last day; its tendering on 07-02 is after the end; not PN2 (07-01)
		List<JsonNode> newInstallations = mine(report.get("newInstallations"));
		assertThat(newInstallations).extracting(p -> p.get("code").asString()).containsExactly("HYR-PN1");
		assertThat(newInstallations.get(0).get("tenderingOn").isNull()).isTrue();
		assertThat(newInstallations.get(0).get("stage").asString()).isEqualTo("BUDGETED");

		// 4: PS1 (4 planned, 2 real-time) and PS4 (no budget date: 1 camera in the registry, real-time, still planned);
		// not PS2 (budget passed after the end), PS3 (1996's subsidy); PS4's city part is not a subsidy
		JsonNode subsidies = report.get("subsidies");
		assertThat(mine(subsidies.get("projects"))).extracting(p -> p.get("code").asString()).containsExactly("HYR-PS1", "HYR-PS4");
		List<JsonNode> otherSubsidized = otherProjects(subsidies.get("projects"));
		assertThat(subsidies.get("amountNtd").asLong()).isEqualTo(22_526_000L + otherSubsidized.stream()
			.mapToLong(p -> sum(p.get("funding"), "CENTRAL_SUBSIDY")).sum());
		assertThat(subsidies.get("cameras").asLong()).isEqualTo(5 + otherSubsidized.stream().mapToLong(p -> p.get("cameras").asLong()).sum());
		assertThat(subsidies.get("realtimeLpr").asLong())
			.isEqualTo(3 + otherSubsidized.stream().mapToLong(p -> p.get("realtimeLpr").asLong()).sum());

		// 5: PL2 (GANGSHAN) before PL1 (HUNEI), both completed and accepted in the period
		List<JsonNode> local = mine(report.get("localFunds"));
		assertThat(local).extracting(p -> p.get("code").asString()).containsExactly("HYR-PL2", "HYR-PL1");
		JsonNode pl1 = local.get(1);
		assertThat(pl1.get("completedOn").asString()).isEqualTo("1997-03-17");
		assertThat(pl1.get("acceptedOn").asString()).isEqualTo("1997-03-29");
		assertThat(pl1.get("stage").asString()).isEqualTo("ACCEPTED");
		assertThat(pl1.get("districtEn").asString()).isEqualTo(name("district", "QIEDING"));
		assertThat(pl1.get("funding").get(0).get("kind").asString()).isEqualTo("SOE_COMMUNITY_FUND");

		// 6: D2 (decommissioned after), L1 (installed on the last day), R1, S1, S2, S3; not D1 (decommissioned on the
		// last day), L2 (installed after), L3 and S4 (planned)
		assertThat(codes(records("lpr.cameras"))).containsExactly("HYR-D2", "HYR-L1", "HYR-R1", "HYR-S1", "HYR-S2", "HYR-S3");
		assertThat(report.get("lprCameras").asLong()).isEqualTo(6 + others(records("lpr.cameras")));

		// 7: K1 (06-30 23:59, footage), K3 (01-01 00:00), K6 (footage denied); not K2 (07-01 00:00), K4 (unsolved), K5
		assertThat(codes(records("cases.solved"))).containsExactly("HYR-K3", "HYR-K6", "HYR-K1");
		assertThat(codes(records("cases.solvedWithFootage"))).containsExactly("HYR-K1");
		long solved = 3 + others(records("cases.solved"));
		long withFootage = 1 + others(records("cases.solvedWithFootage"));
		JsonNode cases = report.get("cases");
		assertThat(cases.get("solved").asLong()).isEqualTo(solved);
		assertThat(cases.get("solvedWithFootage").asLong()).isEqualTo(withFootage);
		assertThat(cases.get("sharePercent").decimalValue()).isEqualByComparingTo(share(withFootage, solved));

		// 8: MC1, MC2 and MC3 (starts in July: still the 1997 budget), two companies, two precincts; split applied
		JsonNode contracts = records("maintenance.budget");
		assertThat(codes(contracts)).containsExactly("HYR-MC1", "HYR-MC2", "HYR-MC3");
		JsonNode maintenance = report.get("maintenance");
		assertThat(maintenance.get("fiscalYear").asInt()).isEqualTo(1997);
		assertThat(maintenance.get("budgetNtd").asLong()).isEqualTo(7_976_900L + otherBudget(contracts));
		assertThat(maintenance.get("contracts").asLong()).isEqualTo(contracts.get("total").asLong());
		if (others(contracts) == 0) {
			assertThat(maintenance.get("companies").asLong()).isEqualTo(2);
			assertThat(maintenance.get("precincts").asLong()).isEqualTo(2);
			assertThat(maintenance.get("splitByOutOfWarranty").asBoolean()).isTrue();
		}
		// WO1 restored 06-30 23:59, verified in July; WO3 on the first day; not WO2 (07-01 00:00), WO4, WO5 (unverified)
		assertThat(codesOf(records("maintenance.restoredByVendors"), "HYR-")).containsExactly("HYR-W1");
		assertThat(codesOf(records("maintenance.restoredInHouse"), "HYR-")).containsExactly("HYR-W1");
		assertThat(maintenance.get("restoredByVendors").asLong()).isEqualTo(records("maintenance.restoredByVendors").get("total").asLong());

		// the maintenance table by precinct with the totals last; the outage over the boundary counts its 2 hours in H1
		List<JsonNode> rows = list(report.get("maintenanceRows"));
		assertThat(rows.get(rows.size() - 1).get("code").asString()).isEqualTo("TOTAL");
		JsonNode gangshan = rows.stream().filter(r -> "GANGSHAN".equals(r.get("code").asString())).findFirst().orElseThrow();
		assertThat(gangshan.get("downtimeHours").decimalValue()).isEqualByComparingTo("2");
		assertThat(gangshan.get("restoredByVendors").asLong()).isEqualTo(1);
		assertThat(gangshan.get("restoredInHouse").asLong()).isEqualTo(1);
		assertThat(gangshan.get("decommissioned").asLong()).isEqualTo(1);
		assertThat(figures.get("maintenance.availability").get("value").decimalValue())
			.isEqualByComparingTo(rows.get(rows.size() - 1).get("availabilityPercent").decimalValue());

		// charts: the twelve months of both half years, restored per precinct, LPR at 36 month ends
		JsonNode charts = report.get("charts");
		assertThat(list(charts.get("availability"))).extracting(m -> m.get("month").asString()).first().isEqualTo("1996-07");
		assertThat(charts.get("availability").size()).isEqualTo(12);
		assertThat(charts.get("lprOverTime").size()).isEqualTo(36);
		JsonNode lastMonth = charts.get("lprOverTime").get(35);
		assertThat(lastMonth.get("month").asString()).isEqualTo("1997-06");
		assertThat(lastMonth.get("count").asLong()).isEqualTo(report.get("lprCameras").asLong());
		assertThat(list(charts.get("restoredByPrecinct")).stream().filter(p -> "GANGSHAN".equals(p.get("code").asString()))
			.findFirst().orElseThrow().get("restoredInHouse").asLong()).isEqualTo(1);

		// the text (the wording's) names figures of this report or single projects, and each leads to its records
		List<String> linked = new ArrayList<>();
		for (String language : List.of("zh", "en")) {
			assertThat(report.get("text").get(language).size()).as(language).isGreaterThanOrEqualTo(8);
			report.get("text").get(language).forEach(p -> p.get("segments").forEach(s -> {
				if (!s.get("figure").isNull()) {
					linked.add(s.get("figure").asString());
				}
			}));
		}
		assertThat(linked).contains("decommissioned", "lpr.cameras", "cases.solvedWithFootage");
		for (String figure : linked.stream().distinct().toList()) {
			if (figure.startsWith("project:") || figures.get(figure).get("records").isString()) {
				assertThat(records(figure).get("total").asLong()).as(figure).isGreaterThanOrEqualTo(0);
			}
			else {
				assertThat(figures).as(figure).containsKey(figure);
			}
		}
	}

	@Test
	void eachFigureStandsBesideThePreviousHalfYearsWithTheChange() throws Exception {
		Map<String, JsonNode> figures = figures(ok("/api/reports/half-year?year=1997&half=1"));
		for (JsonNode f : figures.values()) {
			if (f.get("previousValue").isNull() || f.get("value").isNull()) {
				continue;
			}
			assertThat(f.get("change").decimalValue()).as(f.get("key").asString())
				.isEqualByComparingTo(f.get("value").decimalValue().subtract(f.get("previousValue").decimalValue()));
		}
		// the previous half year's figures are those of its own report
		JsonNode previous = ok("/api/reports/half-year?year=1996&half=2");
		for (JsonNode f : figures(previous).values()) {
			JsonNode now = figures.get(f.get("key").asString());
			assertThat(now.get("previousValue").isNull()).as(f.get("key").asString()).isEqualTo(f.get("value").isNull());
			if (!f.get("value").isNull()) {
				assertThat(now.get("previousValue").decimalValue()).as(f.get("key").asString())
					.isEqualByComparingTo(f.get("value").decimalValue());
			}
		}
		// 1996 H2 by hand: D4 decommissioned on its last day; PR1 (awarded) and PR2 (accepted) active; PS3's subsidy;
		// PL1 (budgeted) and PL3 (accepted); D1 and D2 with LPR; K5; WO4
		assertThat(codes(records(1996, 2, "decommissioned"))).containsExactly("HYR-D4");
		assertThat(mine(previous.get("replacements"))).extracting(p -> p.get("code").asString()).containsExactly("HYR-PR1", "HYR-PR2");
		JsonNode pr1Before = mine(previous.get("replacements")).get(0);
		assertThat(pr1Before.get("stage").asString()).isEqualTo("STARTED");
		assertThat(mine(previous.get("subsidies").get("projects"))).extracting(p -> p.get("code").asString()).containsExactly("HYR-PS3");
		assertThat(mine(previous.get("localFunds"))).extracting(p -> p.get("code").asString()).containsExactly("HYR-PL3", "HYR-PL1");
		assertThat(codes(records(1996, 2, "lpr.cameras"))).containsExactly("HYR-D1", "HYR-D2");
		assertThat(codes(records(1996, 2, "cases.solvedWithFootage"))).containsExactly("HYR-K5");
		assertThat(codesOf(records(1996, 2, "maintenance.restoredByVendors"), "HYR-")).containsExactly("HYR-W1");

		// where nothing else in the database falls in these half years, the changes are the scenario's own
		if (others(records("lpr.cameras")) == 0 && others(records(1996, 2, "lpr.cameras")) == 0) {
			assertThat(figures.get("lpr.cameras").get("change").decimalValue()).isEqualByComparingTo("4");
		}
		if (others(records("decommissioned")) == 0 && others(records(1996, 2, "decommissioned")) == 0) {
			assertThat(figures.get("decommissioned").get("previousValue").decimalValue()).isEqualByComparingTo("1");
			assertThat(figures.get("decommissioned").get("change").decimalValue()).isEqualByComparingTo("1");
		}
		if (others(records("cases.solved")) == 0 && others(records(1996, 2, "cases.solved")) == 0) {
			assertThat(figures.get("cases.share").get("value").decimalValue()).isEqualByComparingTo("33.3");
			assertThat(figures.get("cases.share").get("previousValue").decimalValue()).isEqualByComparingTo("100.0");
			assertThat(figures.get("cases.share").get("change").decimalValue()).isEqualByComparingTo("-66.7");
		}
		if (onlyScenario(figures, "replacement.budget")) {
			assertThat(figures.get("replacement.budget").get("value").decimalValue()).isEqualByComparingTo("40000000");
			assertThat(figures.get("replacement.budget").get("previousValue").decimalValue()).isEqualByComparingTo("45000000");
			assertThat(figures.get("newInstallation.budget").get("change").decimalValue()).isEqualByComparingTo("30000000");
			assertThat(figures.get("subsidy.amount").get("change").decimalValue()).isEqualByComparingTo("21526000");
			assertThat(figures.get("subsidy.cameras").get("change").decimalValue()).isEqualByComparingTo("-5");
			assertThat(figures.get("local.amount").get("value").decimalValue()).isEqualByComparingTo("8500000");
			assertThat(figures.get("local.amount").get("previousValue").decimalValue()).isEqualByComparingTo("4500000");
			assertThat(figures.get("local.cameras").get("change").decimalValue()).isEqualByComparingTo("1");
		}
		// the links to the records; none for a share
		assertThat(figures.get("decommissioned").get("records").asString())
			.isEqualTo("/reports/half-year/records?year=1997&half=1&figure=decommissioned");
		assertThat(figures.get("cases.share").get("records").isNull()).isTrue();
		assertThat(figures.get("maintenance.availability").get("records").isNull()).isTrue();
		assertThat(figures.get("subsidy.amount").get("unit").asString()).isEqualTo("NTD");
		assertThat(figures.get("cases.solved").get("item").asInt()).isEqualTo(7);
	}

	@Test
	void theRecordsOfAFigureAreWhatItCounts() throws Exception {
		Map<String, JsonNode> figures = figures(ok("/api/reports/half-year?year=1997&half=1"));
		for (String key : List.of("decommissioned", "lpr.cameras", "cases.solved", "cases.solvedWithFootage",
				"maintenance.restoredByVendors", "maintenance.restoredInHouse", "subsidy.realtimeLpr", "replacement.cameras",
				"local.cameras")) {
			assertThat(records(key).get("total").decimalValue()).as(key).isEqualByComparingTo(figures.get(key).get("value").decimalValue());
		}
		// the projects of a money figure, each with the amount it adds: they sum to the figure
		for (String key : List.of("replacement.budget", "newInstallation.budget", "subsidy.amount", "local.amount")) {
			JsonNode projects = records(key);
			assertThat(list(projects.get("rows")).stream().mapToLong(r -> Long.parseLong(r.get("detail").asString())).sum())
				.as(key).isEqualTo(figures.get(key).get("value").asLong());
		}
		assertThat(list(records("local.amount").get("rows")).stream().filter(r -> r.get("code").asString().startsWith("HYR-"))
			.map(r -> r.get("code").asString() + "=" + r.get("detail").asString())).containsExactly("HYR-PL2=5000000", "HYR-PL1=3500000");
		JsonNode subsidyLpr = records("subsidy.realtimeLpr");
		assertThat(codesOf(subsidyLpr, "HYR-")).containsExactly("HYR-S1", "HYR-S2", "HYR-S4");
		JsonNode projects = records("replacement.budget");
		assertThat(projects.get("total").asLong()).isEqualTo(mine(list(projects.get("rows"))).size() + others(projects));
		JsonNode row = list(projects.get("rows")).stream().filter(r -> "HYR-PR1".equals(r.get("code").asString())).findFirst().orElseThrow();
		assertThat(row.get("kind").asString()).isEqualTo("project");
		assertThat(row.get("href").asString()).isEqualTo("/procurement/projects/" + row.get("id").asLong());
		JsonNode camera = list(records("decommissioned").get("rows")).stream().filter(r -> "HYR-D1".equals(r.get("code").asString()))
			.findFirst().orElseThrow();
		assertThat(camera.get("href").asString()).isEqualTo("/cameras/" + camera.get("id").asLong());
		assertThat(camera.get("date").asString()).isEqualTo("1997-06-30");
		assertThat(camera.get("detail").asString()).isEqualTo("END_OF_LIFE_FAULTY");
		JsonNode kase = list(records("cases.solvedWithFootage").get("rows")).stream()
			.filter(r -> "HYR-K1".equals(r.get("code").asString())).findFirst().orElseThrow();
		assertThat(kase.get("href").asString()).isEqualTo("/cases/" + kase.get("id").asLong());
		assertThat(kase.get("date").asString()).isEqualTo("1997-06-30");
		JsonNode order = list(records("maintenance.restoredByVendors").get("rows")).stream()
			.filter(r -> "HYR-W1".equals(r.get("code").asString())).findFirst().orElseThrow();
		assertThat(order.get("href").asString()).isEqualTo("/work-orders/" + order.get("id").asLong());
		assertThat(order.get("date").asString()).isEqualTo("1997-06-30");

		// one project's cameras
		long pr1 = jdbc.queryForObject("SELECT id FROM procurement_project WHERE code = 'HYR-PR1'", Long.class);
		JsonNode ofProject = ok("/api/reports/half-year/records?year=1997&half=1&figure=project:" + pr1);
		assertThat(codes(ofProject)).containsExactly("HYR-R1", "HYR-R2", "HYR-R3");
		assertThat(ofProject.get("labelEn").asString()).contains("HYR-PR1");

		// a limit cuts the rows, never the total
		JsonNode limited = ok("/api/reports/half-year/records?year=1997&half=1&figure=lpr.cameras&limit=2");
		assertThat(limited.get("rows").size()).isEqualTo(2);
		assertThat(limited.get("limit").asInt()).isEqualTo(2);
		assertThat(limited.get("total").asLong()).isEqualTo(figures.get("lpr.cameras").get("value").asLong());
	}

	@Test
	void theRecordsPageListsTheRowsWithLinksInBothLanguages() {
		PageSession page = PageSession.loggedIn(port, address(), USER, PASSWORD);
		HttpResponse<String> zh = page.get("/reports/half-year/records?year=1997&half=1&figure=decommissioned&lang=zh-TW");
		assertThat(zh.statusCode()).isEqualTo(200);
		assertThat(zh.body()).contains("汰除攝影機").contains("86年上半年").contains("HYR-D1").contains("HYR-D5")
			.doesNotContain("HYR-D2").contains("href=\"/reports/half-year?year=1997&amp;half=1\"");
		long d1 = jdbc.queryForObject("SELECT id FROM camera WHERE asset_tag = 'HYR-D1'", Long.class);
		assertThat(zh.body()).contains("href=\"/cameras/" + d1 + "\"").contains("逾使用年限且故障");
		HttpResponse<String> money = page.get("/reports/half-year/records?year=1997&half=1&figure=local.amount&lang=zh-TW");
		assertThat(money.body()).contains("HYR-PL1").contains("3,500,000元");
		HttpResponse<String> en = page.get("/reports/half-year/records?year=1997&half=1&figure=cases.solvedWithFootage&lang=en");
		assertThat(en.statusCode()).isEqualTo(200);
		// a VIEWER learns how many per precinct, not which cases
		assertThat(en.body()).contains("Cases solved with footage").contains("1997 H1").doesNotContain("HYR-K")
			.containsPattern("\\d+ cases?");
		HttpResponse<String> admin = PageSession.loggedIn(port, address(), ADMIN, ADMIN_PASSWORD)
			.get("/reports/half-year/records?year=1997&half=1&figure=cases.solvedWithFootage&lang=en");
		assertThat(admin.body()).contains("HYR-K1").doesNotContain("HYR-K3");
	}

	@Test
	void badInputIsA400NamingTheParameterOnTheApiAndTheRecordsPage() throws Exception {
		int nextYear = LocalDate.now().getYear() + 1;
		Map<String, String> report = new LinkedHashMap<>();
		report.put("year=1989&half=1", "year");
		report.put("year=" + (nextYear + 1) + "&half=1", "year");
		report.put("year=abc&half=1", "year");
		report.put("year=1997&half=3", "half");
		report.put("year=" + nextYear + "&half=2", "half");
		report.put("year=1997&half=1&groupBy=district", "groupBy");
		for (Map.Entry<String, String> c : report.entrySet()) {
			assertBad("/api/reports/half-year?" + c.getKey(), c.getValue());
		}
		Map<String, String> records = new LinkedHashMap<>();
		records.put("year=1989&half=1&figure=decommissioned", "year");
		records.put("year=1997&half=x&figure=decommissioned", "half");
		records.put("year=1997&half=1&figure=nonsense", "figure");
		records.put("year=1997&half=1", "figure");
		records.put("year=1997&half=1&figure=cases.share", "figure");
		records.put("year=1997&half=1&figure=project:abc", "figure");
		records.put("year=1997&half=1&figure=project:999999999", "figure");
		records.put("year=1997&half=1&figure=decommissioned&limit=0", "limit");
		records.put("year=1997&half=1&figure=decommissioned&limit=10001", "limit");
		records.put("year=1997&half=1&figure=decommissioned&limit=many", "limit");
		PageSession page = PageSession.loggedIn(port, address(), USER, PASSWORD);
		for (Map.Entry<String, String> c : records.entrySet()) {
			assertBad("/api/reports/half-year/records?" + c.getKey(), c.getValue());
			HttpResponse<String> html = page.get("/reports/half-year/records?" + c.getKey() + "&lang=en");
			assertThat(html.statusCode()).as(c.getKey()).isEqualTo(400);
			assertThat(html.body()).as(c.getKey()).contains("id=\"" + c.getValue() + "-error\"");
		}
		// not a report reader
		assertThat(get("/api/reports/half-year?year=1997&half=1", "hyr-vendor", "hyr-vendor-pass").statusCode()).isEqualTo(403);
		assertThat(get("/api/reports/half-year/records?year=1997&half=1&figure=decommissioned", "hyr-vendor", "hyr-vendor-pass")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void theApiIsDocumented() throws Exception {
		JsonNode paths = json.readTree(get("/v3/api-docs", USER, PASSWORD).body()).get("paths");
		for (String path : List.of("/api/reports/half-year", "/api/reports/half-year/records")) {
			assertThat(paths.has(path)).as(path).isTrue();
			assertThat(paths.get(path).get("get").get("description").asString()).as(path).contains("VIEWER");
			assertThat(paths.get(path).get("get").get("responses").has("400")).as(path).isTrue();
		}
	}

	// --- helpers

	private void assertBad(String path, String field) throws Exception {
		HttpResponse<String> response = get(path, USER, PASSWORD);
		assertThat(response.statusCode()).as(path).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).contains("application/problem+json");
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors.get(0).get("field").asString()).as(path).isEqualTo(field);
		assertThat(errors.get(0).get("message").asString()).as(path).isNotBlank();
	}

	private JsonNode records(String figure) throws Exception {
		return records(1997, 1, figure);
	}

	/** As the VIEWER, except the case figures: as an ADMIN, who may see which cases they count. */
	private JsonNode records(int year, int half, String figure) throws Exception {
		String path = "/api/reports/half-year/records?year=" + year + "&half=" + half + "&limit=10000&figure="
				+ URLEncoder.encode(figure, StandardCharsets.UTF_8);
		if (!figure.startsWith("cases.")) {
			return ok(path);
		}
		HttpResponse<String> response = get(path, ADMIN, ADMIN_PASSWORD);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private JsonNode ok(String path) throws Exception {
		HttpResponse<String> response = get(path, USER, PASSWORD);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("X-Forwarded-For", address())
			.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String address() {
		return "198.19.12." + (ADDRESS.incrementAndGet() % 250 + 1);
	}

	private static Map<String, JsonNode> figures(JsonNode report) {
		Map<String, JsonNode> figures = new LinkedHashMap<>();
		report.get("figures").forEach(f -> figures.put(f.get("key").asString(), f));
		return figures;
	}

	private static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

	private static List<JsonNode> mine(JsonNode projects) {
		return mine(list(projects));
	}

	private static List<JsonNode> mine(List<JsonNode> rows) {
		return rows.stream().filter(p -> p.get("code").asString().startsWith("HYR-")).toList();
	}

	private static List<JsonNode> otherProjects(JsonNode projects) {
		return list(projects).stream().filter(p -> !p.get("code").asString().startsWith("HYR-")).toList();
	}

	/** The scenario's records (codes starting HYR-) in the order given. */
	private static List<String> codes(JsonNode records) {
		return codesOf(records, "HYR-");
	}

	private static List<String> codesOf(JsonNode records, String prefix) {
		List<String> codes = new ArrayList<>();
		records.get("rows").forEach(r -> {
			if (r.get("code").asString().startsWith(prefix)) {
				codes.add(r.get("code").asString());
			}
		});
		return codes;
	}

	/** Records other tests' data contributes (all rows are listed: limit 10000). */
	private static long others(JsonNode records) {
		assertThat(records.get("rows").size()).isEqualTo(records.get("total").asInt());
		return records.get("total").asLong() - codes(records).size();
	}

	private static long otherBudget(JsonNode contracts) {
		return list(contracts.get("rows")).stream().filter(r -> !r.get("code").asString().startsWith("HYR-"))
			.mapToLong(r -> Long.parseLong(r.get("detail").asString())).sum();
	}

	private static long sum(JsonNode funding, String kind) {
		return list(funding).stream().filter(f -> kind.equals(f.get("kind").asString())).mapToLong(f -> f.get("amountNtd").asLong()).sum();
	}

	private boolean onlyScenario(Map<String, JsonNode> figures, String key) throws Exception {
		for (int[] period : new int[][] { { 1997, 1 }, { 1996, 2 } }) {
			JsonNode report = ok("/api/reports/half-year?year=" + period[0] + "&half=" + period[1]);
			for (String list : List.of("replacements", "newInstallations", "localFunds")) {
				if (!otherProjects(report.get(list)).isEmpty()) {
					return false;
				}
			}
			if (!otherProjects(report.get("subsidies").get("projects")).isEmpty()) {
				return false;
			}
		}
		return figures.containsKey(key);
	}

	private static BigDecimal share(long part, long whole) {
		return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	private String name(String table, String code) {
		return jdbc.queryForObject("SELECT name_en FROM " + table + " WHERE code = ?", String.class, code);
	}
}
