package io.watchkeeper.maintenance;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/outages")
@Tag(name = "Outages", description = "The dispatcher's outage board: open outages and bulk assignment of their repair orders")
class OutageApi {

	private final OutageBoard board;
	private final Callers callers;

	OutageApi(OutageBoard board, Callers callers) {
		this.board = board;
		this.callers = callers;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open outages, oldest first, with their camera's open repair order and its assignee")
	OutageBoard.Page open(@Parameter(description = "Precinct id of the camera") @RequestParam(required = false) Long precinct,
			@Parameter(description = "Contract id holding the order, or none") @RequestParam(required = false) String contract,
			@Parameter(description = "Only outages at least this many hours old") @RequestParam(required = false) Integer minAgeHours,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return board.open(OutageBoard.Filter.of(precinct, contract, minAgeHours), page, size);
	}

	@PostMapping(path = "/assign", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Assign the repair orders of several outages to a contract or a squad (dispatchers)",
			description = "Each outage is done on its own; the answer lists which were assigned and why any were not.")
	OutageBoard.BulkResult assign(@RequestBody WorkOrderRequests.BulkAssign request, Authentication auth) {
		AssignTarget target = new AssignTarget(request.contractId(), request.squadId(), false);
		return board.assign(request.outageIds(), target, request.note(), callers.of(auth));
	}
}
