package io.watchkeeper.camera.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.camera.AreaAssignment;
import io.watchkeeper.support.PageSession;
import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Police stations on the real PostGIS: the API, the admin page's upload, stations following locations, boundary conflicts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationsIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AreaAssignment areaAssignment;

	@Autowired
	Stations stations;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void users() {
		TestUsers.ensure(jdbc, "it-station-admin", "station-secret", "ADMIN");
		TestUsers.ensure(jdbc, "it-station-viewer", "station-secret", "VIEWER");
		cleanUp();
	}

	@AfterEach
	void cleanUp() {
		jdbc.update("DELETE FROM camera WHERE asset_tag LIKE 'ITS-%'");
		jdbc.update("UPDATE app_user SET station_id = NULL WHERE username LIKE 'it-station-%'");
		// other tests' cameras may lie inside these stations' boundaries by now: they lose the station, not their rows
		jdbc.update("UPDATE camera SET station_id = NULL WHERE station_id IN (SELECT id FROM station WHERE name_zh LIKE 'ITS%' OR code LIKE 'ITS%')");
		jdbc.update("UPDATE app_user SET station_id = NULL WHERE station_id IN (SELECT id FROM station WHERE name_zh LIKE 'ITS%' OR code LIKE 'ITS%')");
		jdbc.update("DELETE FROM station WHERE name_zh LIKE 'ITS%' OR code LIKE 'ITS%'");
	}

	@Test
	void stationsAreCreatedReadRenamedAndDeletedThroughTheApi() throws Exception {
		long xinxing = precinctId("XINXING");
		HttpResponse<String> created = send("POST", "/api/stations", admin(), "{\"precinctId\":" + xinxing
				+ ",\"nameZh\":\"ITS中正四路派出所\",\"nameEn\":\"Zhongzheng 4th Rd\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode station = JSON.readTree(created.body());
		long id = station.get("id").asLong();
		assertThat(station.get("code").asString()).as("generated from the precinct's code").matches("XINXING-\\d{2,}");
		assertThat(station.get("precinctCode").asString()).isEqualTo("XINXING");
		assertThat(audit("station.created", id)).isEqualTo(1);

		// every role reads; the precinct filter takes a code or an id
		HttpResponse<String> list = send("GET", "/api/stations?precinct=xinxing", viewer(), null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(names(JSON.readTree(list.body()))).contains("ITS中正四路派出所");
		assertThat(names(JSON.readTree(send("GET", "/api/stations?precinct=" + precinctId("GUSHAN"), viewer(), null).body())))
			.doesNotContain("ITS中正四路派出所");
		assertThat(send("GET", "/api/stations?precinct=NOWHERE", viewer(), null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/stations/" + id, viewer(), null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/stations/999999999", viewer(), null).statusCode()).isEqualTo(404);
		assertThat(send("POST", "/api/stations", viewer(), "{\"precinctId\":" + xinxing + ",\"nameZh\":\"ITS其他\"}").statusCode())
			.as("only administrators change stations").isEqualTo(403);

		// bad input names the field; nothing written
		HttpResponse<String> duplicate = send("POST", "/api/stations", admin(), "{\"precinctId\":" + xinxing + ",\"nameZh\":\" ITS中正四路派出所 \"}");
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(fields(duplicate)).containsExactly("nameZh");
		HttpResponse<String> bad = send("POST", "/api/stations", admin(), "{\"nameZh\":\"=HYPERLINK(1)\",\"code\":\"no spaces\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(fields(bad)).containsExactlyInAnyOrder("precinctId", "nameZh", "code");
		assertThat(send("POST", "/api/stations", admin(), "{\"precinctId\":\"x\"}").statusCode()).isEqualTo(400);

		HttpResponse<String> renamed = send("PUT", "/api/stations/" + id, admin(), "{\"precinctId\":" + xinxing
				+ ",\"nameZh\":\"ITS中正派出所\",\"code\":\"its-zz\"}");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		assertThat(JSON.readTree(renamed.body()).get("code").asString()).isEqualTo("ITS-ZZ");
		assertThat(JSON.readTree(renamed.body()).get("nameEn").isNull()).as("a field not sent is cleared (PUT)").isTrue();

		// deletion is refused while a camera belongs to the station
		long camera = jdbc.queryForObject("INSERT INTO camera (asset_tag, precinct_id, station_id) VALUES ('ITS-DEL-01', ?, ?) RETURNING id",
				Long.class, xinxing, id);
		HttpResponse<String> refused = send("DELETE", "/api/stations/" + id, admin(), null);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("ITS中正派出所").contains("1 cameras");
		assertThat(send("PUT", "/api/stations/" + id, admin(), "{\"precinctId\":" + precinctId("GUSHAN") + ",\"nameZh\":\"ITS中正派出所\"}")
			.statusCode()).as("no move to another precinct while cameras belong to it").isEqualTo(409);
		jdbc.update("DELETE FROM camera WHERE id = ?", camera);
		assertThat(send("DELETE", "/api/stations/" + id, admin(), null).statusCode()).isEqualTo(204);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM station WHERE id = ?", Long.class, id)).isZero();
		assertThat(audit("station.deleted", id)).isEqualTo(1);
	}

	@Test
	void anUploadWithBadLinesIsRefusedWholeNamingEveryLineAndAGoodOneIsSaved() throws Exception {
		long before = stationCount();
		String csv = """
				分局,派出所,英文名稱,代碼
				新興分局,ITS中正四路派出所,Zhongzheng,
				火星分局,ITS火星派出所,,
				新興分局,,,
				XINXING,ITS中正四路派出所,,
				鹽埕,ITS大勇派出所,,bad code
				""";
		HttpResponse<String> refused = upload("/api/stations/upload", "stations.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(fields(refused)).containsExactly("line 3: 分局", "line 4: 派出所", "line 5: 派出所", "line 6: 代碼");
		assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("message").asString()).contains("火星分局");
		assertThat(stationCount()).as("nothing written").isEqualTo(before);

		// the admin page says the same, line by line, and writes nothing either
		PageSession page = PageSession.loggedIn(port, "10.9.13.1", "it-station-admin", "station-secret");
		HttpResponse<String> pageAnswer = page.upload("/admin/stations", "/admin/stations/upload", "stations.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(pageAnswer.statusCode()).isEqualTo(200);
		assertThat(pageAnswer.body()).contains("station-upload-problems").contains("line 3: 分局").contains("line 6: 代碼");
		assertThat(stationCount()).isEqualTo(before);

		// English headers, Big5, a precinct by its code or its short name: saved
		String good = "precinct,station,name_en,code\r\nXINXING,ITS中正四路派出所,Zhongzheng,ITS-01\r\n鹽埕,ITS大勇派出所,,\r\n";
		HttpResponse<String> saved = upload("/api/stations/upload", "stations.csv", good.getBytes(Charset.forName("x-windows-950")));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(JSON.readTree(saved.body()).get("created").size()).isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT p.code FROM station s JOIN precinct p ON p.id = s.precinct_id WHERE s.code = 'ITS-01'",
				String.class)).isEqualTo("XINXING");
		assertThat(jdbc.queryForObject("SELECT code FROM station WHERE name_zh = 'ITS大勇派出所'", String.class)).startsWith("YANCHENG-");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'station.uploaded'", Long.class)).isPositive();

		// again with an English name: updated, not duplicated
		HttpResponse<String> again = page.upload("/admin/stations", "/admin/stations/upload", "again.csv",
				"分局,派出所,英文名稱\n鹽埕分局,ITS大勇派出所,Dayong\n".getBytes(StandardCharsets.UTF_8));
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("SELECT name_en FROM station WHERE name_zh = 'ITS大勇派出所'", String.class)).isEqualTo("Dayong");
		assertThat(stationCount()).isEqualTo(before + 2);
	}

	@Test
	void hostileFilesAreRefusedWithTheLineOrFeatureAtFault() throws Exception {
		long before = stationCount();
		byte[] junk = { (byte) 0xFF, (byte) 0xFE, (byte) 0x81, 0x00, (byte) 0x80, (byte) 0xFF, '\n', (byte) 0xC0 };
		HttpResponse<String> notText = upload("/api/stations/upload", "junk.csv", junk);
		assertThat(notText.statusCode()).as(notText.body()).isEqualTo(400);
		assertThat(fields(notText)).containsExactly("file");

		HttpResponse<String> noColumns = upload("/api/stations/upload", "s.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noColumns.statusCode()).isEqualTo(400);
		assertThat(fields(noColumns)).containsExactly("line 1", "line 1");

		HttpResponse<String> controls = upload("/api/stations/upload", "s.csv",
				"分局,派出所\n新興分局,\"ITS<script>\u0007\"\n".getBytes(StandardCharsets.UTF_8));
		assertThat(controls.statusCode()).isEqualTo(400);
		assertThat(fields(controls)).containsExactly("line 2: 派出所");

		String geoJson = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"派出所":"ITS甲派出所"},"geometry":{"type":"Polygon","coordinates":[[[120.30,22.62],[120.31,22.62],[120.31,22.63],[120.30,22.62]]]}},
				 {"type":"Feature","properties":{"precinct":"XINXING","station":"ITS乙派出所"},"geometry":{"type":"Point","coordinates":[120.3,22.6]}}]}""";
		HttpResponse<String> badGeo = upload("/api/stations/upload", "stations.geojson", geoJson.getBytes(StandardCharsets.UTF_8));
		assertThat(badGeo.statusCode()).as(badGeo.body()).isEqualTo(400);
		assertThat(fields(badGeo)).contains("features[0].properties.precinct", "features[1].geometry.type");
		assertThat(stationCount()).as("nothing written").isEqualTo(before);

		// a good GeoJSON file sets boundaries
		String good = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"分局":"新興分局","派出所":"ITS甲派出所"},"geometry":{"type":"Polygon","coordinates":[[[120.30,22.62],[120.31,22.62],[120.31,22.63],[120.30,22.62]]]}}]}""";
		HttpResponse<String> saved = upload("/api/stations/upload", "stations.geojson", good.getBytes(StandardCharsets.UTF_8));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT boundary IS NOT NULL FROM station WHERE name_zh = 'ITS甲派出所'", Boolean.class)).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM station_part sp JOIN station s ON s.id = sp.station_id WHERE s.name_zh = 'ITS甲派出所'",
				Long.class)).isPositive();
	}

	@Test
	void aCameraFollowsTheStationBoundaryOfItsLocation() throws Exception {
		long xinxing = precinctId("XINXING");
		double[] p = jdbc.queryForObject("SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_PointOnSurface(boundary) AS g FROM precinct WHERE code = 'XINXING') x",
				(rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) });
		long inside = stations.create(new Stations.StationInput(xinxing, "ITS圈內派出所", null, null)).id();
		long other = stations.create(new Stations.StationInput(xinxing, "ITS其他派出所", null, null)).id();
		// a small square around the point
		String square = "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
			.formatted(p[0] - 0.0005, p[1] - 0.0005, p[0] + 0.0005, p[1] + 0.0005);
		HttpResponse<String> boundary = send("PUT", "/api/stations/" + inside + "/boundary", admin(), square);
		assertThat(boundary.statusCode()).as(boundary.body()).isEqualTo(200);
		assertThat(JSON.readTree(boundary.body()).get("hasBoundary").asBoolean()).isTrue();
		// a boundary far from the station's precinct (near Keelung) is refused, and the one it had stays
		HttpResponse<String> far = send("PUT", "/api/stations/" + other + "/boundary", admin(),
				"{\"type\":\"Polygon\",\"coordinates\":[[[121.9,25.0],[121.95,25.0],[121.95,25.05],[121.9,25.05],[121.9,25.0]]]}");
		assertThat(far.statusCode()).as(far.body()).isEqualTo(400);
		assertThat(far.body()).contains("ITS其他派出所");
		assertThat(jdbc.queryForObject("SELECT boundary IS NULL FROM station WHERE id = ?", Boolean.class, other)).isTrue();

		long camera = jdbc.queryForObject("INSERT INTO camera (asset_tag, location) VALUES ('ITS-PIP-01', ST_SetSRID(ST_MakePoint(?, ?), 4326)) RETURNING id",
				Long.class, p[0], p[1]);
		areaAssignment.assignCameras(camera);
		assertThat(stationOf(camera)).as("inside the station's boundary").isEqualTo(inside);

		// set by hand to another station of the same precinct, then moved out of every station boundary: it keeps it
		jdbc.update("UPDATE camera SET station_id = ?, location = ST_Translate(location, 0.002, 0) WHERE id = ?", other, camera);
		areaAssignment.assignCameras(camera);
		assertThat(jdbc.queryForObject("SELECT precinct_id FROM camera WHERE id = ?", Long.class, camera)).isEqualTo(xinxing);
		assertThat(stationOf(camera)).as("no boundary holds it: the station of its precinct stays").isEqualTo(other);

		// moved back in by assignAll (only changed rows written)
		jdbc.update("UPDATE camera SET location = ST_Translate(location, -0.002, 0) WHERE id = ?", camera);
		assertThat(areaAssignment.assignAll()).isGreaterThanOrEqualTo(1);
		assertThat(stationOf(camera)).isEqualTo(inside);
		assertThat(areaAssignment.assignAll()).as("nothing changes twice").isZero();

		// moved into another precinct: the station does not go with it
		jdbc.update("UPDATE camera SET location = (SELECT ST_PointOnSurface(boundary) FROM precinct WHERE code = 'GUSHAN') WHERE id = ?", camera);
		areaAssignment.assignCameras(camera);
		assertThat(stationOf(camera)).isNull();

		// a camera whose area was set by hand is left alone
		jdbc.update("UPDATE camera SET area_overridden = true, station_id = ?, precinct_id = ? WHERE id = ?", other, xinxing, camera);
		areaAssignment.assignAll();
		assertThat(stationOf(camera)).isEqualTo(other);
	}

	@Test
	void boundaryReplacementThatDropsAPrecinctWithStationsIsAConflictNamingThem() throws Exception {
		ObjectNode file = (ObjectNode) JSON.readTree(BoundariesIT.bundled("gis/kaohsiung-precincts.geojson"));
		((ArrayNode) file.get("features")).add(JSON.readTree("""
				{"type":"Feature","properties":{"code":"ITS_HARBOUR","name_zh":"ITS港務分局","name_en":"ITS Harbour Precinct"},
				 "geometry":{"type":"Polygon","coordinates":[[[120.20,22.55],[120.22,22.55],[120.22,22.57],[120.20,22.57],[120.20,22.55]]]}}"""));
		assertThat(replacePrecincts(JSON.writeValueAsBytes(file)).statusCode()).isEqualTo(200);
		try {
			stations.create(new Stations.StationInput(precinctId("ITS_HARBOUR"), "ITS碼頭派出所", null, null));
			HttpResponse<String> conflict = replacePrecincts(BoundariesIT.bundled("gis/kaohsiung-precincts.geojson"));
			assertThat(conflict.statusCode()).isEqualTo(409);
			assertThat(conflict.body()).contains("ITS_HARBOUR").contains("ITS碼頭派出所");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM precinct WHERE code = 'ITS_HARBOUR'", Long.class)).isOne();

			// the admin page says so too
			PageSession page = PageSession.loggedIn(port, "10.9.13.2", "it-station-admin", "station-secret");
			HttpResponse<String> shown = page.upload("/admin/boundaries", "/admin/boundaries?kind=precinct", "precincts.geojson",
					BoundariesIT.bundled("gis/kaohsiung-precincts.geojson"));
			assertThat(shown.body()).contains("ITS碼頭派出所");
		}
		finally {
			jdbc.update("DELETE FROM station WHERE name_zh LIKE 'ITS%'");
			assertThat(replacePrecincts(BoundariesIT.bundled("gis/kaohsiung-precincts.geojson")).statusCode()).isEqualTo(200);
		}
	}

	private HttpResponse<String> replacePrecincts(byte[] body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri("/api/admin/boundaries/precincts")).header("Authorization", admin())
			.header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private Long stationOf(long camera) {
		return jdbc.queryForObject("SELECT station_id FROM camera WHERE id = ?", Long.class, camera);
	}

	private long precinctId(String code) {
		return jdbc.queryForObject("SELECT id FROM precinct WHERE code = ?", Long.class, code);
	}

	private long stationCount() {
		return jdbc.queryForObject("SELECT count(*) FROM station", Long.class);
	}

	private long audit(String action, long id) {
		return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = ? AND object_id = ?", Long.class, action,
				String.valueOf(id));
	}

	private static List<String> names(JsonNode list) {
		return list.valueStream().map(s -> s.get("nameZh").asString()).toList();
	}

	private static List<String> fields(HttpResponse<String> response) {
		return JSON.readTree(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String admin() {
		return basic("it-station-admin");
	}

	private static String viewer() {
		return basic("it-station-viewer");
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":station-secret").getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(String method, String path, String auth, String json) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Authorization", auth);
		if (json != null) {
			b.header("Content-Type", "application/json");
		}
		b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> upload(String path, String fileName, byte[] content) throws Exception {
		String boundary = "----its" + UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", admin())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
	}
}
