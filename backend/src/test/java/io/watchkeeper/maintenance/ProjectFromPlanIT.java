package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A plan year made into a procurement project over HTTP (POST /api/planning/plans/{id}/years/{fy}/project): the
 * lifecycle job's orders adopted, the others opened, never two per camera; cameras in another project or
 * decommissioned left out and counted; bad input refused naming the field with nothing written; audited.
 */
class ProjectFromPlanIT extends MaintenanceHttp {

	private static final int YEAR = 2031;

	@Autowired
	LifecycleService lifecycle;

	private long camera() {
		return PlanFixtures.cameraOnSite(jdbc, PlanFixtures.site(jdbc), 1, ids.precinctA(), null);
	}

	private Map<String, Object> projectRequest(String code, String source) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("nameZh", "測試汰換案 " + code);
		body.put("warrantyYears", 5);
		body.put("fundingSources", List.of(Map.of("code", source, "amountNtd", 250000)));
		body.put("milestones", Map.of("budgetedOn", "2031-01-15"));
		return body;
	}

	private long countProjects(String code) {
		return jdbc.queryForObject("SELECT count(*) FROM procurement_project WHERE code = ?", Long.class, code);
	}

	private long openReplacementOrders(long cameraId) {
		return jdbc.queryForObject("""
				SELECT count(*) FROM work_order WHERE camera_id = ? AND kind = 'REPLACEMENT' AND state <> 'CANCELLED'""",
				Long.class, cameraId);
	}

	@Test
	void adoptsTheLifecycleOrdersOpensTheOthersAndLeavesOutWhatIsTaken() {
		long adopted = camera();
		long fresh = camera();
		long onlyCancelled = camera();
		long elsewhere = camera();
		long gone = camera();
		long lifecycleOrder = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, opened_at, created_by)
				VALUES ('REPLACEMENT', ?, 'LIFECYCLE', 'NEW', now(), 'system') RETURNING id""", Long.class, adopted);
		long cancelled = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, opened_at, cancelled_at, created_by)
				VALUES ('REPLACEMENT', ?, 'LIFECYCLE', 'CANCELLED', now(), now(), 'system') RETURNING id""", Long.class,
				onlyCancelled);
		long other = jdbc.queryForObject("""
				INSERT INTO procurement_project (code, name_zh, purpose, fiscal_year, budget_ntd)
				VALUES (?, '別的案', 'REPLACEMENT', 2030, 1) RETURNING id""", Long.class, PlanFixtures.code("OTHER"));
		long otherOrder = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, opened_at, created_by, project_id)
				VALUES ('REPLACEMENT', ?, 'MANUAL', 'NEW', now(), 'itj', ?) RETURNING id""", Long.class, elsewhere, other);
		jdbc.update("UPDATE camera SET status = 'DECOMMISSIONED', decommissioned_on = CURRENT_DATE, decommission_kind = 'OTHER' WHERE id = ?", gone);
		long plan = PlanFixtures.plan(jdbc, YEAR);
		long[] prices = { 75_387, 94_255, 175_793, 11, 13 };
		long[] cameras = { adopted, fresh, onlyCancelled, elsewhere, gone };
		for (int i = 0; i < cameras.length; i++) {
			PlanFixtures.planCamera(jdbc, plan, YEAR, cameras[i], prices[i]);
		}
		String code = PlanFixtures.code("P");
		HttpResponse<String> made = post(MaintenanceFixtures.PROCUREMENT, "/api/planning/plans/" + plan + "/years/" + YEAR
				+ "/project", projectRequest(code, PlanFixtures.fundingSource(jdbc, YEAR)));

		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		JsonNode answer = json(made);
		long projectId = answer.get("projectId").asLong();
		assertThat(made.headers().firstValue("Location")).hasValue("/procurement/projects/" + projectId);
		assertThat(answer.get("code").asString()).isEqualTo(code);
		assertThat(answer.get("cameras").asInt()).isEqualTo(3);
		assertThat(answer.get("adoptedOrders").asInt()).isEqualTo(1);
		assertThat(answer.get("createdOrders").asInt()).isEqualTo(2);
		assertThat(answer.get("leftOutInProject").asInt()).isEqualTo(1);
		assertThat(answer.get("leftOutDecommissioned").asInt()).isEqualTo(1);

		Map<String, Object> project = jdbc.queryForMap("SELECT * FROM procurement_project WHERE id = ?", projectId);
		assertThat(project.get("purpose")).isEqualTo("REPLACEMENT");
		assertThat(((Number) project.get("fiscal_year")).intValue()).isEqualTo(YEAR);
		assertThat(((Number) project.get("plan_id")).longValue()).isEqualTo(plan);
		assertThat(((Number) project.get("plan_year")).intValue()).isEqualTo(YEAR);
		assertThat(((Number) project.get("budget_ntd")).longValue()).isEqualTo(75_387 + 94_255 + 175_793);
		assertThat(((Number) project.get("planned_camera_count")).intValue()).isEqualTo(3);
		assertThat(((Number) project.get("warranty_years")).intValue()).isEqualTo(5);
		assertThat(project.get("budgeted_on").toString()).isEqualTo("2031-01-15");
		assertThat(jdbc.queryForObject("SELECT amount_ntd FROM project_funding WHERE project_id = ?", Long.class, projectId))
			.isEqualTo(250_000L);

		// the lifecycle order is adopted as it is, not duplicated
		assertThat(jdbc.queryForObject("SELECT project_id FROM work_order WHERE id = ?", Long.class, lifecycleOrder))
			.isEqualTo(projectId);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE project_id = ?", Long.class, projectId))
			.isEqualTo(3L);
		for (long c : new long[] { adopted, fresh, onlyCancelled, elsewhere }) {
			assertThat(openReplacementOrders(c)).as("camera %d", c).isEqualTo(1L);
		}
		assertThat(jdbc.queryForObject("SELECT state FROM work_order WHERE id = ?", String.class, cancelled))
			.isEqualTo("CANCELLED");
		assertThat(jdbc.queryForObject("SELECT project_id FROM work_order WHERE id = ?", Long.class, otherOrder))
			.isEqualTo(other);
		assertThat(openReplacementOrders(gone)).isZero();

		// the lifecycle job raises nothing more for these cameras
		lifecycle.raiseReplacementOrders();
		for (long c : new long[] { adopted, fresh, onlyCancelled, elsewhere }) {
			assertThat(openReplacementOrders(c)).as("camera %d after the lifecycle job", c).isEqualTo(1L);
		}

		Map<String, Object> audit = jdbc.queryForMap("""
				SELECT actor, details->>'cameras' AS cameras, details->>'adoptedOrders' AS adopted,
				       details->>'createdOrders' AS created
				  FROM audit_event WHERE action = 'planning.project_created' AND object_id = ?""", String.valueOf(projectId));
		assertThat(audit).containsEntry("actor", MaintenanceFixtures.PROCUREMENT).containsEntry("cameras", "3")
			.containsEntry("adopted", "1").containsEntry("created", "2");

		// the same cameras again: all are in a project now
		HttpResponse<String> again = post(MaintenanceFixtures.PROCUREMENT, "/api/planning/plans/" + plan + "/years/" + YEAR
				+ "/project", projectRequest(PlanFixtures.code("P"), PlanFixtures.fundingSource(jdbc, YEAR)));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
	}

	@Test
	void aFilteredSelectionTakesOnlyItsCameras() {
		long first = camera();
		long second = camera();
		long plan = PlanFixtures.plan(jdbc, YEAR);
		PlanFixtures.planCamera(jdbc, plan, YEAR, first, 100);
		PlanFixtures.planCamera(jdbc, plan, YEAR, second, 200);
		Map<String, Object> body = projectRequest(PlanFixtures.code("P"), PlanFixtures.fundingSource(jdbc, YEAR));
		body.put("cameraIds", List.of(second));
		body.put("budgetNtd", 999);
		HttpResponse<String> made = post(MaintenanceFixtures.ADMIN, "/api/planning/plans/" + plan + "/years/" + YEAR
				+ "/project", body);
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		assertThat(json(made).get("cameras").asInt()).isEqualTo(1);
		assertThat(json(made).get("budgetNtd").asLong()).isEqualTo(999);
		assertThat(openReplacementOrders(first)).isZero();
		assertThat(openReplacementOrders(second)).isEqualTo(1L);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
		long camera = camera();
		long lifecycleOrder = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, opened_at, created_by)
				VALUES ('REPLACEMENT', ?, 'LIFECYCLE', 'NEW', now(), 'system') RETURNING id""", Long.class, camera);
		long plan = PlanFixtures.plan(jdbc, YEAR);
		PlanFixtures.planCamera(jdbc, plan, YEAR, camera, 100);
		String source = PlanFixtures.fundingSource(jdbc, YEAR);
		String path = "/api/planning/plans/" + plan + "/years/" + YEAR + "/project";
		long auditBefore = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'planning.project_created'", Long.class);

		Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
		Map<String, Object> emptyPrecinct = projectRequest(PlanFixtures.code("P"), source);
		emptyPrecinct.put("precinctId", ids.precinctB());
		cases.put("precinctId", emptyPrecinct);
		Map<String, Object> noCameras = projectRequest(PlanFixtures.code("P"), source);
		noCameras.put("cameraIds", List.of());
		cases.put("cameraIds", noCameras);
		Map<String, Object> unknownSource = projectRequest(PlanFixtures.code("P"), source);
		unknownSource.put("fundingSources", List.of(Map.of("code", "ITJ-NO-SUCH-SOURCE", "amountNtd", 1)));
		cases.put("fundingSources[0].code", unknownSource);
		Map<String, Object> negative = projectRequest(PlanFixtures.code("P"), source);
		negative.put("budgetNtd", -5);
		cases.put("budgetNtd", negative);
		Map<String, Object> absurd = projectRequest(PlanFixtures.code("P"), source);
		absurd.put("fundingSources", List.of(Map.of("code", source, "amountNtd", 5_000_000_000_000L)));
		cases.put("fundingSources[0].amountNtd", absurd);
		Map<String, Object> noWarranty = projectRequest(PlanFixtures.code("P"), source);
		noWarranty.remove("warrantyYears");
		cases.put("warrantyYears", noWarranty);
		Map<String, Object> outOfOrder = projectRequest(PlanFixtures.code("P"), source);
		outOfOrder.put("milestones", Map.of("budgetedOn", "2031-05-01", "tenderingOn", "2031-02-01"));
		cases.put("milestones.tenderingOn", outOfOrder);
		Map<String, Object> unknownVendor = projectRequest(PlanFixtures.code("P"), source);
		unknownVendor.put("vendorCode", "ITJ-NO-SUCH-VENDOR");
		cases.put("vendorCode", unknownVendor);
		String taken = PlanFixtures.code("TAKEN");
		jdbc.update("INSERT INTO procurement_project (code, name_zh, purpose, fiscal_year, budget_ntd) VALUES (?, '已有', 'REPLACEMENT', 2031, 1)",
				taken);
		cases.put("code", projectRequest(taken.toLowerCase(), source));

		cases.forEach((field, body) -> {
			HttpResponse<String> refused = post(MaintenanceFixtures.PROCUREMENT, path, body);
			assertThat(refused.statusCode()).as(field + ": " + refused.body()).isEqualTo(400);
			assertThat(json(refused).get("errors").findValuesAsString("field")).as(field).contains(field);
			if (!field.equals("code")) {
				assertThat(countProjects((String) body.get("code"))).as(field).isZero();
			}
		});
		assertThat(jdbc.queryForObject("SELECT project_id FROM work_order WHERE id = ?", Long.class, lifecycleOrder)).isNull();
		assertThat(openReplacementOrders(camera)).isEqualTo(1L);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'planning.project_created'", Long.class))
			.isEqualTo(auditBefore);
		assertThat(post(MaintenanceFixtures.PROCUREMENT, "/api/planning/plans/999999999/years/2031/project",
				projectRequest(PlanFixtures.code("P"), source)).statusCode()).isEqualTo(404);
	}

	@Test
	void onlyPlannersMakeProjects() {
		long plan = PlanFixtures.plan(jdbc, YEAR);
		PlanFixtures.planCamera(jdbc, plan, YEAR, camera(), 100);
		String code = PlanFixtures.code("P");
		for (String user : List.of(MaintenanceFixtures.DISPATCHER, MaintenanceFixtures.VIEWER, MaintenanceFixtures.VENDOR1)) {
			assertThat(post(user, "/api/planning/plans/" + plan + "/years/" + YEAR + "/project",
					projectRequest(code, PlanFixtures.fundingSource(jdbc, YEAR))).statusCode()).as(user).isEqualTo(403);
		}
		assertThat(countProjects(code)).isZero();
	}

	@Test
	void thePlannerMakesAProjectOnThePage() {
		long camera = camera();
		long plan = PlanFixtures.plan(jdbc, YEAR);
		PlanFixtures.planCamera(jdbc, plan, YEAR, camera, 94_255);
		String page = "/planning/plans/" + plan + "/years/" + YEAR + "/project";
		Browser planner = loggedIn(MaintenanceFixtures.PROCUREMENT);
		HttpResponse<String> form = planner.get(page);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"plan-project-form\"").contains("id=\"plan-year-summary\"").contains("94,255");

		HttpResponse<String> refused = planner.submit(page, page, Map.of("nameZh", "頁面測試", "warrantyYears", "3"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("data-field=\"code\"");
		assertThat(openReplacementOrders(camera)).isZero();

		String code = PlanFixtures.code("PAGE");
		HttpResponse<String> made = planner.submit(page, page, Map.of("code", code, "nameZh", "頁面測試",
				"warrantyYears", "3", "fundingSourceCode", PlanFixtures.fundingSource(jdbc, YEAR), "fundingAmountNtd", "94,255"));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
		long projectId = jdbc.queryForObject("SELECT id FROM procurement_project WHERE code = ?", Long.class, code);
		assertThat(made.headers().firstValue("Location").orElse("")).endsWith("/procurement/projects/" + projectId);
		assertThat(openReplacementOrders(camera)).isEqualTo(1L);
		String projectPage = planner.get("/procurement/projects/" + projectId).body();
		assertThat(projectPage).contains("id=\"upkeep-form\"").containsPattern("0\\s*/\\s*1");
		assertThat(loggedIn(MaintenanceFixtures.DISPATCHER).get(page).body()).doesNotContain("id=\"plan-project-form\"");
	}
}
