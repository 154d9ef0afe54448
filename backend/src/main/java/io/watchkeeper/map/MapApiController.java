package io.watchkeeper.map;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

@RestController
@RequestMapping("/api/map")
@Tag(name = "Map", description = "Cameras per viewport and zoom, popups, boundaries, area figures and outage changes for the map")
class MapApiController {

	/** Boundary simplification tolerance in degrees (about 50 m): fine at city zoom, a fraction of the size. */
	static final double BOUNDARY_TOLERANCE = 0.0005;

	/** Most outages opened or closed in one changes answer. */
	static final int MAX_CHANGES = 5000;

	/** The earliest {@code since} a poll may ask for (older ones are mistakes; the subtraction below must not overflow). */
	private static final Instant EARLIEST_SINCE = Instant.parse("2000-01-01T00:00:00Z");

	/** Closes are looked for this far before {@code since}: an outage's end is the observation's time, which may be recorded later. */
	static final Duration CLOSE_OVERLAP = Duration.ofMinutes(15);

	private final MapQueries queries;
	private final MapCells cells;
	private final MapProperties properties;
	private final Clock clock;
	private final ZoneId zone;

	MapApiController(MapQueries queries, MapCells cells, MapProperties properties, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.queries = queries;
		this.cells = cells;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping(path = "/cameras", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Cameras of a viewport: clusters at low zoom, cameras at high zoom", description = """
			Answers the cameras inside `bbox` that match the filters. From zoom `watchkeeper.map.cameras-from-zoom` (16), \
			or when the view holds at most `camera-threshold` (2,000) matching cameras, mode `cameras` lists them one by \
			one; otherwise mode `clusters` groups them on a grid of about 64-pixel cells in Web Mercator, each drawn at its \
			cameras' mean point with the count per state and of LPR cameras (`total` = the sum of the counts). A box \
			larger than a 3840×2160-pixel view at the zoom is clipped around its centre and at most 3,000 features are \
			answered: `truncated` then says so and `bbox` gives the box answered. A view with more cameras than that \
			answers a sample spread evenly over it, with `total` estimated from the kept per-cell counts. State on the map, in precedence: \
			DECOMMISSIONED, PLANNED, OUTAGE (open outage), FAULTY, PAST_EOL, WORKING.""")
	@ApiResponse(responseCode = "200", description = "Clusters or cameras of the view")
	@ApiResponse(responseCode = "400", description = "A bad bbox, zoom or filter value; `errors` names the parameter",
			content = @Content(mediaType = "application/problem+json"))
	MapView cameras(
			@Parameter(description = "minLon,minLat,maxLon,maxLat in WGS 84 degrees", example = "120.25,22.58,120.37,22.68") @RequestParam(required = false) String bbox,
			@Parameter(description = "web-map zoom, 0..22", example = "12") @RequestParam(required = false) String zoom,
			@Parameter(description = "precinct code") @RequestParam(required = false) String precinct,
			@Parameter(description = "district code") @RequestParam(required = false) String district,
			@Parameter(description = "comma list of WORKING, OUTAGE, FAULTY, PAST_EOL, PLANNED, DECOMMISSIONED") @RequestParam(required = false) String state,
			@Parameter(description = "NONE, LPR, REALTIME_LPR or ANY_LPR") @RequestParam(required = false) String lpr,
			@Parameter(description = "funding source id") @RequestParam(required = false) String funding,
			@Parameter(description = "procurement project id") @RequestParam(required = false) String project,
			@Parameter(description = "installed in or after this year") @RequestParam(required = false) String installFrom,
			@Parameter(description = "installed in or before this year") @RequestParam(required = false) String installTo,
			@Parameter(description = "end of life in or after this year") @RequestParam(required = false) String eolFrom,
			@Parameter(description = "end of life in or before this year") @RequestParam(required = false) String eolTo) {
		Viewport view = Viewport.parse(bbox, zoom, properties);
		MapFilter filter = MapFilter.parse(precinct, district, state, lpr, funding, project, installFrom, installTo,
				eolFrom, eolTo);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		java.util.Map<String, Object> ids = queries.resolve(filter);
		if (view.zoom() < properties.camerasFromZoom()) {
			java.util.Optional<MapQueries.ClusterResult> kept = cells.serves(view)
					? cells.clusters(view, filter, ids, properties.maxFeatures())
					: java.util.Optional.empty();
			MapQueries.ClusterResult clusters = kept.orElseGet(() -> queries.clusters(view, filter, ids, today,
					view.cellMetres(properties.clusterCellPixels()), properties.maxFeatures()));
			if (clusters.total() > properties.cameraThreshold()) {
				return new MapView(view.zoom(), "clusters", clusters.total(), view.clipped() || clusters.truncated(),
						view.bbox(), clusters.clusters(), java.util.List.of());
			}
		}
		// below camerasFromZoom only a view of at most camera-threshold cameras gets here: no estimate needed; from it
		// on, the estimate counts the view rounded out to ~306 m: only several times the cap makes a sample certain
		java.util.OptionalLong estimate = view.zoom() >= properties.camerasFromZoom()
				? cells.estimate(view, filter, ids) : java.util.OptionalLong.empty();
		boolean manyExpected = estimate.isPresent() && estimate.getAsLong() > 4L * properties.maxFeatures();
		MapQueries.CameraResult cameras = queries.cameras(view, filter, ids, today, properties.maxFeatures(),
				manyExpected);
		long total = cameras.total() >= 0 ? cameras.total()
				: estimate.orElseGet(() -> queries.count(view, filter, ids, today));
		return new MapView(view.zoom(), "cameras", total, view.clipped() || cameras.truncated(), view.bbox(),
				java.util.List.of(), cameras.cameras());
	}

	@GetMapping(path = "/cameras/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A camera's popup", description = "Key facts, state on the map, its open work order and its five latest outages.")
	@ApiResponse(responseCode = "200", description = "The camera's facts")
	@ApiResponse(responseCode = "404", description = "No such camera", content = @Content(mediaType = "application/problem+json"))
	CameraFacts camera(@PathVariable long id, org.springframework.security.core.Authentication caller) {
		CameraFacts facts = queries.facts(id, LocalDate.now(clock.withZone(zone)))
			.orElseThrow(() -> new NotFoundException("Camera", id));
		return seesEveryWorkOrder(caller) ? facts : facts.withoutWorkOrder();
	}

	/**
	 * Only administrators and dispatchers see any camera's work order on the map: vendors and squads see their own
	 * orders on their pages (another's order must look as if it did not exist), other roles see none.
	 */
	private static boolean seesEveryWorkOrder(org.springframework.security.core.Authentication caller) {
		return caller != null && caller.getAuthorities().stream()
			.anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()) || "ROLE_DISPATCHER".equals(a.getAuthority()));
	}

	@GetMapping(path = "/boundaries", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Precinct or district boundaries as GeoJSON", description = """
			A FeatureCollection of every precinct (default) or district, simplified for the web (about 50 m), with \
			properties code, nameZh and nameEn.""")
	@ApiResponse(responseCode = "200", description = "GeoJSON FeatureCollection")
	@ApiResponse(responseCode = "400", description = "kind is neither precinct nor district",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<String> boundaries(
			@Parameter(description = "precinct (default) or district") @RequestParam(required = false) String kind) {
		AreaKind areas = AreaKind.parse(kind);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePrivate())
			.contentType(MediaType.APPLICATION_JSON)
			.body(queries.boundaries(areas, BOUNDARY_TOLERANCE));
	}

	@GetMapping(path = "/areas", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Downtime figures per precinct or district", description = """
			Per area: cameras in service, working, down (open outage), downtime hours in the period, availability % and \
			open work orders. `from` and `to` are whole days in the configured zone (Asia/Taipei), `to` included, at \
			most 1,830 days; without them, the last 30 days until now.""")
	@ApiResponse(responseCode = "200", description = "One row per area")
	@ApiResponse(responseCode = "400", description = "A bad kind or date, from after to, a period too long or in the future",
			content = @Content(mediaType = "application/problem+json"))
	AreaFigures areas(
			@Parameter(description = "precinct (default) or district") @RequestParam(required = false) String kind,
			@Parameter(description = "first day, e.g. 2026-11-01") @RequestParam(required = false) String from,
			@Parameter(description = "last day, included, e.g. 2026-11-30") @RequestParam(required = false) String to) {
		AreaKind areas = AreaKind.parse(kind);
		Instant now = clock.instant();
		Instant start;
		Instant end;
		if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
			end = now;
			start = now.minus(Duration.ofDays(30));
		}
		else {
			LocalDate first = date("from", from);
			LocalDate last = date("to", to);
			if (first.isAfter(last)) {
				throw new InvalidInputException("from", "from must not be after to");
			}
			if (first.plusDays(1830).isBefore(last)) {
				throw new InvalidInputException("to", "The period may be at most 1,830 days");
			}
			start = first.atStartOfDay(zone).toInstant();
			if (!start.isBefore(now)) {
				throw new InvalidInputException("from", "The period must not start in the future");
			}
			Instant lastEnd = last.plusDays(1).atStartOfDay(zone).toInstant();
			end = lastEnd.isBefore(now) ? lastEnd : now;
		}
		return new AreaFigures(areas.table(), start, end, queries.areas(areas, start, end, cells.areaCounts(areas)));
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "Give both from and to, or neither");
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, field + " must be a date like 2026-11-01, not '" + value + "'");
		}
	}

	@GetMapping(path = "/outages/changes", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Outages opened and closed since a moment (for polling)", description = """
			`opened`: outages detected after `since` and still open; `closed`: cameras whose outage ended after `since` \
			(looked for 15 minutes further back, since an end may be recorded late) and that have no open outage now. \
			Poll again with `since` = the answer's `now`. At most 5,000 of each; `truncated` then asks for a reload.""")
	@ApiResponse(responseCode = "200", description = "The changes")
	@ApiResponse(responseCode = "400", description = "since missing or not an ISO instant",
			content = @Content(mediaType = "application/problem+json"))
	OutageChanges changes(
			@Parameter(description = "ISO-8601 instant, e.g. 2026-11-28T08:00:00Z") @RequestParam(required = false) String since) {
		if (since == null || since.isBlank()) {
			throw new InvalidInputException("since", "since is required: an ISO-8601 instant like 2026-11-28T08:00:00Z");
		}
		Instant from;
		try {
			from = OffsetDateTime.parse(since.trim()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("since", "since must be an ISO-8601 instant like 2026-11-28T08:00:00Z, not '" + since + "'");
		}
		Instant now = clock.instant();
		if (from.isBefore(EARLIEST_SINCE) || from.isAfter(now.plus(Duration.ofDays(1)))) {
			throw new InvalidInputException("since", "since must lie between 2000-01-01 and now, not '" + since + "'");
		}
		return queries.changes(from, from.minus(CLOSE_OVERLAP), now, MAX_CHANGES);
	}
}
