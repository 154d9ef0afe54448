package io.watchkeeper.placement;

import java.security.Principal;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;

@RestController
@RequestMapping("/api/admin/setup")
@Tag(name = "City set-up", description = "The checklist for setting up another city, and the department's name. ADMIN only.")
@PreAuthorize("hasRole('ADMIN')")
class CitySetupApi {

	/** The department's name in both languages; blank or missing clears it. */
	record DepartmentRequest(String departmentZh, String departmentEn) {
	}

	/** The checklist and the department's name. */
	record Checklist(CitySettings.Department department, List<CitySetup.Step> steps) {
	}

	private final CitySetup setup;
	private final CitySettings settings;

	CitySetupApi(CitySetup setup, CitySettings settings) {
		this.setup = setup;
		this.settings = settings;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The set-up checklist", description = """
			Each step (department, precincts, districts, stations, doorPlates, import, matching, placement, areas) with \
			its state (DONE, TODO, PARTLY, OPEN), what was counted, what is left and the page where it is done.""")
	Checklist checklist() {
		return new Checklist(settings.department().orElse(null), setup.steps());
	}

	@PutMapping(path = "/department", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Name the department", description = "Shown in every page's header; at most 100 characters each, no control characters or < >. Audited.")
	@ApiResponse(responseCode = "400", description = "A name too long or with forbidden characters; `errors` names the field",
			content = @Content(mediaType = "application/problem+json"))
	CitySettings.Department rename(@RequestBody DepartmentRequest request, Principal principal) {
		if (request == null) {
			throw new InvalidInputException("body", "the body must be a JSON object");
		}
		return settings.rename(request.departmentZh(), request.departmentEn(), principal.getName(),
				AuditLog.currentRemoteAddress());
	}
}
