package io.watchkeeper.camera;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference lists", description = "What camera filters and fields refer to by id")
class ReferenceApiController {

	private final CameraCatalog catalog;

	ReferenceApiController(CameraCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/precincts")
	@Operation(summary = "Police precincts (分局)")
	List<Reference> precincts() {
		return catalog.precincts();
	}

	@GetMapping("/districts")
	@Operation(summary = "Administrative districts (行政區)")
	List<Reference> districts() {
		return catalog.districts();
	}

	@GetMapping("/funding-sources")
	@Operation(summary = "Funding sources, newest fiscal year first", description = """
			`kind` is CITY_BUDGET, CENTRAL_SUBSIDY, SOE_COMMUNITY_FUND, DONATION or OTHER; `amountNtd` is the amount in \
			whole New Taiwan dollars and `allocatedNtd` what procurement projects draw from it.""")
	List<Procurement.FundingSourceView> fundingSources() {
		return catalog.fundingSourceViews();
	}

	@GetMapping("/projects")
	@Operation(summary = "Procurement projects, newest fiscal year first", description = """
			`purpose` (also `kind`) is REPLACEMENT, NEW_INSTALLATION or LPR_UPGRADE; `budgetNtd` in whole New Taiwan \
			dollars; `plannedCameraCount` as contracted, `deliveredCameraCount` the cameras in the registry that name \
			the project; `milestones` the dates reached so far; `overdue` true when the completion date has passed and the project is \
			neither completed nor accepted; `funding` each funding source's share.""")
	List<Procurement.ProjectView> projects() {
		return catalog.projectViews();
	}
}
