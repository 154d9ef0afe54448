package io.watchkeeper.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.watchkeeper.support.PageSession;

/** The case pages over real HTTP with a form-login session: open, canvass, request footage, answer, outcome, close. */
class CasePagesIT extends InvestigationHttp {

	@Test
	void anInvestigatorWorksACaseFromThePages() {
		double lon = 120.90 + Math.random() * 0.2;
		double lat = 23.30 + Math.random() * 0.2;
		long camera = camera(lon + 0.0002, lat, 270);
		PageSession browser = loggedIn(INVESTIGATOR_A);
		assertThat(browser.get("/cases?lang=en").body()).contains("id=\"nav-cases\"", "Case figures", "Open a case");

		String number = caseNumber("PG");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("caseNumber", number);
		form.put("title", "Robbery at an ATM");
		form.put("incidentFrom", "2023-03-30T10:15");
		form.put("longitude", String.valueOf(lon));
		form.put("latitude", String.valueOf(lat));
		HttpResponse<String> refused = browser.submit("/cases/new", "/cases", Map.of("caseNumber", "", "title", "t"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("data-field=\"caseNumber\"");
		HttpResponse<String> opened = browser.submit("/cases/new", "/cases", form);
		assertThat(opened.statusCode()).isEqualTo(302);
		String casePath = opened.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		long caseId = Long.parseLong(casePath.substring(casePath.lastIndexOf('/') + 1));
		assertThat(browser.get(casePath + "?lang=en").body()).contains(number, "Robbery at an ATM", "/map?case=" + caseId);

		HttpResponse<String> ran = browser.submit(casePath, casePath + "/canvasses", Map.of("longitude", String.valueOf(lon),
				"latitude", String.valueOf(lat), "radiusM", "100", "from", "2023-03-30T02:15:00Z", "to", "2023-03-30T02:45:00Z"));
		String canvassPath = ran.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(canvassPath).contains("/canvasses/");
		String canvassPage = browser.get(canvassPath + "?lang=en").body();
		String tag = jdbc.queryForObject("SELECT asset_tag FROM camera WHERE id = ?", String.class, camera);
		assertThat(canvassPage).contains(tag, "Cameras found: 1", "expired", "Request footage", "/csv");
		long canvassId = Long.parseLong(canvassPath.substring(canvassPath.lastIndexOf('/') + 1));
		assertThat(browser.get(canvassPath + "/print?lang=en").body()).contains("Canvass list of case " + number, tag, "print-map");

		browser.submit(canvassPath, casePath + "/footage-requests", Map.of("canvassId", String.valueOf(canvassId),
				"cameraId", String.valueOf(camera), "priority", "URGENT"));
		long requestId = jdbc.queryForObject("SELECT id FROM footage_request WHERE case_id = ?", Long.class, caseId);
		assertThat(browser.get(casePath + "?lang=en").body()).contains("Urgent (12 h)", "late", "answer-form");
		browser.submit(casePath, casePath + "/footage-requests/" + requestId + "/answer", Map.of("state", "DELIVERED", "reason", ""));
		browser.submit(casePath, casePath + "/footage-requests/" + requestId + "/outcome", Map.of("outcome", "USEFUL"));
		browser.submit(casePath, casePath + "/close", Map.of("result", "SOLVED", "footageContributed", "", "reason", ""));
		String closed = browser.get(casePath + "?lang=zh-TW").body();
		assertThat(closed).contains("已破案", "有助破案").doesNotContain("id=\"close-form\"");
		assertThat(jdbc.queryForObject("SELECT outcome FROM footage_request WHERE id = ?", String.class, requestId)).isEqualTo("USEFUL");

		assertThat(loggedIn(INVESTIGATOR_B).get(casePath).statusCode()).as("another precinct's case").isEqualTo(404);
		assertThat(loggedIn(DISPATCHER).get(casePath).statusCode()).isEqualTo(403);
		assertThat(loggedIn(DISPATCHER).get("/cases").body()).doesNotContain("nav-cases");
	}
}
