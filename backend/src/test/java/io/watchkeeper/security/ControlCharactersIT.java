package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A control character (NUL above all, which PostgreSQL cannot store) in any text that comes in is refused with a
 * 400 naming the field, never a 500: JSON bodies, query parameters, form posts on pages, the importer's cells and
 * headers.
 */
class ControlCharactersIT extends SecurityHttpSupport {

	private HttpResponse<String> json(String method, String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", basic(user(Role.DISPATCHER), PASSWORD))
			.header("X-Forwarded-For", newAddress())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, BodyPublishers.ofString(body)));
	}

	@Test
	void aNulInACameraAddressOrNotesIsA400NamingTheField() {
		HttpResponse<String> address = json("POST", "/api/cameras", """
				{"assetTag": "NUL001-01", "address": "博愛一路\\u0000號"}""");
		assertProblem(address, "address");
		assertThat(address.body()).contains("U+0000");
		HttpResponse<String> notes = json("POST", "/api/cameras", """
				{"assetTag": "NUL001-02", "notes": "line one\\nline two\\u001b[31m"}""");
		assertProblem(notes, "notes");
		assertThat(notes.body()).contains("U+001B");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'NUL001%'", Integer.class)).isZero();
	}

	@Test
	void multiLineNotesAreStillAccepted() {
		HttpResponse<String> created = json("POST", "/api/cameras", """
				{"assetTag": "NUL002-01", "notes": "line one\\r\\nline two\\tindented"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@Test
	void aNulInAQueryParameterIsA400NamingTheParameter() {
		HttpResponse<String> response = api("GET", "/api/cameras?q=abc%00def", user(Role.VIEWER), PASSWORD);
		assertProblem(response, "q");
		HttpResponse<String> workOrders = api("GET", "/api/work-orders?camera=LAAA%00", user(Role.DISPATCHER), PASSWORD);
		assertProblem(workOrders, "camera");
	}

	@Test
	void aNulInAPageFormShowsAnErrorNextToTheField() {
		Browser dispatcher = loggedIn(user(Role.DISPATCHER));
		HttpResponse<String> page = dispatcher.submit("/cameras/new", "/cameras/new",
				Map.of("assetTag", "NUL003-01", "address", "博愛一路\u0000號", "serviceLifeYears", "8", "lpr", "NONE",
						"status", "ACTIVE"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"address-error\"").contains("控制字元");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag = 'NUL003-01'", Integer.class)).isZero();
	}

	@Test
	void aNulInACsvCellRejectsTheRowNamingLineAndColumn() {
		HttpResponse<String> response = importCsv("編號,安裝地址,經度,緯度\nNUL004-01,高雄市\u0000苓雅區,120.3014,22.6209\n"
				+ "NUL004-02,高雄市苓雅區,120.3015,22.6209\n");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"REJECTED\"", "\"line\":2", "\"field\":\"ADDRESS\"");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'NUL004%'", Integer.class)).isZero();
	}

	@Test
	void rawNulBytesInACsvAreRefusedNotAServerError() {
		for (String csv : new String[] { "編號,安裝地址,經度,緯度\nNUL005-01\u0000,高雄市,120.3014,22.6209\n",
				"編號,安裝\u0000地址,經度,緯度\nNUL005-02,高雄市,120.3014,22.6209\n",
				"編號,安裝地址,經度,緯度\nNUL005-03,高雄市,120.3014\u0000,22.6209\n" }) {
			HttpResponse<String> response = importCsv(csv);
			assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
			assertThat(response.body()).doesNotContain("\"status\":\"APPLIED\"").doesNotContain("Internal");
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'NUL005%'", Integer.class)).isZero();
	}

	private HttpResponse<String> importCsv(String csv) {
		try {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cams.csv\"\r\n"
					+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(csv.getBytes(StandardCharsets.UTF_8));
			body.write("\r\n--XYZ--\r\n".getBytes(StandardCharsets.UTF_8));
			return send(HttpRequest.newBuilder(uri("/api/imports?dryRun=false"))
				.header("Authorization", basic(user(Role.DISPATCHER), PASSWORD))
				.header("X-Forwarded-For", newAddress())
				.header("Content-Type", "multipart/form-data; boundary=XYZ")
				.header("Accept", "application/json")
				.POST(BodyPublishers.ofByteArray(body.toByteArray())));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void assertProblem(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"field\":\"" + field + "\"");
	}
}
