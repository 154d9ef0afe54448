package io.watchkeeper.reporting;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/reports/half-year")
@Tag(name = "Half-year report", description = "The camera section of the half-year council report and the records behind each figure")
class HalfYearApiController {

	private final HalfYearReports reports;
	private final MaintenanceFigures figures;
	private final Clock clock;

	HalfYearApiController(HalfYearReports reports, MaintenanceFigures figures, Clock clock) {
		this.reports = reports;
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The half-year report", description = """
			Every item of the report's camera section (decommissioned, replacement, new-installation, subsidized and \
			locally funded projects, cameras with plate recognition, cases solved with footage, the maintenance budget and \
			the cameras restored), each figure beside the previous half year's with the change and the link to its \
			records, the charts' data and the text in zh-TW and English. Counted as of the period's last day (or today \
			while it runs); milestones after that day are null. Readable by ADMIN, DISPATCHER, PROCUREMENT and VIEWER.""")
	@ApiResponse(responseCode = "200", description = "The report")
	@ApiResponse(responseCode = "400", description = "A year before 1990 or after next year, a bad half, a half year that has not "
			+ "begun, an unknown groupBy; `errors` names the parameter", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Not a report reader (vendors, squads, investigators)")
	HalfYearReport report(
			@Parameter(description = "western year, e.g. 2023 (with half missing: its first half; both missing: the last half year ended)") @RequestParam(required = false) String year,
			@Parameter(description = "1 (上半年, January–June) or 2 (下半年, July–December)") @RequestParam(required = false) String half,
			@Parameter(description = "grouping of the maintenance table: precinct (default), contract, vendor or squad") @RequestParam(required = false) String groupBy) {
		HalfYear period = HalfYear.parse(year, half, today());
		Grouping grouping = Grouping.parse(groupBy);
		return reports.report(period, grouping);
	}

	@GetMapping(path = "/records", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The records behind one figure", description = """
			The cameras, projects, cases, contracts or work orders a figure of the half-year report is counted from, each \
			with the path of its own page; `total` always counts them all, `rows` holds at most `limit`. `figure` is a \
			figure's key (e.g. decommissioned, replacement.cameras, lpr.cameras, cases.solvedWithFootage, \
			maintenance.restoredByVendors) or project:<id> for one project's cameras. Readable by ADMIN, DISPATCHER, \
			PROCUREMENT and VIEWER. The case figures' records list the cases (number, precinct, closing day) for ADMIN \
			only; every other reader gets how many per precinct (kind case-count), since investigation keeps from \
			other roles that a case exists.""")
	@ApiResponse(responseCode = "200", description = "The records")
	@ApiResponse(responseCode = "400", description = "A bad year or half, an unknown figure, a limit outside 1..10000; `errors` names "
			+ "the parameter", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Not a report reader")
	HalfYearRecords records(@Parameter(description = "western year, e.g. 2023") @RequestParam(required = false) String year,
			@Parameter(description = "1 or 2") @RequestParam(required = false) String half,
			@Parameter(description = "the figure's key, or project:<id>") @RequestParam(required = false) String figure,
			@Parameter(description = "rows at most, 1..10000 (default 1000)") @RequestParam(required = false) String limit,
			org.springframework.security.core.Authentication caller) {
		HalfYear period = HalfYear.parse(year, half, today());
		return reports.records(period, figure, limit(limit), HalfYearRecordsPage.isCaseWorker(caller));
	}

	static int limit(String limit) {
		if (limit == null || limit.isBlank()) {
			return HalfYearReports.DEFAULT_LIMIT;
		}
		try {
			return Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException e) {
			throw new ReportInputException("limit", "reporting.error.halfYear.limit",
					"limit must be between 1 and " + HalfYearReports.MAX_LIMIT + ", not '" + limit + "'", limit,
					HalfYearReports.MAX_LIMIT);
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(figures.zone()));
	}
}
