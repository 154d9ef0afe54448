package io.watchkeeper.maintenance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.watchkeeper.shared.InvalidInputException;

/** Cameras reaching end of life within the planning horizon ({@code watchkeeper.maintenance.lifecycle-horizon}). */
@RestController
class LifecycleApiController {

	private static final int MAX_LIMIT = 1000;

	private final LifecycleService lifecycle;

	LifecycleApiController(LifecycleService lifecycle) {
		this.lifecycle = lifecycle;
	}

	@GetMapping("/api/reports/lifecycle/upcoming")
	LifecycleService.UpcomingPage upcoming(@RequestParam(required = false) Long precinctId,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		if (offset < 0) {
			throw new InvalidInputException("offset", "must not be negative");
		}
		return lifecycle.upcoming(precinctId, limit, offset);
	}
}
