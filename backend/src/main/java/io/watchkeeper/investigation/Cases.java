package io.watchkeeper.investigation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.investigation.CaseRequests.Answer;
import io.watchkeeper.investigation.CaseRequests.Close;
import io.watchkeeper.investigation.CaseRequests.NewFootageRequest;
import io.watchkeeper.investigation.CaseRequests.OpenCase;
import io.watchkeeper.investigation.CaseRequests.OutcomeRequest;
import io.watchkeeper.investigation.CaseRequests.PointCanvass;
import io.watchkeeper.investigation.CaseRequests.RouteCanvass;
import io.watchkeeper.investigation.CaseViews.CanvassView;
import io.watchkeeper.investigation.CaseViews.CaseDetails;
import io.watchkeeper.investigation.CaseViews.CaseListItem;
import io.watchkeeper.investigation.CaseViews.FootageRequestView;
import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * The case use cases: open and close cases, canvass around a point or along a route (kept as a snapshot), request
 * footage, answer requests and record their outcome. Every one loads the case the caller may see (another
 * precinct's case does not exist for a precinct investigator: 404) and writes an audit event with the case number;
 * so do the views of a case and of its canvasses (page, API, CSV, print).
 */
@Service
public class Cases {

	/** The audit log's object type: events are filed under the case's id. */
	public static final String AUDIT_TYPE = "investigation_case";

	static final int MAX_TITLE = 300;
	static final int MAX_CRIME_TYPE = 100;
	static final int MAX_PLACE = 300;

	/** How a canvass snapshot was looked at, for the audit log. */
	enum CanvassUse {
		VIEWED(AuditAction.CANVASS_VIEWED), EXPORTED(AuditAction.CANVASS_EXPORTED), PRINTED(AuditAction.CANVASS_PRINTED);

		final AuditAction action;

		CanvassUse(AuditAction action) {
			this.action = action;
		}
	}

	private final CaseStore store;
	private final CaseQueries queries;
	private final CanvassSnapshots snapshots;
	private final Canvassing canvassing;
	private final AuditLog audit;
	private final Pattern caseNumberFormat;
	private final Clock clock;
	private final ZoneId zone;

	Cases(CaseStore store, CaseQueries queries, CanvassSnapshots snapshots, Canvassing canvassing, AuditLog audit,
			InvestigationProperties properties, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.store = store;
		this.queries = queries;
		this.snapshots = snapshots;
		this.canvassing = canvassing;
		this.audit = audit;
		this.caseNumberFormat = properties.caseNumberFormat();
		this.clock = clock;
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	// --- cases ----------------------------------------------------------------------------------------------

	@Transactional
	long open(OpenCase request, Investigator who) {
		CaseNumber number = CaseNumber.parse(request.caseNumber(), caseNumberFormat);
		String title = text("title", request.title(), MAX_TITLE);
		if (title == null) {
			throw new InvalidInputException("title", "title is required");
		}
		String crimeType = text("crimeType", request.crimeType(), MAX_CRIME_TYPE);
		String place = text("place", request.place(), MAX_PLACE);
		if (request.incidentFrom() == null) {
			throw new InvalidInputException("incidentFrom", "incidentFrom is required (the incident time or the start of its window)");
		}
		Instant incidentTo = request.incidentTo() == null ? request.incidentFrom() : request.incidentTo();
		if (incidentTo.isBefore(request.incidentFrom())) {
			throw new InvalidInputException("incidentTo", "incidentTo is before incidentFrom");
		}
		GeoPoint location = null;
		if (request.longitude() != null || request.latitude() != null) {
			location = point(request.longitude(), request.latitude(), "longitude", "latitude");
		}
		Long precinct;
		if (who.seesAll()) {
			precinct = request.precinctId();
			if (precinct != null && !queries.precinctExists(precinct)) {
				throw new InvalidInputException("precinctId", "no precinct " + precinct);
			}
		}
		else {
			if (request.precinctId() != null && !request.precinctId().equals(who.precinctId())) {
				throw new InvalidInputException("precinctId", "you open cases of your own precinct only");
			}
			precinct = who.precinctId();
		}
		if (store.numberTaken(number)) {
			throw duplicate(number);
		}
		long id;
		try {
			id = store.insert(new CaseStore.NewCase(number, title, crimeType, request.incidentFrom(), incidentTo, location,
					place, precinct, who.username(), clock.instant()));
		}
		catch (DuplicateKeyException e) {
			throw duplicate(number);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("caseNumber", number.value());
		details.put("title", title);
		details.put("precinctId", precinct);
		audit.record(AuditAction.CASE_OPENED, AUDIT_TYPE, id, details);
		return id;
	}

	private static InvalidInputException duplicate(CaseNumber number) {
		return new InvalidInputException("caseNumber", "a case numbered " + number.value() + " exists already");
	}

	@Transactional(readOnly = true)
	List<CaseListItem> list(Investigator who, CaseState state, String number, Locale locale) {
		return queries.list(who, state, number, locale, 500);
	}

	/** One case with its canvasses and requests; the view is audited. */
	@Transactional
	CaseDetails view(long id, Investigator who, Locale locale) {
		InvestigationCase c = visible(id, who);
		audit.record(AuditAction.CASE_VIEWED, AUDIT_TYPE, id, Map.of("caseNumber", c.caseNumber()));
		return queries.details(id, locale, today()).orElseThrow(() -> new NotFoundException("Case", id));
	}

	@Transactional
	CaseDetails close(long id, Close request, Investigator who, Locale locale) {
		InvestigationCase c = visible(id, who);
		checkVersion(request.version(), c.version(), "Case " + c.caseNumber());
		c.close(request.result(), request.footageContributed(), request.reason(), who.username(), clock.instant());
		store.saveClosed(c);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("caseNumber", c.caseNumber());
		details.put("result", c.state().name());
		details.put("footageOverride", c.footageOverride());
		details.put("reason", c.footageOverrideReason());
		audit.record(AuditAction.CASE_CLOSED, AUDIT_TYPE, id, details);
		return queries.details(id, locale, today()).orElseThrow();
	}

	// --- canvasses ------------------------------------------------------------------------------------------

	@Transactional
	CanvassView canvassAround(long caseId, PointCanvass request, Investigator who) {
		InvestigationCase c = openCase(caseId, who);
		PointRun run = pointRun(request);
		CanvassAnswer answer = canvassing.around(run.point(), run.radiusM(), run.window(), run.lprOnly());
		long id = snapshots.save(new CanvassSnapshots.Run(caseId, "POINT", who.username(), run.point().toPoint().toText(),
				run.radiusM(), null, run.lprOnly(), run.parameters()), answer);
		auditRun(AuditAction.CANVASS_RUN, c, id, run.parameters(), answer.found());
		return snapshots.view(caseId, id, today()).orElseThrow();
	}

	@Transactional
	CanvassView canvassAlong(long caseId, RouteCanvass request, Investigator who) {
		InvestigationCase c = openCase(caseId, who);
		RouteRun run = routeRun(request);
		CanvassAnswer answer = canvassing.along(run.route(), run.halfWidthM(), run.window(), run.lprOnly());
		String wkt = GeoPoint.FACTORY.createLineString(run.route().stream()
			.map(p -> new org.locationtech.jts.geom.Coordinate(p.longitude(), p.latitude()))
			.toArray(org.locationtech.jts.geom.Coordinate[]::new)).toText();
		long id = snapshots.save(new CanvassSnapshots.Run(caseId, "ROUTE", who.username(), wkt, null, run.halfWidthM(),
				run.lprOnly(), run.parameters()), answer);
		auditRun(AuditAction.ROUTE_RUN, c, id, run.parameters(), answer.found());
		return snapshots.view(caseId, id, today()).orElseThrow();
	}

	/**
	 * A canvass looked at before it is run in the case (the preview API, the benchmark): answered by the engine from
	 * the same inputs as a run and not kept, but only for an open case the caller may see, and audited like a run
	 * (the case number, the parameters, the camera count), so no camera list leaves the system without a case and a
	 * trace.
	 */
	@Transactional
	CanvassAnswer previewAround(long caseId, PointCanvass request, Investigator who) {
		InvestigationCase c = openCase(caseId, who);
		PointRun run = pointRun(request);
		CanvassAnswer answer = canvassing.around(run.point(), run.radiusM(), run.window(), run.lprOnly());
		auditPreview(c, "POINT", run.parameters(), answer);
		return answer;
	}

	/** The same along a route. */
	@Transactional
	CanvassAnswer previewAlong(long caseId, RouteCanvass request, Investigator who) {
		InvestigationCase c = openCase(caseId, who);
		RouteRun run = routeRun(request);
		CanvassAnswer answer = canvassing.along(run.route(), run.halfWidthM(), run.window(), run.lprOnly());
		auditPreview(c, "ROUTE", run.parameters(), answer);
		return answer;
	}

	/** A case the caller may see that still takes canvasses. */
	private InvestigationCase openCase(long caseId, Investigator who) {
		InvestigationCase c = visible(caseId, who);
		c.requireOpenFor("canvasses");
		return c;
	}

	/** A point canvass's inputs, read once for a run or a preview, with the parameters the audit and snapshot keep. */
	private record PointRun(GeoPoint point, int radiusM, TimeWindow window, boolean lprOnly,
			Map<String, Object> parameters) {
	}

	/** The inputs as given; the engine refuses a radius out of range or a place outside Taiwan, naming the field. */
	private PointRun pointRun(PointCanvass request) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		GeoPoint point = incidentPoint(request, parameters);
		int radius = request.radiusM() == null ? Canvassing.DEFAULT_RADIUS_M : request.radiusM();
		TimeWindow window = new TimeWindow(request.from(), request.to());
		boolean lprOnly = Boolean.TRUE.equals(request.lprOnly());
		parameters.put("longitude", point.longitude());
		parameters.put("latitude", point.latitude());
		parameters.put("radiusM", radius);
		parameters.put("from", window.from().toString());
		parameters.put("to", window.to().toString());
		parameters.put("lprOnly", lprOnly);
		return new PointRun(point, radius, window, lprOnly, parameters);
	}

	/** A route canvass's inputs, read once for a run or a preview. */
	private record RouteRun(List<GeoPoint> route, int halfWidthM, TimeWindow window, boolean lprOnly,
			Map<String, Object> parameters) {
	}

	/** The inputs as given; the engine refuses a route or corridor out of its limits, naming the field. */
	private RouteRun routeRun(RouteCanvass request) {
		List<GeoPoint> route = route(request.route());
		int halfWidth = request.halfWidthM() == null ? Canvassing.DEFAULT_HALF_WIDTH_M : request.halfWidthM();
		TimeWindow window = new TimeWindow(request.from(), request.to());
		boolean lprOnly = Boolean.TRUE.equals(request.lprOnly());
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("points", route.size());
		parameters.put("halfWidthM", halfWidth);
		parameters.put("from", window.from().toString());
		parameters.put("to", window.to().toString());
		parameters.put("lprOnly", lprOnly);
		return new RouteRun(route, halfWidth, window, lprOnly, parameters);
	}

	private void auditPreview(InvestigationCase c, String kind, Map<String, Object> parameters, CanvassAnswer answer) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("caseNumber", c.caseNumber());
		details.put("kind", kind);
		details.put("parameters", parameters);
		details.put("cameraCount", answer.found());
		audit.record(AuditAction.CANVASS_PREVIEWED, AUDIT_TYPE, c.id(), details);
	}

	private void auditRun(AuditAction action, InvestigationCase c, long canvassId, Map<String, Object> parameters,
			int cameras) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("caseNumber", c.caseNumber());
		details.put("canvassId", canvassId);
		details.put("parameters", parameters);
		details.put("cameraCount", cameras);
		audit.record(action, AUDIT_TYPE, c.id(), details);
	}

	/** A stored canvass of a case the caller may see; how it is used (viewed, exported, printed) is audited. */
	@Transactional
	CanvassView canvass(long caseId, long canvassId, Investigator who, CanvassUse use) {
		InvestigationCase c = visible(caseId, who);
		CanvassView view = snapshots.view(caseId, canvassId, today())
			.orElseThrow(() -> new NotFoundException("Canvass", canvassId));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("kind", view.kind());
		parameters.put("from", view.from().toString());
		parameters.put("to", view.to().toString());
		parameters.put(view.radiusM() != null ? "radiusM" : "halfWidthM",
				view.radiusM() != null ? view.radiusM() : view.halfWidthM());
		parameters.put("lprOnly", view.lprOnly());
		auditRun(use.action, c, canvassId, parameters, view.cameras().size());
		return view;
	}

	// --- footage requests -----------------------------------------------------------------------------------

	@Transactional
	FootageRequestView requestFootage(long caseId, NewFootageRequest request, Investigator who) {
		InvestigationCase c = visible(caseId, who);
		c.requireOpenFor("footage requests");
		if (request.canvassId() == null || !snapshots.exists(caseId, request.canvassId())) {
			throw new InvalidInputException("canvassId", "canvassId must name a canvass of this case");
		}
		if (request.cameraId() == null) {
			throw new InvalidInputException("cameraId", "cameraId is required");
		}
		CanvassSnapshots.SnapshotCamera camera = snapshots.camera(caseId, request.canvassId(), request.cameraId())
			.orElseThrow(() -> new InvalidInputException("cameraId",
					"camera " + request.cameraId() + " is not in canvass " + request.canvassId() + " of this case"));
		FootagePriority priority = request.priority() == null ? FootagePriority.NORMAL : request.priority();
		TimeWindow window = request.from() == null && request.to() == null ? new TimeWindow(camera.from(), camera.to())
				: new TimeWindow(request.from(), request.to());
		Instant now = clock.instant();
		boolean late = LocalDate.ofInstant(now, zone).isAfter(camera.footageExpiresOn());
		long id = store.insert(new CaseStore.NewRequest(caseId, camera.canvassId(), camera.cameraId(), who.username(), now,
				window.from(), window.to(), priority, now.plus(priority.due()), camera.footageExpiresOn(), late));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("caseNumber", c.caseNumber());
		details.put("requestId", id);
		details.put("canvassId", camera.canvassId());
		details.put("cameraId", camera.cameraId());
		details.put("assetTag", camera.assetTag());
		details.put("priority", priority.name());
		details.put("late", late);
		audit.record(AuditAction.FOOTAGE_REQUESTED, AUDIT_TYPE, caseId, details);
		return queries.request(caseId, id).orElseThrow();
	}

	@Transactional
	FootageRequestView answer(long caseId, long requestId, Answer request, Investigator who) {
		InvestigationCase c = visible(caseId, who);
		FootageRequest footage = store.findRequest(caseId, requestId)
			.orElseThrow(() -> new NotFoundException("Footage request", requestId));
		checkVersion(request.version(), footage.version(), "Footage request " + requestId);
		footage.answer(request.state(), request.reason(), request.note(), who.username(), clock.instant());
		store.save(footage);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("caseNumber", c.caseNumber());
		details.put("requestId", requestId);
		details.put("state", footage.state().name());
		details.put("reason", footage.reason() == null ? null : footage.reason().name());
		audit.record(AuditAction.FOOTAGE_ANSWERED, AUDIT_TYPE, caseId, details);
		return queries.request(caseId, requestId).orElseThrow();
	}

	@Transactional
	FootageRequestView recordOutcome(long caseId, long requestId, OutcomeRequest request, Investigator who) {
		InvestigationCase c = visible(caseId, who);
		FootageRequest footage = store.findRequest(caseId, requestId)
			.orElseThrow(() -> new NotFoundException("Footage request", requestId));
		checkVersion(request.version(), footage.version(), "Footage request " + requestId);
		footage.recordOutcome(request.outcome(), who.username(), clock.instant());
		store.save(footage);
		audit.record(AuditAction.FOOTAGE_OUTCOME, AUDIT_TYPE, caseId, Map.of("caseNumber", c.caseNumber(), "requestId",
				requestId, "outcome", footage.outcome().name()));
		return queries.request(caseId, requestId).orElseThrow();
	}

	// --- helpers --------------------------------------------------------------------------------------------

	/** The case if the caller may see it; otherwise, as when there is none, 404. */
	private InvestigationCase visible(long id, Investigator who) {
		return store.find(id).filter(c -> who.sees(c.precinctId())).orElseThrow(() -> new NotFoundException("Case", id));
	}

	private static void checkVersion(Long sent, long current, String what) {
		if (sent != null && sent != current) {
			throw new OptimisticLockingFailureException(what + " has changed since you loaded it (you sent version " + sent
					+ ", the current version is " + current + ")");
		}
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new InvalidInputException(field, field + " is longer than " + max + " characters");
		}
		return text;
	}

	/** A WGS84 point in Taiwan; 400 naming the field at fault (missing, NaN, out of range, outside Taiwan). */
	static GeoPoint point(Double longitude, Double latitude, String lonField, String latField) {
		if (longitude == null || !Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
			throw new InvalidInputException(lonField, lonField + " must be a number between -180 and 180");
		}
		if (latitude == null || !Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
			throw new InvalidInputException(latField, latField + " must be a number between -90 and 90");
		}
		GeoPoint point = new GeoPoint(longitude, latitude);
		if (!point.isInTaiwan()) {
			throw new InvalidInputException(lonField, "the point (" + longitude + ", " + latitude + ") is outside Taiwan");
		}
		return point;
	}

	/** The incident point in whichever form it was given (the engine's rules: exactly one form, in Taiwan). */
	private GeoPoint incidentPoint(PointCanvass request, Map<String, Object> parameters) {
		if (request.twd97X() != null || request.twd97Y() != null) {
			parameters.put("twd97X", request.twd97X());
			parameters.put("twd97Y", request.twd97Y());
		}
		if (request.tag() != null && !request.tag().isBlank()) {
			parameters.put("tag", request.tag().strip());
		}
		return canvassing.place(request.longitude(), request.latitude(), request.twd97X(), request.twd97Y(), request.tag());
	}

	/** A TWD97 (EPSG:3826) point as WGS84; 400 naming twd97X or twd97Y when outside Taiwan. */
	GeoPoint fromTwd97(Double twd97X, Double twd97Y) {
		return canvassing.place(null, null, twd97X, twd97Y, null);
	}

	/**
	 * [[lon, lat], ...] as points, refused naming {@code route} (and the point's index) when the list is missing or a
	 * pair is malformed; how many points, where and how long is the engine's to judge ({@link Canvassing#along}).
	 */
	static List<GeoPoint> route(List<List<Double>> coordinates) {
		if (coordinates == null) {
			throw new InvalidInputException("route", "route is required: [[longitude, latitude], ...]");
		}
		if (coordinates.size() > Canvassing.MAX_ROUTE_POINTS) {
			throw new InvalidInputException("route", "a route may have at most " + Canvassing.MAX_ROUTE_POINTS + " points");
		}
		List<GeoPoint> route = new ArrayList<>(coordinates.size());
		for (int i = 0; i < coordinates.size(); i++) {
			List<Double> c = coordinates.get(i);
			if (c == null || c.size() != 2) {
				throw new InvalidInputException("route", "point " + i + " of the route is not a [longitude, latitude] pair");
			}
			route.add(point(c.get(0), c.get(1), "route", "route"));
		}
		return route;
	}

}
