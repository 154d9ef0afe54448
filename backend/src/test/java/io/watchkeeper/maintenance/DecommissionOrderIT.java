package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Closing a decommission order decommissions the camera with a kind and a reason; each missing one is named. */
class DecommissionOrderIT extends MaintenanceHttp {

	@Test
	void closingDecommissionsTheCameraWithItsKind() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long order = openOrder(camera, "DECOMMISSION");
		assertThat(state(order)).isEqualTo("ASSIGNED");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version(order));

		HttpResponse<String> bare = post(MaintenanceFixtures.DISPATCHER, "/api/work-orders/" + order + "/close", body);
		assertThat(bare.statusCode()).as(bare.body()).isEqualTo(400);
		assertThat(json(bare).get("errors").findValuesAsString("field")).contains("decommissionKind", "reason");
		body.put("decommissionKind", "REPLACED");
		body.put("reason", "鏡頭老舊，修復不符成本");
		HttpResponse<String> replaced = post(MaintenanceFixtures.DISPATCHER, "/api/work-orders/" + order + "/close", body);
		assertThat(replaced.statusCode()).isEqualTo(400);
		assertThat(json(replaced).get("errors").findValuesAsString("field")).containsExactly("decommissionKind");
		assertThat(jdbc.queryForObject("SELECT status FROM camera WHERE id = ?", String.class, camera)).isNotEqualTo("DECOMMISSIONED");

		body.put("decommissionKind", "NOT_WORTH_REPAIRING");
		assertThat(post(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + order + "/close", body).statusCode())
			.as("the contract's technician does not close a decommission").isEqualTo(403);
		HttpResponse<String> closed = post(MaintenanceFixtures.DISPATCHER, "/api/work-orders/" + order + "/close", body);
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		Map<String, Object> row = jdbc.queryForMap("SELECT * FROM camera WHERE id = ?", camera);
		assertThat(row.get("status")).isEqualTo("DECOMMISSIONED");
		assertThat(row.get("decommission_kind")).isEqualTo("NOT_WORTH_REPAIRING");
		assertThat(row.get("decommission_reason")).isEqualTo("鏡頭老舊，修復不符成本");
		assertThat(row.get("decommissioned_on").toString()).isEqualTo(MaintenanceFixtures.today().toString());
		assertThat(jdbc.queryForObject("SELECT resolution FROM work_order WHERE id = ?", String.class, order))
			.isEqualTo("DECOMMISSIONED");
		assertThat(jdbc.queryForObject("""
				SELECT details->>'decommissionKind' FROM audit_event WHERE action = 'work_order.close' AND object_id = ?""",
				String.class, String.valueOf(order))).isEqualTo("NOT_WORTH_REPAIRING");
	}

	@Test
	void aCameraDecommissionedHasItsOpenRepairOrderCancelledAndKeepsItsHistory() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long repair = openOrder(camera, "REPAIR");
		long order = openOrder(camera, "DECOMMISSION");
		Map<String, Object> body = Map.of("version", version(order), "decommissionKind", "END_OF_LIFE_FAULTY",
				"reason", "worn out", "note", "checked on site");
		assertThat(post(MaintenanceFixtures.DISPATCHER, "/api/work-orders/" + order + "/close", body).statusCode()).isEqualTo(200);
		assertThat(state(repair)).isEqualTo("CANCELLED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE camera_id = ?", Long.class, camera)).isEqualTo(2L);
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM work_order_event WHERE work_order_id = ? AND action = 'CANCELLED'""", Long.class, repair))
			.isEqualTo(1L);
	}
}
