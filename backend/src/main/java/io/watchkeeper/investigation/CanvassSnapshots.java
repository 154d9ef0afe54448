package io.watchkeeper.investigation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.investigation.CanvassCamera.Interval;
import io.watchkeeper.investigation.CaseViews.CanvassSummary;
import io.watchkeeper.investigation.CaseViews.CanvassView;
import io.watchkeeper.investigation.CaseViews.Point;
import io.watchkeeper.investigation.CaseViews.Summary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps canvass answers as snapshots ({@code canvass} and {@code canvass_camera}) and reads them back. The cameras
 * go in with one statement ({@code INSERT ... SELECT FROM jsonb_to_recordset}), however many there are.
 */
@Repository
class CanvassSnapshots {

	private final NamedParameterJdbcTemplate jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	CanvassSnapshots(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** What ran: a point with a radius (route null) or a route with a corridor (point null). */
	record Run(long caseId, String kind, String runBy, String geometryWkt, Integer radiusM, Integer halfWidthM,
			boolean lprOnly, Map<String, Object> parameters) {
	}

	/** Stores the answer as a new snapshot; returns its id. */
	long save(Run run, CanvassAnswer answer) {
		long id = jdbc.queryForObject("""
				INSERT INTO canvass (case_id, kind, run_by, run_at, window_from, window_to, geom, radius_m, half_width_m,
				                     lpr_only, parameters, camera_count, facing_recording, expired_count)
				VALUES (:caseId, :kind, :runBy, :runAt, :from, :to, ST_GeomFromText(:wkt, 4326), :radius, :halfWidth,
				        :lprOnly, CAST(:parameters AS jsonb), :found, :facing, :expired)
				RETURNING id""", new MapSqlParameterSource()
			.addValue("caseId", run.caseId())
			.addValue("kind", run.kind())
			.addValue("runBy", run.runBy())
			.addValue("runAt", Timestamp.from(answer.answeredAt()))
			.addValue("from", Timestamp.from(answer.window().from()))
			.addValue("to", Timestamp.from(answer.window().to()))
			.addValue("wkt", run.geometryWkt())
			.addValue("radius", run.radiusM(), java.sql.Types.INTEGER)
			.addValue("halfWidth", run.halfWidthM(), java.sql.Types.INTEGER)
			.addValue("lprOnly", run.lprOnly())
			.addValue("parameters", json.writeValueAsString(run.parameters()))
			.addValue("found", answer.found())
			.addValue("facing", answer.facingAndRecording())
			.addValue("expired", answer.expired()), Long.class);
		List<Map<String, Object>> rows = new ArrayList<>(answer.cameras().size());
		int ordinal = 0;
		for (CanvassCamera c : answer.cameras()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("camera_id", c.cameraId());
			row.put("ordinal", ++ordinal);
			row.put("asset_tag", c.assetTag());
			row.put("address", c.address());
			row.put("longitude", c.longitude());
			row.put("latitude", c.latitude());
			row.put("distance_m", c.distanceM());
			row.put("bearing_deg", c.bearingDeg());
			row.put("heading_deg", c.headingDeg());
			row.put("fov_deg", c.fovDeg());
			row.put("range_m", c.rangeM());
			row.put("facing", c.facing().name());
			row.put("availability", c.availability().name());
			row.put("down_intervals", intervals(c.downIntervals()));
			row.put("unknown_intervals", intervals(c.unknownIntervals()));
			row.put("lpr", c.lpr());
			row.put("retention_days", c.retentionDays());
			row.put("footage_expires_on", c.footageExpiresOn().toString());
			row.put("along_m", c.alongM());
			row.put("offset_m", c.offsetM());
			row.put("travel", c.travel() == null ? null : c.travel().name());
			rows.add(row);
		}
		if (!rows.isEmpty()) {
			jdbc.update("""
					INSERT INTO canvass_camera (canvass_id, camera_id, ordinal, asset_tag, address, location, distance_m,
					       bearing_deg, heading_deg, fov_deg, range_m, facing, availability, down_intervals,
					       unknown_intervals, lpr, retention_days, footage_expires_on, along_m, offset_m, travel)
					SELECT :canvass, r.camera_id, r.ordinal, r.asset_tag, r.address,
					       ST_SetSRID(ST_MakePoint(r.longitude, r.latitude), 4326), r.distance_m, r.bearing_deg,
					       r.heading_deg, r.fov_deg, r.range_m, r.facing, r.availability,
					       coalesce(r.down_intervals, '[]'), coalesce(r.unknown_intervals, '[]'), r.lpr, r.retention_days,
					       r.footage_expires_on, r.along_m, r.offset_m, r.travel
					  FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(camera_id bigint, ordinal int, asset_tag text,
					       address text, longitude float8, latitude float8, distance_m float8, bearing_deg float8,
					       heading_deg smallint, fov_deg smallint, range_m int, facing text, availability text,
					       down_intervals jsonb, unknown_intervals jsonb, lpr text, retention_days smallint,
					       footage_expires_on date, along_m float8, offset_m float8, travel text)""",
					new MapSqlParameterSource("canvass", id).addValue("rows", json.writeValueAsString(rows)));
		}
		return id;
	}

	private static List<Map<String, String>> intervals(List<Interval> intervals) {
		return intervals == null ? List.of()
				: intervals.stream().map(i -> Map.of("from", i.from().toString(), "to", i.to().toString())).toList();
	}

	/** The case's canvasses, newest first. */
	List<CanvassSummary> summaries(long caseId, LocalDate today) {
		return jdbc.query("""
				SELECT c.id, c.kind, c.run_at, c.run_by, c.window_from, c.window_to, c.radius_m, c.half_width_m, c.lpr_only,
				       c.camera_count, c.facing_recording,
				       (SELECT count(*) FROM canvass_camera cc WHERE cc.canvass_id = c.id AND cc.footage_expires_on < :today) AS expired
				  FROM canvass c WHERE c.case_id = :caseId ORDER BY c.run_at DESC, c.id DESC""",
				Map.of("caseId", caseId, "today", today),
				(rs, n) -> new CanvassSummary(rs.getLong("id"), rs.getString("kind"), instant(rs, "run_at"),
						rs.getString("run_by"), instant(rs, "window_from"), instant(rs, "window_to"), integer(rs, "radius_m"),
						integer(rs, "half_width_m"), rs.getBoolean("lpr_only"), rs.getInt("camera_count"),
						rs.getInt("facing_recording"), rs.getInt("expired")));
	}

	/** The stored snapshot of a canvass of this case, or empty. */
	Optional<CanvassView> view(long caseId, long canvassId, LocalDate today) {
		List<CanvassView> found = jdbc.query("""
				SELECT c.id, c.case_id, ic.case_number, c.kind, c.run_at, c.run_by, c.window_from, c.window_to, c.radius_m,
				       c.half_width_m, c.lpr_only, c.camera_count, c.facing_recording,
				       CASE WHEN c.kind = 'POINT' THEN ST_X(c.geom) END AS lon, CASE WHEN c.kind = 'POINT' THEN ST_Y(c.geom) END AS lat,
				       CASE WHEN c.kind = 'ROUTE' THEN (SELECT json_agg(json_build_array(ST_X(d.geom), ST_Y(d.geom)) ORDER BY d.path)
				                                          FROM ST_DumpPoints(c.geom) d) END AS route
				  FROM canvass c JOIN investigation_case ic ON ic.id = c.case_id
				 WHERE c.id = :id AND c.case_id = :caseId""", Map.of("id", canvassId, "caseId", caseId), (rs, n) -> {
					List<CanvassCamera> cameras = cameras(canvassId, today);
					int expired = (int) cameras.stream().filter(CanvassCamera::expired).count();
					List<List<Double>> route = null;
					if (rs.getString("route") != null) {
						route = new ArrayList<>();
						for (JsonNode p : json.readTree(rs.getString("route"))) {
							route.add(List.of(p.get(0).asDouble(), p.get(1).asDouble()));
						}
					}
					return new CanvassView(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_number"),
							rs.getString("kind"), instant(rs, "run_at"), rs.getString("run_by"), instant(rs, "window_from"),
							instant(rs, "window_to"), integer(rs, "radius_m"), integer(rs, "half_width_m"),
							rs.getBoolean("lpr_only"),
							rs.getObject("lon") == null ? null : new Point(rs.getDouble("lon"), rs.getDouble("lat")), route,
							new Summary(rs.getInt("camera_count"), rs.getInt("facing_recording"), expired), cameras);
				});
		return found.stream().findFirst();
	}

	private List<CanvassCamera> cameras(long canvassId, LocalDate today) {
		return jdbc.query("""
				SELECT cc.*, ST_X(cc.location) AS lon, ST_Y(cc.location) AS lat, cc.footage_expires_on < :today AS expired
				  FROM canvass_camera cc WHERE cc.canvass_id = :id ORDER BY cc.ordinal""",
				Map.of("id", canvassId, "today", today),
				(rs, n) -> new CanvassCamera(rs.getLong("camera_id"), rs.getString("asset_tag"), rs.getString("address"),
						rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("distance_m"), dbl(rs, "bearing_deg"),
						integer(rs, "heading_deg"), integer(rs, "fov_deg"), integer(rs, "range_m"),
						CanvassCamera.Facing.valueOf(rs.getString("facing")),
						CanvassCamera.Availability.valueOf(rs.getString("availability")),
						parseIntervals(rs.getString("down_intervals")), parseIntervals(rs.getString("unknown_intervals")),
						rs.getString("lpr"), rs.getInt("retention_days"), rs.getObject("footage_expires_on", LocalDate.class),
						rs.getBoolean("expired"), dbl(rs, "along_m"), dbl(rs, "offset_m"),
						rs.getString("travel") == null ? null : CanvassCamera.Travel.valueOf(rs.getString("travel"))));
	}

	/** A camera of a canvass of this case as the snapshot has it: its footage expiry and the canvass window. */
	record SnapshotCamera(long canvassId, long cameraId, String assetTag, LocalDate footageExpiresOn, Instant from,
			Instant to) {
	}

	Optional<SnapshotCamera> camera(long caseId, long canvassId, long cameraId) {
		return jdbc.query("""
				SELECT cc.canvass_id, cc.camera_id, cc.asset_tag, cc.footage_expires_on, c.window_from, c.window_to
				  FROM canvass_camera cc JOIN canvass c ON c.id = cc.canvass_id
				 WHERE c.case_id = :caseId AND cc.canvass_id = :canvassId AND cc.camera_id = :cameraId""",
				Map.of("caseId", caseId, "canvassId", canvassId, "cameraId", cameraId),
				(rs, n) -> new SnapshotCamera(rs.getLong(1), rs.getLong(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), instant(rs, "window_from"), instant(rs, "window_to")))
			.stream().findFirst();
	}

	boolean exists(long caseId, long canvassId) {
		return !jdbc.queryForList("SELECT 1 FROM canvass WHERE id = :id AND case_id = :caseId",
				Map.of("id", canvassId, "caseId", caseId), Integer.class).isEmpty();
	}

	private List<Interval> parseIntervals(String text) {
		List<Interval> intervals = new ArrayList<>();
		if (text != null) {
			for (JsonNode i : json.readTree(text)) {
				intervals.add(new Interval(Instant.parse(i.get("from").asString()), Instant.parse(i.get("to").asString())));
			}
		}
		return intervals;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	static Double dbl(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}
}
