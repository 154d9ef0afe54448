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
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Maintenance figures per period and precinct, contract, vendor or squad")
class ReportApiController {

	private final MaintenanceFigures figures;
	private final Clock clock;

	ReportApiController(MaintenanceFigures figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping(path = "/maintenance", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Maintenance figures of a period", description = """
			Outages, downtime hours, availability %, mean time to restore (work-order and outage based), orders opened \
			and closed, restored by vendors and restored in-house, one row per group and the city's totals. The period is \
			whole days in Asia/Taipei, `from` and `to` included (both, or neither for the current month), at most \
			1,830 days, not starting in the future; while it runs, figures are measured until now (`measuredUntil`). \
			A camera is in service when installed on or before `to` and not decommissioned before `from`; availability \
			= 1 − downtime ÷ (cameras in service × hours measured). Rows with `key` null gather what belongs to no \
			group (e.g. by vendor: orders of the in-house squads).""")
	@ApiResponse(responseCode = "200", description = "The figures: one row per group, then the city's totals")
	@ApiResponse(responseCode = "400", description = "A bad date, from after to, a period too long or in the future, an unknown groupBy; "
			+ "`errors` names the parameter", content = @Content(mediaType = "application/problem+json"))
	MaintenanceReport maintenance(
			@Parameter(description = "first day, e.g. 2023-01-01") @RequestParam(required = false) String from,
			@Parameter(description = "last day, included, e.g. 2023-06-30") @RequestParam(required = false) String to,
			@Parameter(description = "precinct (default), contract, vendor or squad") @RequestParam(required = false) String groupBy) {
		Grouping grouping = Grouping.parse(groupBy);
		ReportPeriod period = ReportPeriod.parse(from, to, ReportPeriod.monthOf(LocalDate.now(clock.withZone(figures.zone()))),
				clock, figures.zone());
		return figures.figures(period, grouping);
	}
}
