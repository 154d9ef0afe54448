package io.watchkeeper.investigation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.investigation.CanvassCamera.Interval;
import io.watchkeeper.shared.GeoPoint;

/**
 * The canvass SQL, one statement per answer. Cameras are found through the GiST index on {@code camera.location}
 * (a bounding box around the point or around each route segment, in degrees with a margin) and then measured
 * exactly on the WGS84 ellipsoid ({@code geography}). Each camera comes with its health record and its outages
 * that touch the window (index {@code outage_camera_started_idx}), aggregated per camera in a lateral subquery.
 */
@Repository
class CanvassQueries {

	/** A camera "existed in the window": not planned, placed, installed by its end, not decommissioned before its start. */
	private static final String EXISTED = """
			c.location IS NOT NULL AND c.status <> 'PLANNED'
			AND (c.install_date IS NULL OR c.install_date <= :toDate)
			AND (c.decommissioned_on IS NULL OR c.decommissioned_on >= :fromDate)
			AND (NOT :lprOnly OR c.lpr <> 'NONE')""";

	/** Health and the outages touching the window ({@code started_at <= to}, ended after {@code from} or still open). */
	private static final String HEALTH_AND_OUTAGES = """
			LEFT JOIN LATERAL (
			    SELECT h.first_seen_at, h.last_seen_at FROM camera_health h WHERE h.camera_id = c.id LIMIT 1) h ON true
			CROSS JOIN LATERAL (
			    SELECT array_agg(o.started_at ORDER BY o.started_at) AS starts,
			           array_agg(o.ended_at ORDER BY o.started_at) AS ends
			      FROM outage o
			     WHERE o.camera_id = c.id AND o.started_at <= :to AND (o.ended_at IS NULL OR o.ended_at > :from)) o""";

	private static final String CAMERA_COLUMNS = """
			c.id, c.asset_tag, c.address, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, c.heading_deg, c.fov_deg,
			c.range_m, c.lpr, c.retention_days, h.first_seen_at, h.last_seen_at, o.starts, o.ends""";

	/**
	 * Metres east and north from the point {@code (:lon, :lat)} to the camera, on the WGS84 ellipsoid's local tangent
	 * plane: longitude scaled by the prime-vertical radius at the point ({@code :kx}, metres per degree) times the
	 * cosine of the mid-latitude, latitude by the meridional radius ({@code :ky}). Within 1 km this agrees with the
	 * geodesic to about a millimetre (the flattening error grows with the cube of the distance) and is two orders of
	 * magnitude cheaper than a spheroidal {@code ST_Distance} on {@code geography}, which dominated the canvass at
	 * thousands of cameras.
	 */
	private static final String EAST_NORTH = """
			CROSS JOIN LATERAL (
			    SELECT (ST_X(c.location) - :lon) * :kx * cos(radians((ST_Y(c.location) + :lat) / 2)) AS dx,
			           (ST_Y(c.location) - :lat) * :ky AS dy) d""";

	/**
	 * Point: the candidates in the bounding box measured once on the local plane (materialized, so they are not
	 * measured again), then health and outages for those within the radius only. The bearing from the camera to the
	 * point is the direction of the vector back to it.
	 */
	private static final String POINT = """
			WITH near AS MATERIALIZED (
			    SELECT c.id, c.asset_tag, c.address, c.location, c.heading_deg, c.fov_deg, c.range_m, c.lpr,
			           c.retention_days, d.dx, d.dy, d.dx * d.dx + d.dy * d.dy AS distance_sq
			      FROM camera c
			      %s
			     WHERE c.location && ST_MakeEnvelope(:lon - :dx, :lat - :dy, :lon + :dx, :lat + :dy, 4326)
			       AND d.dx * d.dx + d.dy * d.dy <= CAST(:radius AS float8) * :radius AND %s)
			SELECT %s, c.dx, c.dy
			  FROM near c
			  %s
			 ORDER BY c.distance_sq, c.asset_tag""".formatted(EAST_NORTH, EXISTED, CAMERA_COLUMNS, HEALTH_AND_OUTAGES);

	/**
	 * Route: its pieces (the drawn segments cut into pieces of at most {@link #PIECE_M} by {@link #pieces}, zero-length
	 * ones dropped), each with its vector, length and azimuth (the direction of travel) on the ellipsoid's local plane
	 * (at 100 m within a millimetre of the geodesic) and its start position along the route (the sum of the lengths
	 * before it); every (camera, piece) pair within the corridor, found through the GiST index by the piece's bounding
	 * box, with the camera's nearest point on the piece (the projection onto it, clamped to its ends) and the distance
	 * to it measured on the same plane; the position along the route is the piece's start plus the fraction of its
	 * length; the bearing from the camera to its nearest point is the direction of the vector to it; then per camera
	 * (its columns carried from the spatial look-up, not looked up again; grouped on the id alone, the camera's
	 * columns are the same in each of its rows) the pieces in route order. No projection
	 * library is called: PostGIS sets one up per statement, which cost about 40 ms of every route.
	 */
	private static final String ROUTE = """
			WITH pts AS (
			    SELECT n, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS g
			      FROM unnest(CAST(:lons AS float8[]), CAST(:lats AS float8[])) WITH ORDINALITY AS t (lon, lat, n)),
			pairs AS (
			    SELECT n, g AS a, lead(g) OVER (ORDER BY n) AS b FROM pts),
			piece AS (
			    SELECT n, a, b, ST_X(a) AS ax, ST_Y(a) AS ay, ST_X(b) AS bx, ST_Y(b) AS by,
			           (ST_X(b) - ST_X(a)) * :kx * cos(radians((ST_Y(a) + ST_Y(b)) / 2)) AS dx, (ST_Y(b) - ST_Y(a)) * :ky AS dy
			      FROM pairs WHERE b IS NOT NULL AND NOT ST_Equals(a, b)),
			seg AS MATERIALIZED (
			    SELECT row_number() OVER (ORDER BY n) AS i, ax, ay, dx, dy, ST_MakeLine(a, b) AS g,
			           sqrt(dx * dx + dy * dy) AS len_m,
			           coalesce(sum(sqrt(dx * dx + dy * dy)) OVER (ORDER BY n
			               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start_m,
			           mod(degrees(atan2(dx, dy))::numeric + 360, 360)::float8 AS az
			      FROM piece),
			hit AS (
			    SELECT c.id, c.asset_tag, c.address, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, c.heading_deg, c.fov_deg,
			           c.range_m, c.lpr, c.retention_days, s.i, s.az, s.start_m + f.t * s.len_m AS along_m,
			           sqrt((f.t * s.dx - w.x) ^ 2 + (f.t * s.dy - w.y) ^ 2) AS d,
			           f.t * s.dx - w.x AS ex, f.t * s.dy - w.y AS ey
			      FROM seg s
			      JOIN camera c ON c.location && ST_Expand(s.g, :dx, :dy)
			     CROSS JOIN LATERAL (
			         SELECT (ST_X(c.location) - s.ax) * :kx * cos(radians((ST_Y(c.location) + s.ay) / 2)) AS x,
			                (ST_Y(c.location) - s.ay) * :ky AS y) w
			     CROSS JOIN LATERAL (
			         SELECT greatest(0, least(1, (w.x * s.dx + w.y * s.dy) / (s.dx * s.dx + s.dy * s.dy))) AS t) f
			     WHERE (f.t * s.dx - w.x) ^ 2 + (f.t * s.dy - w.y) ^ 2 <= CAST(:radius AS float8) * :radius AND %s),
			per AS (
			    SELECT c.id, min(c.asset_tag) AS asset_tag, min(c.address) AS address,
			           ST_SetSRID(ST_MakePoint(min(c.lon), min(c.lat)), 4326) AS location, min(c.heading_deg) AS heading_deg,
			           min(c.fov_deg) AS fov_deg, min(c.range_m) AS range_m, min(c.lpr) AS lpr,
			           min(c.retention_days) AS retention_days, array_agg(c.i) AS segs, array_agg(c.d) AS ds,
			           array_agg(c.along_m) AS alongs,
			           array_agg(c.ex) AS exs, array_agg(c.ey) AS eys,
			           array_agg(c.az) AS azs
			      FROM hit c
			     GROUP BY c.id)
			SELECT %s, c.segs, c.ds, c.alongs, c.exs, c.eys, c.azs
			  FROM per c
			  %s""".formatted(EXISTED, CAMERA_COLUMNS, HEALTH_AND_OUTAGES);

	/** The longest piece a route is cut into: its bounding box then stays close to the corridor. */
	static final double PIECE_M = 100;

	/**
	 * The route with points put in so that no piece is longer than {@link #PIECE_M} (lengths on the local plane, enough
	 * to count pieces; the points in between are interpolated in longitude and latitude, which over 100 m is the
	 * geodesic to a millimetre). The drawn points stay; a repeated point stays too (the statement drops zero-length
	 * pieces).
	 */
	static List<GeoPoint> pieces(List<GeoPoint> route) {
		List<GeoPoint> pieces = new ArrayList<>();
		for (int k = 0; k < route.size(); k++) {
			GeoPoint b = route.get(k);
			if (k > 0) {
				GeoPoint a = route.get(k - 1);
				double midLatitude = (a.latitude() + b.latitude()) / 2;
				double sin = Math.sin(Math.toRadians(midLatitude));
				double w = Math.sqrt(1 - E2 * sin * sin);
				double dx = Math.toRadians(b.longitude() - a.longitude()) * A / w * Math.cos(Math.toRadians(midLatitude));
				double dy = Math.toRadians(b.latitude() - a.latitude()) * A * (1 - E2) / (w * w * w);
				int parts = (int) Math.max(1, Math.ceil(Math.hypot(dx, dy) / PIECE_M));
				for (int part = 1; part < parts; part++) {
					double f = (double) part / parts;
					pieces.add(new GeoPoint(a.longitude() + f * (b.longitude() - a.longitude()),
							a.latitude() + f * (b.latitude() - a.latitude())));
				}
			}
			pieces.add(b);
		}
		return pieces;
	}

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	/** Metres per degree of latitude, rounded down so that boxes come out generous. */
	private static final double METRES_PER_DEGREE = 110_000;

	private final NamedParameterJdbcTemplate jdbc;

	CanvassQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A camera that existed in the window, with what the answer is computed from. */
	record Found(long id, String assetTag, String address, double longitude, double latitude, Integer headingDeg,
			Integer fovDeg, Integer rangeM, String lpr, Integer retentionDays, Instant firstSeen, Instant lastSeen,
			List<Interval> outages, double distanceM, Double bearingDeg, List<RouteHit> hits) {
	}

	/** A route segment (1-based, in route order) within the corridor of a camera. */
	record RouteHit(int segment, double distanceM, double alongM, Double bearingDeg, double travelDeg) {
	}

	/** Cameras within {@code radiusM} (geodesic) of the point that existed in the window, nearest first. */
	List<Found> around(GeoPoint point, int radiusM, TimeWindow window, boolean lprOnly) {
		MapSqlParameterSource params = window(window, lprOnly).addValue("lon", point.longitude())
			.addValue("lat", point.latitude())
			.addValue("radius", radiusM)
			.addValue("dx", degreesOfLongitude(radiusM, point.latitude()))
			.addValue("dy", degreesOfLatitude(radiusM));
		localPlane(params, point.latitude());
		withoutJit();
		return jdbc.query(POINT, params, (rs, i) -> found(rs, Math.hypot(rs.getDouble("dx"), rs.getDouble("dy")),
				bearingBack(rs.getDouble("dx"), rs.getDouble("dy")),
				List.of()));
	}

	/** Cameras within {@code halfWidthM} of the route that existed in the window, in no particular order. */
	List<Found> along(List<GeoPoint> drawn, int halfWidthM, TimeWindow window, boolean lprOnly) {
		List<GeoPoint> route = pieces(drawn);
		double maxLatitude = route.stream().mapToDouble(p -> Math.abs(p.latitude())).max().orElse(0);
		MapSqlParameterSource params = window(window, lprOnly).addValue("lons", longitudes(route))
			.addValue("lats", latitudes(route))
			.addValue("radius", halfWidthM)
			.addValue("dx", degreesOfLongitude(halfWidthM, maxLatitude))
			.addValue("dy", degreesOfLatitude(halfWidthM));
		localPlane(params, route.stream().mapToDouble(GeoPoint::latitude).average().orElse(0));
		withoutJit();
		return jdbc.query(ROUTE, params, (rs, i) -> {
			Integer[] segs = ints(rs.getArray("segs"));
			Double[] ds = doubles(rs.getArray("ds"));
			Double[] alongs = doubles(rs.getArray("alongs"));
			Double[] exs = doubles(rs.getArray("exs"));
			Double[] eys = doubles(rs.getArray("eys"));
			Double[] azs = doubles(rs.getArray("azs"));
			List<RouteHit> hits = new ArrayList<>();
			for (int k = 0; k < segs.length; k++) {
				// the vector from the camera to its nearest point on the route: the bearing is its direction
				hits.add(new RouteHit(segs[k], ds[k], alongs[k], bearingBack(-exs[k], -eys[k]), azs[k] == null ? 0 : azs[k]));
			}
			// the arrays come aligned (one aggregation pass) but unordered: ordering them there cost a sort each
			hits.sort(java.util.Comparator.comparingInt(RouteHit::segment));
			return found(rs, 0, null, hits);
		});
	}

	/**
	 * The canvass statements are short index-driven look-ups whose cost estimate (PostGIS functions per candidate)
	 * crosses PostgreSQL's JIT threshold: compiling them took 630 ms of a 900 ms route on a million cameras, for a
	 * statement that runs in about 150 ms without. Off for the rest of the (read-only) transaction.
	 */
	private void withoutJit() {
		jdbc.getJdbcTemplate().execute("SET LOCAL jit = off");
	}

	/** The geodesic length of the route in metres. */
	double length(List<GeoPoint> route) {
		return jdbc.queryForObject("""
				SELECT coalesce(ST_Length(ST_SetSRID(ST_MakeLine(ARRAY(
				           SELECT ST_MakePoint(lon, lat)
				             FROM unnest(CAST(:lons AS float8[]), CAST(:lats AS float8[])) WITH ORDINALITY AS t (lon, lat, n)
				            ORDER BY n)), 4326)::geography), 0)""",
				new MapSqlParameterSource("lons", longitudes(route)).addValue("lats", latitudes(route)), Double.class);
	}

	/** TWD97 TM2 zone 121 (EPSG:3826) easting and northing as WGS84 longitude and latitude. */
	double[] fromTwd97(double x, double y) {
		return jdbc.queryForObject("""
				SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), 3826), 4326) AS p) t""",
				new MapSqlParameterSource("x", x).addValue("y", y), (rs, i) -> new double[] { rs.getDouble(1), rs.getDouble(2) });
	}

	/** Where a camera (by asset tag) or a site (by pole code) stands; empty when unknown or not placed. */
	Optional<GeoPoint> placeOf(String tag) {
		return jdbc.query("""
				SELECT ST_X(location), ST_Y(location) FROM (
				    SELECT location, 1 AS rank FROM camera WHERE asset_tag = upper(:tag)
				    UNION ALL
				    SELECT location, 2 FROM site WHERE upper(code) = upper(:tag)) t
				 ORDER BY rank LIMIT 1""", new MapSqlParameterSource("tag", tag), (rs, i) -> {
			double lon = rs.getDouble(1);
			return rs.wasNull() ? null : new GeoPoint(lon, rs.getDouble(2));
		}).stream().filter(p -> p != null).findFirst();
	}

	/** Whether a camera or a site has this tag at all (placed or not). */
	boolean tagExists(String tag) {
		return Boolean.TRUE.equals(jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM camera WHERE asset_tag = upper(:tag))
				    OR EXISTS (SELECT 1 FROM site WHERE upper(code) = upper(:tag))""", new MapSqlParameterSource("tag", tag),
				Boolean.class));
	}

	private static MapSqlParameterSource window(TimeWindow window, boolean lprOnly) {
		return new MapSqlParameterSource("from", Timestamp.from(window.from())).addValue("to", Timestamp.from(window.to()))
			.addValue("fromDate", LocalDate.ofInstant(window.from(), TAIPEI))
			.addValue("toDate", LocalDate.ofInstant(window.to(), TAIPEI))
			.addValue("lprOnly", lprOnly);
	}

	/**
	 * The bearing (degrees clockwise from north, 0..360) from the camera back to the point, given the point-to-camera
	 * vector (east, north) on the local plane; none when the camera stands on the point.
	 */
	static Double bearingBack(double east, double north) {
		if (east == 0 && north == 0) {
			return null;
		}
		double bearing = Math.toDegrees(Math.atan2(-east, -north));
		return bearing < 0 ? bearing + 360 : bearing;
	}

	/** WGS84 semi-major axis (m) and first eccentricity squared. */
	private static final double A = 6_378_137.0;
	private static final double E2 = 0.006_694_379_990_14;

	/**
	 * Metres per degree on the local plane at {@code latitude}: {@code kx} of longitude before the cosine of the
	 * mid-latitude (prime-vertical radius), {@code ky} of latitude (meridional radius).
	 */
	static MapSqlParameterSource localPlane(MapSqlParameterSource params, double latitude) {
		double sin = Math.sin(Math.toRadians(latitude));
		double w = Math.sqrt(1 - E2 * sin * sin);
		return params.addValue("kx", Math.toRadians(A / w)).addValue("ky", Math.toRadians(A * (1 - E2) / (w * w * w)));
	}

	/** Degrees of latitude that span at least {@code metres}. */
	static double degreesOfLatitude(double metres) {
		return metres / METRES_PER_DEGREE * 1.05;
	}

	/** Degrees of longitude that span at least {@code metres} at {@code latitude}. */
	static double degreesOfLongitude(double metres, double latitude) {
		return metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(Math.min(Math.abs(latitude) + 1, 89)))) * 1.05;
	}

	private static Found found(ResultSet rs, double distanceM, Double bearingDeg, List<RouteHit> hits) throws SQLException {
		Timestamp first = rs.getTimestamp("first_seen_at");
		Timestamp last = rs.getTimestamp("last_seen_at");
		List<Interval> outages = new ArrayList<>();
		Array startsArray = rs.getArray("starts");
		if (startsArray != null) {
			Timestamp[] starts = (Timestamp[]) startsArray.getArray();
			Timestamp[] ends = (Timestamp[]) rs.getArray("ends").getArray();
			for (int k = 0; k < starts.length; k++) {
				outages.add(new Interval(starts[k].toInstant(), ends[k] == null ? null : ends[k].toInstant()));
			}
		}
		return new Found(rs.getLong("id"), rs.getString("asset_tag"), rs.getString("address"), rs.getDouble("lon"),
				rs.getDouble("lat"), nullableInt(rs, "heading_deg"), nullableInt(rs, "fov_deg"), nullableInt(rs, "range_m"),
				rs.getString("lpr"), nullableInt(rs, "retention_days"), first == null ? null : first.toInstant(),
				last == null ? null : last.toInstant(), outages, distanceM, bearingDeg, hits);
	}

	private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Integer[] ints(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		Integer[] ints = new Integer[values.length];
		for (int k = 0; k < values.length; k++) {
			ints[k] = ((Number) values[k]).intValue();
		}
		return ints;
	}

	private static Double[] doubles(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		Double[] result = new Double[values.length];
		for (int k = 0; k < values.length; k++) {
			result[k] = values[k] == null ? null : ((Number) values[k]).doubleValue();
		}
		return result;
	}

	/** A float8[] literal (bound as text: a Java array would be expanded into a list by the named-parameter template). */
	private static String longitudes(List<GeoPoint> route) {
		return arrayLiteral(route.stream().mapToDouble(GeoPoint::longitude).toArray());
	}

	private static String latitudes(List<GeoPoint> route) {
		return arrayLiteral(route.stream().mapToDouble(GeoPoint::latitude).toArray());
	}

	private static String arrayLiteral(double[] values) {
		StringBuilder literal = new StringBuilder("{");
		for (int k = 0; k < values.length; k++) {
			literal.append(k == 0 ? "" : ",").append(Double.toString(values[k]));
		}
		return literal.append('}').toString();
	}
}
