package io.watchkeeper.camera;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Derives a camera's precinct and district from its location by point in polygon, in SQL.
 * Cameras whose area a person set by hand ({@code area_overridden}) are left alone.
 * The lookup uses the subdivided boundary pieces ({@code precinct_part}, {@code district_part}, kept in step
 * with the boundaries by triggers), so each camera is tested against one or two small polygons.
 */
@Service
public class AreaAssignment {

	private static final String PRECINCT_OF = "(SELECT pp.precinct_id FROM precinct_part pp "
			+ "WHERE ST_Intersects(pp.geom, %1$s.location) ORDER BY pp.precinct_id LIMIT 1)";

	private static final String DISTRICT_OF = "(SELECT dp.district_id FROM district_part dp "
			+ "WHERE ST_Intersects(dp.geom, %1$s.location) ORDER BY dp.district_id LIMIT 1)";

	private static final String ASSIGN = "UPDATE camera c SET precinct_id = " + PRECINCT_OF.formatted("c")
			+ ", district_id = " + DISTRICT_OF.formatted("c")
			+ " WHERE NOT c.area_overridden AND c.location IS NOT NULL";

	/** Writes only the cameras whose area changes: after a boundary edit most cameras stay where they were. */
	private static final String REASSIGN_CHANGED = "UPDATE camera c SET precinct_id = a.precinct_id, district_id = a.district_id "
			+ "FROM (SELECT x.id, " + PRECINCT_OF.formatted("x") + " AS precinct_id, " + DISTRICT_OF.formatted("x")
			+ " AS district_id FROM camera x WHERE NOT x.area_overridden AND x.location IS NOT NULL) a "
			+ "WHERE c.id = a.id AND (c.precinct_id IS DISTINCT FROM a.precinct_id OR c.district_id IS DISTINCT FROM a.district_id)";

	private final JdbcTemplate jdbc;

	AreaAssignment(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Assigns the given cameras; returns how many rows were looked at. */
	@Transactional
	public int assignCameras(long... cameraIds) {
		if (cameraIds.length == 0) {
			return 0;
		}
		Long[] boxed = java.util.Arrays.stream(cameraIds).boxed().toArray(Long[]::new);
		return jdbc.update(con -> {
			var ps = con.prepareStatement(ASSIGN + " AND c.id = ANY(?)");
			ps.setArray(1, con.createArrayOf("bigint", boxed));
			return ps;
		});
	}

	/**
	 * Re-derives every camera not set by hand, e.g. after boundaries were replaced; returns how many cameras
	 * changed precinct or district (only those rows are written).
	 */
	@Transactional
	public int assignAll() {
		return jdbc.update(REASSIGN_CHANGED);
	}
}
