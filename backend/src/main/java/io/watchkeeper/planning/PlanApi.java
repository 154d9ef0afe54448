package io.watchkeeper.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.planning.PlanViews.Comparison;
import io.watchkeeper.planning.PlanViews.PlanCamera;
import io.watchkeeper.planning.PlanViews.PlanSummary;
import io.watchkeeper.planning.PlanViews.PlanView;
import io.watchkeeper.shared.InvalidInputException;

@RestController
@Tag(name = "Planning")
class PlanApi {

	private static final String READERS = " ADMIN, PROCUREMENT and DISPATCHER may call it.";
	private static final String EDITORS = " ADMIN and PROCUREMENT may call it.";

	private final Plans plans;
	private final ImportantSites importantSites;

	PlanApi(Plans plans, ImportantSites importantSites) {
		this.plans = plans;
		this.importantSites = importantSites;
	}

	@PostMapping(path = "/api/planning/plans/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Compute a budget-capped replacement plan without saving it", description = """
			Each year takes the cameras due by its Dec 31 not yet planned, by priority score (ties by camera id), while \
			the running cost stays within its budget; it stops at the first camera that does not fit (carried over). \
			400 names the field: years (1..10), budgetPerYear / budgets[i].budgetNtd (negative or absurd), \
			budgets[i].fiscalYear, weights.<name> (0..10), prices (a kind in use without a price).""" + EDITORS)
	PlanView preview(@RequestBody PlanInputs.Request request) {
		return plans.preview(request);
	}

	@PostMapping(path = "/api/planning/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Compute and save a plan under a name (unique whatever its case; audited PLAN_SAVED)",
			description = "Same inputs as the preview plus name." + EDITORS)
	PlanView save(@RequestBody PlanInputs.Request request) {
		return plans.save(request);
	}

	@GetMapping("/api/planning/plans")
	@Operation(summary = "Saved plans, newest first", description = READERS)
	List<PlanSummary> list() {
		return plans.list();
	}

	@GetMapping("/api/planning/plans/{id}")
	@Operation(summary = "A saved plan with its inputs and its years", description = READERS)
	PlanView get(@PathVariable long id) {
		return plans.get(id);
	}

	@GetMapping("/api/planning/plans/{id}/years/{fiscalYear}/cameras")
	@Operation(summary = "The cameras a plan puts in a year, by rank, with their score and every part of it",
			description = READERS)
	List<PlanCamera> cameras(@PathVariable long id, @PathVariable int fiscalYear,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
			@RequestParam(required = false) Long precinctId, Locale locale) {
		return plans.cameras(id, fiscalYear, precinctId, limit, offset, locale);
	}

	@GetMapping("/api/planning/plans/compare")
	@Operation(summary = "Two saved plans side by side per year, with the cameras one plan's year has and the other's has not",
			description = READERS)
	Comparison compare(@RequestParam long a, @RequestParam long b) {
		return plans.compare(a, b);
	}

	@DeleteMapping("/api/planning/plans/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a saved plan (409 when a project was made from it; audited PLAN_DELETED)",
			description = EDITORS)
	void delete(@PathVariable long id) {
		plans.delete(id);
	}

	@PostMapping("/api/planning/priority-facts")
	@Operation(summary = "Recompute the kept priority facts (downtime, repairs, useful footage, coverage) of a date",
			description = "asOf defaults to today; a plan computes them once per asOf by itself." + EDITORS)
	Map<String, Object> refreshFacts(@RequestParam(required = false) String asOf) {
		LocalDate day = null;
		if (asOf != null && !asOf.isBlank()) {
			try {
				day = LocalDate.parse(asOf.strip());
			}
			catch (java.time.format.DateTimeParseException e) {
				throw new InvalidInputException("asOf", "asOf must be a date like 2026-01-31");
			}
		}
		int rows = plans.refreshFacts(day);
		return Map.of("asOf", day != null ? day : plans.today(), "cameras", rows);
	}

	record ImportantRequest(String note) {
	}

	@PutMapping("/api/planning/important-cameras/{cameraId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark a camera as an important site (audited IMPORTANT_SITE_SET)", description = EDITORS)
	void markImportant(@PathVariable long cameraId, @RequestBody(required = false) ImportantRequest request) {
		importantSites.set(cameraId, request != null ? request.note() : null);
	}

	@DeleteMapping("/api/planning/important-cameras/{cameraId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a camera's important-site mark (audited IMPORTANT_SITE_SET)", description = EDITORS)
	void unmarkImportant(@PathVariable long cameraId) {
		importantSites.clear(cameraId);
	}

	@GetMapping("/api/planning/important-cameras")
	@Operation(summary = "Cameras marked as important sites", description = READERS)
	List<ImportantSites.ImportantCamera> important() {
		return importantSites.list();
	}
}
