package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.MaintenanceFixtures.DISPATCHER;
import static io.watchkeeper.maintenance.MaintenanceFixtures.PROCUREMENT;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VENDOR1;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The outage board's API: open outages oldest first with filters, and bulk assignment. */
class OutageBoardIT extends MaintenanceHttp {

	@Test
	void anOutageGetsOneRepairOrderEvenAfterTheDispatcherCancelsOrClosesIt(@Autowired RepairOrders repairOrders,
			@Autowired WorkOrderService service) {
		long cancelledCamera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long closedCamera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long falseAlarm = MaintenanceFixtures.outage(jdbc, cancelledCamera, 3);
		long stillDown = MaintenanceFixtures.outage(jdbc, closedCamera, 3);
		repairOrders.raiseForOpenOutages(Instant.now());
		long cancelled = jdbc.queryForObject("SELECT id FROM work_order WHERE outage_id = ?", Long.class, falseAlarm);
		long closed = jdbc.queryForObject("SELECT id FROM work_order WHERE outage_id = ?", Long.class, stillDown);
		Caller dispatcher = Caller.dispatcher(DISPATCHER);
		service.cancel(cancelled, version(cancelled), "false alarm: the feed was down, not the camera", dispatcher);
		jdbc.update("UPDATE work_order SET state = 'RESTORED', restored_at = now(), resolution = 'RESTORED_BY_VENDOR' WHERE id = ?",
				closed);
		service.close(closed, version(closed), Resolution.RESTORED_BY_VENDOR, "picture checked on the wall", dispatcher);

		repairOrders.raiseForOpenOutages(Instant.now());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE camera_id IN (?, ?)", Integer.class,
				cancelledCamera, closedCamera)).as("the dispatcher's decisions stand").isEqualTo(2);

		// a later outage of the same camera is a new fault: it gets its own order
		jdbc.update("UPDATE outage SET ended_at = now() WHERE id = ?", falseAlarm);
		long later = MaintenanceFixtures.outage(jdbc, cancelledCamera, 0);
		repairOrders.raiseForOpenOutages(Instant.now());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE outage_id = ? AND state = 'ASSIGNED'",
				Integer.class, later)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE camera_id = ?", Integer.class, closedCamera))
			.isEqualTo(1);
	}

	@Test
	void theBoardListsOpenOutagesOldestFirstWithTheirOrders() {
		long oldCamera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long newCamera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null);
		long otherPrecinct = MaintenanceFixtures.camera(jdbc, ids.precinctB(), null, null, null);
		long old = MaintenanceFixtures.outage(jdbc, oldCamera, 50);
		long recent = MaintenanceFixtures.outage(jdbc, newCamera, 1);
		long elsewhere = MaintenanceFixtures.outage(jdbc, otherPrecinct, 30);
		long ended = MaintenanceFixtures.outage(jdbc, MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null), 5);
		jdbc.update("UPDATE outage SET ended_at = now() WHERE id = ?", ended);
		long order = openOrder(oldCamera, "REPAIR");

		JsonNode page = json(get(VIEWER, "/api/outages?precinct=" + ids.precinctA() + "&size=500"));
		List<Long> outageIds = new ArrayList<>();
		page.get("items").forEach(i -> outageIds.add(i.get("outageId").asLong()));
		assertThat(outageIds).contains(old, recent).doesNotContain(elsewhere, ended);
		assertThat(outageIds.indexOf(old)).as("oldest first").isLessThan(outageIds.indexOf(recent));
		JsonNode oldRow = find(page, old);
		assertThat(oldRow.get("workOrderId").asLong()).isEqualTo(order);
		assertThat(oldRow.get("contract").get("code").asString()).isEqualTo("ITM-C1");
		assertThat(oldRow.get("ageMinutes").asLong()).isBetween(50 * 60L - 1, 50 * 60L + 5);
		assertThat(find(page, recent).get("workOrderId").isNull()).isTrue();

		JsonNode byContract = json(get(DISPATCHER, "/api/outages?contract=" + ids.contract1() + "&size=500"));
		assertThat(find(byContract, old)).isNotNull();
		assertThat(find(byContract, recent)).isNull();
		JsonNode aged = json(get(DISPATCHER, "/api/outages?minAgeHours=24&size=500"));
		assertThat(find(aged, old)).isNotNull();
		assertThat(find(aged, elsewhere)).isNotNull();
		assertThat(find(aged, recent)).isNull();

		assertThat(get(DISPATCHER, "/api/outages?minAgeHours=-1").statusCode()).isEqualTo(400);
		assertThat(get(DISPATCHER, "/api/outages?contract=abc").statusCode()).isEqualTo(400);
		assertThat(get(PROCUREMENT, "/api/outages").statusCode()).isEqualTo(403);
		assertThat(get(VENDOR1, "/api/outages").statusCode()).isEqualTo(403);
	}

	@Test
	void bulkAssignHandsEachOutagesOrderToTheSquadAndReportsWhatItCouldNot() {
		long withOrder = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long withoutOrder = MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null);
		long otherPrecinct = MaintenanceFixtures.camera(jdbc, ids.precinctB(), null, null, null);
		long o1 = MaintenanceFixtures.outage(jdbc, withOrder, 10);
		long o2 = MaintenanceFixtures.outage(jdbc, withoutOrder, 9);
		long o3 = MaintenanceFixtures.outage(jdbc, otherPrecinct, 8);
		long order1 = openOrder(withOrder, "REPAIR");

		HttpResponse<String> refused = post(VIEWER, "/api/outages/assign",
				Map.of("outageIds", List.of(o1), "squadId", ids.squadA()));
		assertThat(refused.statusCode()).isEqualTo(403);

		HttpResponse<String> result = post(DISPATCHER, "/api/outages/assign",
				Map.of("outageIds", List.of(o1, o2, o3), "squadId", ids.squadA(), "note", "simple faults"));
		assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
		JsonNode body = json(result);
		assertThat(body.get("assigned").asInt()).isEqualTo(2);
		assertThat(body.get("failed").asInt()).isEqualTo(1);
		assertThat(body.get("items").get(2).get("message").asString()).contains("another precinct");
		assertThat(body.get("items").get(2).has("refusal")).as("the exception stays on the server").isFalse();

		assertThat(jdbc.queryForMap("SELECT assignee_kind, squad_id, vendor_id FROM work_order WHERE id = ?", order1))
			.containsEntry("assignee_kind", "SQUAD").containsEntry("squad_id", ids.squadA()).containsEntry("vendor_id", null);
		Map<String, Object> opened = jdbc.queryForMap("""
				SELECT id, origin, outage_id, assignee_kind FROM work_order WHERE camera_id = ? AND kind = 'REPAIR'""", withoutOrder);
		assertThat(opened).containsEntry("origin", "OUTAGE").containsEntry("outage_id", o2).containsEntry("assignee_kind", "SQUAD");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE camera_id = ?", Integer.class, otherPrecinct))
			.as("the failed outage's order was opened in its own transaction and rolled back with it").isZero();
		assertThat(jdbc.queryForList("SELECT action FROM work_order_event WHERE work_order_id = ? ORDER BY id", String.class, order1))
			.containsExactly("OPENED", "REASSIGNED");

		assertThat(post(DISPATCHER, "/api/outages/assign", Map.of("outageIds", List.of(), "squadId", ids.squadA())).statusCode())
			.isEqualTo(400);
		assertThat(post(DISPATCHER, "/api/outages/assign", Map.of("outageIds", List.of(o1), "contractId", 987654321L)).statusCode())
			.isEqualTo(400);
	}

	private static JsonNode find(JsonNode page, long outageId) {
		for (JsonNode item : page.get("items")) {
			if (item.get("outageId").asLong() == outageId) {
				return item;
			}
		}
		return null;
	}
}
