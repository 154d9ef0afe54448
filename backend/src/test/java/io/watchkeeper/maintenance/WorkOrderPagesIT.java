package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.MaintenanceFixtures.ADMIN;
import static io.watchkeeper.maintenance.MaintenanceFixtures.DISPATCHER;
import static io.watchkeeper.maintenance.MaintenanceFixtures.INVESTIGATOR;
import static io.watchkeeper.maintenance.MaintenanceFixtures.PROCUREMENT;
import static io.watchkeeper.maintenance.MaintenanceFixtures.SQUAD_A;
import static io.watchkeeper.maintenance.MaintenanceFixtures.SQUAD_B;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VENDOR1;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VENDOR2;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The pages over real HTTP with form-login sessions: scoping per role, forms, messages next to forms. */
class WorkOrderPagesIT extends MaintenanceHttp {

	@Test
	void everyRoleSeesOnlyItsOrdersOnThePages() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long order = openOrder(camera, "REPAIR");
		String tag = MaintenanceFixtures.assetTag(jdbc, camera);
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put(ADMIN, 200);
		expected.put(DISPATCHER, 200);
		expected.put(VENDOR1, 200);
		expected.put(VENDOR2, 404);
		expected.put(SQUAD_A, 404);
		expected.put(SQUAD_B, 404);
		expected.put(PROCUREMENT, 403);
		expected.put(INVESTIGATOR, 403);
		expected.put(VIEWER, 403);
		for (var e : expected.entrySet()) {
			Browser browser = loggedIn(e.getKey());
			HttpResponse<String> page = browser.get("/work-orders/" + order + "?lang=en");
			assertThat(page.statusCode()).as(e.getKey() + " order page").isEqualTo(e.getValue());
			HttpResponse<String> list = browser.get("/work-orders?camera=ITM&size=200&lang=en");
			if (e.getValue() == 403) {
				assertThat(list.statusCode()).isEqualTo(403);
				continue;
			}
			assertThat(list.body().contains(tag)).as(e.getKey() + " list").isEqualTo(e.getValue() == 200);
			if (e.getValue() == 404) {
				assertThat(page.body()).contains("Work order not found").doesNotContain(tag);
			}
		}
		// the outage board: dispatchers and viewers read it, only dispatchers get the bulk form
		assertThat(loggedIn(VIEWER).get("/outages").statusCode()).isEqualTo(200);
		assertThat(loggedIn(VIEWER).get("/outages").body()).doesNotContain("bulk-submit");
		assertThat(loggedIn(VENDOR1).get("/outages").statusCode()).isEqualTo(403);
		assertThat(loggedIn(DISPATCHER).get("/outages?contract=none&minAgeHours=abc&precinct=x").statusCode()).isEqualTo(200);
	}

	@Test
	void aTechnicianStartsAndRestoresFromTheirPhoneAndTheDispatcherCloses() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long order = openOrder(camera, "REPAIR");
		Browser tech = loggedIn(VENDOR1);
		HttpResponse<String> mine = tech.get("/my-work-orders?lang=en");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("data-id=\"" + order + "\"", "Start work");

		HttpResponse<String> started = tech.submit("/my-work-orders", "/work-orders/" + order + "/start",
				Map.of("version", String.valueOf(version(order)), "back", "mine"));
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(started.headers().firstValue("Location").orElse("")).endsWith("/my-work-orders");
		assertThat(state(order)).isEqualTo("IN_PROGRESS");

		// restoring without a note: refused, the message next to the restore form, nothing changed
		tech.submit("/my-work-orders", "/work-orders/" + order + "/restore",
				Map.of("version", String.valueOf(version(order)), "back", "mine", "note", " "));
		assertThat(state(order)).isEqualTo("IN_PROGRESS");
		assertThat(tech.get("/my-work-orders?lang=en").body()).contains("A note is required");

		tech.submit("/my-work-orders", "/work-orders/" + order + "/restore",
				Map.of("version", String.valueOf(version(order)), "back", "mine", "note", "new power supply"));
		assertThat(state(order)).isEqualTo("RESTORED");
		assertThat(tech.get("/my-work-orders?lang=en").body()).contains("reported restored");

		Browser dispatcher = loggedIn(DISPATCHER);
		String page = dispatcher.get("/work-orders/" + order + "?lang=en").body();
		assertThat(page).contains("Verify and close", "new power supply", "Restored by the vendor");
		// a stale version on the page: the message says reload, nothing changes
		dispatcher.submit("/work-orders/" + order, "/work-orders/" + order + "/close",
				Map.of("version", String.valueOf(version(order) - 1), "resolution", "RESTORED_BY_VENDOR", "note", "ok"));
		assertThat(dispatcher.get("/work-orders/" + order + "?lang=en").body()).contains("Someone changed this order");
		dispatcher.submit("/work-orders/" + order, "/work-orders/" + order + "/close",
				Map.of("version", String.valueOf(version(order)), "resolution", "RESTORED_BY_VENDOR", "note", "checked on the wall"));
		assertThat(state(order)).isEqualTo("CLOSED");
		String closed = dispatcher.get("/work-orders/" + order + "?lang=zh-TW").body();
		assertThat(closed).contains("已結案", "廠商修復", "結案時間").doesNotContain("??");
	}

	@Test
	void theDispatcherBulkAssignsFromTheBoardPage() {
		long c1 = MaintenanceFixtures.camera(jdbc, null, null, null, null);
		long c2 = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract2(), null, null);
		long o1 = MaintenanceFixtures.outage(jdbc, c1, 6);
		long o2 = MaintenanceFixtures.outage(jdbc, c2, 5);
		Browser dispatcher = loggedIn(DISPATCHER);
		String board = dispatcher.get("/outages?minAgeHours=4&lang=en").body();
		assertThat(board).contains(MaintenanceFixtures.assetTag(jdbc, c1), MaintenanceFixtures.assetTag(jdbc, c2), "bulk-submit");
		String token = dispatcher.csrfToken("/outages");
		HttpResponse<String> posted = dispatcher.send(java.net.http.HttpRequest.newBuilder(uri("/outages/assign"))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("outageIds=" + o1 + "&outageIds=" + o2
					+ "&target=contract%3A" + ids.contract1() + "&note=" + "area+sweep&back=%3FminAgeHours%3D4"
					+ "&_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/outages?minAgeHours=4");
		assertThat(jdbc.queryForList("SELECT contract_id FROM work_order WHERE camera_id IN (?, ?)", Long.class, c1, c2))
			.containsExactly(ids.contract1(), ids.contract1());
		assertThat(dispatcher.get("/outages?minAgeHours=4&lang=en").body()).contains("2 assigned, 0 not assigned");
		String history = """
				SELECT e.action FROM work_order_event e JOIN work_order w ON w.id = e.work_order_id
				 WHERE w.camera_id = ? ORDER BY e.id""";
		assertThat(jdbc.queryForList(history, String.class, c1)).as("NEW, then assigned").containsExactly("OPENED", "ASSIGNED");
		assertThat(jdbc.queryForList(history, String.class, c2)).as("routed to contract 2, then reassigned")
			.containsExactly("OPENED", "REASSIGNED");
		// assigning again to the same contract changes nothing and counts as done
		String again = dispatcher.csrfToken("/outages");
		dispatcher.send(java.net.http.HttpRequest.newBuilder(uri("/outages/assign"))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("outageIds=" + o1 + "&target=contract%3A" + ids.contract1()
					+ "&_csrf=" + java.net.URLEncoder.encode(again, java.nio.charset.StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(dispatcher.get("/outages?lang=en").body()).contains("1 assigned, 0 not assigned");
		assertThat(jdbc.queryForList(history, String.class, c1)).containsExactly("OPENED", "ASSIGNED");
	}

	@Test
	void aRefusedActionWhoseFormIsGoneIsShownAtTheTopOfThePage() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long order = openOrder(camera, "REPAIR");
		Browser tech = loggedIn(VENDOR1);
		String assigned = String.valueOf(version(order));
		tech.submit("/work-orders/" + order, "/work-orders/" + order + "/start", Map.of("version", assigned));
		assertThat(state(order)).isEqualTo("IN_PROGRESS");
		// the restore form offers only what a vendor may propose, and its empty choice says what it means
		String page = tech.get("/work-orders/" + order + "?lang=zh-TW").body();
		assertThat(page).contains("依指派對象預設", "value=\"RESTORED_BY_VENDOR\"").doesNotContain("value=\"RESTORED_IN_HOUSE\"");
		assertThat(tech.get("/work-orders/" + order + "?lang=en").body()).contains("Default for the assignee");

		// "start" again from the phone list, the order being in progress already: no start form to show it next to
		tech.submit("/my-work-orders", "/work-orders/" + order + "/start",
				Map.of("version", String.valueOf(version(order)), "back", "mine"));
		String mine = tech.get("/my-work-orders?lang=zh-TW").body();
		assertThat(mine).contains("id=\"general-error\"", "工單 " + order, "已無法執行", "處理中");
		// a stale tab on the order page: the message at the top, in Chinese, without English detail
		tech.submit("/work-orders/" + order, "/work-orders/" + order + "/start", Map.of("version", assigned));
		String stale = tech.get("/work-orders/" + order + "?lang=zh-TW").body();
		assertThat(stale).contains("id=\"general-error\"", "已被他人變更").doesNotContain("has changed since");
		assertThat(tech.get("/work-orders/" + order + "?lang=zh-TW").body()).as("shown once").doesNotContain("general-error");

		// restoring in-house as the vendor: refused with the reason, next to the restore form
		tech.submit("/work-orders/" + order, "/work-orders/" + order + "/restore",
				Map.of("version", String.valueOf(version(order)), "note", "fixed", "resolution", "RESTORED_IN_HOUSE"));
		assertThat(state(order)).isEqualTo("IN_PROGRESS");
		assertThat(tech.get("/work-orders/" + order + "?lang=zh-TW").body()).contains("僅適用於由維修班承接的工單")
			.doesNotContain("id=\"general-error\"");

		// closing a repair order whose camera is still reported down: a warning, not a refusal
		long outage = MaintenanceFixtures.outage(jdbc, camera, 2);
		jdbc.update("UPDATE work_order SET outage_id = ? WHERE id = ?", outage, order);
		tech.submit("/work-orders/" + order, "/work-orders/" + order + "/restore",
				Map.of("version", String.valueOf(version(order)), "note", "new power supply"));
		assertThat(state(order)).isEqualTo("RESTORED");
		Browser dispatcher = loggedIn(DISPATCHER);
		assertThat(dispatcher.get("/work-orders/" + order + "?lang=en").body()).contains("id=\"outage-still-open\"",
				"still reported down since");
		// a second close of a closed order (two tabs): the refusal at the top
		String current = String.valueOf(version(order));
		dispatcher.submit("/work-orders/" + order, "/work-orders/" + order + "/close",
				Map.of("version", current, "resolution", "RESTORED_BY_VENDOR", "note", "checked"));
		assertThat(state(order)).isEqualTo("CLOSED");
		assertThat(dispatcher.get("/work-orders/" + order + "?lang=en").body()).doesNotContain("outage-still-open");
		dispatcher.submit("/work-orders/" + order, "/work-orders/" + order + "/close",
				Map.of("version", String.valueOf(version(order)), "resolution", "RESTORED_BY_VENDOR", "note", "checked"));
		assertThat(dispatcher.get("/work-orders/" + order + "?lang=en").body()).contains("id=\"general-error\"",
				"is now “Closed”", "“Verify and close” is no longer possible");
	}

	@Test
	void bulkRefusalsAreInTheReadersLanguageAndTheSquadsAreGrouped() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null);
		long outage = MaintenanceFixtures.outage(jdbc, camera, 3);
		Browser dispatcher = loggedIn(DISPATCHER);
		String board = dispatcher.get("/outages?lang=zh-TW").body();
		assertThat(board).contains("總局維修小組", "分局維修班");
		String token = dispatcher.csrfToken("/outages");
		dispatcher.send(java.net.http.HttpRequest.newBuilder(uri("/outages/assign"))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("outageIds=" + outage + "&target=squad%3A" + ids.squadB()
					+ "&_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded"));
		String after = dispatcher.get("/outages?lang=zh-TW").body();
		assertThat(after).contains("故障 " + outage + "：", "負責其他分局").doesNotContain("another precinct");
		// nothing chosen: the reason in Chinese too
		String again = dispatcher.csrfToken("/outages");
		dispatcher.send(java.net.http.HttpRequest.newBuilder(uri("/outages/assign"))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("target=squad%3A" + ids.hqSquad()
					+ "&_csrf=" + java.net.URLEncoder.encode(again, java.nio.charset.StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(dispatcher.get("/outages?lang=zh-TW").body()).contains("請至少選取一件故障").doesNotContain("Choose at least one");
	}
}
