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
 * On a million cameras and ten million outages this takes minutes, which is why a plan reads the kept rows.
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
		jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '256MB'");
		int rows = jdbc.update(FACTS, p);
		jdbc.update("UPDATE planning_priority_snapshot SET cameras = :rows, computed_at = now() WHERE as_of = :asOf",
				p.addValue("rows", rows));
		// keep the five latest dates computed
		jdbc.update("""
				DELETE FROM planning_priority_snapshot WHERE as_of NOT IN (
				    SELECT as_of FROM planning_priority_snapshot ORDER BY computed_at DESC, as_of DESC LIMIT 5)""", p);
		return rows;
	}

	private static final String FACTS = """
			WITH served AS (
			    SELECT c.id, c.location, c.heading_deg, coalesce(c.range_m, :range) AS range_m
			      FROM camera c WHERE c.status NOT IN ('DECOMMISSIONED', 'PLANNED')),
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
			view_point AS (
			    SELECT s.id, ST_X(s.location) + CASE WHEN s.heading_deg IS NULL THEN 0
			                  ELSE s.range_m / 2.0 * sin(radians(s.heading_deg)) / (111320 * cos(radians(ST_Y(s.location)))) END AS x,
			           ST_Y(s.location) + CASE WHEN s.heading_deg IS NULL THEN 0
			                  ELSE s.range_m / 2.0 * cos(radians(s.heading_deg)) / 110574 END AS y
			      FROM served s WHERE s.location IS NOT NULL),
			reach AS (SELECT coalesce(max(coalesce(range_m, :range)), :range) AS m FROM camera WHERE status = 'ACTIVE'),
			covered AS (
			    SELECT v.id FROM view_point v, reach
			     WHERE EXISTS (
			         SELECT 1 FROM camera b
			          WHERE b.location && ST_Expand(ST_SetSRID(ST_MakePoint(v.x, v.y), 4326),
			                                        reach.m / (111320 * cos(radians(v.y))), reach.m / 110574.0)
			            AND b.id <> v.id AND b.status = 'ACTIVE' AND b.heading_deg IS NOT NULL
			            AND ((v.x - ST_X(b.location)) * 111320 * cos(radians(v.y))) ^ 2 + ((v.y - ST_Y(b.location)) * 110574) ^ 2
			                <= coalesce(b.range_m, :range) ^ 2
			            AND (coalesce(b.fov_deg, :fov) >= 360
			                 OR abs(mod((degrees(atan2((v.x - ST_X(b.location)) * 111320 * cos(radians(v.y)),
			                                          (v.y - ST_Y(b.location)) * 110574)) - b.heading_deg + 720)::numeric, 360) - 180)
			                    >= 180 - coalesce(b.fov_deg, :fov) / 2.0)
			            AND NOT EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = b.id AND o.ended_at IS NULL)))
			INSERT INTO planning_priority_fact (as_of, camera_id, downtime_hours, repair_orders, useful_footage, covered)
			SELECT :asOf, s.id, round(coalesce(d.hours, 0)::numeric, 1), coalesce(r.n, 0), coalesce(u.n, 0), cv.id IS NOT NULL
			  FROM served s
			  LEFT JOIN down d ON d.camera_id = s.id
			  LEFT JOIN repairs r ON r.camera_id = s.id
			  LEFT JOIN useful u ON u.camera_id = s.id
			  LEFT JOIN covered cv ON cv.id = s.id
			 WHERE d.hours > 0 OR r.n > 0 OR u.n > 0 OR cv.id IS NOT NULL""";
}
