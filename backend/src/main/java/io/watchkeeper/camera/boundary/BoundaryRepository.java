package io.watchkeeper.camera.boundary;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** All spatial SQL for precinct and district boundaries. Geometries are always bound parameters. */
@Repository
class BoundaryRepository {

	/** Serialises boundary writers across application nodes (the value is arbitrary but fixed). */
	private static final long BOUNDARY_LOCK = 0x5741_4B42_4E44L;

	/** GeoJSON in, SRID 4326, 2-D, always a MultiPolygon. */
	private static final String GEOMETRY = "ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)))";

	/** The same for a geometry JTS found invalid: ST_MakeValid, keeping only its polygons. */
	private static final String REPAIRED_GEOMETRY =
			"ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))), 3))";

	private final JdbcTemplate jdbc;

	BoundaryRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void lockForWriting() {
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, BOUNDARY_LOCK);
	}

	int count(BoundaryKind kind) {
		return jdbc.queryForObject("SELECT count(*) FROM " + kind.table(), Integer.class);
	}

	/** Code to id, in code order. */
	Map<String, Long> idsByCode(BoundaryKind kind) {
		Map<String, Long> ids = new LinkedHashMap<>();
		jdbc.query("SELECT code, id FROM " + kind.table() + " ORDER BY code",
				rs -> { ids.put(rs.getString(1), rs.getLong(2)); });
		return ids;
	}

	/** Inserts or updates by code; true when inserted. An area whose repair leaves nothing is refused. */
	boolean upsert(BoundaryKind kind, BoundaryFile.Area area) {
		String geometry = area.repair() == null ? GEOMETRY : REPAIRED_GEOMETRY;
		Boolean inserted = jdbc.query("INSERT INTO " + kind.table() + " (code, name_zh, name_en, boundary) "
				+ "SELECT ?, ?, ?, g FROM (SELECT " + geometry + " AS g) AS input WHERE NOT ST_IsEmpty(g) "
				+ "ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, "
				+ "boundary = EXCLUDED.boundary, updated_at = now() RETURNING (xmax = 0)",
				(rs, n) -> rs.getBoolean(1), area.code(), area.nameZh(), area.nameEn(), area.geometryJson()).stream()
			.findFirst().orElse(null);
		if (inserted == null) {
			throw new io.watchkeeper.shared.InvalidInputException("features[" + area.index() + "].geometry",
					"The geometry of " + area.code() + " has no area left once made valid (" + area.repair() + ")");
		}
		return inserted;
	}

	/**
	 * Why areas may not be removed: who still refers to them besides cameras placed automatically (those are
	 * simply re-assigned). One problem per area (its code as the field) with the counts of cameras set by hand, maintenance
	 * contracts, procurement projects and users that refer to it, and one more naming its police stations.
	 */
	List<GeoJsonPolygons.Problem> referencesBlockingRemoval(BoundaryKind kind, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String sql = kind == BoundaryKind.PRECINCT ? """
				SELECT a.code,
				       (SELECT count(*) FROM camera c WHERE c.precinct_id = a.id AND c.area_overridden),
				       (SELECT count(*) FROM maintenance_contract_precinct m WHERE m.precinct_id = a.id),
				       (SELECT count(*) FROM procurement_project p WHERE p.precinct_id = a.id),
				       (SELECT count(*) FROM app_user u WHERE u.precinct_id = a.id),
				       (SELECT count(*) FROM station s WHERE s.precinct_id = a.id),
				       (SELECT string_agg(s.name_zh, '、' ORDER BY s.name_zh) FROM station s WHERE s.precinct_id = a.id)
				  FROM precinct a WHERE a.id = ANY(?) ORDER BY a.code""" : """
				SELECT a.code,
				       (SELECT count(*) FROM camera c WHERE c.district_id = a.id AND c.area_overridden), 0, 0, 0, 0, NULL
				  FROM district a WHERE a.id = ANY(?) ORDER BY a.code""";
		List<GeoJsonPolygons.Problem> blocking = new ArrayList<>();
		jdbc.query(con -> {
			var ps = con.prepareStatement(sql);
			ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
			return ps;
		}, rs -> {
			long[] counts = { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) };
			if (counts[0] + counts[1] + counts[2] + counts[3] > 0) {
				blocking.add(new GeoJsonPolygons.Problem(rs.getString(1), "boundary.blocking", counts[0], counts[1], counts[2],
						counts[3]));
			}
			if (rs.getLong(6) > 0) {
				// Stations belong to their precinct: they are moved or deleted on purpose, never with a boundary file.
				blocking.add(new GeoJsonPolygons.Problem(rs.getString(1), "boundary.blocking.stations", rs.getLong(6),
						rs.getString(7)));
			}
		});
		return blocking;
	}

	/** Removes areas; cameras placed in them automatically lose the area until they are re-assigned. */
	void remove(BoundaryKind kind, List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Long[] array = ids.toArray(Long[]::new);
		String column = kind.table() + "_id";
		jdbc.update(con -> {
			var ps = con.prepareStatement("UPDATE camera SET " + column + " = NULL WHERE " + column
					+ " = ANY(?) AND NOT area_overridden");
			ps.setArray(1, con.createArrayOf("bigint", array));
			return ps;
		});
		jdbc.update(con -> {
			var ps = con.prepareStatement("DELETE FROM " + kind.table() + " WHERE id = ANY(?)");
			ps.setArray(1, con.createArrayOf("bigint", array));
			return ps;
		});
	}

	boolean anyCameraPlaced() {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM camera WHERE location IS NOT NULL)", Boolean.class));
	}

	List<Boundaries.AreaSummary> summaries(BoundaryKind kind) {
		String column = kind.table() + "_id";
		return jdbc.query("SELECT a.code, a.name_zh, a.name_en, coalesce(c.cameras, 0) AS cameras, "
				+ "(SELECT count(*) FROM " + kind.table() + "_part p WHERE p." + column + " = a.id) AS parts, "
				+ "ST_NPoints(a.boundary) AS vertices, ST_Area(a.boundary::geography) / 1e6 AS area_km2, a.updated_at "
				+ "FROM " + kind.table() + " a LEFT JOIN (SELECT " + column + " AS id, count(*) AS cameras FROM camera "
				+ "WHERE " + column + " IS NOT NULL GROUP BY " + column + ") c ON c.id = a.id ORDER BY a.code",
				(rs, n) -> new Boundaries.AreaSummary(rs.getString("code"), rs.getString("name_zh"),
						rs.getString("name_en"), rs.getLong("cameras"), rs.getInt("parts"), rs.getInt("vertices"),
						rs.getDouble("area_km2"), rs.getObject("updated_at", OffsetDateTime.class)));
	}
}
