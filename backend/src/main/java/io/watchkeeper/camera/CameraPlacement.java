package io.watchkeeper.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.GeoPoint;

/**
 * Gives cameras that have no position one (and takes a proposed one back): the placement queue places a pole at a
 * time, address matching places many at once. The camera module owns the camera rows, so other modules place
 * cameras through this class only. Placing writes the location of the cameras and of their site, bumps each
 * camera's version (an open edit form then refuses to overwrite it), lets the precinct, district and station follow
 * by polygon for cameras whose area was not set by hand, and records one audit event.
 */
@Service
public class CameraPlacement {

	/** What one placement did: the cameras moved, and the areas the first of them now lies in. */
	public record Placed(List<Long> cameraIds, Long precinctId, Long districtId, Long stationId) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final AreaAssignment areas;

	private final AuditLog audit;

	CameraPlacement(NamedParameterJdbcTemplate jdbc, AreaAssignment areas, AuditLog audit) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.audit = audit;
	}

	/**
	 * Places the given cameras (not decommissioned ones) and their sites at {@code point}; {@code how} says by what
	 * ({@code "queue"}, {@code "address:EXACT"}, ...) and goes into the audit event with {@code details}. The caller
	 * checks whether the point lies outside the department's area and has the person confirm it.
	 */
	@Transactional
	public Placed place(List<Long> cameraIds, GeoPoint point, String how, Map<String, ?> details, String actor,
			String remoteAddress) {
		if (cameraIds.isEmpty()) {
			return new Placed(List.of(), null, null, null);
		}
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("ids", cameraIds.toArray(Long[]::new))
			.addValue("lon", point.longitude()).addValue("lat", point.latitude());
		List<Long> moved = jdbc.queryForList("""
				UPDATE camera SET location = ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), updated_at = now(), version = version + 1
				 WHERE id = ANY(:ids) AND status <> 'DECOMMISSIONED' RETURNING id""", p, Long.class);
		jdbc.update("""
				UPDATE site s SET location = ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)
				 WHERE s.id IN (SELECT c.site_id FROM camera c WHERE c.id = ANY(:ids))""", p);
		areas.assignCameras(moved.stream().mapToLong(Long::longValue).toArray());
		Placed placed = jdbc.query("""
				SELECT precinct_id, district_id, station_id FROM camera WHERE id = ANY(:ids) ORDER BY id LIMIT 1""", p,
				(rs, n) -> new Placed(moved, (Long) rs.getObject(1), (Long) rs.getObject(2), (Long) rs.getObject(3)))
			.stream().findFirst().orElse(new Placed(moved, null, null, null));
		Map<String, Object> trail = new java.util.LinkedHashMap<>(details);
		trail.put("how", how);
		trail.put("cameras", moved);
		trail.put("longitude", point.longitude());
		trail.put("latitude", point.latitude());
		trail.put("precinctId", placed.precinctId());
		trail.put("districtId", placed.districtId());
		trail.put("stationId", placed.stationId());
		audit.record(actor, "camera.placed", "camera", moved.isEmpty() ? null : moved.get(0), trail, remoteAddress);
		return placed;
	}

	/**
	 * Places many cameras at once, each at its own point, in set-based statements (address matching over a whole
	 * list). Only cameras that still have no position are written. Returns the ids written; one audit event
	 * records how many and by what.
	 */
	@Transactional
	public List<Long> placeMany(Map<Long, GeoPoint> points, String how, Map<String, ?> details, String actor,
			String remoteAddress) {
		if (points.isEmpty()) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>(points.size());
		List<Double> lons = new ArrayList<>(points.size());
		List<Double> lats = new ArrayList<>(points.size());
		points.forEach((id, pt) -> {
			ids.add(id);
			lons.add(pt.longitude());
			lats.add(pt.latitude());
		});
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("ids", ids.toArray(Long[]::new))
			.addValue("lons", lons.toArray(Double[]::new)).addValue("lats", lats.toArray(Double[]::new));
		List<Long> moved = jdbc.queryForList("""
				UPDATE camera c SET location = ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326), updated_at = now(), version = c.version + 1
				  FROM unnest(CAST(:ids AS bigint[]), CAST(:lons AS float8[]), CAST(:lats AS float8[])) AS v(id, lon, lat)
				 WHERE c.id = v.id AND c.location IS NULL AND c.status <> 'DECOMMISSIONED' RETURNING c.id""", p, Long.class);
		jdbc.update("""
				UPDATE site s SET location = c.location FROM camera c
				 WHERE c.site_id = s.id AND c.id = ANY(:ids) AND s.location IS NULL AND c.location IS NOT NULL""", p);
		areas.assignCameras(moved.stream().mapToLong(Long::longValue).toArray());
		Map<String, Object> trail = new java.util.LinkedHashMap<>(details);
		trail.put("how", how);
		trail.put("cameras", moved.size());
		audit.record(actor, "camera.placed_many", "camera", null, trail, remoteAddress);
		return moved;
	}

	/**
	 * Takes back positions a match proposed: each camera that still stands exactly where {@code points} says loses
	 * its position (and its site too when no camera of the site keeps one), so it returns to the placement queue.
	 * Its precinct, district and station stay as they were (usually what the list named). Returns the ids written.
	 */
	@Transactional
	public List<Long> unplace(Map<Long, GeoPoint> points, String why, Map<String, ?> details, String actor,
			String remoteAddress) {
		if (points.isEmpty()) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		List<Double> lons = new ArrayList<>();
		List<Double> lats = new ArrayList<>();
		points.forEach((id, pt) -> {
			ids.add(id);
			lons.add(pt.longitude());
			lats.add(pt.latitude());
		});
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("ids", ids.toArray(Long[]::new))
			.addValue("lons", lons.toArray(Double[]::new)).addValue("lats", lats.toArray(Double[]::new));
		List<Long> moved = jdbc.queryForList("""
				UPDATE camera c SET location = NULL, updated_at = now(), version = c.version + 1
				  FROM unnest(CAST(:ids AS bigint[]), CAST(:lons AS float8[]), CAST(:lats AS float8[])) AS v(id, lon, lat)
				 WHERE c.id = v.id AND ST_Equals(c.location, ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326)) RETURNING c.id""",
				p, Long.class);
		jdbc.update("""
				UPDATE site s SET location = NULL
				 WHERE s.id IN (SELECT c.site_id FROM camera c WHERE c.id = ANY(:ids))
				   AND NOT EXISTS (SELECT 1 FROM camera o WHERE o.site_id = s.id AND o.location IS NOT NULL)""", p);
		Map<String, Object> trail = new java.util.LinkedHashMap<>(details);
		trail.put("why", why);
		trail.put("cameras", moved);
		audit.record(actor, "camera.unplaced", "camera", moved.isEmpty() ? null : moved.get(0), trail, remoteAddress);
		return moved;
	}
}
