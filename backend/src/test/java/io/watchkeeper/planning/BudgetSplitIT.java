package io.watchkeeper.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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
 * The maintenance budget split over real HTTP on the real database: counts by the out-of-warranty rule, parts that
 * add up, apply (split recorded, contracts' budgets, audit), refusals that write nothing, who may.
 * Fiscal year 2087 belongs to this class: no other test has contracts in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BudgetSplitIT {

	static final int YEAR = 2087;
	static final String DAY = "2087-01-01";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();
	long north;
	long south;
	long empty;

	@BeforeEach
	void data() {
		TestUsers.ensure(jdbc, "it-split-procurement", "secret-1", "PROCUREMENT");
		TestUsers.ensure(jdbc, "it-split-dispatcher", "secret-2", "DISPATCHER");
		TestUsers.ensure(jdbc, "it-split-viewer", "secret-3", "VIEWER");
		north = precinct("ITSPLIT-N", 24.10);
		south = precinct("ITSPLIT-S", 24.20);
		empty = precinct("ITSPLIT-Z", 24.30);
		// north: 3 out of warranty on 2087-01-01 (warranty ended the day before, none, decommissioned that very day)
		camera("ITSPLIT-N1", north, "2080-01-01", "2086-12-31", "ACTIVE", null);
		camera("ITSPLIT-N2", north, "2080-01-01", null, "FAULTY", null);
		camera("ITSPLIT-N3", north, "2080-01-01", "2082-01-01", "DECOMMISSIONED", "2087-01-01");
		// north, not counted: warranty ends on the day, decommissioned the day before, installed the day after, planned
		camera("ITSPLIT-N4", north, "2080-01-01", "2087-01-01", "ACTIVE", null);
		camera("ITSPLIT-N5", north, "2080-01-01", "2082-01-01", "DECOMMISSIONED", "2086-12-31");
		camera("ITSPLIT-N6", north, "2087-01-02", null, "ACTIVE", null);
		camera("ITSPLIT-N7", north, null, null, "PLANNED", null);
		// south: 2, one installed on the reference day itself
		camera("ITSPLIT-S1", south, "2081-05-05", "2084-05-05", "ACTIVE", null);
		camera("ITSPLIT-S2", south, DAY, null, "ACTIVE", null);
	}

	/** Leaves no precinct, camera, contract or split behind: other tests count the precincts and cameras there are. */
	@AfterEach
	void cleanUp() {
		jdbc.update("DELETE FROM maintenance_budget_split WHERE fiscal_year = ? OR id IN (SELECT split_id FROM "
				+ "maintenance_budget_split_part WHERE precinct_id IN (SELECT id FROM precinct WHERE code LIKE 'ITSPLIT-%'))", YEAR);
		jdbc.update("DELETE FROM maintenance_contract WHERE code LIKE 'ITSPLIT-%'");
		jdbc.update("DELETE FROM vendor WHERE code = 'ITSPLIT-V'");
		jdbc.update("DELETE FROM camera WHERE asset_tag LIKE 'ITSPLIT%'");
		jdbc.update("DELETE FROM precinct WHERE code LIKE 'ITSPLIT-%'");
	}

	@Test
	void thePreviewCountsCamerasOutOfWarrantyAndThePartsAddUpToTheTotal() throws Exception {
		long total = 1_000_003; // a prime
		long splitsBefore = jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split", Long.class);
		HttpResponse<String> r = send("GET", "/api/planning/budget-split?fiscalYear=" + YEAR + "&totalNtd=" + total
				+ "&referenceDate=" + DAY, null, "it-split-dispatcher", "secret-2");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode split = json.readTree(r.body());
		assertThat(split.get("fiscalYear").asInt()).isEqualTo(YEAR);
		assertThat(split.get("rocYear").asInt()).isEqualTo(YEAR - 1911);
		assertThat(split.get("referenceDate").asString()).isEqualTo(DAY);
		Map<String, JsonNode> parts = parts(split);
		assertThat(parts.get("ITSPLIT-N").get("outOfWarranty").asInt()).isEqualTo(3);
		assertThat(parts.get("ITSPLIT-S").get("outOfWarranty").asInt()).isEqualTo(2);
		assertThat(parts.get("ITSPLIT-Z").get("outOfWarranty").asInt()).isZero();
		assertThat(parts.get("ITSPLIT-Z").get("amountNtd").asLong()).isZero();
		long sum = 0;
		long all = 0;
		for (JsonNode p : parts.values()) {
			sum += p.get("amountNtd").asLong();
			all += p.get("outOfWarranty").asLong();
		}
		assertThat(sum).isEqualTo(total);
		for (JsonNode p : parts.values()) {
			long floor = BigInteger.valueOf(total).multiply(BigInteger.valueOf(p.get("outOfWarranty").asLong()))
				.divide(BigInteger.valueOf(all)).longValueExact();
			assertThat(p.get("amountNtd").asLong()).isBetween(floor, floor + 1);
		}
		assertThat(parts.get("ITSPLIT-N").get("contractId").isNull()).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split", Long.class))
			.as("a preview writes nothing").isEqualTo(splitsBefore);
	}

	@Test
	void applyingRecordsTheSplitSetsTheContractsAndAudits() throws Exception {
		long northContract = contract("ITSPLIT-MC-N", "2087-01-01", "2087-12-31", north);
		// one contract covering the south, the empty one and every other precinct with cameras out of warranty that day
		long others = contract("ITSPLIT-MC-OTHERS", "2086-07-01", "2087-06-30", south, empty);
		jdbc.update("""
				INSERT INTO maintenance_contract_precinct (contract_id, precinct_id)
				SELECT ?, p.id FROM precinct p WHERE p.id NOT IN (?, ?, ?)
				   AND NOT EXISTS (SELECT 1 FROM maintenance_contract_precinct mp JOIN maintenance_contract mc ON mc.id = mp.contract_id
				                    WHERE mp.precinct_id = p.id AND mc.starts_on <= DATE '2087-01-01' AND mc.ends_on >= DATE '2087-01-01')""",
				others, north, south, empty);
		// a later contract of the north in the same year does not take the part: the one running on 1 January does
		contract("ITSPLIT-MC-N-LATE", "2087-07-01", "2087-12-31", north);
		long splitsBefore = jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split", Long.class);

		HttpResponse<String> r = send("POST", "/api/planning/budget-split", """
				{"fiscalYear": %d, "totalNtd": 69769000, "referenceDate": "%s"}""".formatted(YEAR, DAY),
				"it-split-procurement", "secret-1");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		JsonNode split = json.readTree(r.body());
		long id = split.get("id").asLong();
		assertThat(r.headers().firstValue("Location")).contains("/api/planning/budget-split/" + id);
		assertThat(split.get("appliedBy").asString()).isEqualTo("it-split-procurement");
		Map<String, JsonNode> parts = parts(split);
		assertThat(parts.get("ITSPLIT-N").get("contractCode").asString()).isEqualTo("ITSPLIT-MC-N");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split", Long.class)).isEqualTo(splitsBefore + 1);
		assertThat(jdbc.queryForObject("SELECT sum(amount_ntd) FROM maintenance_budget_split_part WHERE split_id = ?",
				Long.class, id)).isEqualTo(69_769_000L);
		assertThat(budget(northContract)).isEqualTo(parts.get("ITSPLIT-N").get("amountNtd").asLong()).isPositive();
		long othersSum = 0;
		for (JsonNode p : parts.values()) {
			if (p.get("contractId").asLong() == others) {
				othersSum += p.get("amountNtd").asLong();
			}
		}
		assertThat(budget(others)).as("a contract covering several precincts gets their sum").isEqualTo(othersSum)
			.isGreaterThanOrEqualTo(parts.get("ITSPLIT-S").get("amountNtd").asLong());
		assertThat(budget(jdbc.queryForObject("SELECT id FROM maintenance_contract WHERE code = 'ITSPLIT-MC-N-LATE'", Long.class)))
			.isZero();

		JsonNode audit = json.readTree(jdbc.queryForObject("""
				SELECT details::text FROM audit_event WHERE action = 'planning.budget_split_applied' AND object_id = ?""",
				String.class, String.valueOf(id)));
		assertThat(audit.get("totalNtd").asLong()).isEqualTo(69_769_000L);
		assertThat(audit.get("parts")).anySatisfy(p -> {
			assertThat(p.get("precinctCode").asString()).isEqualTo("ITSPLIT-N");
			assertThat(p.get("amountNtd").asLong()).isEqualTo(budget(northContract));
		});
		HttpResponse<String> history = send("GET", "/api/planning/budget-split/history", null, "it-split-dispatcher", "secret-2");
		assertThat(json.readTree(history.body()).get(0).get("id").asLong()).isEqualTo(id);

		HttpResponse<String> csv = send("GET", "/api/planning/budget-split/" + id + ".csv", null, "it-split-dispatcher", "secret-2");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFF").contains("ITSPLIT-N", "ITSPLIT-MC-N", "69769000");
		HttpResponse<byte[]> xlsx = http.send(request("GET", "/api/planning/budget-split.xlsx?fiscalYear=" + YEAR
				+ "&totalNtd=5&referenceDate=" + DAY, null, "it-split-dispatcher", "secret-2"), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
			var sheet = book.getSheetAt(0);
			var sum = sheet.getRow(sheet.getLastRowNum());
			assertThat(sum.getCell(4).getNumericCellValue()).as("the sum line is the total").isEqualTo(5.0);
		}
	}

	@Test
	void aPrecinctWithCamerasOutOfWarrantyButNoContractIsRefusedAndNothingIsWritten() throws Exception {
		long southContract = contract("ITSPLIT-MC-S", "2087-01-01", "2087-12-31", south);
		long splitsBefore = jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split", Long.class);
		HttpResponse<String> r = send("POST", "/api/planning/budget-split", """
				{"fiscalYear": %d, "totalNtd": 1000, "referenceDate": "%s"}""".formatted(YEAR, DAY), "it-split-procurement", "secret-1");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
		assertThat(json.readTree(r.body()).get("detail").asString()).contains("ITSPLIT-N");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split", Long.class)).isEqualTo(splitsBefore);
		assertThat(budget(southContract)).isZero();
	}

	@Test
	void badInputIsA400NamingTheFieldAndNothingIsWritten() throws Exception {
		long splitsBefore = jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split", Long.class);
		long auditBefore = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
		Map<String, String> bad = Map.of(
				"{\"fiscalYear\": 2087, \"totalNtd\": 0, \"referenceDate\": \"2087-01-01\"}", "totalNtd",
				"{\"fiscalYear\": 2087, \"totalNtd\": -5, \"referenceDate\": \"2087-01-01\"}", "totalNtd",
				"{\"fiscalYear\": 2087, \"totalNtd\": 99999999999999, \"referenceDate\": \"2087-01-01\"}", "totalNtd",
				"{\"fiscalYear\": 2087, \"totalNtd\": 1.5, \"referenceDate\": \"2087-01-01\"}", "totalNtd",
				"{\"fiscalYear\": 1989, \"totalNtd\": 10, \"referenceDate\": \"2087-01-01\"}", "fiscalYear",
				"{\"fiscalYear\": 2101, \"totalNtd\": 10, \"referenceDate\": \"2087-01-01\"}", "fiscalYear",
				"{\"fiscalYear\": 2087, \"totalNtd\": 10}", "referenceDate",
				"{\"fiscalYear\": 2087, \"totalNtd\": 10, \"referenceDate\": \"2087-02-30\"}", "referenceDate",
				"{\"fiscalYear\": 2087, \"totalNtd\": 10, \"referenceDate\": \"9999-01-01\"}", "referenceDate");
		// (nobody out of warranty on the day is refused too, naming referenceDate; not asserted here: the shared test
		// database holds other tests' cameras installed as early as 1950, and LargestRemainderTest covers zero counts)
		for (Map.Entry<String, String> e : bad.entrySet()) {
			HttpResponse<String> r = send("POST", "/api/planning/budget-split", e.getKey(), "it-split-procurement", "secret-1");
			assertThat(r.statusCode()).as(e.getKey() + " " + r.body()).isEqualTo(400);
			assertThat(json.readTree(r.body()).get("errors")).as(e.getKey())
				.extracting(f -> f.get("field").asString()).contains(e.getValue());
		}
		HttpResponse<String> r = send("GET", "/api/planning/budget-split?fiscalYear=x&totalNtd=&referenceDate=", null,
				"it-split-dispatcher", "secret-2");
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(json.readTree(r.body()).get("errors")).extracting(f -> f.get("field").asString())
			.contains("fiscalYear", "totalNtd", "referenceDate");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split", Long.class)).isEqualTo(splitsBefore);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class)).isEqualTo(auditBefore);
	}

	@Test
	void aDispatcherSeesThePreviewOnlyAndAViewerNothing() throws Exception {
		String query = "/api/planning/budget-split?fiscalYear=" + YEAR + "&totalNtd=100&referenceDate=" + DAY;
		String body = "{\"fiscalYear\": %d, \"totalNtd\": 100, \"referenceDate\": \"%s\"}".formatted(YEAR, DAY);
		assertThat(send("POST", "/api/planning/budget-split", body, "it-split-dispatcher", "secret-2").statusCode()).isEqualTo(403);
		assertThat(send("GET", query, null, "it-split-viewer", "secret-3").statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/planning/budget-split", body, "it-split-viewer", "secret-3").statusCode()).isEqualTo(403);

		PageSession dispatcher = PageSession.loggedIn(port, "10.9.87.1", "it-split-dispatcher", "secret-2");
		String page = dispatcher.get("/planning/budget-split?fiscalYear=" + YEAR + "&totalNtd=69769000&referenceDate=" + DAY).body();
		assertThat(page).contains("id=\"split-table\"", "id=\"split-sum-amount\">69,769,000<", "民國176年")
			.doesNotContain("id=\"split-apply\"");
		PageSession procurement = PageSession.loggedIn(port, "10.9.87.2", "it-split-procurement", "secret-1");
		assertThat(procurement.get("/planning/budget-split?fiscalYear=" + YEAR + "&totalNtd=100&referenceDate=" + DAY).body())
			.contains("id=\"split-apply\"");
		HttpResponse<String> bad = procurement.get("/planning/budget-split?fiscalYear=" + YEAR + "&totalNtd=-1&referenceDate=" + DAY);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"totalNtd-error\"");
		PageSession viewer = PageSession.loggedIn(port, "10.9.87.3", "it-split-viewer", "secret-3");
		assertThat(viewer.get("/planning/budget-split").statusCode()).isEqualTo(403);
	}

	private Map<String, JsonNode> parts(JsonNode split) {
		Map<String, JsonNode> parts = new HashMap<>();
		split.get("parts").forEach(p -> parts.put(p.get("precinctCode").asString(), p));
		return parts;
	}

	private long budget(long contract) {
		return jdbc.queryForObject("SELECT budget_ntd FROM maintenance_contract WHERE id = ?", Long.class, contract);
	}

	private long precinct(String code, double south) {
		jdbc.update("""
				INSERT INTO precinct (code, name_zh, name_en, boundary)
				VALUES (?, ?, ?, ST_Multi(ST_MakeEnvelope(119.0, ?, 119.1, ?, 4326))) ON CONFLICT (code) DO NOTHING""",
				code, code + "分局", code + " Precinct", south, south + 0.05);
		return jdbc.queryForObject("SELECT id FROM precinct WHERE code = ?", Long.class, code);
	}

	private void camera(String tag, long precinct, String installed, String warrantyEnd, String status, String decommissioned) {
		jdbc.update("""
				INSERT INTO camera (asset_tag, precinct_id, install_date, warranty_end, status, decommissioned_on)
				VALUES (?, ?, ?::date, ?::date, ?, ?::date)""", tag, precinct, installed, warrantyEnd, status, decommissioned);
	}

	private long contract(String code, String starts, String ends, long... precincts) {
		long vendor = jdbc.queryForObject("""
				INSERT INTO vendor (code, name_zh) VALUES ('ITSPLIT-V', '分配測試廠商')
				ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh RETURNING id""", Long.class);
		long id = jdbc.queryForObject("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, starts_on, ends_on)
				VALUES (?, ?, ?, ?::date, ?::date) RETURNING id""", Long.class, code, vendor, code, starts, ends);
		for (long p : precincts) {
			jdbc.update("INSERT INTO maintenance_contract_precinct (contract_id, precinct_id) VALUES (?, ?)", id, p);
		}
		return id;
	}

	private HttpResponse<String> send(String method, String path, String body, String user, String password) throws Exception {
		return http.send(request(method, path, body, user, password), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String path, String body, String user, String password) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json").header("Accept-Language", "zh-TW")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
