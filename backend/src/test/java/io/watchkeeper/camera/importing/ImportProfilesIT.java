package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Facts hidden in names over real HTTP: the preview, the refusals of bad patterns before anything runs,
 * import profiles (create, change, delete, audited) and an import that uses a saved profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportProfilesIT {

	static final String LON = ImportTestData.LON;

	static final String LAT = ImportTestData.LAT;

	static final String DERIVE_ALL = """
			[{"column": "名稱", "preset": "rocYearAtStart"}, {"column": "名稱", "preset": "westernYearAtStart"},
			 {"column": "名稱", "preset": "programmeAfterYear"}, {"column": "名稱", "preset": "plateWords"},
			 {"column": "名稱", "preset": "directionAfterWord"}, {"column": "名稱", "preset": "intersection"}]""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final JsonMapper json = JsonMapper.builder().build();

	record Reply(int status, JsonNode body) {
	}

	@BeforeEach
	void users() {
		TestUsers.ensure(jdbc, "it-prof-dispatcher", "secret-1", "DISPATCHER");
		TestUsers.ensure(jdbc, "it-prof-viewer", "secret-2", "VIEWER");
		jdbc.update("""
				INSERT INTO funding_source (code, kind, name_zh, fiscal_year, amount_ntd)
				VALUES ('PRFUND-113', 'CENTRAL_SUBSIDY', '前瞻', 2024, 1000) ON CONFLICT (code) DO NOTHING""");
	}

	static String csv(String prefix) {
		return "編號,名稱,經度,緯度\n"
				+ prefix + "001-01,\"112擴充-No.031 中正路與五福路口 朝東-車牌\"," + LON + "," + LAT + "\n"
				+ prefix + "002-01,\"113前瞻-No.2 民族路與建國路口 往北 即時車辨\"," + LON + "," + LAT + "\n"
				+ prefix + "003-01,\"2019 監視器 向西南\"," + LON + "," + LAT + "\n"
				+ prefix + "004-01,\"監視器-004\"," + LON + "," + LAT + "\n";
	}

	@Test
	void thePreviewShowsWhatEachPatternFindsAndWhatItBecomes() throws Exception {
		Reply reply = multipart("/api/imports/preview", "it-prof-dispatcher", "secret-1", csv("PRV").getBytes(StandardCharsets.UTF_8),
				Map.of("derive", DERIVE_ALL));
		assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
		JsonNode rows = reply.body().get("rows");
		assertThat(rows).hasSize(4);
		JsonNode first = rows.get(0);
		assertThat(first.get("line").asInt()).isEqualTo(2);
		assertThat(first.get("source").get("名稱").asString()).startsWith("112擴充");
		Map<String, JsonNode> byField = new LinkedHashMap<>();
		first.get("values").forEach(v -> byField.put(v.get("field").asString(), v));
		assertThat(byField.get("year").get("text").asString()).isEqualTo("112");
		assertThat(byField.get("year").get("becomes").asString()).contains("2023-01-01");
		assertThat(byField.get("programme").get("becomes").asString()).contains("計畫/Programme: 擴充");
		assertThat(byField.get("lpr").get("becomes").asString()).contains("LPR");
		assertThat(byField.get("heading").get("becomes").asString()).contains("90");
		assertThat(byField.get("road").get("text").asString()).isEqualTo("中正路與五福路口");
		JsonNode second = rows.get(1);
		assertThat(second.get("values").valueStream().filter(v -> v.get("field").asString().equals("programme")).findFirst()
			.orElseThrow().get("becomes").asString()).as("a programme named like a funding source is that source").contains("PRFUND-113");
		assertThat(rows.get(3).get("values")).as("a name without facts").isEmpty();
		assertThat(reply.body().get("problems").valueStream().map(p -> p.get("code").asString()))
			.contains("import.derive.preview.yearOnly");
	}

	@Test
	void badPatternsAreRefusedBeforeRunningNamingThePattern() throws Exception {
		byte[] file = csv("XPAT").getBytes(StandardCharsets.UTF_8);
		Reply syntax = multipart("/api/imports/preview", "it-prof-dispatcher", "secret-1", file,
				Map.of("derive", "[{\"column\": \"名稱\", \"pattern\": \"^(?<year>\\\\d{2,3}\"}]"));
		assertThat(syntax.status()).isEqualTo(400);
		assertThat(syntax.body().get("code").asString()).isEqualTo("import.derive.pattern.syntax");
		assertThat(syntax.body().get("detail").asString()).contains("^(?<year>\\d{2,3}").contains("at character");
		Reply group = multipart("/api/imports", "it-prof-dispatcher", "secret-1", file,
				Map.of("derive", "[{\"column\": \"名稱\", \"pattern\": \"(?<yr>\\\\d+)\"}]"));
		assertThat(group.status()).isEqualTo(400);
		assertThat(group.body().get("detail").asString()).contains("yr").contains("year");
		Reply slow = multipart("/api/imports/preview", "it-prof-dispatcher", "secret-1", file,
				Map.of("derive", "[{\"column\": \"名稱\", \"pattern\": \"(?<road>(.*a){20})!\"}]"));
		assertThat(slow.status()).isEqualTo(400);
		assertThat(slow.body().get("code").asString()).isEqualTo("import.derive.pattern.tooSlow");
		Reply column = multipart("/api/imports/preview", "it-prof-dispatcher", "secret-1", file,
				Map.of("derive", "[{\"column\": \"設備名稱\", \"preset\": \"plateWords\"}]"));
		assertThat(column.status()).isEqualTo(400);
		assertThat(column.body().get("detail").asString()).contains("設備名稱");
		for (String hostile : List.of("not json", "[1]", "{\"column\": 1}", "[{\"column\": \"名稱\"}]",
				"[{\"column\": \"名稱\", \"preset\": \"<script>\"}]", "[{\"column\": \"名稱\", \"pattern\": \"(?<year>1)[z\"}]")) {
			Reply r = multipart("/api/imports/preview", "it-prof-dispatcher", "secret-1", file, Map.of("derive", hostile));
			assertThat(r.status()).as(hostile).isEqualTo(400);
		}
		// matches nothing: refused unless confirmed; nothing written either way until then
		Reply unmatched = multipart("/api/imports?dryRun=false", "it-prof-dispatcher", "secret-1", file,
				Map.of("derive", "[{\"column\": \"名稱\", \"pattern\": \"(?<view>魚眼)\"}]"));
		assertThat(unmatched.status()).isEqualTo(400);
		assertThat(unmatched.body().get("code").asString()).isEqualTo("import.derive.matchesNothing");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'XPAT%'", Integer.class)).isZero();
		Reply confirmed = multipart("/api/imports?dryRun=false&confirmUnmatched=true", "it-prof-dispatcher", "secret-1", file,
				Map.of("derive", "[{\"column\": \"名稱\", \"pattern\": \"(?<view>魚眼)\"}]"));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.body().get("status").asString()).isEqualTo("APPLIED");
	}

	@Test
	void aProfileTakesReadyMadePatternsByTheirIdAsTheImportDoes() throws Exception {
		Reply created = json("POST", "/api/import-profiles", "it-prof-dispatcher", "secret-1", """
				{"name": "presets %s", "mapping": {"編號": "ASSET_TAG"},
				 "derivations": [{"column": "名稱", "preset": "rocYearAtStart"}]}""".formatted(System.nanoTime()));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		assertThat(created.body().get("derivations").get(0).get("pattern").asString())
			.isEqualTo(DerivationPresets.find("rocYearAtStart").pattern());
		Reply unknown = json("POST", "/api/import-profiles", "it-prof-dispatcher", "secret-1", """
				{"name": "presets %s", "mapping": {"編號": "ASSET_TAG"},
				 "derivations": [{"column": "名稱", "preset": "noSuchPreset"}]}""".formatted(System.nanoTime()));
		assertThat(unknown.status()).as(String.valueOf(unknown.body())).isEqualTo(400);
		assertThat(unknown.body().toString()).contains("derivations[0].pattern");
	}

	@Test
	void aSavedProfileImportsTheNextListOfTheSameShape() throws Exception {
		String body = """
				{"name": "高雄市清冊 %s", "mapping": {"編號": "ASSET_TAG", "名稱": "IGNORE", "經度": "LONGITUDE", "緯度": "LATITUDE"},
				 "derivations": %s, "options": {"encoding": "AUTO", "strict": false}}""".formatted(System.nanoTime(), DERIVE_ALL
			.replace("\"preset\": \"rocYearAtStart\"", "\"pattern\": \"" + DerivationPresets.find("rocYearAtStart").pattern().replace("\\", "\\\\") + "\"")
			.replace("\"preset\": \"westernYearAtStart\"", "\"pattern\": \"" + DerivationPresets.find("westernYearAtStart").pattern().replace("\\", "\\\\") + "\"")
			.replace("\"preset\": \"programmeAfterYear\"", "\"pattern\": \"" + DerivationPresets.find("programmeAfterYear").pattern().replace("\\", "\\\\") + "\"")
			.replace("\"preset\": \"plateWords\"", "\"pattern\": \"" + DerivationPresets.find("plateWords").pattern().replace("\\", "\\\\") + "\"")
			.replace("\"preset\": \"directionAfterWord\"", "\"pattern\": \"" + DerivationPresets.find("directionAfterWord").pattern().replace("\\", "\\\\") + "\"")
			.replace("\"preset\": \"intersection\"", "\"pattern\": \"" + DerivationPresets.find("intersection").pattern().replace("\\", "\\\\") + "\""));
		Reply created = json("POST", "/api/import-profiles", "it-prof-dispatcher", "secret-1", body);
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		long id = created.body().get("id").asLong();
		String name = created.body().get("name").asString();
		assertThat(created.body().get("derivations")).hasSize(6);
		assertThat(json("POST", "/api/import-profiles", "it-prof-dispatcher", "secret-1", body).status()).as("name taken")
			.isEqualTo(409);
		Reply bad = json("POST", "/api/import-profiles", "it-prof-dispatcher", "secret-1",
				"{\"name\": \"x\", \"derivations\": [{\"column\": \"名稱\", \"pattern\": \"(?<heading>[東西\"}], \"mapping\": {\"編號\": \"NO_SUCH\"}}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("mapping.編號", "derivations[0].pattern");
		assertThat(json("POST", "/api/import-profiles", "it-prof-viewer", "secret-2", body).status()).isEqualTo(403);
		for (String hostile : List.of("{\"name\": \"123\"}", "{\"name\": \"a\", \"mapping\": {\"x\": {}}}",
				"{\"name\": \"a\", \"options\": {\"encoding\": \"EBCDIC\"}}", "{\"name\": \"" + "長".repeat(101) + "\"}",
				"{\"name\": \"a\\u0000b\"}", "[]")) {
			assertThat(json("POST", "/api/import-profiles", "it-prof-dispatcher", "secret-1", hostile).status()).as(hostile)
				.isEqualTo(400);
		}

		Reply list = json("GET", "/api/import-profiles", "it-prof-dispatcher", "secret-1", null);
		assertThat(list.body().valueStream().map(p -> p.get("name").asString())).contains(name);
		Reply changed = json("PUT", "/api/import-profiles/" + id, "it-prof-dispatcher", "secret-1",
				body.replace("\"strict\": false", "\"strict\": true").replaceFirst("\\{", "{\"version\": 0, "));
		assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(200);
		assertThat(changed.body().get("version").asLong()).isEqualTo(1);
		assertThat(changed.body().get("options").get("strict").asBoolean()).isTrue();
		assertThat(json("PUT", "/api/import-profiles/" + id, "it-prof-dispatcher", "secret-1",
				body.replaceFirst("\\{", "{\"version\": 0, ")).status()).as("stale version").isEqualTo(409);

		Reply imported = multipart("/api/imports?dryRun=false&profile=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
				"it-prof-dispatcher", "secret-1", csv("PRF").getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(200);
		assertThat(imported.body().get("status").asString()).isEqualTo("APPLIED");
		assertThat(imported.body().get("derivations")).as("the job keeps the profile's derivations").hasSize(6);
		Map<String, Object> first = jdbc.queryForMap(
				"SELECT install_date, heading_deg, lpr, notes, funding_source_id FROM camera WHERE asset_tag = 'PRF001-01'");
		assertThat(first.get("install_date")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2023, 1, 1)));
		assertThat(((Number) first.get("heading_deg")).intValue()).isEqualTo(90);
		assertThat(first.get("lpr")).isEqualTo("LPR");
		assertThat((String) first.get("notes")).contains("計畫/Programme: 擴充").contains("面向道路: 中正路與五福路口");
		Map<String, Object> second = jdbc.queryForMap(
				"SELECT install_date, heading_deg, lpr, funding_source_id FROM camera WHERE asset_tag = 'PRF002-01'");
		assertThat(second.get("install_date")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2024, 1, 1)));
		assertThat(((Number) second.get("heading_deg")).intValue()).isEqualTo(0);
		assertThat(second.get("lpr")).isEqualTo("REALTIME_LPR");
		assertThat(second.get("funding_source_id")).isEqualTo(
				jdbc.queryForObject("SELECT id FROM funding_source WHERE code = 'PRFUND-113'", Long.class));
		Map<String, Object> third = jdbc.queryForMap("SELECT install_date, heading_deg, lpr FROM camera WHERE asset_tag = 'PRF003-01'");
		assertThat(third.get("install_date")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2019, 1, 1)));
		assertThat(((Number) third.get("heading_deg")).intValue()).isEqualTo(225);
		assertThat(third.get("lpr")).isEqualTo("NONE");

		// a list of another shape: the profile names the headers it lacks, as a 400, not a 500
		Reply missing = multipart("/api/imports?profile=" + id, "it-prof-dispatcher", "secret-1",
				("編號,設備名稱,經度,緯度\nPRM001-01,112擴充," + LON + "," + LAT + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("code").asString()).isEqualTo("import.profile.missingColumns");
		assertThat(missing.body().get("detail").asString()).contains("名稱").contains(name);
		assertThat(multipart("/api/imports?profile=nosuchprofile", "it-prof-dispatcher", "secret-1",
				csv("PRN").getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(400);

		assertThat(json("DELETE", "/api/import-profiles/" + id, "it-prof-dispatcher", "secret-1", null).status()).isEqualTo(204);
		assertThat(json("GET", "/api/import-profiles/" + id, "it-prof-dispatcher", "secret-1", null).status()).isEqualTo(404);
		assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE object_type = 'import_profile' AND object_id = ? ORDER BY id",
				String.class, String.valueOf(id)))
			.containsExactly("import_profile.saved", "import_profile.saved", "import_profile.deleted");
	}

	Reply multipart(String path, String user, String password, byte[] content, Map<String, String> fields) throws Exception {
		String boundary = "wk-boundary-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> f : fields.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", ImportApiIT.basic(user, password))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	Reply json(String method, String path, String user, String password, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", ImportApiIT.basic(user, password))
			.timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return send(request);
	}

	Reply send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String type = response.headers().firstValue("Content-Type").orElse("");
		return new Reply(response.statusCode(), response.body().isBlank() || !type.contains("json") ? null : json.readTree(response.body()));
	}
}
