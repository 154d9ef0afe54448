package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * Adding and changing funding sources on the /procurement pages and through the API, over real HTTP: only
 * ADMIN and PROCUREMENT may, the page keeps CSRF, ROC years and NT$ amounts are read, mistakes are named by
 * field, duplicates are refused, and every change is audited. (Here rather than in the procurement module's
 * tests because the logged-in HTTP client with CSRF lives in this package's {@link SecurityHttpSupport}.)
 */
class FundingSourceEditingIT extends SecurityHttpSupport {

	private static String freshCode(String prefix) {
		return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
	}

	private HttpResponse<String> json(String method, String path, String user, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.method(method, BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-Forwarded-For", "198.51.100.77")
			.header("Authorization", basic(user, PASSWORD)));
	}

	private static String source(String code, String year, String amount) {
		return """
				{"code":"%s","kind":"CENTRAL_SUBSIDY","nameZh":"測試中央補助 %s","nameEn":"Test subsidy","sponsor":"內政部警政署",
				 "fiscalYear":"%s","amount":"%s"}""".formatted(code, code, year, amount);
	}

	@Test
	void procurementAddsASourceThroughTheApiWithAnRocYearAndAnNtAmountAndItIsAudited() {
		String code = freshCode("itf-api");
		HttpResponse<String> created = json("POST", "/api/funding-sources", user(Role.PROCUREMENT),
				source(code, "112", "NT$20,526,000"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"code\":\"" + code.toUpperCase() + "\"", "\"fiscalYear\":2023",
				"\"rocYear\":112", "\"amountNtd\":20526000");
		long id = jdbc.queryForObject("SELECT id FROM funding_source WHERE code = ?", Long.class, code.toUpperCase());
		assertThat(created.headers().firstValue("Location")).hasValue("/api/funding-sources/" + id);
		assertThat(jdbc.queryForMap("SELECT kind, fiscal_year, amount_ntd, sponsor FROM funding_source WHERE id = ?", id))
			.containsEntry("kind", "CENTRAL_SUBSIDY").containsEntry("fiscal_year", 2023)
			.containsEntry("amount_ntd", 20_526_000L).containsEntry("sponsor", "內政部警政署");
		assertThat(jdbc.queryForMap("""
				SELECT actor, remote_addr, details->>'amountNtd' AS amount FROM audit_event
				 WHERE action = 'funding_source.created' AND object_type = 'funding_source' AND object_id = ?""",
				String.valueOf(id)))
			.containsEntry("actor", user(Role.PROCUREMENT)).containsEntry("amount", "20526000");
		assertThat(get("/api/funding-sources", Role.VIEWER).body()).as("listed for every role").contains(code.toUpperCase());

		HttpResponse<String> changed = json("PUT", "/api/funding-sources/" + id, user(Role.ADMIN),
				source(code, "2023", "21000000"));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT amount_ntd FROM funding_source WHERE id = ?", Long.class, id))
			.isEqualTo(21_000_000L);
		assertThat(jdbc.queryForObject("""
				SELECT details->>'amountNtd' FROM audit_event
				 WHERE action = 'funding_source.updated' AND object_id = ? AND actor = ?""", String.class,
				String.valueOf(id), user(Role.ADMIN))).isEqualTo("[20526000, 21000000]");
		assertThat(json("PUT", "/api/funding-sources/987654321", user(Role.ADMIN), source(freshCode("itf"), "2023", "1"))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void duplicatesAndBadFieldsAreRefusedWithProblemDetailsNamingTheFields() {
		String code = freshCode("ITF-DUP");
		assertThat(json("POST", "/api/funding-sources", user(Role.ADMIN), source(code, "2024", "1000")).statusCode())
			.isEqualTo(201);
		HttpResponse<String> again = json("POST", "/api/funding-sources", user(Role.ADMIN),
				source(code.toLowerCase(), "2024", "1000"));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("\"field\":\"code\"", "another funding source has the code");
		HttpResponse<String> sameSource = json("POST", "/api/funding-sources", user(Role.ADMIN),
				source(code, "2024", "1000").replace("\"code\":\"" + code + "\"", "\"code\":\"" + code + "-B\""));
		assertThat(sameSource.statusCode()).as("same kind, sponsor, year and name under another code").isEqualTo(409);
		assertThat(sameSource.body()).contains("\"field\":\"nameZh\"");

		HttpResponse<String> bad = json("POST", "/api/funding-sources", user(Role.ADMIN), """
				{"code":"no spaces","kind":"MONEY","nameZh":"","fiscalYear":"1800","amount":"1.5"}""");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		for (String field : List.of("code", "kind", "nameZh", "fiscalYear", "amount")) {
			assertThat(bad.body()).contains("\"field\":\"" + field + "\"");
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_source WHERE upper(code) LIKE ?", Long.class,
				code + "%")).isEqualTo(1);
	}

	@Test
	void onlyAdminsAndProcurementMayAddOrChangeSources() {
		for (Role role : Role.values()) {
			boolean editor = role == Role.ADMIN || role == Role.PROCUREMENT;
			HttpResponse<String> post = json("POST", "/api/funding-sources", user(role),
					source(freshCode("ITF-ROLE"), "2024", "1"));
			assertThat(post.statusCode()).as("POST by " + role).isEqualTo(editor ? 201 : 403);
			Browser browser = loggedIn(user(role));
			assertThat(browser.get("/procurement/funding-sources/new").statusCode()).as("form for " + role)
				.isEqualTo(editor ? 200 : 403);
			assertThat(browser.get("/procurement?lang=en").body().contains("id=\"new-funding-source\""))
				.as("the button for " + role).isEqualTo(editor);
		}
		assertThat(api("POST", "/api/funding-sources", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void theFormTakesAnRocYearShowsMistakesNextToTheFieldsAndKeepsCsrf() {
		Browser procurement = loggedIn(user(Role.PROCUREMENT));
		String code = freshCode("ITF-PAGE");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("code", code);
		fields.put("kind", "SOE_COMMUNITY_FUND");
		fields.put("nameZh", "測試台電促協金 " + code);
		fields.put("nameEn", "");
		fields.put("sponsor", "台灣電力公司");
		fields.put("fiscalYear", "民國112年");
		fields.put("amount", "3,500,000 元");

		assertThat(procurement.post("/procurement/funding-sources", fields).statusCode()).as("no CSRF token")
			.isEqualTo(403);

		Map<String, String> wrong = new LinkedHashMap<>(fields);
		wrong.put("fiscalYear", "三年");
		wrong.put("amount", "-5");
		HttpResponse<String> refused = procurement.submit("/procurement/funding-sources/new?lang=zh-TW",
				"/procurement/funding-sources", wrong);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).containsPattern("id=\"fiscalYear-error\">不是 1990 至 2100 年（民國 79 至 189 年）之間的年度：三年<")
			.containsPattern("id=\"amount-error\">不是以新臺幣元為單位的整數金額：-5<")
			.doesNotContain("id=\"code-error\"").contains("value=\"" + code + "\"");

		HttpResponse<String> saved = procurement.submit("/procurement/funding-sources/new", "/procurement/funding-sources",
				fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/procurement#funding");
		Map<String, Object> row = jdbc.queryForMap(
				"SELECT id, fiscal_year, amount_ntd, name_en FROM funding_source WHERE code = ?", code);
		assertThat(row).containsEntry("fiscal_year", 2023).containsEntry("amount_ntd", 3_500_000L)
			.containsEntry("name_en", null);
		String list = procurement.get("/procurement?lang=zh-TW").body();
		assertThat(list).contains("已新增經費來源 " + code + "。", code, "測試台電促協金 " + code);

		String edit = procurement.get("/procurement/funding-sources/" + row.get("id") + "/edit?lang=zh-TW").body();
		assertThat(edit).contains("value=\"2023\"", "2023（民國112年）", "value=\"3500000\"");
		Map<String, String> renamed = new LinkedHashMap<>(fields);
		renamed.put("nameEn", "Test community fund");
		HttpResponse<String> update = procurement.submit("/procurement/funding-sources/" + row.get("id") + "/edit",
				"/procurement/funding-sources/" + row.get("id"), renamed);
		assertThat(update.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("SELECT name_en FROM funding_source WHERE code = ?", String.class, code))
			.isEqualTo("Test community fund");

		HttpResponse<String> duplicate = procurement.submit("/procurement/funding-sources/new?lang=en",
				"/procurement/funding-sources", fields);
		assertThat(duplicate.body()).contains("id=\"code-error\">Another funding source has the code " + code + ".<");
	}

	@Test
	void procurementAddsAProjectDrawingItsBudgetFromASourceOnThePageAndThroughTheApi() {
		String source = freshCode("ITF-PSRC");
		assertThat(json("POST", "/api/funding-sources", user(Role.PROCUREMENT), source(source, "113", "30000000"))
			.statusCode()).isEqualTo(201);
		String code = freshCode("itf-proj");
		String body = """
				{"code":"%s","purpose":"NEW_INSTALLATION","nameZh":"測試113年度新增監視器案","fiscalYear":"113",
				 "budget":"NT$30,000,000","plannedCameraCount":"120","fundingSourceCode":"%s"}""".formatted(code, source);
		assertThat(json("POST", "/api/projects", user(Role.VIEWER), body).statusCode()).isEqualTo(403);
		assertThat(json("POST", "/api/projects", user(Role.DISPATCHER), body).statusCode()).isEqualTo(403);
		HttpResponse<String> created = json("POST", "/api/projects", user(Role.PROCUREMENT), body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"fiscalYear\":2024", "\"rocYear\":113", "\"budgetNtd\":30000000");
		assertThat(jdbc.queryForMap("""
				SELECT p.fiscal_year, p.planned_camera_count, pf.amount_ntd, f.code AS source FROM procurement_project p
				  JOIN project_funding pf ON pf.project_id = p.id JOIN funding_source f ON f.id = pf.funding_source_id
				 WHERE p.code = ?""", code.toUpperCase()))
			.containsEntry("fiscal_year", 2024).containsEntry("planned_camera_count", 120)
			.containsEntry("amount_ntd", 30_000_000L).containsEntry("source", source);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'procurement_project.created' AND actor = ?"
				+ " AND details->>'code' = ?", Long.class, user(Role.PROCUREMENT), code.toUpperCase())).isEqualTo(1);
		assertThat(json("POST", "/api/projects", user(Role.ADMIN), body).statusCode()).as("the code is taken").isEqualTo(409);
		HttpResponse<String> bad = json("POST", "/api/projects", user(Role.ADMIN), """
				{"code":"%s","purpose":"PARTY","nameZh":"x","fiscalYear":"113","budget":"1","fundingSourceCode":"NO-SUCH"}"""
			.formatted(freshCode("ITF-BAD")));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"purpose\"");

		Browser page = loggedIn(user(Role.PROCUREMENT));
		String pageCode = freshCode("ITF-PPAGE");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("code", pageCode);
		fields.put("purpose", "LPR_UPGRADE");
		fields.put("nameZh", "測試車辨升級案");
		fields.put("nameEn", "");
		fields.put("fiscalYear", "民國113年");
		fields.put("budget", "1,000,000");
		fields.put("plannedCameraCount", "");
		fields.put("fundingSourceCode", "NO-SUCH-SOURCE");
		HttpResponse<String> refused = page.submit("/procurement/projects/new?lang=zh-TW", "/procurement/projects", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"fundingSourceCode-error\">請從清單中選擇經費來源。<");
		fields.put("fundingSourceCode", source);
		HttpResponse<String> saved = page.submit("/procurement/projects/new", "/procurement/projects", fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		long id = jdbc.queryForObject("SELECT id FROM procurement_project WHERE code = ?", Long.class, pageCode);
		assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/procurement/projects/" + id);
		assertThat(page.get("/procurement/projects/" + id + "?lang=zh-TW").body())
			.contains("已新增採購案 " + pageCode + "。", "2024（民國113年）", "NT$1,000,000");
		assertThat(loggedIn(user(Role.VIEWER)).get("/procurement/projects/new").statusCode()).isEqualTo(403);
		assertThat(loggedIn(user(Role.VIEWER)).get("/procurement/projects/" + id).statusCode()).as("reading stays open")
			.isEqualTo(200);
	}

	private HttpResponse<String> get(String path, Role role) {
		return api("GET", path, user(role), PASSWORD);
	}
}
