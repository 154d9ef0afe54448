package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
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

/** POST /api/imports and GET /api/imports/{id} over real HTTP, multipart, with HTTP Basic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportApiIT {

	static final String CSV = "編號,安裝地址,經度,緯度,裝設日期\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void users() {
		ImportTestData.precinct(jdbc);
		TestUsers.ensure(jdbc, "it-api-dispatcher", "secret-1", "DISPATCHER");
		TestUsers.ensure(jdbc, "it-api-viewer", "secret-2", "VIEWER");
	}

	record Reply(int status, String contentType, JsonNode body) {
	}

	Reply post(String user, String password, String query, String fileName, byte[] content, Map<String, String> fields)
			throws Exception {
		String boundary = "wk-boundary-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> f : fields.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		if (content != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports" + query))
			.header("Authorization", basic(user, password))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return send(request);
	}

	Reply get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic("it-api-dispatcher", "secret-1"))
			.GET()
			.build());
	}

	Reply send(HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		String type = response.headers().firstValue("Content-Type").orElse("");
		JsonNode body = response.body().isBlank() || !type.contains("json") ? null : json.readTree(response.body());
		return new Reply(response.statusCode(), type, body);
	}

	Reply post(String query, String fileName, byte[] content) throws Exception {
		return post("it-api-dispatcher", "secret-1", query, fileName, content, Map.of());
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aRealRunWritesTheFileAndReturnsTheReport() throws Exception {
		Reply reply = post("?dryRun=false", "cams.csv", utf8(CSV + "APIOK001-01,高雄市苓雅區,120.3014,22.6209,112/03/30\n"
				+ "APIOK001-02,高雄市苓雅區,120.3015,22.6209,112/03/30\n"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("status").asString()).isEqualTo("APPLIED");
		assertThat(reply.body().get("rowsWritten").asInt()).isEqualTo(2);
		assertThat(reply.body().get("sitesCreated").asInt()).isEqualTo(1);
		assertThat(reply.body().get("mapping").get("經度").asString()).isEqualTo("LONGITUDE");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'APIOK%'", Integer.class)).isEqualTo(2);
		Reply again = get("/api/imports/" + reply.body().get("id").asLong());
		assertThat(again.body().get("status").asString()).isEqualTo("APPLIED");
	}

	@Test
	void theDefaultIsADryRunAndRejectedRowsComeWithLineFieldAndReason() throws Exception {
		Reply reply = post("", "cams.csv", utf8(CSV + "APIBAD001-01,高雄市,120.3014,22.6209,112/03/30\n"
				+ "APIBAD001-02,高雄市,139.7,35.7,112/02/30\n"));
		assertThat(reply.status()).isEqualTo(200);
		JsonNode body = reply.body();
		assertThat(body.get("dryRun").asBoolean()).isTrue();
		assertThat(body.get("status").asString()).isEqualTo("REJECTED");
		assertThat(body.get("errors")).hasSize(2);
		JsonNode first = body.get("errors").get(0);
		assertThat(first.get("line").asInt()).isEqualTo(3);
		assertThat(first.get("reason").asString()).isNotBlank();
		assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder("INSTALL_DATE",
				"LONGITUDE");
		assertThat(body.get("errors").valueStream().map(e -> e.get("reason").asString()))
			.anySatisfy(r -> assertThat(r).contains("Outside Taiwan"))
			.anySatisfy(r -> assertThat(r).contains("Impossible date"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'APIBAD%'", Integer.class)).isZero();
	}

	@Test
	void aMappingParameterChangesTheDetectedColumns() throws Exception {
		Reply reply = post("it-api-dispatcher", "secret-1", "?dryRun=false", "cams.csv",
				utf8("代號,裝設地址,E,N\nAPIMAP001-01,高雄市,120.3014,22.6209\n"),
				new LinkedHashMap<>(Map.of("mapping", "{\"代號\": \"ASSET_TAG\", \"E\": \"LONGITUDE\", \"N\": \"LATITUDE\"}")));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("status").asString()).isEqualTo("APPLIED");
		assertThat(jdbc.queryForObject("SELECT ST_X(location) FROM camera WHERE asset_tag = 'APIMAP001-01'", Double.class))
			.isEqualTo(120.3014);
	}

	@Test
	void aJobCanRunInTheBackgroundAndBePolled() throws Exception {
		Reply started = post("?dryRun=true&wait=false", "cams.csv", utf8(CSV + "APIBG001-01,高雄市,120.3014,22.6209,\n"));
		assertThat(started.status()).isEqualTo(202);
		long id = started.body().get("id").asLong();
		JsonNode job = null;
		for (int i = 0; i < 100; i++) {
			job = get("/api/imports/" + id + "?issues=false").body();
			if (!Arrays.asList("QUEUED", "RUNNING").contains(job.get("status").asString())) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(job.get("status").asString()).isEqualTo("VALIDATED");
		assertThat(job.get("rowsValidated").asInt()).isEqualTo(1);
	}

	@Test
	void anEmptyFileIsAProblem() throws Exception {
		Reply reply = post("", "empty.csv", new byte[0]);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.body().get("code").asString()).isEqualTo("import.file.empty");
		assertThat(reply.body().get("detail").asString()).isEqualTo("The file is empty.");
	}

	@Test
	void aHeaderOnlyFileAndMissingColumnsAreProblemsThatSayWhatIsMissing() throws Exception {
		assertThat(post("", "h.csv", utf8(CSV)).body().get("code").asString()).isEqualTo("import.file.noRows");
		Reply missing = post("", "m.csv", utf8("地址,備註\n高雄市,x\n"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("detail").asString()).contains("Asset tag").contains("地址, 備註");
	}

	@Test
	void aFileInNeitherEncodingIsAProblemNamingTheLine() throws Exception {
		byte[] good = utf8(CSV + "APIENC001-01,x,120.3,22.6,\n");
		byte[] bad = Arrays.copyOf(good, good.length + 3);
		bad[good.length] = (byte) 0xFF;
		bad[good.length + 1] = (byte) 0xFE;
		bad[good.length + 2] = (byte) 0xFF;
		Reply reply = post("", "enc.csv", bad);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body().get("detail").asString()).contains("neither UTF-8 nor Big5").contains("line 3");
	}

	@Test
	void aFiftyMegabyteFileIsRefusedAsTooLargeForOneImport() throws Exception {
		byte[] row = utf8("APIBIG000001-01,高雄市苓雅區四維三路2號,120.3014,22.6209,112/03/30\n");
		byte[] big = new byte[50 * 1024 * 1024];
		byte[] header = utf8(CSV);
		System.arraycopy(header, 0, big, 0, header.length);
		for (int at = header.length; at + row.length < big.length; at += row.length) {
			System.arraycopy(row, 0, big, at, row.length);
		}
		long started = System.nanoTime();
		Reply reply = post("?dryRun=false", "big.csv", big);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.body().get("detail").asString()).contains("50.0 MB").contains("at most 30 MB");
		assertThat(millis).as("refused without reading the rows").isLessThan(20_000);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'APIBIG%'", Integer.class)).isZero();
	}

	@Test
	void malformedParametersAndRequestsAreProblemsNotServerErrors() throws Exception {
		Reply badMapping = post("it-api-dispatcher", "secret-1", "", "m.csv", utf8(CSV + "A-01,x,,,\n"), Map.of("mapping", "{nope"));
		assertThat(badMapping.status()).isEqualTo(400);
		assertThat(badMapping.body().get("code").asString()).isEqualTo("import.mapping.json");
		assertThat(post("?encoding=EBCDIC", "m.csv", utf8(CSV + "A-01,x,,,\n")).status()).isEqualTo(400);
		assertThat(post("it-api-dispatcher", "secret-1", "", null, null, Map.of("dryRun", "true")).status()).isEqualTo(400);
		Reply json = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
			.header("Authorization", basic("it-api-dispatcher", "secret-1"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"file\": 1"))
			.build());
		assertThat(json.status()).isEqualTo(415);
		Reply unknown = get("/api/imports/987654321");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void onlyEditorsMayImport() throws Exception {
		assertThat(post("it-api-viewer", "secret-2", "", "c.csv", utf8(CSV + "APIVIEW001-01,x,,,\n"), Map.of()).status())
			.isEqualTo(403);
	}
}
