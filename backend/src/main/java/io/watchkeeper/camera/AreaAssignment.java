package io.watchkeeper.camera;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Derives a camera's precinct and district from its location by point in polygon, in SQL.
 * Cameras whose area a person set by hand ({@code area_overridden}) are left alone.
 */
@Service
public class AreaAssignment {

	private static final String ASSIGN = """
			UPDATE camera c
			   SET precinct_id = (SELECT p.id FROM precinct p WHERE ST_Intersects(p.boundary, c.location) ORDER BY p.id LIMIT 1),
			       district_id = (SELECT d.id FROM district d WHERE ST_Intersects(d.boundary, c.location) ORDER BY d.id LIMIT 1)
			 WHERE NOT c.area_overridden AND c.location IS NOT NULL""";

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

	/** Assigns the cameras whose ids lie in [fromId, toId]: what a bulk import just inserted. */
	@Transactional
	public int assignCameraIdRange(long fromId, long toId) {
		return jdbc.update(ASSIGN + " AND c.id BETWEEN ? AND ?", fromId, toId);
	}

	/** Re-derives every camera not set by hand, e.g. after boundaries were replaced. */
	@Transactional
	public int assignAll() {
		return jdbc.update(ASSIGN);
	}
}
