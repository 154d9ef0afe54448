package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A project's upkeep over PUT /api/projects/{id}: milestones in order, the vendor awarded (its technicians then hold
 * the project's open replacement orders, and only they among vendors see them), warranty years; audited; bad input
 * named with nothing written.
 */
class ProjectUpkeepIT extends MaintenanceHttp {

	private HttpResponse<String> put(String user, String path, Map<String, ?> body) {
		return send(request(user, path).PUT(BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.header("Content-Type", "application/json"));
	}

	@Test
	void awardingTheVendorHandsItTheOpenOrders() {
		long camera = PlanFixtures.cameraOnSite(jdbc, PlanFixtures.site(jdbc), 1, ids.precinctB(), null);
		long plan = PlanFixtures.plan(jdbc, 2032);
		PlanFixtures.planCamera(jdbc, plan, 2032, camera, 75_387);
		HttpResponse<String> made = post(MaintenanceFixtures.PROCUREMENT, "/api/planning/plans/" + plan + "/years/2032/project",
				Map.of("code", PlanFixtures.code("U"), "nameZh", "維護測試", "warrantyYears", 2,
						"fundingSources", List.of(Map.of("code", PlanFixtures.fundingSource(jdbc, 2032), "amountNtd", 75_387))));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		long project = json(made).get("projectId").asLong();
		long order = jdbc.queryForObject("SELECT id FROM work_order WHERE project_id = ?", Long.class, project);
		assertThat(state(order)).isEqualTo("NEW");
		assertThat(get(MaintenanceFixtures.VENDOR2, "/api/work-orders/" + order).statusCode()).isEqualTo(404);

		Map<String, Object> bad = new LinkedHashMap<>();
		bad.put("milestones", Map.of("awardedOn", "2032-05-01", "startedOn", "2032-04-01"));
		bad.put("vendorCode", "ITM-V2");
		HttpResponse<String> outOfOrder = put(MaintenanceFixtures.PROCUREMENT, "/api/projects/" + project, bad);
		assertThat(outOfOrder.statusCode()).as(outOfOrder.body()).isEqualTo(400);
		assertThat(json(outOfOrder).get("errors").findValuesAsString("field")).containsExactly("milestones.startedOn");
		bad.put("milestones", Map.of("awardedOn", "2032-05-01"));
		bad.put("vendorCode", "ITJ-NO-SUCH-VENDOR");
		HttpResponse<String> unknown = put(MaintenanceFixtures.PROCUREMENT, "/api/projects/" + project, bad);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown).get("errors").findValuesAsString("field")).containsExactly("vendorCode");
		assertThat(jdbc.queryForObject("SELECT vendor_id FROM procurement_project WHERE id = ?", Long.class, project)).isNull();
		assertThat(state(order)).isEqualTo("NEW");
		assertThat(put(MaintenanceFixtures.DISPATCHER, "/api/projects/" + project, bad).statusCode()).isEqualTo(403);

		Map<String, Object> good = new LinkedHashMap<>();
		good.put("milestones", Map.of("budgetedOn", "2032-01-10", "awardedOn", "2032-05-01", "completionDueOn", "2032-12-31"));
		good.put("vendorCode", "itm-v2");
		good.put("warrantyYears", 4);
		HttpResponse<String> saved = put(MaintenanceFixtures.PROCUREMENT, "/api/projects/" + project, good);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
		Map<String, Object> row = jdbc.queryForMap("SELECT * FROM procurement_project WHERE id = ?", project);
		assertThat(((Number) row.get("vendor_id")).longValue()).isEqualTo(ids.vendor2());
		assertThat(((Number) row.get("warranty_years")).intValue()).isEqualTo(4);
		assertThat(row.get("awarded_on").toString()).isEqualTo("2032-05-01");
		assertThat(state(order)).isEqualTo("ASSIGNED");
		assertThat(jdbc.queryForObject("SELECT vendor_id FROM work_order WHERE id = ?", Long.class, order)).isEqualTo(ids.vendor2());
		assertThat(get(MaintenanceFixtures.VENDOR2, "/api/work-orders/" + order).statusCode()).isEqualTo(200);
		assertThat(get(MaintenanceFixtures.VENDOR1, "/api/work-orders/" + order).statusCode()).isEqualTo(404);
		assertThat(jdbc.queryForObject("""
				SELECT details->>'ordersHandedToVendor' FROM audit_event WHERE action = 'procurement_project.updated'
				   AND object_id = ?""", String.class, String.valueOf(project))).isEqualTo("1");
		assertThat(put(MaintenanceFixtures.PROCUREMENT, "/api/projects/999999999", good).statusCode()).isEqualTo(404);
	}
}
