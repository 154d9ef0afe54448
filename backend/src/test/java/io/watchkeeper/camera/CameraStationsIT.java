package io.watchkeeper.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

/** Cameras carry their police station: API and edit form, list filter and column, export. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CameraStationsIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	long xinxingStation;

	long gushanStation;

	double[] inXinxing;

	@BeforeEach
	void stations() {
		TestUsers.ensure(jdbc, "it-cst-admin", "cst-secret", "ADMIN");
		cleanUp();
		xinxingStation = jdbc.queryForObject("INSERT INTO station (code, precinct_id, name_zh, name_en) "
				+ "SELECT 'ITC-01', id, 'ITC中正四路派出所', 'ITC Zhongzheng' FROM precinct WHERE code = 'XINXING' RETURNING id", Long.class);
		gushanStation = jdbc.queryForObject("INSERT INTO station (code, precinct_id, name_zh) "
				+ "SELECT 'ITC-02', id, 'ITC鼓山派出所' FROM precinct WHERE code = 'GUSHAN' RETURNING id", Long.class);
		inXinxing = jdbc.queryForObject("SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_PointOnSurface(boundary) AS g FROM precinct WHERE code = 'XINXING') x",
				(rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) });
	}

	@AfterEach
	void cleanUp() {
		jdbc.update("DELETE FROM camera WHERE asset_tag LIKE 'QSTN%'");
		// another test's camera may lie in one of these stations by now: it loses the station, not its row
		jdbc.update("UPDATE camera SET station_id = NULL WHERE station_id IN (SELECT id FROM station WHERE code LIKE 'ITC-%')");
		jdbc.update("UPDATE app_user SET station_id = NULL WHERE station_id IN (SELECT id FROM station WHERE code LIKE 'ITC-%')");
		jdbc.update("DELETE FROM station WHERE code LIKE 'ITC-%'");
	}

	@Test
	void aCamerasStationMustBelongToItsPrecinctAndIsListedFilteredAndExported() throws Exception {
		HttpResponse<String> refused = send("POST", "/api/cameras", camera("QSTN001-01", gushanStation));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(fields(refused)).containsExactly("stationId");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag = 'QSTN001-01'", Long.class)).as("nothing written").isZero();
		assertThat(fields(send("POST", "/api/cameras", camera("QSTN001-01", 999_999_999L)))).containsExactly("stationId");

		HttpResponse<String> created = send("POST", "/api/cameras", camera("QSTN001-01", xinxingStation));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = jdbc.queryForObject("SELECT id FROM camera WHERE asset_tag = 'QSTN001-01'", Long.class);
		send("POST", "/api/cameras", camera("QSTN002-01", null));

		JsonNode one = JSON.readTree(send("GET", "/api/cameras/" + id, null).body());
		assertThat(one.get("station").get("nameZh").asString()).isEqualTo("ITC中正四路派出所");
		// a merge patch that leaves the station out keeps it
		HttpResponse<String> patched = send("PATCH", "/api/cameras/" + id, "{\"version\":" + one.get("version").asLong() + ",\"notes\":\"x\"}");
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT station_id FROM camera WHERE id = ?", Long.class, id)).isEqualTo(xinxingStation);

		JsonNode list = JSON.readTree(send("GET", "/api/cameras?station=" + xinxingStation + "&q=QSTN", null).body());
		assertThat(list.get("items").valueStream().map(i -> i.get("assetTag").asString()).toList()).containsExactly("QSTN001-01");
		assertThat(list.get("items").get(0).get("station").get("code").asString()).isEqualTo("ITC-01");

		PageSession page = PageSession.loggedIn(port, "10.9.13.20", "it-cst-admin", "cst-secret");
		String listPage = page.get("/cameras?q=QSTN&lang=zh-TW").body();
		assertThat(listPage).contains("<th class=\"opt\">派出所</th>").contains("ITC中正四路派出所");
		assertThat(page.get("/cameras?q=QSTN&station=" + xinxingStation).body()).contains("QSTN001-01").doesNotContain("QSTN002-01");
		assertThat(page.get("/cameras/" + id + "?lang=zh-TW").body()).contains("id=\"camera-station\"").contains("ITC中正四路派出所");

		// the edit form: another precinct's station is refused beside the field
		String form = page.get("/cameras/" + id + "/edit?lang=en").body();
		assertThat(form).contains("name=\"stationId\"").contains("data-precinct");

		String csv = new String(send("GET", "/api/cameras/export.csv?q=QSTN&lang=zh-TW", null).body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
		int column = header.indexOf("派出所");
		assertThat(column).as(lines.get(0)).isPositive();
		assertThat(lines.stream().filter(l -> l.startsWith("QSTN001-01")).findFirst().orElseThrow().split(",")[column])
			.isEqualTo("ITC中正四路派出所");
	}

	private String camera(String tag, Long station) {
		return JSON.writeValueAsString(new java.util.LinkedHashMap<>(Map.of("assetTag", tag, "longitude", inXinxing[0],
				"latitude", inXinxing[1], "status", "ACTIVE"))).replace("}", station == null ? "}" : ",\"stationId\":" + station + "}");
	}

	private static List<String> fields(HttpResponse<String> response) {
		return JSON.readTree(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("it-cst-admin:cst-secret".getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", "zh-TW");
		if (json != null) {
			b.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
		}
		b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}
}
