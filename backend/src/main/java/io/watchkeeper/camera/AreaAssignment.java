package io.watchkeeper.camera;

import java.util.OptionalDouble;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.GeoPoint;

/**
 * Derives a camera's precinct, district and police station from its location by point in polygon, in SQL.
 * Cameras whose area a person set by hand ({@code area_overridden}) are left alone.
 * The lookup uses the subdivided boundary pieces ({@code precinct_part}, {@code district_part}, kept in step
 * with the boundaries by triggers), so each camera is tested against one or two small polygons.
 * <p>
 * It also holds the one rule for a position <em>far outside the department's area</em> (see
 * {@link #farOutsideArea(String)}), used by the API, the pages and the import alike.
 */
@Service
public class AreaAssignment {

	private static final String PRECINCT_OF = "(SELECT pp.precinct_id FROM precinct_part pp "
			+ "WHERE ST_Intersects(pp.geom, %1$s.location) ORDER BY pp.precinct_id LIMIT 1)";

	private static final String DISTRICT_OF = "(SELECT dp.district_id FROM district_part dp "
			+ "WHERE ST_Intersects(dp.geom, %1$s.location) ORDER BY dp.district_id LIMIT 1)";

	/**
	 * The station of camera {@code %1$s} whose new precinct is {@code %2$s}: a station of that precinct whose
	 * boundary contains the point; where none does, the station the camera has if it belongs to that precinct;
	 * else none. A station of another precinct is never taken, so where precinct and station boundaries disagree
	 * at their edges a camera still never carries a station outside its precinct.
	 */
	private static final String STATION_OF = "coalesce((SELECT sp.station_id FROM station_part sp JOIN station s ON s.id = sp.station_id "
			+ "WHERE s.precinct_id = %2$s AND ST_Intersects(sp.geom, %1$s.location) ORDER BY sp.station_id LIMIT 1), "
			+ "(SELECT k.id FROM station k WHERE k.id = %1$s.station_id AND k.precinct_id = %2$s))";

	/** Each camera's derived areas, with the precinct computed once and the station derived from it. */
	private static final String DERIVED = "SELECT b.id, b.precinct_id, b.district_id, " + STATION_OF.formatted("b", "b.precinct_id")
			+ " AS station_id FROM (SELECT x.id, x.location, x.station_id, " + PRECINCT_OF.formatted("x") + " AS precinct_id, "
			+ DISTRICT_OF.formatted("x") + " AS district_id FROM camera x WHERE NOT x.area_overridden AND x.location IS NOT NULL %s) b";

	private static final String ASSIGN = "UPDATE camera c SET precinct_id = a.precinct_id, district_id = a.district_id, "
			+ "station_id = a.station_id FROM (" + DERIVED.formatted("AND x.id = ANY(?)") + ") a WHERE c.id = a.id";

	/** Writes only the cameras whose area changes: after a boundary edit most cameras stay where they were. */
	private static final String REASSIGN_CHANGED = "UPDATE camera c SET precinct_id = a.precinct_id, district_id = a.district_id, "
			+ "station_id = a.station_id FROM (" + DERIVED.formatted("") + ") a "
			+ "WHERE c.id = a.id AND (c.precinct_id IS DISTINCT FROM a.precinct_id OR c.district_id IS DISTINCT FROM a.district_id "
			+ "OR c.station_id IS DISTINCT FROM a.station_id)";

	/**
	 * Metres from a location to the department's area, the union of the precinct boundaries: 0 inside, NULL
	 * when no precinct is loaded. The distance to a union is the least distance to its members, so the
	 * precincts are not merged into one polygon first.
	 */
	private static final String METRES_TO_AREA =
			"(SELECT min(ST_Distance(p.boundary::geography, (%1$s)::geography)) FROM precinct p)";

	private final JdbcTemplate jdbc;

	private final double toleranceMetres;

	AreaAssignment(JdbcTemplate jdbc, CameraProperties properties) {
		this.jdbc = jdbc;
		this.toleranceMetres = properties.outsideAreaToleranceKm() * 1000;
	}

	/**
	 * The rule for "far outside the department's area", as an SQL condition on a point geometry (SRID 4326)
	 * named by {@code location}: precincts are loaded and none lies within the tolerance of the point (on the
	 * spheroid). It takes one bound parameter, {@link #toleranceMetres()}. Only rows outside every precinct
	 * can match, so callers may first keep those.
	 */
	public static String farOutsideArea(String location) {
		return "(EXISTS (SELECT 1 FROM precinct) AND NOT EXISTS (SELECT 1 FROM precinct p "
				+ "WHERE ST_DWithin(p.boundary::geography, (" + location + ")::geography, ?)))";
	}

	/** Kilometres from {@code location} to the department's area to one decimal, as an SQL expression (see {@link #farOutsideArea}). */
	public static String kilometresToArea(String location) {
		return "round((" + METRES_TO_AREA.formatted(location) + " / 1000)::numeric, 1)::double precision";
	}

	/** The tolerance that {@link #farOutsideArea(String)} binds: {@code watchkeeper.camera.outside-area-tolerance-km}. */
	public double toleranceMetres() {
		return toleranceMetres;
	}

	/** Kilometres (to one decimal) to the department's area when {@code point} lies far outside it; empty otherwise. */
	@Transactional(readOnly = true)
	public OptionalDouble kilometresFarOutsideArea(GeoPoint point) {
		return jdbc.query("SELECT " + kilometresToArea("x.location") + " FROM (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) "
				+ "AS location) x WHERE " + farOutsideArea("x.location"),
				(rs, n) -> rs.getDouble(1), point.longitude(), point.latitude(), toleranceMetres)
			.stream().mapToDouble(Double::doubleValue).findFirst();
	}

	/** Assigns the given cameras; returns how many rows were looked at. */
	@Transactional
	public int assignCameras(long... cameraIds) {
		if (cameraIds.length == 0) {
			return 0;
		}
		Long[] boxed = java.util.Arrays.stream(cameraIds).boxed().toArray(Long[]::new);
		return jdbc.update(con -> {
			var ps = con.prepareStatement(ASSIGN);
			ps.setArray(1, con.createArrayOf("bigint", boxed));
			return ps;
		});
	}

	/**
	 * Re-derives every camera not set by hand, e.g. after boundaries were replaced; returns how many cameras
	 * changed precinct, district or station (only those rows are written).
	 */
	@Transactional
	public int assignAll() {
		return jdbc.update(REASSIGN_CHANGED);
	}
}
