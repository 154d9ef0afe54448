package io.watchkeeper.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The end-of-life forecast and the price list over real HTTP, on the hand-worked fleet of {@link ForecastFleet}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForecastIT {

	static final String PASSWORD = "forecast secret";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void fixtures() {
		ForecastFleet.ensure(jdbc);
		for (String role : List.of("ADMIN", "PROCUREMENT", "DISPATCHER", "VIEWER", "INVESTIGATOR", "VENDOR_TECHNICIAN")) {
			TestUsers.ensure(jdbc, "itf-" + role.toLowerCase(), PASSWORD, role);
		}
	}

	HttpResponse<byte[]> send(String role, String method, String path, String body) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("itf-" + role.toLowerCase() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json").header("Accept-Language", "en");
		r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	JsonNode ok(String role, String path) throws Exception {
		HttpResponse<byte[]> r = send(role, "GET", path, null);
		assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		return json.readTree(r.body());
	}

	/** The fields a 400 names. */
	List<String> refused(String role, String method, String path, String body) throws Exception {
		HttpResponse<byte[]> r = send(role, method, path, body);
		String text = new String(r.body(), StandardCharsets.UTF_8);
		assertThat(r.statusCode()).as(text).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		json.readTree(r.body()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	static JsonNode group(JsonNode byGroup, String key) {
		for (JsonNode g : byGroup) {
			if (g.get("key").asString().equals(key)) {
				return g;
			}
		}
		return null;
	}

	static long cameras(JsonNode byGroup, String key) {
		JsonNode g = group(byGroup, key);
		return g == null ? 0 : g.get("cameras").asLong();
	}

	static long cost(JsonNode byGroup, String key) {
		JsonNode g = group(byGroup, key);
		return g == null ? 0 : g.get("cost").asLong();
	}

	@Test
	void yearBoundariesCustomLivesExclusionsAndThePricesOfJanuaryFirst() throws Exception {
		JsonNode f = ok("PROCUREMENT", "/api/planning/forecast?years=3&groupBy=funding&asOf=2070-03-01");
		assertThat(f.get("asOf").asString()).isEqualTo("2070-03-01");
		assertThat(f.get("firstYear").asInt()).isEqualTo(2070);
		assertThat(f.get("years").asInt()).isEqualTo(3);
		assertThat(f.get("groupBy").asString()).isEqualTo("funding");
		assertThat(group(f.get("groups"), "ITF-FUND").get("label").asString()).isEqualTo("ITF forecast fund");

		// backlog: F02 (end of life Dec 31, 2069), F10 (its project order cancelled), F11 (its order in no project);
		// not F09 (in a project) nor F07 (decommissioned); at the price in force on the as-of day (NONE 100,000)
		JsonNode backlog = f.get("backlog").get("byGroup");
		assertThat(cameras(backlog, "ITF-FUND")).isEqualTo(3);
		assertThat(cost(backlog, "ITF-FUND")).isEqualTo(300_000);

		JsonNode rows = f.get("rows");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).get("fiscalYear").asInt()).isEqualTo(2070);
		assertThat(rows.get(0).get("rocYear").asInt()).isEqualTo(159);
		assertThat(rows.get(2).get("rocYear").asInt()).isEqualTo(161);
		// 2070: F01 (Jan 1), F05 (10-year life), F06 (6-year life); F07 and F08 (decommissioned, planned) not; prices of
		// Jan 1, 2070 (NONE 100,000, LPR 150,000), not the mid-year NONE 120,000
		assertThat(cameras(rows.get(0).get("byGroup"), "ITF-FUND")).isEqualTo(3);
		assertThat(cost(rows.get(0).get("byGroup"), "ITF-FUND")).isEqualTo(100_000 + 150_000 + 100_000);
		// 2071: F03 (LPR, Dec 31) and F14 (NONE at the price from 2070-07-01); F13 is in a project
		assertThat(cameras(rows.get(1).get("byGroup"), "ITF-FUND")).isEqualTo(2);
		assertThat(cost(rows.get(1).get("byGroup"), "ITF-FUND")).isEqualTo(150_000 + 120_000);
		// 2072: F04 (real-time LPR, Jan 1) and F12 (NONE at the price from 2072-01-01)
		assertThat(cameras(rows.get(2).get("byGroup"), "ITF-FUND")).isEqualTo(2);
		assertThat(cost(rows.get(2).get("byGroup"), "ITF-FUND")).isEqualTo(200_000 + 130_000);

		// a year's figures add up over its groups
		for (JsonNode row : rows) {
			long sum = 0;
			long sumCost = 0;
			for (JsonNode g : row.get("byGroup")) {
				sum += g.get("cameras").asLong();
				sumCost += g.get("cost").asLong();
			}
			assertThat(row.get("cameras").asLong()).isEqualTo(sum);
			assertThat(row.get("cost").asLong()).isEqualTo(sumCost);
		}

		// after the mid-year price, the backlog costs the new price; the year still costs what Jan 1 said
		JsonNode later = ok("PROCUREMENT", "/api/planning/forecast?years=1&groupBy=funding&asOf=2070-08-01");
		assertThat(cost(later.get("backlog").get("byGroup"), "ITF-FUND")).isEqualTo(3 * 120_000);
		assertThat(cost(later.get("rows").get(0).get("byGroup"), "ITF-FUND")).isEqualTo(350_000);
		assertThat(later.get("rows")).hasSize(1);
	}

	@Test
	void aLeapDayInstallationEndsWherePostgresSays() throws Exception {
		// PostgreSQL's make_interval: Feb 29 plus whole years lands on Feb 29 in a leap year, else on Feb 28
		assertThat(jdbc.queryForObject("SELECT end_of_life FROM camera WHERE asset_tag = 'ITF-L1'", LocalDate.class))
			.isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(jdbc.queryForObject("SELECT end_of_life FROM camera WHERE asset_tag = 'ITF-L2'", LocalDate.class))
			.isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(jdbc.queryForObject("SELECT end_of_life FROM camera WHERE asset_tag = 'ITF-L3'", LocalDate.class))
			.isEqualTo(LocalDate.of(2023, 2, 28));

		JsonNode f = ok("DISPATCHER", "/api/planning/forecast?years=2&groupBy=funding&asOf=2024-01-01");
		long none2024 = priceOn("NONE", "2024-01-01");
		long lpr2025 = priceOn("LPR", "2025-01-01");
		assertThat(cameras(f.get("backlog").get("byGroup"), "ITF-LEAP")).as("L0 and L3").isEqualTo(2);
		assertThat(cost(f.get("backlog").get("byGroup"), "ITF-LEAP")).isEqualTo(2 * none2024);
		assertThat(cameras(f.get("rows").get(0).get("byGroup"), "ITF-LEAP")).as("L1 on 2024-02-29").isEqualTo(1);
		assertThat(cost(f.get("rows").get(0).get("byGroup"), "ITF-LEAP")).isEqualTo(none2024);
		assertThat(cameras(f.get("rows").get(1).get("byGroup"), "ITF-LEAP")).as("L2 on 2025-02-28").isEqualTo(1);
		assertThat(cost(f.get("rows").get(1).get("byGroup"), "ITF-LEAP")).isEqualTo(lpr2025);
	}

	long priceOn(String kind, String day) {
		return jdbc.queryForObject("""
				SELECT unit_price_ntd FROM price_list_entry WHERE kind = ? AND applies_from <= ?::date
				 ORDER BY applies_from DESC LIMIT 1""", Long.class, kind, day);
	}

	@Test
	void groupingsByPrecinctModelAndKind() throws Exception {
		// years 2070-2072 hold only this fleet's cameras
		JsonNode byPrecinct = ok("ADMIN", "/api/planning/forecast?years=3&groupBy=precinct&asOf=2070-03-01");
		JsonNode y2070 = byPrecinct.get("rows").get(0).get("byGroup");
		assertThat(cameras(y2070, "LIUGUI")).as("F01, F05").isEqualTo(2);
		assertThat(cost(y2070, "LIUGUI")).isEqualTo(250_000);
		assertThat(cameras(y2070, "QISHAN")).as("F06").isEqualTo(1);
		assertThat(byPrecinct.get("rows").get(0).get("cameras").asLong()).isEqualTo(3);
		assertThat(cameras(byPrecinct.get("rows").get(2).get("byGroup"), "QISHAN")).as("F04").isEqualTo(1);
		assertThat(group(byPrecinct.get("groups"), "LIUGUI").get("label").asString())
			.isEqualTo(jdbc.queryForObject("SELECT name_en FROM precinct WHERE code = 'LIUGUI'", String.class));

		JsonNode byModel = ok("ADMIN", "/api/planning/forecast?years=3&groupBy=model&asOf=2070-03-01");
		assertThat(cameras(byModel.get("rows").get(0).get("byGroup"), "Axis P1")).isEqualTo(3);
		assertThat(cameras(byModel.get("rows").get(1).get("byGroup"), "Hik")).as("a make without a model").isEqualTo(1);
		assertThat(cameras(byModel.get("rows").get(1).get("byGroup"), "unknown")).as("F14 has neither").isEqualTo(1);
		assertThat(cameras(byModel.get("rows").get(2).get("byGroup"), "=cmd X")).isEqualTo(1);
		assertThat(group(byModel.get("groups"), "unknown").get("label").asString()).isEqualTo("Unknown");

		JsonNode byKind = ok("ADMIN", "/api/planning/forecast?years=3&groupBy=lpr&asOf=2070-03-01");
		JsonNode k2072 = byKind.get("rows").get(2).get("byGroup");
		assertThat(cameras(k2072, "REALTIME_LPR")).isEqualTo(1);
		assertThat(cost(k2072, "REALTIME_LPR")).isEqualTo(200_000);
		assertThat(cost(k2072, "NONE")).isEqualTo(130_000);
		assertThat(group(byKind.get("groups"), "REALTIME_LPR").get("label").asString()).isEqualTo("Real-time LPR");
		// every grouping counts the same cameras
		for (int i = 0; i < 3; i++) {
			assertThat(byKind.get("rows").get(i).get("cost").asLong()).isEqualTo(byModel.get("rows").get(i).get("cost").asLong())
				.isEqualTo(byPrecinct.get("rows").get(i).get("cost").asLong());
		}
		assertThat(byKind.get("backlog").get("cameras").asLong()).isEqualTo(byPrecinct.get("backlog").get("cameras").asLong());
	}

	@Test
	void badParametersAreRefusedNamingThem() throws Exception {
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast?years=0", null)).containsExactly("years");
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast?years=11", null)).containsExactly("years");
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast?years=ten", null)).containsExactly("years");
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast?groupBy=vendor", null)).containsExactly("groupBy");
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast?asOf=2024-13-01", null)).containsExactly("asOf");
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast?asOf=2095-01-01", null)).containsExactly("asOf");
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast.csv?years=12&groupBy=x", null))
			.containsExactlyInAnyOrder("years", "groupBy");
		// 2012: no price in force yet for the kinds in use (L0's end of life is 2008)
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast?years=1&asOf=2012-06-01", null)).containsExactly("prices");
		assertThat(refused("ADMIN", "GET", "/api/planning/forecast.xlsx?years=1&asOf=2012-06-01", null)).containsExactly("prices");
	}

	@Test
	void whoMayReadTheForecastAndSetPrices() throws Exception {
		for (String role : List.of("VIEWER", "INVESTIGATOR", "VENDOR_TECHNICIAN")) {
			assertThat(send(role, "GET", "/api/planning/forecast?years=1", null).statusCode()).as(role).isEqualTo(403);
			assertThat(send(role, "GET", "/api/planning/prices", null).statusCode()).as(role).isEqualTo(403);
			assertThat(send(role, "GET", "/api/planning/forecast.csv?years=1", null).statusCode()).as(role).isEqualTo(403);
		}
		assertThat(send("DISPATCHER", "GET", "/api/planning/forecast?years=1", null).statusCode()).isEqualTo(200);
		assertThat(send("DISPATCHER", "GET", "/api/planning/prices", null).statusCode()).isEqualTo(200);
		long before = jdbc.queryForObject("SELECT count(*) FROM price_list_entry", Long.class);
		assertThat(send("DISPATCHER", "POST", "/api/planning/prices",
				"{\"kind\":\"NONE\",\"appliesFrom\":\"2086-01-01\",\"unitPriceNtd\":5}").statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM price_list_entry", Long.class)).isEqualTo(before);
	}

	@Test
	void aPriceIsSetThenReplacedOnTheSameDateAndAudited() throws Exception {
		jdbc.update("DELETE FROM price_list_entry WHERE applies_from = DATE '2085-01-01'");
		HttpResponse<byte[]> first = send("PROCUREMENT", "POST", "/api/planning/prices",
				"{\"kind\":\"LPR\",\"appliesFrom\":\"2085-01-01\",\"unitPriceNtd\":111111,\"note\":\"ITF first\"}");
		assertThat(first.statusCode()).as(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(201);
		JsonNode entry = json.readTree(first.body());
		assertThat(entry.get("kind").asString()).isEqualTo("LPR");
		assertThat(entry.get("appliesFrom").asString()).isEqualTo("2085-01-01");
		assertThat(entry.get("unitPriceNtd").asLong()).isEqualTo(111_111);
		assertThat(entry.get("createdBy").asString()).isEqualTo("itf-procurement");

		HttpResponse<byte[]> second = send("ADMIN", "POST", "/api/planning/prices",
				"{\"kind\":\"LPR\",\"appliesFrom\":\"2085-01-01\",\"unitPriceNtd\":122222}");
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(jdbc.queryForList("SELECT unit_price_ntd FROM price_list_entry WHERE kind = 'LPR' AND applies_from = DATE '2085-01-01'",
				Long.class)).containsExactly(122_222L);
		String details = jdbc.queryForObject("""
				SELECT details::text FROM audit_event WHERE action = 'planning.price_set' AND actor = 'itf-admin'
				 ORDER BY id DESC LIMIT 1""", String.class);
		JsonNode audited = json.readTree(details);
		assertThat(audited.get("oldPriceNtd").asLong()).isEqualTo(111_111);
		assertThat(audited.get("newPriceNtd").asLong()).isEqualTo(122_222);
		assertThat(audited.get("kind").asString()).isEqualTo("LPR");

		// the list: newest first per kind, and what is in force today
		JsonNode list = ok("DISPATCHER", "/api/planning/prices");
		JsonNode lpr = null;
		for (JsonNode e : list.get("entries")) {
			if (e.get("kind").asString().equals("LPR")) {
				lpr = e;
				break;
			}
		}
		assertThat(lpr.get("appliesFrom").asString()).as("the newest LPR entry first").isEqualTo("2085-01-01");
		JsonNode inForce = list.get("inForce").get("NONE");
		assertThat(LocalDate.parse(inForce.get("appliesFrom").asString())).isBeforeOrEqualTo(LocalDate.now());
		assertThat(inForce.get("unitPriceNtd").asLong()).isEqualTo(priceOn("NONE", LocalDate.now().toString()));
	}

	@Test
	void aBadPriceIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
		long entries = jdbc.queryForObject("SELECT count(*) FROM price_list_entry", Long.class);
		long audits = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'planning.price_set'", Long.class);
		assertThat(refused("PROCUREMENT", "POST", "/api/planning/prices",
				"{\"kind\":\"CHEAP\",\"appliesFrom\":\"2086-01-01\",\"unitPriceNtd\":100}")).containsExactly("kind");
		assertThat(refused("PROCUREMENT", "POST", "/api/planning/prices",
				"{\"kind\":\"NONE\",\"appliesFrom\":\"2086-02-30\",\"unitPriceNtd\":100}")).containsExactly("appliesFrom");
		assertThat(refused("PROCUREMENT", "POST", "/api/planning/prices",
				"{\"kind\":\"NONE\",\"appliesFrom\":\"2186-01-01\",\"unitPriceNtd\":100}")).containsExactly("appliesFrom");
		assertThat(refused("PROCUREMENT", "POST", "/api/planning/prices",
				"{\"kind\":\"NONE\",\"appliesFrom\":\"2086-01-01\",\"unitPriceNtd\":0}")).containsExactly("unitPriceNtd");
		assertThat(refused("PROCUREMENT", "POST", "/api/planning/prices",
				"{\"kind\":\"NONE\",\"appliesFrom\":\"2086-01-01\",\"unitPriceNtd\":100000001}")).containsExactly("unitPriceNtd");
		assertThat(refused("PROCUREMENT", "POST", "/api/planning/prices",
				"{\"kind\":\"NONE\",\"appliesFrom\":\"2086-01-01\",\"unitPriceNtd\":-5}")).containsExactly("unitPriceNtd");
		assertThat(refused("PROCUREMENT", "POST", "/api/planning/prices", "{}"))
			.containsExactlyInAnyOrder("kind", "appliesFrom", "unitPriceNtd");
		assertThat(refused("PROCUREMENT", "POST", "/api/planning/prices",
				"{\"kind\":\"NONE\",\"appliesFrom\":\"2086-01-01\",\"unitPriceNtd\":100,\"note\":\"a\\u0000b\"}")).containsExactly("note");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM price_list_entry", Long.class)).isEqualTo(entries);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'planning.price_set'", Long.class)).isEqualTo(audits);
	}

	@Test
	void csvHasTheBomTheFiguresAndNoFormulas() throws Exception {
		HttpResponse<byte[]> r = send("DISPATCHER", "GET", "/api/planning/forecast.csv?years=3&groupBy=model&asOf=2070-03-01", null);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(r.body()[0] & 0xFF).isEqualTo(0xEF);
		assertThat(r.body()[1] & 0xFF).isEqualTo(0xBB);
		assertThat(r.body()[2] & 0xFF).isEqualTo(0xBF);
		String csv = new String(r.body(), 3, r.body().length - 3, StandardCharsets.UTF_8);
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).contains("'=cmd X").doesNotContain(",=cmd");
		assertThat(lines).hasSize(1 + 1 + 3);
		assertThat(lines[2]).startsWith("2070,2070,159,");
		assertThat(lines[4]).startsWith("2072,2072,161,");
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE action = 'planning.forecast_exported' AND actor = 'itf-dispatcher'
				   AND details->>'format' = 'csv' AND details->>'asOf' = '2070-03-01'""", Long.class)).isPositive();
	}

	@Test
	void xlsxHasTheForecastSheetWithNumbersAndTheParameters() throws Exception {
		HttpResponse<byte[]> r = send("PROCUREMENT", "GET", "/api/planning/forecast.xlsx?years=3&groupBy=funding&asOf=2070-03-01", null);
		assertThat(r.statusCode()).isEqualTo(200);
		JsonNode f = ok("PROCUREMENT", "/api/planning/forecast?years=3&groupBy=funding&asOf=2070-03-01");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
			Sheet sheet = book.getSheet("Forecast");
			assertThat(sheet).isNotNull();
			Row header = sheet.getRow(0);
			int fundColumn = -1;
			for (int c = 0; c < header.getLastCellNum(); c++) {
				if (header.getCell(c).getStringCellValue().startsWith("ITF forecast fund") && fundColumn < 0) {
					fundColumn = c;
				}
			}
			assertThat(fundColumn).as("a column per group").isGreaterThan(4);
			Row backlog = sheet.getRow(1);
			assertThat(backlog.getCell(fundColumn).getNumericCellValue()).isEqualTo(3);
			assertThat(backlog.getCell(fundColumn + 1).getNumericCellValue()).isEqualTo(300_000);
			Row y2071 = sheet.getRow(3);
			assertThat(y2071.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(y2071.getCell(1).getNumericCellValue()).isEqualTo(2071);
			assertThat(y2071.getCell(2).getNumericCellValue()).isEqualTo(160);
			assertThat(y2071.getCell(3).getNumericCellValue()).isEqualTo(f.get("rows").get(1).get("cameras").asLong());
			assertThat(y2071.getCell(4).getNumericCellValue()).isEqualTo(f.get("rows").get(1).get("cost").asLong());
			assertThat(y2071.getCell(fundColumn + 1).getNumericCellValue()).isEqualTo(270_000);
			assertThat(sheet.getLastRowNum()).isEqualTo(4);

			Sheet params = book.getSheet("Parameters");
			assertThat(params).isNotNull();
			List<String> text = new ArrayList<>();
			params.forEach(row -> row.forEach(cell -> text.add(cell.getCellType() == CellType.NUMERIC
					? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue())));
			assertThat(text).contains("2070-03-01", "2072-01-01", "130000", "200000", "120000");
		}
	}
}
