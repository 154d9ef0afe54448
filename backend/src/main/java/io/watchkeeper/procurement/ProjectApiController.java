package io.watchkeeper.procurement;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Adds procurement projects over the API (ADMIN and PROCUREMENT); GET /api/projects lists them. */
@RestController
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference lists")
class ProjectApiController {

	record SavedProject(long id, String code, String purpose, String nameZh, String nameEn, int fiscalYear, int rocYear,
			long budgetNtd, Integer plannedCameraCount, String fundingSourceCode) {
	}

	private final Projects projects;

	ProjectApiController(Projects projects) {
		this.projects = projects;
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
