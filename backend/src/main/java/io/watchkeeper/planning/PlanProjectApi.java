package io.watchkeeper.planning;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** POST /api/planning/plans/{id}/years/{fy}/project: a plan year made into a procurement project (PLAN_EDITORS). */
@RestController
@RequestMapping(path = "/api/planning/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Planning")
class PlanProjectApi {

	private final PlanProjects projects;

	PlanProjectApi(PlanProjects projects) {
		this.projects = projects;
	}

	@PostMapping(path = "/{id:\\d+}/years/{fy:\\d{4}}/project", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Make a procurement project of a plan year (ADMIN, PROCUREMENT)", description = """
			The cameras the plan puts in fiscal year `fy` (all; or `precinctId`'s; or the `cameraIds` named) become a \
			REPLACEMENT project of that year with their replacement orders: orders the lifecycle job raised are adopted, \
			the others opened (never two per camera). Cameras already in another project or decommissioned since the \
			plan are left out and counted. `code` (letters, digits, dashes; unique), `nameZh` and `warrantyYears` (0-20) \
			are required; `budgetNtd` defaults to the sum of the cameras' unit prices in the plan; `fundingSources` \
			[{code, amountNtd}] must name existing sources; `milestones` dates in order; `vendorCode` an existing vendor \
			(its technicians then hold the orders). 201 {projectId, code, cameras, adoptedOrders, createdOrders, \
			leftOutInProject, leftOutDecommissioned, budgetNtd}.""")
	@ApiResponse(responseCode = "201", description = "The project was made")
	@ApiResponse(responseCode = "400", description = "A field at fault, named (empty selection, unknown code, amounts, dates, code taken); nothing written", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Not ADMIN or PROCUREMENT", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "Every selected camera is already in a project or decommissioned", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<PlanProjects.MadeProject> make(@PathVariable long id, @PathVariable int fy,
			@RequestBody PlanProjects.ProjectRequest request) {
		PlanProjects.MadeProject made = projects.make(id, fy, request);
		return ResponseEntity.created(URI.create("/procurement/projects/" + made.projectId())).body(made);
	}
}
