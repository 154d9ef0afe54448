package io.watchkeeper.planning;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/** The maintenance budget split over the API: preview (plan readers), apply (plan editors), history, export. */
@RestController
@RequestMapping(path = "/api/planning", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Planning", description = "Replacement forecast, plans, projects from plans and the maintenance budget split")
class BudgetSplitApiController {

	private final BudgetSplits splits;
	private final BudgetSplitExport export;

	BudgetSplitApiController(BudgetSplits splits, BudgetSplitExport export) {
		this.splits = splits;
		this.export = export;
	}

	@GetMapping("/budget-split")
	@Operation(summary = "Preview a maintenance budget split (ADMIN, PROCUREMENT, DISPATCHER)", description = """
			`totalNtd` (whole NT$, 1 .. 10,000,000,000) shared among the precincts in proportion to their cameras \
			out of warranty on `referenceDate` (in service that day, warranty ended before it or none), rounded by \
			largest remainder (ties by precinct code) so the parts add up to the total exactly; `fiscalYear` \
			(1990..2100) picks each precinct's contract. Writes nothing. 400 names the field at fault; \
			`referenceDate` when no camera is out of warranty that day.""")
	BudgetSplit preview(@RequestParam(required = false) String fiscalYear, @RequestParam(required = false) String totalNtd,
			@RequestParam(required = false) String referenceDate) {
		return splits.preview(BudgetSplitInput.parse(fiscalYear, totalNtd, referenceDate));
	}

	@PostMapping(path = "/budget-split", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Apply a maintenance budget split to the fiscal year's contracts (ADMIN, PROCUREMENT)", description = """
			Body `{fiscalYear, totalNtd, referenceDate}`, as the preview. Records the split, sets each precinct's \
			contract of the fiscal year to its part (a contract covering several precincts gets their sum), audits \
			BUDGET_SPLIT_APPLIED; 201 with the applied split. 400 names the field at fault; 409 names a precinct \
			with cameras out of warranty but no contract that year. Nothing is written when refused.""")
	ResponseEntity<BudgetSplit> apply(@RequestBody Map<String, Object> body) {
		BudgetSplitInput input = BudgetSplitInput.parse(body.get("fiscalYear"), body.get("totalNtd"), body.get("referenceDate"));
		BudgetSplit applied = splits.apply(input.fiscalYear(), input.totalNtd(), input.referenceDate(), AuditLog.currentActor());
		return ResponseEntity.created(URI.create("/api/planning/budget-split/" + applied.id())).body(applied);
	}

	@GetMapping("/budget-split/history")
	@Operation(summary = "The applied splits, newest first, without their parts (ADMIN, PROCUREMENT, DISPATCHER)")
	List<BudgetSplit> history(@RequestParam(defaultValue = "50") int limit) {
		return splits.history(Math.max(1, Math.min(limit, 500)));
	}

	@GetMapping("/budget-split/{id:[0-9]+}")
	@Operation(summary = "An applied split with its parts as applied (ADMIN, PROCUREMENT, DISPATCHER)")
	BudgetSplit applied(@PathVariable long id) {
		return splits.find(id).orElseThrow(() -> new NotFoundException("budget split", id));
	}

	@GetMapping(path = { "/budget-split.csv", "/budget-split.xlsx", "/budget-split/{id:[0-9]+}.csv", "/budget-split/{id:[0-9]+}.xlsx" }, produces = MediaType.ALL_VALUE)
	@Operation(summary = "A preview (same parameters) or an applied split (by id) as CSV or XLSX (ADMIN, PROCUREMENT, DISPATCHER)",
			description = "CSV in UTF-8 with a byte-order mark; text that a spreadsheet would run as a formula is defused.")
	void download(@PathVariable(required = false) Long id, @RequestParam(required = false) String fiscalYear,
			@RequestParam(required = false) String totalNtd, @RequestParam(required = false) String referenceDate,
			Locale locale, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
		BudgetSplit split = id != null ? applied(id) : preview(fiscalYear, totalNtd, referenceDate);
		export.write(split, request.getRequestURI().endsWith(".xlsx"), locale, response);
	}
}
