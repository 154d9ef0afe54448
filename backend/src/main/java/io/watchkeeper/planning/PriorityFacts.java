package io.watchkeeper.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The slow parts of the priority score, computed set-based for every camera in service and kept per asOf in
 * {@code planning_priority_fact} (only cameras with something to count get a row):
 * <ul>
 * <li>downtime hours in the 12 months before asOf: the window is [asOf - 12 months, asOf) from midnight in the
 * city's zone; each outage counts its overlap with the window, an outage still open counts until the window's end;</li>
 * <li>repair orders (work orders of kind REPAIR) opened in that window;</li>
 * <li>footage requests an investigator marked USEFUL (all time);</li>
 * <li>covered: another working camera (ACTIVE, no open outage) with a heading sees this camera's view point. The
 * view point is the camera's position moved half its range (the default range when it has none) along its heading,
 * or its position when it has no heading. A covering camera sees a point when the point is within its range (the
 * default when missing) and within half its field of view (the default when missing; 360 sees all round) of its
 * heading; a camera without a heading covers nothing, since where it looks is unknown. Distances and bearings are
 * on the local plane at the point (metres per degree of longitude shrink with the cosine of the latitude), within
 * a few centimetres of the geodesic at these distances. Coverage is the state when the facts are computed.</li>
 * </ul>
 * The coverage test probes, for each view point, a GiST index over the bounding boxes of the covering cameras'
 * sectors (temporary tables of the transaction), stopping at the first camera that sees it; the downtime is one pass
 * over the outages overlapping the window. On a million cameras and ten million outages this takes under a minute,
 * kept per asOf (the nightly job {@code planning.priority-facts} computes today's; a preview computes a missing
 * date on demand), so a plan's what-ifs read the kept rows.
 */
@Component
class PriorityFacts {

	private final NamedParameterJdbcTemplate jdbc;
	private final PlanningProperties properties;
	private final ZoneId zone;

	PriorityFacts(NamedParameterJdbcTemplate jdbc, PlanningProperties properties,
			@org.springframework.beans.factory.annotation.Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.zone = zone;
	}

	/** When the facts for {@code asOf} were computed, if they were. */
	Optional<Instant> computedAt(LocalDate asOf) {
		return jdbc.query("SELECT computed_at FROM planning_priority_snapshot WHERE as_of = :asOf", Map.of("asOf", asOf),
				(rs, n) -> rs.getTimestamp(1).toInstant()).stream().findFirst();
	}

	/** Computes the facts for {@code asOf} unless they are kept already (one computation at a time per date). */
	void ensure(LocalDate asOf) {
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(8011, :day)", Map.of("day", (int) asOf.toEpochDay()),
				Object.class);
		if (computedAt(asOf).isEmpty()) {
			compute(asOf);
		}
	}

	/** (Re)computes the facts for {@code asOf}; returns how many cameras have a row. */
	int compute(LocalDate asOf) {
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(8011, :day)", Map.of("day", (int) asOf.toEpochDay()),
				Object.class);
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("asOf", asOf)
			.addValue("from", java.sql.Timestamp.from(asOf.minusYears(1).atStartOfDay(zone).toInstant()))
			.addValue("to", java.sql.Timestamp.from(asOf.atStartOfDay(zone).toInstant()))
			.addValue("fov", properties.defaultFovDeg())
			.addValue("range", properties.defaultRangeM());
		jdbc.update("DELETE FROM planning_priority_snapshot WHERE as_of = :asOf", p);
		jdbc.update("INSERT INTO planning_priority_snapshot (as_of, cameras) VALUES (:asOf, 0)", p);
		var sql = jdbc.getJdbcTemplate();
		sql.execute("SET LOCAL jit = off");
		sql.execute("SET LOCAL work_mem = '128MB'");
		// view points and covering sectors once each, in spatial order (the index probes then stay in nearby pages)
		sql.execute("DROP TABLE IF EXISTS pg_temp.planning_view_point, pg_temp.planning_sector");
		jdbc.update(VIEW_POINTS, p);
		jdbc.update(SECTORS, p);
		sql.execute("CREATE INDEX ON pg_temp.planning_sector USING gist (box)");
		sql.execute("ANALYZE pg_temp.planning_view_point");
		sql.execute("ANALYZE pg_temp.planning_sector");
		int rows = jdbc.update(FACTS, p);
		jdbc.update("UPDATE planning_priority_snapshot SET cameras = :rows, computed_at = now() WHERE as_of = :asOf",
				p.addValue("rows", rows));
		// keep the five latest dates computed
		jdbc.update("""
				DELETE FROM planning_priority_snapshot WHERE as_of NOT IN (
				    SELECT as_of FROM planning_priority_snapshot ORDER BY computed_at DESC, as_of DESC LIMIT 5)""", p);
		return rows;
	}

	/** Where each camera in service looks: its position moved half its range along its heading (or its position). */
	private static final String VIEW_POINTS = """
			CREATE TEMP TABLE planning_view_point ON COMMIT DROP AS
			SELECT c.id,
			       ST_X(c.location) + CASE WHEN c.heading_deg IS NULL THEN 0
			              ELSE coalesce(c.range_m, :range) / 2.0 * sin(radians(c.heading_deg)) / (111320 * cos(radians(ST_Y(c.location)))) END AS x,
			       ST_Y(c.location) + CASE WHEN c.heading_deg IS NULL THEN 0
			              ELSE coalesce(c.range_m, :range) / 2.0 * cos(radians(c.heading_deg)) / 110574 END AS y
			  FROM camera c
			 WHERE c.status NOT IN ('DECOMMISSIONED', 'PLANNED') AND c.location IS NOT NULL
			 ORDER BY ST_GeoHash(c.location, 9)""";

	/**
	 * Every working camera with a heading (ACTIVE, no open outage) and the bounding box of what it sees: the sector
	 * of its range between heading - fov/2 and heading + fov/2 (the apex, both arc ends and each compass point the
	 * arc passes; the whole circle's box at 360). Metres become degrees of longitude with the cosine of the latitude
	 * furthest from the equator the sector reaches, so the box holds the sector whatever point's latitude the exact
	 * test scales by; a centimetre is added on each side for rounding.
	 */
	private static final String SECTORS = """
			CREATE TEMP TABLE planning_sector ON COMMIT DROP AS
			SELECT b.id, ST_X(b.location) AS x, ST_Y(b.location) AS y, b.heading_deg AS h, a.f, a.r,
			       ST_MakeEnvelope(ST_X(b.location) + (e.xmin - 0.01) / e.kx, ST_Y(b.location) + (e.ymin - 0.01) / 110574.0,
			                       ST_X(b.location) + (e.xmax + 0.01) / e.kx, ST_Y(b.location) + (e.ymax + 0.01) / 110574.0, 4326) AS box
			  FROM camera b
			 CROSS JOIN LATERAL (SELECT coalesce(b.fov_deg, :fov)::float8 AS f, coalesce(b.range_m, :range)::float8 AS r,
			                            radians(b.heading_deg - coalesce(b.fov_deg, :fov) / 2.0) AS a1,
			                            radians(b.heading_deg + coalesce(b.fov_deg, :fov) / 2.0) AS a2) a
			 CROSS JOIN LATERAL (SELECT 111320 * cos(radians(least(89.0, abs(ST_Y(b.location)) + a.r / 110574.0))) AS kx,
			        CASE WHEN a.f >= 360 OR abs(((450 - b.heading_deg)::numeric % 360) - 180) <= a.f / 2 THEN a.r
			             ELSE greatest(0, a.r * sin(a.a1), a.r * sin(a.a2)) END AS xmax,
			        CASE WHEN a.f >= 360 OR abs(((810 - b.heading_deg)::numeric % 360) - 180) <= a.f / 2 THEN -a.r
			             ELSE least(0, a.r * sin(a.a1), a.r * sin(a.a2)) END AS xmin,
			        CASE WHEN a.f >= 360 OR abs(((540 - b.heading_deg)::numeric % 360) - 180) <= a.f / 2 THEN a.r
			             ELSE greatest(0, a.r * cos(a.a1), a.r * cos(a.a2)) END AS ymax,
			        CASE WHEN a.f >= 360 OR abs(((720 - b.heading_deg)::numeric % 360) - 180) <= a.f / 2 THEN -a.r
			             ELSE least(0, a.r * cos(a.a1), a.r * cos(a.a2)) END AS ymin) e
			 WHERE b.status = 'ACTIVE' AND b.heading_deg IS NOT NULL AND b.location IS NOT NULL
			   AND NOT EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = b.id AND o.ended_at IS NULL)
			 ORDER BY ST_GeoHash(b.location, 9)""";

	private static final String FACTS = """
			WITH served AS (
			    SELECT c.id FROM camera c WHERE c.status NOT IN ('DECOMMISSIONED', 'PLANNED')),
			down AS (
			    SELECT o.camera_id,
			           sum(extract(epoch FROM least(coalesce(o.ended_at, :to), :to) - greatest(o.started_at, :from))) / 3600 AS hours
			      FROM outage o
			     WHERE o.started_at < :to AND (o.ended_at IS NULL OR o.ended_at > :from)
			     GROUP BY o.camera_id),
			repairs AS (
			    SELECT w.camera_id, count(*) AS n FROM work_order w
			     WHERE w.kind = 'REPAIR' AND w.opened_at >= :from AND w.opened_at < :to GROUP BY w.camera_id),
			useful AS (
			    SELECT f.camera_id, count(*) AS n FROM footage_request f WHERE f.outcome = 'USEFUL' GROUP BY f.camera_id),
			covered AS (
			    SELECT v.id FROM pg_temp.planning_view_point v
			     WHERE EXISTS (
			         SELECT 1 FROM pg_temp.planning_sector b
			          WHERE b.box && ST_SetSRID(ST_MakePoint(v.x, v.y), 4326) AND b.id <> v.id
			            AND ((v.x - b.x) * 111320 * cos(radians(v.y))) ^ 2 + ((v.y - b.y) * 110574) ^ 2 <= b.r ^ 2
			            AND (b.f >= 360
			                 OR abs(mod((degrees(atan2((v.x - b.x) * 111320 * cos(radians(v.y)),
			                                          (v.y - b.y) * 110574)) - b.h + 720)::numeric, 360) - 180)
			                    >= 180 - b.f / 2.0)))
			INSERT INTO planning_priority_fact (as_of, camera_id, downtime_hours, repair_orders, useful_footage, covered)
			SELECT :asOf, s.id, round(coalesce(d.hours, 0)::numeric, 1), coalesce(r.n, 0), coalesce(u.n, 0), cv.id IS NOT NULL
			  FROM served s
			  LEFT JOIN down d ON d.camera_id = s.id
			  LEFT JOIN repairs r ON r.camera_id = s.id
			  LEFT JOIN useful u ON u.camera_id = s.id
			  LEFT JOIN covered cv ON cv.id = s.id
			 WHERE d.hours > 0 OR r.n > 0 OR u.n > 0 OR cv.id IS NOT NULL""";
}
