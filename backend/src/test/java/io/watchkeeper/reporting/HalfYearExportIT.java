package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DOCX and XLSX exports over real HTTP for {@link HalfYearScenario}'s half year (1997 H1): their numbers, read back
 * with POI, are the JSON API's figures; bad input is a 400 naming the parameter, and only report readers get them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HalfYearExportIT {

	static final String QUERY = "year=1997&half=1";

	static final Comparator<BigDecimal> SAME_NUMBER = Comparator.nullsFirst(BigDecimal::compareTo);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@BeforeEach
	void scenario() {
		HalfYearScenario.ensure(jdbc);
		TestUsers.ensure(jdbc, "ithy-viewer", "ithy-viewer-pass", "VIEWER");
		TestUsers.ensure(jdbc, "ithy-vendor", "ithy-vendor-pass", "VENDOR_TECHNICIAN");
	}

	@Test
	void theXlsxHoldsTheJsonApisFiguresAsNumbersAndEveryTable() throws Exception {
		JsonNode report = json.readTree(get("/api/reports/half-year?" + QUERY, "ithy-viewer", "ithy-viewer-pass").body());
		HttpResponse<byte[]> response = bytes("/api/reports/half-year.xlsx?" + QUERY + "&lang=en");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("filename=\"watchkeeper-half-year-1997-H1.xlsx\"", "filename*=UTF-8''watchkeeper-half-year-1997-H1.xlsx");

		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet figures = book.getSheet("Figures");
			Map<String, Row> byKey = new LinkedHashMap<>();
			for (int r = 1; r <= figures.getLastRowNum(); r++) {
				byKey.put(figures.getRow(r).getCell(1).getStringCellValue(), figures.getRow(r));
			}
			assertThat(byKey).hasSize(report.get("figures").size());
			for (JsonNode f : report.get("figures")) {
				Row row = byKey.get(f.get("key").asString());
				assertThat(row).as(f.get("key").asString()).isNotNull();
				assertThat(number(row.getCell(4))).as(f.get("key").asString()).usingComparator(SAME_NUMBER)
					.isEqualTo(decimal(f.get("value")));
				assertThat(number(row.getCell(5))).as(f.get("key").asString()).usingComparator(SAME_NUMBER)
					.isEqualTo(decimal(f.get("previousValue")));
				assertThat(number(row.getCell(6))).as(f.get("key").asString()).usingComparator(SAME_NUMBER)
					.isEqualTo(decimal(f.get("change")));
			}
			// the projects of items 2-5, budgets and cameras as numbers
			Sheet projects = book.getSheet("Projects");
			List<JsonNode> jsonProjects = projects(report);
			assertThat(jsonProjects).isNotEmpty();
			assertThat(projects.getLastRowNum()).isEqualTo(jsonProjects.size());
			for (int r = 1; r <= jsonProjects.size(); r++) {
				JsonNode p = jsonProjects.get(r - 1);
				assertThat(projects.getRow(r).getCell(1).getStringCellValue()).isEqualTo(p.get("code").asString());
				assertThat(projects.getRow(r).getCell(5).getNumericCellValue()).isEqualTo(p.get("budgetNtd").asDouble());
				assertThat(projects.getRow(r).getCell(7).getNumericCellValue()).isEqualTo(p.get("cameras").asDouble());
			}

			Sheet maintenance = book.getSheet("Maintenance");
			JsonNode rows = report.get("maintenanceRows");
			assertThat(maintenance.getLastRowNum()).isEqualTo(rows.size());
			Row totals = maintenance.getRow(rows.size());
			JsonNode jsonTotals = rows.get(rows.size() - 1);
			assertThat(totals.getCell(10).getNumericCellValue()).isEqualTo(jsonTotals.get("restoredByVendors").asDouble());
			assertThat(totals.getCell(11).getNumericCellValue()).isEqualTo(jsonTotals.get("restoredInHouse").asDouble());
			assertThat(totals.getCell(12).getNumericCellValue()).isEqualTo(jsonTotals.get("decommissioned").asDouble());

			Sheet restored = book.getSheet("Restored per precinct");
			assertThat(restored.getLastRowNum()).isEqualTo(report.get("charts").get("restoredByPrecinct").size());
			Sheet lpr = book.getSheet("LPR over time");
			JsonNode lprOverTime = report.get("charts").get("lprOverTime");
			assertThat(lpr.getLastRowNum()).isEqualTo(lprOverTime.size());
			assertThat(lpr.getRow(lpr.getLastRowNum()).getCell(1).getNumericCellValue())
				.isEqualTo(lprOverTime.get(lprOverTime.size() - 1).get("count").asDouble());
			assertThat(book.getSheet("Availability per month").getLastRowNum()).isEqualTo(6);
			for (String sheet : List.of("Projects", "Funding", "Text")) {
				assertThat(book.getSheet(sheet)).as(sheet).isNotNull();
				assertThat(book.getSheet(sheet).getPaneInformation().isFreezePane()).as(sheet).isTrue();
			}
		}
	}

	@Test
	void theDocxStatesTheJsonApisFiguresBesideThePreviousPeriodsInEitherLanguage() throws Exception {
		JsonNode report = json.readTree(get("/api/reports/half-year?" + QUERY, "ithy-viewer", "ithy-viewer-pass").body());
		for (Locale locale : List.of(Locale.ENGLISH, Locale.TAIWAN)) {
			String lang = locale == Locale.ENGLISH ? "&lang=en" : "";
			HttpResponse<byte[]> response = bytes("/api/reports/half-year.docx?" + QUERY + lang);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
				.contains("filename=\"watchkeeper-half-year-1997-H1.docx\"");
			try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
				assertThat(doc.getParagraphs().get(0).getText())
					.isEqualTo(locale == Locale.ENGLISH ? "VIII. Strengthening the CCTV system, 1997 H1 (January–June)"
							: "(八)強化監錄系統功能（86年上半年）");
				XWPFTable figures = doc.getTables().get(0);
				assertThat(figures.getRows()).hasSize(report.get("figures").size() + 1);
				int r = 1;
				for (JsonNode f : report.get("figures")) {
					XWPFTableRow row = figures.getRow(r++);
					HalfYearReport.Unit unit = HalfYearReport.Unit.valueOf(f.get("unit").asString());
					assertThat(row.getCell(2).getText()).as(f.get("key").asString())
						.isEqualTo(HalfYearFormat.figure(unit, decimal(f.get("value")), locale));
					assertThat(row.getCell(3).getText()).as(f.get("key").asString())
						.isEqualTo(HalfYearFormat.figure(unit, decimal(f.get("previousValue")), locale));
					assertThat(row.getCell(4).getText()).as(f.get("key").asString())
						.isEqualTo(HalfYearFormat.change(unit, decimal(f.get("change")), locale));
				}
				XWPFTable projects = doc.getTables().get(1);
				List<JsonNode> jsonProjects = projects(report);
				assertThat(projects.getRows()).hasSize(jsonProjects.size() + 1);
				assertThat(projects.getRow(1).getCell(2).getText())
					.isEqualTo(HalfYearFormat.amount(jsonProjects.get(0).get("budgetNtd").asLong(), locale));
				XWPFTable maintenance = doc.getTables().get(2);
				JsonNode rows = report.get("maintenanceRows");
				assertThat(maintenance.getRows()).hasSize(rows.size() + 1);
				assertThat(maintenance.getRow(rows.size()).getCell(5).getText())
					.isEqualTo(String.valueOf(rows.get(rows.size() - 1).get("restoredByVendors").asLong()));
			}
		}
	}

	@Test
	void badInputIsA400NamingTheParameterAndOnlyReportReadersGetTheFiles() throws Exception {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("year=1989&half=1", "year");
		cases.put("year=abc&half=1", "year");
		cases.put("year=" + (LocalDate.now().getYear() + 2) + "&half=1", "year");
		cases.put("year=1996&half=3", "half");
		cases.put("year=1996&half=1&groupBy=street", "groupBy");
		cases.put("year=1996&half=1&lang=fr", "lang");
		for (String format : List.of("docx", "xlsx")) {
			for (Map.Entry<String, String> c : cases.entrySet()) {
				HttpResponse<String> response = get("/api/reports/half-year." + format + "?" + c.getKey(), "ithy-viewer",
						"ithy-viewer-pass");
				assertThat(response.statusCode()).as(format + " " + c.getKey()).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
				JsonNode errors = json.readTree(response.body()).get("errors");
				assertThat(errors.get(0).get("field").asString()).as(format + " " + c.getKey()).isEqualTo(c.getValue());
			}
			assertThat(get("/api/reports/half-year." + format + "?" + QUERY, "ithy-vendor", "ithy-vendor-pass").statusCode())
				.isEqualTo(403);
		}
	}

	/** Items 2, 3, 4 and 5's projects in the order the exports list them. */
	private static List<JsonNode> projects(JsonNode report) {
		List<JsonNode> all = new java.util.ArrayList<>();
		report.get("replacements").forEach(all::add);
		report.get("newInstallations").forEach(all::add);
		report.get("subsidies").get("projects").forEach(all::add);
		report.get("localFunds").forEach(all::add);
		return all;
	}

	private static BigDecimal decimal(JsonNode value) {
		return value == null || value.isNull() ? null : value.decimalValue();
	}

	private static BigDecimal number(Cell cell) {
		if (cell == null) {
			return null;
		}
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		return BigDecimal.valueOf(cell.getNumericCellValue());
	}

	private HttpResponse<byte[]> bytes(String path) throws Exception {
		return HttpClient.newHttpClient().send(request(path, "ithy-viewer", "ithy-viewer-pass"), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		return HttpClient.newHttpClient().send(request(path, user, password), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String path, String user, String password) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
	}
}
