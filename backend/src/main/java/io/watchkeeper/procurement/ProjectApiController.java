package io.watchkeeper.procurement;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Adds and keeps procurement projects over the API (ADMIN and PROCUREMENT); GET /api/projects lists them. */
@RestController
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference lists")
class ProjectApiController {

	record SavedProject(long id, String code, String purpose, String nameZh, String nameEn, int fiscalYear, int rocYear,
			long budgetNtd, Integer plannedCameraCount, String fundingSourceCode) {
	}

	private final Projects projects;
	private final ProcurementProjects upkeep;

	ProjectApiController(Projects projects, ProcurementProjects upkeep) {
		this.projects = projects;
		this.upkeep = upkeep;
	}

	/** The body of PUT /api/projects/{id}: the whole upkeep (a field left out is cleared). */
	record ProjectUpkeep(ProjectMilestones milestones, String vendorCode, Integer warrantyYears) {
	}

	@PutMapping(path = "/{id:\\d+}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Keep a project up to date (ADMIN and PROCUREMENT)", description = """
			Replaces the project's milestones {budgetedOn, tenderingOn, awardedOn, startedOn, completionDueOn, \
			completedOn, acceptedOn} (YYYY-MM-DD, in that order; completion due not before the start), `vendorCode` \
			(the vendor awarded; its technicians then hold the project's open replacement orders) and `warrantyYears` \
			(0-20; a delivered camera's warranty ends that many years after installation). A field left out is cleared. \
			Audited PROJECT_UPDATED. 400 names the fields at fault (dates out of order, unknown vendor); 404 for no such \
			project.""")
	ResponseEntity<Void> update(@PathVariable long id, @RequestBody ProjectUpkeep body) {
		upkeep.update(id, new ProcurementProjects.Upkeep(body.milestones(), body.vendorCode(), body.warrantyYears()));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a procurement project", description = """
			`code` letters, digits and dashes (stored upper case, unique); `purpose` REPLACEMENT, NEW_INSTALLATION or \
			LPR_UPGRADE; `nameZh` required; `fiscalYear` as 2023 or the ROC year 112; `budget` whole New Taiwan \
			dollars; `plannedCameraCount` optional; `fundingSourceCode` optional, the source the whole budget is drawn \
			from. 400 names the fields at fault; 409 when the code is taken.""")
	ResponseEntity<SavedProject> create(@RequestBody ProjectForm form) {
		ProjectDraft p = ProjectDraft.parse(form);
		long id = projects.create(p);
		return ResponseEntity.created(URI.create("/procurement/projects/" + id))
			.body(new SavedProject(id, p.code(), p.purpose(), p.nameZh(), p.nameEn(), p.fiscalYear(),
					p.fiscalYear() - ProcurementInput.ROC_EPOCH, p.budget().amount(), p.plannedCameraCount(),
					p.fundingSourceCode()));
	}

	@ExceptionHandler(ProcurementInputRefused.class)
	ResponseEntity<ProblemDetail> refused(ProcurementInputRefused e) {
		return e.asProblem();
	}
}
