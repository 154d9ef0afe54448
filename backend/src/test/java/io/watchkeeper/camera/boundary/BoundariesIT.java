package io.watchkeeper.camera.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Boundaries on the real PostGIS: bundled load on start, replacement through the API, bad files refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoundariesIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AreaAssignment areaAssignment;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void users() {
		TestUsers.ensure(jdbc, "it-boundary-admin", "boundary-secret", "ADMIN");
		TestUsers.ensure(jdbc, "it-boundary-viewer", "boundary-secret", "VIEWER");
	}

	@AfterEach
	void restoreBundledBoundaries() throws Exception {
		jdbc.update("DELETE FROM camera WHERE asset_tag LIKE 'ITB-%'");
		jdbc.update("DELETE FROM maintenance_contract_precinct WHERE contract_id IN (SELECT id FROM maintenance_contract WHERE code = 'ITB-CONTRACT')");
		jdbc.update("DELETE FROM maintenance_contract WHERE code = 'ITB-CONTRACT'");
		jdbc.update("DELETE FROM vendor WHERE code = 'ITB-VENDOR'");
		HttpResponse<String> restored = postJson("precincts", bundled("gis/kaohsiung-precincts.geojson"));
		assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
		assertThat(postJson("districts", bundled("gis/kaohsiung-districts.geojson")).statusCode()).isEqualTo(200);
	}

	@Test
	void bundledKaohsiungBoundariesAreLoadedOnStart() {
		// other tests in the same database add test areas of their own (codes IT...), hence the filter
		assertThat(jdbc.queryForObject("SELECT count(*) FROM precinct WHERE code NOT LIKE 'IT%'", Integer.class)).isEqualTo(17);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM district WHERE code NOT LIKE 'IT%'", Integer.class)).isEqualTo(38);
		assertThat(jdbc.queryForObject("SELECT name_zh FROM district WHERE code = 'YONGAN'", String.class)).isEqualTo("永安區");
		assertThat(jdbc.queryForObject("SELECT name_zh FROM precinct WHERE code = 'SANMIN2'", String.class)).isEqualTo("三民第二分局");
		assertThat(jdbc.queryForObject("SELECT bool_and(ST_IsValid(boundary) AND ST_SRID(boundary) = 4326) FROM precinct", Boolean.class)).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(DISTINCT pp.precinct_id) FROM precinct_part pp JOIN precinct p ON p.id = pp.precinct_id WHERE p.code NOT LIKE 'IT%'", Integer.class))
			.as("every precinct is cut into pieces for point in polygon").isEqualTo(17);
		assertThat(jdbc.queryForObject("SELECT count(DISTINCT dp.district_id) FROM district_part dp JOIN district d ON d.id = dp.district_id WHERE d.code NOT LIKE 'IT%'", Integer.class)).isEqualTo(38);
		assertThat(jdbc.queryForObject("SELECT max(ST_NPoints(geom)) FROM district_part", Integer.class)).isLessThanOrEqualTo(128);
		// The pieces cover exactly the boundary.
		assertThat(jdbc.queryForObject("""
				SELECT max(abs(ST_Area(d.boundary) - (SELECT sum(ST_Area(p.geom)) FROM district_part p WHERE p.district_id = d.id)) / ST_Area(d.boundary))
				  FROM district d""", Double.class)).isLessThan(1e-9);
	}

	@Test
	void pointInPolygonPlacesACameraInItsPrecinctAndDistrict() {
		long id = cameraAt("ITB-PIP-1", "YANCHENG", false);
		assertThat(areaAssignment.assignCameras(id)).isEqualTo(1);
		assertThat(areaOf(id)).containsExactly("YANCHENG", "YANCHENG");
	}

	@Test
	void replacingPrecinctsMovesCamerasNotSetByHandAndIsAudited() throws Exception {
		long moving = cameraAt("ITB-MOVE-1", "YANCHENG", false);
		long byHand = cameraAt("ITB-HAND-1", "YANCHENG", true);
		jdbc.update("UPDATE camera SET precinct_id = (SELECT id FROM precinct WHERE code = 'GUSHAN') WHERE id = ?", byHand);
		areaAssignment.assignCameras(moving);
		assertThat(areaOf(moving).get(0)).isEqualTo("YANCHENG");
		long auditBefore = auditCount();

		// The modified file: Yancheng and Xinxing swap their areas, and a new precinct appears off the coast.
		ObjectNode file = (ObjectNode) JSON.readTree(bundled("gis/kaohsiung-precincts.geojson"));
		ObjectNode yancheng = feature(file, "YANCHENG");
		ObjectNode xinxing = feature(file, "XINXING");
		JsonNode geometry = yancheng.get("geometry");
		yancheng.set("geometry", xinxing.get("geometry"));
		xinxing.set("geometry", geometry);
		((ArrayNode) file.get("features")).add(JSON.readTree("""
				{"type":"Feature","properties":{"code":"itb_harbour","name_zh":"港務分局","name_en":"Harbour Precinct"},
				 "geometry":{"type":"Polygon","coordinates":[[[120.20,22.55],[120.22,22.55],[120.22,22.57],[120.20,22.57],[120.20,22.55]]]}}"""));

		HttpResponse<String> response = postMultipart("precincts", "precincts-2024.geojson", JSON.writeValueAsBytes(file));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = JSON.readTree(response.body());
		assertThat(result.get("features").asInt()).isEqualTo(18);
		assertThat(result.get("inserted").toString()).isEqualTo("[\"ITB_HARBOUR\"]");
		assertThat(result.get("updated").size()).isEqualTo(17);
		assertThat(result.get("removed").size()).isZero();
		assertThat(result.get("camerasReassigned").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(areaOf(moving).get(0)).as("the camera now lies in the area called Xinxing").isEqualTo("XINXING");
		assertThat(areaOf(byHand).get(0)).as("a precinct set by hand stays").isEqualTo("GUSHAN");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM precinct_part WHERE precinct_id = (SELECT id FROM precinct WHERE code = 'ITB_HARBOUR')", Integer.class))
			.isEqualTo(1);
		assertThat(auditCount()).isEqualTo(auditBefore + 1);
		JsonNode details = JSON.readTree(jdbc.queryForObject("""
				SELECT details::text FROM audit_event WHERE action = 'boundaries.replaced' AND object_type = 'precinct'
				 ORDER BY id DESC LIMIT 1""", String.class));
		assertThat(details.get("file").asString()).isEqualTo("precincts-2024.geojson");
		assertThat(details.get("inserted").asInt()).isEqualTo(1);
		assertThat(details.get("updated").asInt()).isEqualTo(17);
		assertThat(details.get("camerasReassigned").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'boundaries.replaced' ORDER BY id DESC LIMIT 1", String.class))
			.isEqualTo("it-boundary-admin");

		// Back to the bundled file: the extra precinct is removed because nothing refers to it.
		HttpResponse<String> back = postJson("precincts", bundled("gis/kaohsiung-precincts.geojson"));
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(back.body()).get("removed").toString()).isEqualTo("[\"ITB_HARBOUR\"]");
		assertThat(areaOf(moving).get(0)).isEqualTo("YANCHENG");
	}

	@Test
	void districtsGetCodesFromTheirEnglishNames() throws Exception {
		HttpResponse<String> response = postJson("districts", bundled("gis/kaohsiung-districts.geojson"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = JSON.readTree(response.body());
		assertThat(result.get("updated").size()).isEqualTo(38);
		assertThat(result.get("inserted").size()).isZero();
		assertThat(result.get("camerasReassigned").asInt()).as("same boundaries, nobody moves").isZero();
	}

	@Test
	void leavingOutAPrecinctThatAContractCoversIsRefused() throws Exception {
		jdbc.update("INSERT INTO vendor (code, name_zh) VALUES ('ITB-VENDOR', '測試廠商')");
		jdbc.update("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, starts_on, ends_on)
				SELECT 'ITB-CONTRACT', id, '測試維護案', DATE '2023-01-01', DATE '2023-12-31' FROM vendor WHERE code = 'ITB-VENDOR'""");
		jdbc.update("""
				INSERT INTO maintenance_contract_precinct (contract_id, precinct_id)
				SELECT (SELECT id FROM maintenance_contract WHERE code = 'ITB-CONTRACT'), id FROM precinct WHERE code = 'YANCHENG'""");
		ObjectNode file = (ObjectNode) JSON.readTree(bundled("gis/kaohsiung-precincts.geojson"));
		ArrayNode features = (ArrayNode) file.get("features");
		for (int i = 0; i < features.size(); i++) {
			if ("YANCHENG".equals(features.get(i).get("properties").get("code").asString())) {
				features.remove(i);
				break;
			}
		}
		String before = fingerprint();
		HttpResponse<String> response = postJson("precincts", JSON.writeValueAsBytes(file));
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("YANCHENG").contains("1 maintenance contracts");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void badFilesAreRejectedNamingFeatureAndFieldAndChangeNothing() throws Exception {
		String before = fingerprint();
		long auditBefore = auditCount();

		assertRejected(postJson("precincts", "{\"type\": \"FeatureCollection\", \"features\": [".getBytes()), "file",
				"not valid JSON");
		assertRejected(postJson("precincts", new byte[0]), "file", "empty");
		assertRejected(postJson("precincts", "{\"type\":\"Feature\"}".getBytes()), "type", "FeatureCollection");
		assertRejected(postJson("precincts", "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes()), "features",
				"no features");

		ObjectNode file = (ObjectNode) JSON.readTree(bundled("gis/kaohsiung-precincts.geojson"));
		ArrayNode features = (ArrayNode) file.get("features");
		((ObjectNode) features.get(2).get("properties")).remove("code");
		((ObjectNode) features.get(4).get("properties")).put("name_en", " ");
		((ObjectNode) features.get(5)).set("geometry", JSON.readTree("{\"type\":\"Point\",\"coordinates\":[120.3,22.6]}"));
		((ObjectNode) features.get(6)).set("geometry", JSON.readTree(
				"{\"type\":\"Polygon\",\"coordinates\":[[[22.60,120.30],[22.62,120.30],[22.62,120.32],[22.60,120.30]]]}"));
		((ObjectNode) features.get(7)).set("geometry", JSON.readTree(
				"{\"type\":\"Polygon\",\"coordinates\":[[[120.30,22.60],[120.31,22.60],[120.31,22.61],[120.30,22.61]]]}"));
		((ObjectNode) features.get(8).get("properties")).put("code", "LINGYA");
		((ObjectNode) features.get(9).get("properties")).put("code", "bad code!");
		HttpResponse<String> response = postMultipart("precincts", "broken.geojson", JSON.writeValueAsBytes(file));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode errors = JSON.readTree(response.body()).get("errors");
		assertThat(fields(errors)).containsExactlyInAnyOrder("features[2].properties.code", "features[4].properties.name_en",
				"features[5].geometry.type", "features[6].geometry.coordinates[0][0]", "features[7].geometry.coordinates[0]",
				"features[8].properties.code", "features[9].properties.code");
		assertThat(messageOf(errors, "features[6].geometry.coordinates[0][0]")).contains("swapped");
		assertThat(messageOf(errors, "features[7].geometry.coordinates[0]")).contains("not closed");
		assertThat(messageOf(errors, "features[8].properties.code")).contains("appears twice");

		assertThat(fingerprint()).as("nothing changed").isEqualTo(before);
		assertThat(auditCount()).as("nothing audited").isEqualTo(auditBefore);
	}

	@Test
	void selfIntersectingPolygonsAreMadeValidAndReported() throws Exception {
		ObjectNode file = (ObjectNode) JSON.readTree(bundled("gis/kaohsiung-districts.geojson"));
		((ArrayNode) file.get("features")).add(JSON.readTree("""
				{"type":"Feature","properties":{"name_zh":"測試區","name_en":"Bow Tie"},
				 "geometry":{"type":"Polygon","coordinates":[[[120.20,22.50],[120.22,22.52],[120.22,22.50],[120.20,22.52],[120.20,22.50]]]}}"""));
		HttpResponse<String> response = postJson("districts", JSON.writeValueAsBytes(file));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = JSON.readTree(response.body());
		assertThat(result.get("inserted").toString()).isEqualTo("[\"BOWTIE\"]");
		assertThat(result.get("repaired").valueStream().map(JsonNode::asString))
			.anySatisfy(r -> assertThat(r).startsWith("BOWTIE: Self-intersection"));
		assertThat(jdbc.queryForObject("SELECT ST_IsValid(boundary) AND ST_NumGeometries(boundary) = 2 FROM district WHERE code = 'BOWTIE'",
				Boolean.class)).isTrue();
	}

	@Test
	void onlyAdminsMayReplaceBoundaries() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/admin/boundaries/precincts"))
			.header("Authorization", basic("it-boundary-viewer", "boundary-secret"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bundled("gis/kaohsiung-precincts.geojson"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(postJson("villages", bundled("gis/kaohsiung-precincts.geojson")).statusCode()).isEqualTo(404);
	}

	private long cameraAt(String tag, String precinctCode, boolean overridden) {
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, location, area_overridden)
				SELECT ?, ST_PointOnSurface(boundary), ? FROM precinct WHERE code = ? RETURNING id""", Long.class,
				tag, overridden, precinctCode);
	}

	private List<String> areaOf(long cameraId) {
		return jdbc.queryForObject("""
				SELECT p.code, d.code FROM camera c LEFT JOIN precinct p ON p.id = c.precinct_id
				  LEFT JOIN district d ON d.id = c.district_id WHERE c.id = ?""",
				(rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2)), cameraId);
	}

	private String fingerprint() {
		return jdbc.queryForObject("""
				SELECT (SELECT string_agg(code || name_zh || md5(ST_AsBinary(boundary)), ',' ORDER BY code) FROM precinct)
				    || (SELECT string_agg(code || md5(ST_AsBinary(boundary)), ',' ORDER BY code) FROM district)
				    || (SELECT count(*) FROM precinct_part)""", String.class);
	}

	private long auditCount() {
		return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'boundaries.replaced'", Long.class);
	}

	private static ObjectNode feature(ObjectNode file, String code) {
		for (JsonNode feature : file.get("features")) {
			if (code.equals(feature.get("properties").get("code").asString())) {
				return (ObjectNode) feature;
			}
		}
		throw new AssertionError("no feature " + code);
	}

	private static void assertRejected(HttpResponse<String> response, String field, String messagePart) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode errors = JSON.readTree(response.body()).get("errors");
		assertThat(fields(errors)).containsExactly(field);
		assertThat(errors.get(0).get("message").asString()).containsIgnoringCase(messagePart);
	}

	private static List<String> fields(JsonNode errors) {
		return errors.valueStream().map(e -> e.get("field").asString()).toList();
	}

	private static String messageOf(JsonNode errors, String field) {
		return errors.valueStream().filter(e -> field.equals(e.get("field").asString())).findFirst()
			.map(e -> e.get("message").asString()).orElseThrow();
	}

	static byte[] bundled(String resource) throws IOException {
		try (InputStream in = BoundariesIT.class.getClassLoader().getResourceAsStream(resource)) {
			return in.readAllBytes();
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> postJson(String kind, byte[] body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri("/api/admin/boundaries/" + kind))
			.header("Authorization", basic("it-boundary-admin", "boundary-secret"))
			.header("Content-Type", "application/geo+json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postMultipart(String kind, String fileName, byte[] content) throws Exception {
		String boundary = "----itb" + UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/geo+json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(uri("/api/admin/boundaries/" + kind))
			.header("Authorization", basic("it-boundary-admin", "boundary-secret"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
	}
}
