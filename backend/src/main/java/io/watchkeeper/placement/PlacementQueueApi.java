package io.watchkeeper.placement;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.placement.PlacementQueries.PoleRef;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ApiExceptionHandler;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/placement/queue")
@Tag(name = "Placement queue", description = "Cameras without coordinates, one pole at a time: next, place, skip. "
		+ "ADMIN and DISPATCHER may call it; every placement is audited.")
class PlacementQueueApi {

	private static final String PLACERS = "hasAnyRole('ADMIN','DISPATCHER')";

	private static final String POLE_KIND = "`site` (a site whose cameras have no position) or `camera` (a camera "
			+ "without site and position, alone)";

	private static final Set<String> PLACE_FIELDS = Set.of("longitude", "latitude", "confirmOutside", "cameraIds");

	private final PlacementQueue queue;
	private final PlacementAreas areas;

	PlacementQueueApi(PlacementQueue queue, PlacementAreas areas) {
		this.queue = queue;
		this.areas = areas;
	}

	@GetMapping(path = "/next", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(PLACERS)
	@Operation(summary = "The next pole to place, with its cameras and the progress", description = """
			A pole is a site with cameras that have no position (not decommissioned), or such a camera without a \
			site. Order: poles this user has not skipped first, oldest import first (or by the precinct the list \
			named, `order=precinct`), then the skipped ones, longest skipped first. `after` gives the pole shown \
			now: the answer is the one after it (the first again after the last). `pole` is null when nothing is \
			left under the filter. `suggestion` is where to centre the map: the best address match of the \
			gazetteer when there is one (`source` ADDRESS, with `quality` EXACT, NEAREST, INTERSECTION or ROAD, \
			`doorPlate` the door plate or roads it came from, `matchStatus`; a match a reviewer REJECTED comes \
			after every other but is still a place to start), else the site's position when other cameras of it \
			are placed (SITE), else a point inside the named precinct (PRECINCT) or district (DISTRICT).""")
	@ApiResponse(responseCode = "200", description = "The pole (or null) and the progress")
	@ApiResponse(responseCode = "400", description = "A bad `after`, `precinct`, `withAddress` or `order`; `errors` names it",
			content = @Content(mediaType = "application/problem+json"))
	QueueStep next(
			@Parameter(description = "the pole shown now, as kind:id", example = "site:42") @RequestParam(required = false) String after,
			@Parameter(description = "only poles the list put under this precinct (code)") @RequestParam(required = false) String precinct,
			@Parameter(description = "only poles with an address") @RequestParam(required = false) String withAddress,
			@Parameter(description = "`oldest` (oldest import first, default) or `precinct`") @RequestParam(required = false) String order,
			Principal principal, Locale locale) {
		QueueFilter filter = new QueueFilter(precinctId(precinct), flag("withAddress", withAddress),
				byPrecinct(order));
		return queue.next(principal.getName(), filter, after(after), locale);
	}

	@PostMapping(path = "/{kind}/{id}/place", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(PLACERS)
	@Operation(summary = "Place a pole: all its cameras without position move to the point", description = """
			Body: `{"longitude": 120.30, "latitude": 22.62, "confirmOutside": false, "cameraIds": [1, 2]}`. The \
			cameras' precinct, district and station follow by polygon (unless set by hand). A point outside every \
			precinct is refused with 409 and `confirm: true` until sent again with `confirmOutside: true`. \
			`cameraIds` (optional) are the cameras the person saw: if any of them has been placed since, 409.""")
	@ApiResponse(responseCode = "200", description = "Placed: the cameras moved and the areas they now lie in")
	@ApiResponse(responseCode = "400", description = "Bad coordinates or fields; `errors` names the field",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such pole, or nothing of it is left to place",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "Someone placed it meanwhile; or outside every precinct (`confirm: true`)",
			content = @Content(mediaType = "application/problem+json"))
	PlacedPole place(@Parameter(description = POLE_KIND) @PathVariable String kind,
			@Parameter(description = "the site's or the camera's id") @PathVariable String id,
			@RequestBody JsonNode body, Principal principal, Locale locale) {
		PoleRef pole = pole(kind, id);
		if (body == null || !body.isObject()) {
			throw new InvalidInputException("body", "the body must be a JSON object with longitude and latitude");
		}
		for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!PLACE_FIELDS.contains(name)) {
				throw new InvalidInputException(name, name + ": unknown field (allowed: longitude, latitude, "
						+ "confirmOutside, cameraIds)");
			}
		}
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Double longitude = coordinate(body, "longitude", 180, errors);
		Double latitude = coordinate(body, "latitude", 90, errors);
		boolean confirm = false;
		JsonNode c = body.get("confirmOutside");
		if (c != null && !c.isNull()) {
			if (c.isBoolean()) {
				confirm = c.booleanValue();
			}
			else {
				errors.add(new InvalidInputException.FieldError("confirmOutside", "confirmOutside must be true or false"));
			}
		}
		List<Long> expected = new ArrayList<>();
		JsonNode ids = body.get("cameraIds");
		if (ids != null && !ids.isNull()) {
			if (!ids.isArray() || ids.size() > 1000) {
				errors.add(new InvalidInputException.FieldError("cameraIds", "cameraIds must be a list of camera ids (at most 1,000)"));
			}
			else {
				for (JsonNode i : ids) {
					if (i.isIntegralNumber() && i.canConvertToLong() && i.longValue() > 0) {
						expected.add(i.longValue());
					}
					else {
						errors.add(new InvalidInputException.FieldError("cameraIds", "cameraIds must hold positive whole numbers"));
						break;
					}
				}
			}
		}
		if (errors.isEmpty() && !new GeoPoint(longitude, latitude).isInTaiwan()) {
			errors.add(new InvalidInputException.FieldError("longitude",
					"the point " + longitude + ", " + latitude + " is not in Taiwan"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.stream().map(InvalidInputException.FieldError::message)
				.reduce((a, b) -> a + "; " + b).orElse("invalid"), errors);
		}
		return queue.place(principal.getName(), AuditLog.currentRemoteAddress(), pole,
				new GeoPoint(longitude, latitude), confirm, expected, locale);
	}

	@PostMapping(path = "/{kind}/{id}/skip", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(PLACERS)
	@Operation(summary = "Skip a pole: it goes to the end of this user's queue", description = """
			Remembered per user: the pole comes back after every pole not skipped. Answers the next pole after it \
			under the given filter, as /next does.""")
	@ApiResponse(responseCode = "200", description = "Skipped; the next pole and the progress")
	@ApiResponse(responseCode = "404", description = "No such pole, or nothing of it is left to place",
			content = @Content(mediaType = "application/problem+json"))
	QueueStep skip(@Parameter(description = POLE_KIND) @PathVariable String kind,
			@Parameter(description = "the site's or the camera's id") @PathVariable String id,
			@RequestParam(required = false) String precinct, @RequestParam(required = false) String withAddress,
			@RequestParam(required = false) String order, Principal principal, Locale locale) {
		PoleRef pole = pole(kind, id);
		QueueFilter filter = new QueueFilter(precinctId(precinct), flag("withAddress", withAddress), byPrecinct(order));
		queue.skip(principal.getName(), AuditLog.currentRemoteAddress(), pole);
		return queue.next(principal.getName(), filter, pole, locale);
	}

	@ExceptionHandler(OutsideCityException.class)
	ResponseEntity<ProblemDetail> outside(OutsideCityException e) {
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Outside the city", e.getMessage());
		problem.setProperty("confirm", true);
		problem.setProperty("errors", List.of(Map.of("field", "confirmOutside", "message", e.getMessage())));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	private static Double coordinate(JsonNode body, String field, double limit,
			List<InvalidInputException.FieldError> errors) {
		JsonNode n = body.get(field);
		if (n == null || n.isNull()) {
			errors.add(new InvalidInputException.FieldError(field, field + " is required"));
			return null;
		}
		if (!n.isNumber()) {
			errors.add(new InvalidInputException.FieldError(field, field + " must be a number in degrees, not text"));
			return null;
		}
		double v = n.doubleValue();
		if (!Double.isFinite(v) || v < -limit || v > limit) {
			errors.add(new InvalidInputException.FieldError(field, field + " must lie between -" + (int) limit
					+ " and " + (int) limit));
			return null;
		}
		return v;
	}

	static PoleRef pole(String kind, String id) {
		PoleKind k = PoleKind.parse(kind).orElseThrow(() -> new NotFoundException("Pole kind", safe(kind)));
		long n = parseId(id).orElseThrow(() -> new NotFoundException("Pole", safe(id)));
		return new PoleRef(k, n);
	}

	private static PoleRef after(String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		int colon = after.indexOf(':');
		PoleKind kind = colon < 0 ? null : PoleKind.parse(after.substring(0, colon)).orElse(null);
		long id = colon < 0 ? -1 : parseId(after.substring(colon + 1)).orElse(-1L);
		if (kind == null || id < 0) {
			throw new InvalidInputException("after", "after must name a pole as site:ID or camera:ID");
		}
		return new PoleRef(kind, id);
	}

	private Long precinctId(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return areas.precinctId(code.strip())
			.orElseThrow(() -> new InvalidInputException("precinct", "precinct: no precinct has the code " + safe(code)));
	}

	private static boolean flag(String name, String value) {
		if (value == null || value.isBlank()) {
			return false;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true", "1", "yes", "on" -> true;
			case "false", "0", "no", "off" -> false;
			default -> throw new InvalidInputException(name, name + " must be true or false");
		};
	}

	private static boolean byPrecinct(String order) {
		if (order == null || order.isBlank() || order.strip().equalsIgnoreCase("oldest")) {
			return false;
		}
		if (order.strip().equalsIgnoreCase("precinct")) {
			return true;
		}
		throw new InvalidInputException("order", "order must be oldest or precinct");
	}

	private static java.util.Optional<Long> parseId(String text) {
		if (text == null || !text.matches("[0-9]{1,18}")) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(Long.parseLong(text));
	}

	/** A value quoted back in a message: short, printable. */
	private static String safe(String text) {
		if (text == null) {
			return "";
		}
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
	}
}
