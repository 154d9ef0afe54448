package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.MaintenanceFixtures.DISPATCHER;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VENDOR1;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 9, item 11: a camera's status and contract follow what maintenance did, the same in the camera list, the
 * camera page, the API, the CSV export and the map.
 */
class CameraFollowsMaintenanceIT extends MaintenanceHttp {

	@org.springframework.beans.factory.annotation.Autowired
	io.watchkeeper.camera.CameraStatusFollowUp followUp;

	@Test
	void aCameraRestoredAndItsOrderClosedIsWorkingEverywhere() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		// as the demo's LAAC207-02: marked faulty in the registry, an outage and a repair order
		jdbc.update("UPDATE camera SET status = 'FAULTY' WHERE id = ?", camera);
		MaintenanceFixtures.outage(jdbc, camera, 5);
		long order = openOrder(camera, "REPAIR");
		assertEverywhere(camera, "FAULTY", "OUTAGE");

		// the picture is back (the health feed ends the outage) but the order is still open: still faulty
		jdbc.update("UPDATE outage SET ended_at = now() WHERE camera_id = ? AND ended_at IS NULL", camera);
		assertEverywhere(camera, "FAULTY", "FAULTY");

		assertThat(post(VENDOR1, "/api/work-orders/" + order + "/start", Map.of("version", version(order))).statusCode())
			.isEqualTo(200);
		HttpResponse<String> restored = post(VENDOR1, "/api/work-orders/" + order + "/restore",
				Map.of("version", version(order), "note", "new power supply"));
		assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
		assertEverywhere(camera, "ACTIVE", "WORKING");
		HttpResponse<String> closed = post(DISPATCHER, "/api/work-orders/" + order + "/close",
				Map.of("version", version(order), "resolution", "RESTORED_BY_VENDOR", "note", "picture checked"));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertEverywhere(camera, "ACTIVE", "WORKING");
	}

	@Test
	void anOutageMakesAWorkingCameraFaultyAndAHandEditCannotContradictMaintenance() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		assertEverywhere(camera, "ACTIVE", "WORKING");
		MaintenanceFixtures.outage(jdbc, camera, 1);
		assertEverywhere(camera, "FAULTY", "OUTAGE");
		// someone writes ACTIVE while the camera is down: the registry keeps what maintenance says
		jdbc.update("UPDATE camera SET status = 'ACTIVE' WHERE id = ?", camera);
		assertThat(status(camera)).isEqualTo("FAULTY");
		jdbc.update("UPDATE outage SET ended_at = now() WHERE camera_id = ? AND ended_at IS NULL", camera);
		assertEverywhere(camera, "ACTIVE", "WORKING");
		// and FAULTY written by hand on a camera nobody is repairing does not stick either
		jdbc.update("UPDATE camera SET status = 'FAULTY' WHERE id = ?", camera);
		assertThat(status(camera)).isEqualTo("ACTIVE");
		// planned and decommissioned are the registry's own
		jdbc.update("UPDATE camera SET status = 'PLANNED' WHERE id = ?", camera);
		MaintenanceFixtures.outage(jdbc, camera, 1);
		assertThat(status(camera)).isEqualTo("PLANNED");
	}

	@Test
	void aBulkChangeIsQueuedAndTheCameraStatusJobAppliesItByTheSameRule() {
		// outage detection opens thousands of outages in one statement: the cameras are queued, not rewritten there
		java.util.List<Long> cameras = new java.util.ArrayList<>();
		for (int i = 0; i < 201; i++) {
			cameras.add(MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null));
		}
		Long[] array = cameras.toArray(Long[]::new);
		jdbc.update(con -> {
			var ps = con.prepareStatement("""
					INSERT INTO outage (camera_id, started_at, cause, source)
					SELECT id, now(), 'REPORTED_DOWN', 'it-bulk' FROM unnest(?::bigint[]) AS id""");
			ps.setArray(1, con.createArrayOf("bigint", array));
			return ps;
		});
		assertThat(countWithStatus(array, "FAULTY")).as("queued, not yet applied").isZero();
		assertThat(followUp.applyQueued()).isGreaterThanOrEqualTo(201);
		assertThat(countWithStatus(array, "FAULTY")).isEqualTo(201);

		// the same cameras restored in one statement: queued again, then working
		jdbc.update(con -> {
			var ps = con.prepareStatement("UPDATE outage SET ended_at = now() WHERE camera_id = ANY (?) AND ended_at IS NULL");
			ps.setArray(1, con.createArrayOf("bigint", array));
			return ps;
		});
		followUp.applyQueued();
		assertThat(countWithStatus(array, "ACTIVE")).isEqualTo(201);
		assertThat(followUp.applyQueued()).as("nothing left").isZero();
	}

	private int countWithStatus(Long[] cameras, String status) {
		return jdbc.query(con -> {
			var ps = con.prepareStatement("SELECT count(*) FROM camera WHERE id = ANY (?) AND status = ?");
			ps.setArray(1, con.createArrayOf("bigint", cameras));
			ps.setString(2, status);
			return ps;
		}, rs -> {
			rs.next();
			return rs.getInt(1);
		});
	}

	@Test
	void theContractShownIsTheOneItsOrdersAreRoutedTo() {
		// chosen contract ended (the 2023 one); the precinct's running contract (the 2026 one) takes the orders
		long ended = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.expiredContract(), null, null);
		long none = MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null);
		long own = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract2(), null, null);
		for (long camera : new long[] { ended, none, own }) {
			String routed = json(get(DISPATCHER, "/api/work-orders/" + openOrder(camera, "INSPECTION")))
				.get("contract").get("code").asString();
			JsonNode api = json(get(VIEWER, "/api/cameras/" + camera));
			assertThat(api.get("contract").get("code").asString()).as("camera API").isEqualTo(routed);
			String tag = MaintenanceFixtures.assetTag(jdbc, camera);
			String csv = get(VIEWER, "/api/cameras/export.csv?q=" + tag).body();
			assertThat(csv.lines().filter(l -> l.contains(tag)).findFirst().orElseThrow()).as("CSV export")
				.contains("," + routed + ",");
			String page = loggedIn(VIEWER).get("/cameras/" + camera).body();
			assertThat(page).as("camera page").contains("測試合約 " + routed);
		}
		assertThat(json(get(VIEWER, "/api/cameras/" + ended)).get("contract").get("code").asString()).isEqualTo("ITM-C1");
		assertThat(json(get(VIEWER, "/api/cameras/" + ended)).get("assignedContract").get("code").asString())
			.isEqualTo("ITM-C-OLD");
		assertThat(json(get(VIEWER, "/api/cameras/" + own)).get("contract").get("code").asString()).isEqualTo("ITM-C2");
	}

	private String status(long camera) {
		return jdbc.queryForObject("SELECT status FROM camera WHERE id = ?", String.class, camera);
	}

	/**
	 * The camera's status (the registry's, in the API) and its state by the one rule (io.watchkeeper.camera.CameraState:
	 * in outage, faulty, working ...) the same in the API (one camera and the list, with the state filter), the list
	 * and camera pages, the CSV export, the map and the page of its order.
	 */
	private void assertEverywhere(long camera, String status, String state) {
		String tag = MaintenanceFixtures.assetTag(jdbc, camera);
		JsonNode one = json(get(VIEWER, "/api/cameras/" + camera));
		assertThat(one.get("status").asString()).as("camera API").isEqualTo(status);
		assertThat(one.get("state").asString()).as("camera API state").isEqualTo(state);
		JsonNode list = json(get(VIEWER, "/api/cameras?q=" + tag));
		assertThat(list.get("items").get(0).get("status").asString()).as("list API").isEqualTo(status);
		assertThat(list.get("items").get(0).get("state").asString()).as("list API state").isEqualTo(state);
		assertThat(json(get(VIEWER, "/api/cameras?q=" + tag + "&status=" + status)).get("items")).as("status filter")
			.hasSize(1);
		for (String other : new String[] { "OUTAGE", "FAULTY", "WORKING", "PAST_EOL" }) {
			assertThat(json(get(VIEWER, "/api/cameras?q=" + tag + "&state=" + other)).get("items")).as("state filter " + other)
				.hasSize(other.equals(state) ? 1 : 0);
		}
		String csv = get(VIEWER, "/api/cameras/export.csv?lang=en&q=" + tag).body();
		Browser browser = loggedIn(VIEWER);
		String cameraPage = browser.get("/cameras/" + camera).body();
		assertThat(cameraPage).as("camera page").contains("id=\"camera-status\"")
			.containsPattern("id=\"camera-status\"[^>]*data-state=\"" + state + "\"");
		assertThat(browser.get("/cameras?q=" + tag).body()).as("list page").contains("data-state=\"" + state + "\"");
		String label = Map.of("OUTAGE", "In outage", "FAULTY", "Faulty", "WORKING", "Working").get(state);
		assertThat(csv.lines().filter(l -> l.contains(tag)).findFirst().orElseThrow()).as("CSV export").endsWith("," + label);
		assertThat(json(get(VIEWER, "/api/map/cameras/" + camera)).get("state").asString()).as("map").isEqualTo(state);
		Long order = jdbc.query("SELECT max(id) FROM work_order WHERE camera_id = ?", rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null, camera);
		if (order != null) {
			assertThat(json(get(DISPATCHER, "/api/work-orders/" + order)).get("camera").get("state").asString())
				.as("the order's camera").isEqualTo(state);
		}
	}
}
