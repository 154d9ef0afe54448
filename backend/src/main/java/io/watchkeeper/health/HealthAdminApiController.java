package io.watchkeeper.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * Outage history of one camera ({@code GET /api/outages/cameras/{id}}, for whoever watches outages) and, for
 * administrators, running the outage detection now ({@code POST /api/admin/health/outage-detection}; the job runs
 * it every minute anyway).
 */
@RestController
class HealthAdminApiController {

	private final OutageDetection detection;
	private final OutageHistory history;

	HealthAdminApiController(OutageDetection detection, OutageHistory history) {
		this.detection = detection;
		this.history = history;
	}

	@Operation(summary = "Run the outage detection now (silent cameras get outages, open outages get repair orders)")
	@PostMapping("/api/admin/health/outage-detection")
	Map<String, Object> detectNow() {
		OutageDetection.Result result = detection.run();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("at", result.at());
		answer.put("silentOutagesOpened", result.silentOutagesOpened());
		answer.put("repairOrdersRaised", result.repairOrdersRaised());
		answer.put("tookMillis", result.took().toMillis());
		return answer;
	}

	/** Most outages one answer lists ({@code limit}). */
	static final int MAX_LIMIT = 200;

	@Operation(summary = "A camera's recent outages, and whether it was recording at an instant (?at=ISO instant)",
			description = "limit: how many outages, newest first, 1 to 200 (default 20); 404 for an unknown camera")
	@GetMapping("/api/outages/cameras/{cameraId}")
	Map<String, Object> cameraOutages(@PathVariable long cameraId, @RequestParam(required = false) String at,
			@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
		}
		if (!history.cameraExists(cameraId)) {
			throw new NotFoundException("Camera", cameraId);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("cameraId", cameraId);
		if (at != null) {
			Instant instant;
			try {
				instant = Instant.parse(at);
			}
			catch (java.time.format.DateTimeParseException e) {
				throw new InvalidInputException("at", "at must be an ISO-8601 instant such as 2026-11-28T08:00:00Z");
			}
			answer.put("recording", history.recordingAt(cameraId, instant));
		}
		List<OutageHistory.OutageRecord> outages = history.recentOutages(cameraId, limit);
		answer.put("outages", outages);
		return answer;
	}
}
