package io.watchkeeper.investigation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.watchkeeper.investigation.CaseRequests.PointCanvass;
import io.watchkeeper.investigation.CaseRequests.RouteCanvass;
import io.watchkeeper.shared.InvalidInputException;

/**
 * A canvass answered without keeping it ({@code GET /api/investigation/canvass-preview},
 * {@code POST /api/investigation/route-preview}): the engine's answer as a case's canvass would hold it, for a look
 * before running it in a case, and for measuring the engine through the application's whole path (scripts/bench-canvass).
 * Nothing is kept but the audit row: a preview names a case the caller may see ({@code caseId}, as a canvass does) and
 * is audited with its parameters and camera count; a canvass that counts for the case file is run in the case
 * ({@code /api/cases/{id}/canvasses}).
 */
@RestController
class CanvassPreviewApi {

	private final Cases cases;
	private final Investigators investigators;

	CanvassPreviewApi(Cases cases, Investigators investigators) {
		this.cases = cases;
		this.investigators = investigators;
	}

	@Operation(summary = "Cameras around an incident point in a time window, not kept",
			description = "caseId: an open case you may see (the preview is audited under it). The place: longitude and "
					+ "latitude (WGS84), or twd97X and twd97Y (EPSG:3826), or tag (a camera's asset tag or a pole's site "
					+ "code). radiusM 1..1000 (default 200); from and to ISO-8601 instants or offset date-times (to left "
					+ "out: the single instant from), at most 7 days apart")
	@GetMapping("/api/investigation/canvass-preview")
	Map<String, Object> canvassPreview(@RequestParam(required = false) Long caseId,
			@RequestParam(required = false) Double longitude,
			@RequestParam(required = false) Double latitude, @RequestParam(required = false) Double twd97X,
			@RequestParam(required = false) Double twd97Y, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Integer radiusM,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean lprOnly, Authentication auth) {
		long id = requireCase(caseId);
		return json(cases.previewAround(id, new PointCanvass(longitude, latitude, twd97X, twd97Y, tag, radiusM,
				instant(from, "from"), optionalInstant(to, "to"), lprOnly), investigators.of(auth)));
	}

	/** A route to preview: {@code route} as [[lon, lat], ...]. */
	record RoutePreview(Long caseId, List<List<Double>> route, Integer halfWidthM, String from, String to,
			Boolean lprOnly) {
	}

	@Operation(summary = "Cameras along a route in a time window, not kept",
			description = "caseId as for the canvass preview; route: [[lon, lat], ...], 2..500 points, at most 50 km; "
					+ "halfWidthM 1..300 (default 50)")
	@PostMapping("/api/investigation/route-preview")
	Map<String, Object> routePreview(@RequestBody RoutePreview request, Authentication auth) {
		long id = requireCase(request.caseId());
		return json(cases.previewAlong(id, new RouteCanvass(request.route(), request.halfWidthM(),
				instant(request.from(), "from"), optionalInstant(request.to(), "to"), request.lprOnly()),
				investigators.of(auth)));
	}

	private static long requireCase(Long caseId) {
		if (caseId == null) {
			throw new InvalidInputException("caseId", "a canvass needs a case: caseId is required");
		}
		return caseId;
	}

	private static Instant optionalInstant(String text, String field) {
		return text == null || text.isBlank() ? null : instant(text, field);
	}

	/** An ISO-8601 instant ({@code 2023-03-30T02:15:00Z}) or offset date-time ({@code 2023-03-30T10:15:00+08:00}). */
	static Instant instant(String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "not an ISO-8601 time with an offset, e.g. 2023-03-30T10:15:00+08:00: "
					+ text.strip());
		}
	}

	private static Map<String, Object> json(CanvassAnswer answer) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("answeredAt", answer.answeredAt());
		json.put("from", answer.window().from());
		json.put("to", answer.window().to());
		json.put("summary", Map.of("found", answer.found(), "facingAndRecording", answer.facingAndRecording(), "expired",
				answer.expired()));
		json.put("cameras", answer.cameras());
		return json;
	}
}
