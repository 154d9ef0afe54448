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
}
