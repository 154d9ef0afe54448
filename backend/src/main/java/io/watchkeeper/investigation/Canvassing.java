package io.watchkeeper.investigation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.health.HealthProperties;
import io.watchkeeper.investigation.CanvassCamera.Availability;
import io.watchkeeper.investigation.CanvassCamera.Facing;
import io.watchkeeper.investigation.CanvassCamera.Travel;
import io.watchkeeper.investigation.CanvassQueries.Found;
import io.watchkeeper.investigation.CanvassQueries.RouteHit;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.TextInput;

/**
 * Answers canvasses: the cameras that existed in a time window (installed before it ended, not decommissioned before
 * it began, never planned ones) around an incident point or along a route, with distance, facing, availability from
 * the outage history and footage expiry. Stateless: the case service keeps what it answered as a snapshot.
 * Bad input is refused with {@link io.watchkeeper.shared.InvalidInputException} naming the field.
 * <p>
 * Availability follows the rule of {@code OutageHistory.recordingAt} over the whole window: down while an outage
 * covers the time, recording while the camera was reporting (from its first report until the health silence
 * threshold after its last), unknown otherwise. Footage of the window expires on the window's start date (Asia/Taipei)
 * plus the camera's retention days (its own, or {@code watchkeeper.investigation.default-retention-days}).
 */
@Service
@Transactional(readOnly = true)
public class Canvassing {

	public static final int DEFAULT_RADIUS_M = 200;
	public static final int MAX_RADIUS_M = 1_000;
	public static final int DEFAULT_HALF_WIDTH_M = 50;
	public static final int MAX_HALF_WIDTH_M = 300;
	public static final int MAX_ROUTE_POINTS = 500;
	public static final double MAX_ROUTE_LENGTH_M = 50_000;

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	private final CanvassQueries queries;
	private final InvestigationProperties properties;
	private final HealthProperties health;
	private final Clock clock;

	Canvassing(CanvassQueries queries, InvestigationProperties properties, HealthProperties health, Clock clock) {
		this.queries = queries;
		this.properties = properties;
		this.health = health;
		this.clock = clock;
	}

	/** Cameras within {@code radiusM} of {@code point}, nearest first (ties by asset tag). */
	public CanvassAnswer around(GeoPoint point, int radiusM, TimeWindow window, boolean lprOnly) {
		if (radiusM < 1 || radiusM > MAX_RADIUS_M) {
			throw new InvalidInputException("radiusM", "the radius must be 1 to " + MAX_RADIUS_M + " m, got " + radiusM);
		}
		inTaiwan(point, "longitude", "latitude");
		requireWindow(window);
		Instant answeredAt = clock.instant();
		LocalDate today = LocalDate.ofInstant(answeredAt, TAIPEI);
		List<CanvassCamera> cameras = new ArrayList<>();
		for (Found f : queries.around(point, radiusM, window, lprOnly)) {
			Facing facing = FieldOfView.facing(f.bearingDeg(), f.distanceM(), f.headingDeg(), f.fovDeg(), f.rangeM(),
					properties.defaultFovDeg());
			cameras.add(camera(f, window, today, f.distanceM(), f.bearingDeg(), facing, null, null, null));
		}
		return answer(answeredAt, window, cameras, false);
	}

	/**
	 * Cameras within {@code halfWidthM} of the route, ordered by their position along it from its start (ties by
	 * asset tag). A camera near several passes of a route that comes back on itself is listed once, at its first
	 * pass (the first run of consecutive route segments within its reach, at the nearest point of that run): a
	 * detective follows the route forwards and asks each camera once for the whole window.
	 */
	public CanvassAnswer along(List<GeoPoint> route, int halfWidthM, TimeWindow window, boolean lprOnly) {
		if (route == null || route.size() < 2 || route.size() > MAX_ROUTE_POINTS) {
			throw new InvalidInputException("route", "a route needs 2 to " + MAX_ROUTE_POINTS + " points, got "
					+ (route == null ? 0 : route.size()));
		}
		for (GeoPoint p : route) {
			if (p == null || !p.isInTaiwan()) {
				throw new InvalidInputException("route", "every point of the route must lie in Taiwan, got " + p);
			}
		}
		if (halfWidthM < 1 || halfWidthM > MAX_HALF_WIDTH_M) {
			throw new InvalidInputException("halfWidthM",
					"the corridor half-width must be 1 to " + MAX_HALF_WIDTH_M + " m, got " + halfWidthM);
		}
		requireWindow(window);
		double length = queries.length(route);
		if (length <= 0) {
			throw new InvalidInputException("route", "the route has no length: all its points are the same");
		}
		if (length > MAX_ROUTE_LENGTH_M) {
			throw new InvalidInputException("route",
					"the route may be at most 50 km long, it is %.1f km".formatted(length / 1000));
		}
		Instant answeredAt = clock.instant();
		LocalDate today = LocalDate.ofInstant(answeredAt, TAIPEI);
		List<CanvassCamera> cameras = new ArrayList<>();
		for (Found f : queries.along(route, halfWidthM, window, lprOnly)) {
			RouteHit hit = firstPass(f.hits());
			Facing facing = FieldOfView.facing(hit.bearingDeg(), hit.distanceM(), f.headingDeg(), f.fovDeg(), f.rangeM(),
					properties.defaultFovDeg());
			Travel travel = FieldOfView.travel(f.headingDeg(), f.fovDeg(), hit.travelDeg());
			cameras.add(camera(f, window, today, hit.distanceM(), hit.bearingDeg(), facing, hit.alongM(), hit.distanceM(),
					travel));
		}
		cameras.sort(Comparator.comparingDouble(CanvassCamera::alongM).thenComparing(CanvassCamera::assetTag));
		return answer(answeredAt, window, cameras, true);
	}

	/**
	 * The incident place from exactly one of its forms: WGS84 {@code longitude}/{@code latitude}, TWD97 TM2
	 * (EPSG:3826) {@code twd97X}/{@code twd97Y}, or the {@code tag} of a camera (asset tag) or of a pole (site code),
	 * which gives where it stands. Refused with a field error when no form or several are given, a form is
	 * incomplete, a number is not finite, the place lies outside Taiwan, or the tag is unknown or not placed.
	 */
	public GeoPoint place(Double longitude, Double latitude, Double twd97X, Double twd97Y, String tag) {
		boolean wgs = longitude != null || latitude != null;
		boolean twd = twd97X != null || twd97Y != null;
		boolean byTag = tag != null && !tag.isBlank();
		int forms = (wgs ? 1 : 0) + (twd ? 1 : 0) + (byTag ? 1 : 0);
		if (forms == 0) {
			throw new InvalidInputException("longitude",
					"give the incident place: longitude and latitude, TWD97 x and y, or a camera or pole tag");
		}
		if (forms > 1) {
			throw new InvalidInputException(byTag ? "tag" : "twd97X",
					"give the incident place in one form only: longitude and latitude, TWD97 x and y, or a tag");
		}
		if (wgs) {
			double lon = finite(longitude, "longitude");
			double lat = finite(latitude, "latitude");
			if (lon < -180 || lon > 180) {
				throw new InvalidInputException("longitude", "the place must lie in Taiwan, got longitude " + lon);
			}
			if (lat < -90 || lat > 90) {
				throw new InvalidInputException("latitude", "the place must lie in Taiwan, got latitude " + lat);
			}
			return inTaiwan(new GeoPoint(lon, lat), "longitude", "latitude");
		}
		if (twd) {
			double x = finite(twd97X, "twd97X");
			double y = finite(twd97Y, "twd97Y");
			// TM2 zone 121 covers Taiwan with eastings of about 150-360 km and northings of 2,380-2,820 km (Penghu,
			// Kinmen and Matsu included, generously); anything far off would not even transform sensibly
			if (x < 0 || x > 1_000_000) {
				throw new InvalidInputException("twd97X", "the place must lie in Taiwan, got x " + x);
			}
			if (y < 2_000_000 || y > 3_200_000) {
				throw new InvalidInputException("twd97Y", "the place must lie in Taiwan, got y " + y);
			}
			double[] lonLat = queries.fromTwd97(x, y);
			return inTaiwan(new GeoPoint(lonLat[0], lonLat[1]), "twd97X", "twd97Y");
		}
		String problem = TextInput.problem(tag);
		if (problem != null) {
			throw new InvalidInputException("tag", problem);
		}
		String wanted = tag.strip();
		return queries.placeOf(wanted)
			.orElseThrow(() -> new InvalidInputException("tag", queries.tagExists(wanted)
					? "camera or pole " + wanted + " has no location" : "no camera or pole has the tag " + wanted));
	}

	/** The first run of consecutive segments within reach (hits come in route order), at its nearest point. */
	static RouteHit firstPass(List<RouteHit> hits) {
		RouteHit best = hits.get(0);
		for (int k = 1; k < hits.size() && hits.get(k).segment() == hits.get(k - 1).segment() + 1; k++) {
			if (hits.get(k).distanceM() < best.distanceM()) {
				best = hits.get(k);
			}
		}
		return best;
	}

	private CanvassCamera camera(Found f, TimeWindow window, LocalDate today, double distanceM, Double bearingDeg,
			Facing facing, Double alongM, Double offsetM, Travel travel) {
		WindowAvailability.Judged judged = WindowAvailability.judge(window, f.outages(), f.firstSeen(), f.lastSeen(),
				health.silenceThreshold());
		int retentionDays = f.retentionDays() != null ? f.retentionDays() : properties.defaultRetentionDays();
		LocalDate expiresOn = LocalDate.ofInstant(window.from(), TAIPEI).plusDays(retentionDays);
		return new CanvassCamera(f.id(), f.assetTag(), f.address(), f.longitude(), f.latitude(), distanceM, bearingDeg,
				f.headingDeg(), f.fovDeg(), f.rangeM(), facing, judged.availability(), judged.down(), judged.unknown(),
				f.lpr(), retentionDays, expiresOn, today.isAfter(expiresOn), alongM, offsetM, travel);
	}

	private static CanvassAnswer answer(Instant answeredAt, TimeWindow window, List<CanvassCamera> cameras, boolean route) {
		int facingAndRecording = 0;
		int expired = 0;
		for (CanvassCamera c : cameras) {
			boolean facing = route ? c.travel() == Travel.WITH || c.travel() == Travel.AGAINST
					: c.facing() == Facing.YES || c.facing() == Facing.EDGE;
			boolean recording = c.availability() == Availability.RECORDING || c.availability() == Availability.PARTLY;
			facingAndRecording += facing && recording ? 1 : 0;
			expired += c.expired() ? 1 : 0;
		}
		return new CanvassAnswer(answeredAt, window, List.copyOf(cameras), facingAndRecording, expired);
	}

	private static void requireWindow(TimeWindow window) {
		if (window == null) {
			throw new InvalidInputException("from", "is required");
		}
	}

	private static double finite(Double value, String field) {
		if (value == null) {
			throw new InvalidInputException(field, "is required");
		}
		if (!Double.isFinite(value)) {
			throw new InvalidInputException(field, "must be a number, got " + value);
		}
		return value;
	}

	private static GeoPoint inTaiwan(GeoPoint point, String longitudeField, String latitudeField) {
		if (point == null) {
			throw new InvalidInputException(longitudeField, "is required");
		}
		if (!new GeoPoint(point.longitude(), 23.5).isInTaiwan()) {
			throw new InvalidInputException(longitudeField, "the place must lie in Taiwan, got longitude " + point.longitude());
		}
		if (!point.isInTaiwan()) {
			throw new InvalidInputException(latitudeField, "the place must lie in Taiwan, got latitude " + point.latitude());
		}
		return point;
	}
}
