package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Replacement delivery end to end over HTTP: a project made of a plan year with warranty terms, funding and a vendor;
 * the vendor's technician closes the order with the new camera's facts; the old camera is decommissioned REPLACED,
 * the new one stands on the same pole at the next index, linked both ways, with the project's terms; bad input is
 * refused naming the field with nothing written; two deliveries of one order at once give one camera.
 */
class ReplacementDeliveryIT extends MaintenanceHttp {

	private static final int YEAR = 2030;

	String site;
	long old;
	long neighbour;
	long second;
	long projectId;
	String mainSource;
	String smallSource;
	long orderOld;
	long orderSecond;

	@BeforeEach
	void project() {
		site = PlanFixtures.site(jdbc);
		old = PlanFixtures.cameraOnSite(jdbc, site, 1, ids.precinctA(), null);
		neighbour = PlanFixtures.cameraOnSite(jdbc, site, 2, ids.precinctA(), null);
		second = PlanFixtures.cameraOnSite(jdbc, PlanFixtures.site(jdbc), 1, ids.precinctA(), null);
		MaintenanceFixtures.outage(jdbc, old, 5);
		long plan = PlanFixtures.plan(jdbc, YEAR);
		PlanFixtures.planCamera(jdbc, plan, YEAR, old, 94_255);
		PlanFixtures.planCamera(jdbc, plan, YEAR, second, 94_255);
		smallSource = PlanFixtures.fundingSource(jdbc, YEAR);
		mainSource = PlanFixtures.fundingSource(jdbc, YEAR);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", PlanFixtures.code("D"));
		body.put("nameZh", "測試汰換交付");
		body.put("warrantyYears", 3);
		body.put("fundingSources", List.of(Map.of("code", smallSource, "amountNtd", 40_000),
				Map.of("code", mainSource, "amountNtd", 148_510)));
		body.put("vendorCode", "ITM-V1");
		body.put("milestones", Map.of("budgetedOn", "2030-01-10", "awardedOn", "2030-03-01"));
		HttpResponse<String> made = post(MaintenanceFixtures.PROCUREMENT, "/api/planning/plans/" + plan + "/years/" + YEAR
				+ "/project", body);
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		projectId = json(made).get("projectId").asLong();
		orderOld = order(old);
		orderSecond = order(second);
	}

	private long order(long camera) {
		return jdbc.queryForObject("SELECT id FROM work_order WHERE camera_id = ? AND kind = 'REPLACEMENT' AND state <> 'CANCELLED'",
				Long.class, camera);
	}

	private Map<String, Object> delivery(long order, String serial) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version(order));
		body.put("make", "VIVOTEK");
		body.put("model", "IB9387-LPR");
		body.put("serialNumber", serial);
		body.put("installDate", MaintenanceFixtures.today().minusDays(1).toString());
		body.put("lpr", "REALTIME_LPR");
		return body;
	}

	private long cameras() {
		return jdbc.queryForObject("SELECT count(*) FROM camera", Long.class);
	}

	@Test
	void theTechnicianDeliversTheNewCameraOnTheSamePole() {
		assertThat(state(orderOld)).isEqualTo("ASSIGNED");
		assertThat(jdbc.queryForObject("SELECT vendor_id FROM work_order WHERE id = ?", Long.class, orderOld)).isEqualTo(ids.vendor1());
		assertThat(get(MaintenanceFixtures.VENDOR2, "/api/work-orders/" + orderOld).statusCode()).isEqualTo(404);
		assertThat(post(MaintenanceFixtures.VENDOR2, "/api/work-orders/" + orderOld + "/close", delivery(orderOld, "SN-X"))
			.statusCode()).isEqualTo(404);
		assertThat(post(MaintenanceFixtures.VIEWER, "/api/work-orders/" + orderOld + "/close", delivery(orderOld, "SN-X"))
			.statusCode()).isIn(403, 404);

		String phone = loggedIn(MaintenanceFixtures.VENDOR1).get("/my-work-orders").body();
		assertThat(phone).contains("data-id=\"" + orderOld + "\"").contains("action-deliver").contains("name=\"serialNumber\"");

		String serial = "ITJ-SN-" + PlanFixtures.RUN + "-" + orderOld;
		LocalDate installed = MaintenanceFixtures.today().minusDays(1);
		HttpResponse<String> closed = post(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + orderOld + "/close",
				delivery(orderOld, serial.toLowerCase()));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(json(closed).get("state").asString()).isEqualTo("CLOSED");

		Map<String, Object> order = jdbc.queryForMap("SELECT * FROM work_order WHERE id = ?", orderOld);
		assertThat(order.get("resolution")).isEqualTo("REPLACED");
		long delivered = ((Number) order.get("delivered_camera_id")).longValue();
		Map<String, Object> fresh = jdbc.queryForMap("""
				SELECT c.*, s.code AS site_code, ST_AsText(c.location) AS place FROM camera c JOIN site s ON s.id = c.site_id
				 WHERE c.id = ?""", delivered);
		Map<String, Object> gone = jdbc.queryForMap("SELECT c.*, ST_AsText(c.location) AS place FROM camera c WHERE c.id = ?", old);
		assertThat(fresh.get("asset_tag")).isEqualTo(site + "-03");
		assertThat(fresh.get("site_code")).isEqualTo(site);
		assertThat(((Number) fresh.get("site_index")).intValue()).isEqualTo(3);
		assertThat(fresh.get("place")).isEqualTo(gone.get("place"));
		assertThat(fresh.get("heading_deg")).isEqualTo(gone.get("heading_deg"));
		assertThat(fresh.get("fov_deg")).isEqualTo(gone.get("fov_deg"));
		assertThat(fresh.get("retention_days")).isEqualTo(gone.get("retention_days"));
		assertThat(fresh.get("precinct_id")).isEqualTo(gone.get("precinct_id"));
		assertThat(fresh.get("status")).isEqualTo("ACTIVE");
		assertThat(fresh.get("lpr")).isEqualTo("REALTIME_LPR");
		assertThat(fresh.get("serial_number")).isEqualTo(serial.toLowerCase());
		assertThat(fresh.get("install_date").toString()).isEqualTo(installed.toString());
		assertThat(fresh.get("warranty_end").toString()).isEqualTo(installed.plusYears(3).toString());
		assertThat(((Number) fresh.get("replaces_camera_id")).longValue()).isEqualTo(old);
		assertThat(((Number) fresh.get("project_id")).longValue()).isEqualTo(projectId);
		assertThat(((Number) fresh.get("supplier_vendor_id")).longValue()).isEqualTo(ids.vendor1());
		assertThat(jdbc.queryForObject("SELECT code FROM funding_source WHERE id = ?", String.class,
				fresh.get("funding_source_id"))).isEqualTo(mainSource);

		assertThat(gone.get("status")).isEqualTo("DECOMMISSIONED");
		assertThat(gone.get("decommission_kind")).isEqualTo("REPLACED");
		assertThat(gone.get("decommissioned_on").toString()).isEqualTo(installed.toString());
		assertThat(gone.get("decommission_reason")).isEqualTo("replaced by " + site + "-03");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM outage WHERE camera_id = ? AND ended_at IS NULL", Long.class, old)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM outage WHERE camera_id = ?", Long.class, old)).isEqualTo(1L);
		assertThat(jdbc.queryForObject("SELECT site_index FROM camera WHERE id = ?", Integer.class, neighbour)).isEqualTo(2);

		JsonNode oldView = json(get(MaintenanceFixtures.ADMIN, "/api/cameras/" + old));
		assertThat(oldView.get("replacedByCameraId").asLong()).isEqualTo(delivered);
		assertThat(oldView.get("replacedByCameraTag").asString()).isEqualTo(site + "-03");
		assertThat(oldView.get("decommissionKind").asString()).isEqualTo("REPLACED");
		JsonNode newView = json(get(MaintenanceFixtures.ADMIN, "/api/cameras/" + delivered));
		assertThat(newView.get("replacesCameraId").asLong()).isEqualTo(old);
		assertThat(newView.get("replacesCameraTag").asString()).isEqualTo(site + "-01");
		assertThat(newView.get("serialNumber").asString()).isEqualTo(serial.toLowerCase());

		Map<String, Object> replaced = jdbc.queryForMap("""
				SELECT actor, details->>'oldCameraId' AS old, details->>'serialNumber' AS serial FROM audit_event
				 WHERE action = 'camera.replaced' AND object_id = ?""", String.valueOf(delivered));
		assertThat(replaced).containsEntry("actor", MaintenanceFixtures.VENDOR1).containsEntry("old", String.valueOf(old));
		assertThat(jdbc.queryForObject("""
				SELECT details->>'deliveredCameraId' FROM audit_event WHERE action = 'work_order.close' AND object_id = ?""",
				String.class, String.valueOf(orderOld))).isEqualTo(String.valueOf(delivered));

		// project progress: one delivered of two planned
		Browser procurement = loggedIn(MaintenanceFixtures.PROCUREMENT);
		String page = procurement.get("/procurement/projects/" + projectId).body();
		assertThat(page).contains("id=\"project-progress\"").containsPattern("1\\s*/\\s*2");
		assertThat(page).contains("/work-orders/" + orderOld).contains("/cameras/" + delivered);

		// the same serial in another case for the second order
		long before = cameras();
		HttpResponse<String> inUse = post(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + orderSecond + "/close",
				delivery(orderSecond, serial.toUpperCase()));
		assertThat(inUse.statusCode()).as(inUse.body()).isEqualTo(400);
		assertThat(json(inUse).get("errors").findValuesAsString("field")).contains("serialNumber");
		assertThat(cameras()).isEqualTo(before);
		assertThat(state(orderSecond)).isEqualTo("ASSIGNED");
	}

	@Test
	void badInputIsRefusedNamingTheFieldWithNothingWritten() {
		long before = cameras();
		long orderVersion = version(orderOld);
		Map<String, java.util.function.Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
		cases.put("make", b -> b.remove("make"));
		cases.put("model", b -> b.put("model", " "));
		cases.put("serialNumber", b -> b.remove("serialNumber"));
		cases.put("installDate", b -> b.put("installDate", MaintenanceFixtures.today().plusDays(2).toString()));
		cases.put("lpr", b -> b.put("lpr", "MAYBE"));
		cases.put("heading", b -> b.put("heading", "400"));
		cases.forEach((field, change) -> {
			Map<String, Object> body = delivery(orderOld, "ITJ-BAD-" + PlanFixtures.RUN);
			change.accept(body);
			HttpResponse<String> refused = post(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + orderOld + "/close", body);
			assertThat(refused.statusCode()).as(field + ": " + refused.body()).isEqualTo(400);
			assertThat(json(refused).get("errors").findValuesAsString("field")).as(field).contains(field);
		});
		Map<String, Object> absurd = delivery(orderOld, "ITJ-BAD-" + PlanFixtures.RUN);
		absurd.put("installDate", "1900-01-01");
		HttpResponse<String> refused = post(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + orderOld + "/close", absurd);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).get("errors").findValuesAsString("field")).contains("installDate");

		assertThat(cameras()).isEqualTo(before);
		assertThat(state(orderOld)).isEqualTo("ASSIGNED");
		assertThat(version(orderOld)).isEqualTo(orderVersion);
		assertThat(jdbc.queryForObject("SELECT status FROM camera WHERE id = ?", String.class, old)).isNotEqualTo("DECOMMISSIONED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM outage WHERE camera_id = ? AND ended_at IS NULL", Long.class, old))
			.isEqualTo(1L);
	}

	@Test
	void withoutProjectTermsTheWarrantyEndIsRequired() {
		jdbc.update("UPDATE procurement_project SET warranty_years = NULL WHERE id = ?", projectId);
		HttpResponse<String> refused = post(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + orderOld + "/close",
				delivery(orderOld, "ITJ-NT-" + PlanFixtures.RUN + orderOld));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(json(refused).get("errors").findValuesAsString("field")).contains("warrantyEnd");
		Map<String, Object> body = delivery(orderOld, "ITJ-NT-" + PlanFixtures.RUN + orderOld);
		body.put("warrantyEnd", "2040-06-30");
		HttpResponse<String> closed = post(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + orderOld + "/close", body);
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT c.warranty_end FROM camera c JOIN work_order w ON w.delivered_camera_id = c.id WHERE w.id = ?",
				LocalDate.class, orderOld)).isEqualTo(LocalDate.of(2040, 6, 30));
	}

	@Test
	void twoDeliveriesOfOneOrderAtOnceGiveOneCamera() throws Exception {
		Map<String, Object> first = delivery(orderSecond, "ITJ-RACE-A-" + PlanFixtures.RUN + orderSecond);
		Map<String, Object> other = delivery(orderSecond, "ITJ-RACE-B-" + PlanFixtures.RUN + orderSecond);
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (Map<String, Object> body : List.of(first, other)) {
			calls.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				return post(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + orderSecond + "/close", body);
			}));
		}
		List<Integer> statuses = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> call : calls) {
			statuses.add(call.get().statusCode());
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE replaces_camera_id = ?", Long.class, second))
			.isEqualTo(1L);
		assertThat(state(orderSecond)).isEqualTo("CLOSED");
	}
}
