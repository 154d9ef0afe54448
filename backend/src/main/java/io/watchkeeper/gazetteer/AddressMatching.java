package io.watchkeeper.gazetteer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.CameraPlacement;
import io.watchkeeper.shared.GeoPoint;

/**
 * Matches the addresses of cameras without a position against the door plates, for a whole list at once: the
 * addresses are normalised in Java ({@link AddressNormaliser}, the same rules the import applied to the door plates)
 * and copied into a temporary table of {@code address_match}'s shape, then a few statements find, in this order, the exact door plate, the
 * nearest house number on the same road section, lane and alley (same side of the road first), the middle door
 * plate of the road section, and the point where two roads meet; the qualities the caller chose are applied through
 * {@link CameraPlacement#placeMany}.
 * <p>
 * Districts: an address that names its district (or whose camera has one) matches only there. A road that lies in
 * more than one district of the gazetteer, with no district known, is not matched (NONE, reason AMBIGUOUS_DISTRICT
 * with the districts), since picking one would place cameras kilometres off. Intersections: the two roads' door
 * plates that come closest (over every district pair when none is known); when they come within
 * {@value #MEETING_METRES} m the match is the midpoint of that pair, otherwise the first road alone (ROAD). The
 * closest pair is taken between the roads' spines (V166: the lines through each side's door plates in number order,
 * simplified to about 5 m), so crossing roads meet where their lines cross; the door plates recorded are the ones
 * nearest the two ends of that shortest line (found among the 64 door plates nearest each end by the spatial index,
 * V167, else among all of the road's). The finished matches are written into {@code address_match} with one INSERT.
 */
@Service
class AddressMatching {

	static final int MEETING_METRES = 150;

	/** The advisory lock of a run; removing or replacing a dataset takes it too (V168: no row checks on door plates). */
	static final long LOCK = 7136201;

	private static final Logger log = LoggerFactory.getLogger(AddressMatching.class);

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	/** What a run did: its id and the matches per quality and how many were applied. */
	record RunResult(long runId, int sites, Map<MatchQuality, Integer> byQuality, int applied, int camerasPlaced) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final CopyRows copy;

	private final CameraPlacement placement;

	AddressMatching(NamedParameterJdbcTemplate jdbc, CopyRows copy, CameraPlacement placement) {
		this.jdbc = jdbc;
		this.copy = copy;
		this.placement = placement;
	}

	/** Every camera still without a position but with an address (one match per site), matched and applied. */
	@Transactional
	public RunResult run(Set<MatchQuality> autoApply, String actor, String remoteAddress) {
		// one run at a time: a second waits for the first to end rather than matching the same cameras twice
		jdbc.getJdbcOperations().execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
		String applied = autoApply.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
		long runId = jdbc.queryForObject("INSERT INTO address_match_run (started_by, auto_apply) VALUES (:by, :auto) RETURNING id",
				new MapSqlParameterSource("by", actor).addValue("auto", applied), Long.class);
		MapSqlParameterSource run = new MapSqlParameterSource("run", runId);
		Phases phases = new Phases();
		// proposals of earlier runs are superseded; applied and rejected decisions stay
		jdbc.update("DELETE FROM address_match WHERE status IN ('PROPOSED', 'UNMATCHED') AND run_id <> :run", run);
		// a run's statements are short and many rows each: compiling them costs more than it saves
		jdbc.getJdbcOperations().execute("SET LOCAL jit = off");
		jdbc.getJdbcOperations().execute("SET LOCAL work_mem = '64MB'");
		// The run works in a temporary table of address_match's shape (ids from its sequence) and writes the finished
		// matches into address_match with one INSERT at the end: rows inserted in this transaction and then updated
		// would have every foreign key checked again on each of the statements below.
		jdbc.getJdbcOperations().execute("DROP TABLE IF EXISTS match_work");
		jdbc.getJdbcOperations().execute("CREATE TEMP TABLE match_work (LIKE address_match INCLUDING DEFAULTS) ON COMMIT DROP");
		jdbc.getJdbcOperations().execute("ALTER TABLE match_work ADD PRIMARY KEY (id)");
		phases.end("superseded");
		int sites = loadTargets(runId, phases);
		// fresh statistics for the rows just copied in, or the planner takes 100,000 matches for a few
		jdbc.getJdbcOperations().execute("ANALYZE match_work");
		phases.end("analyze");
		jdbc.update(REJECTED_BEFORE, run);
		phases.end("rejectedBefore");
		jdbc.update(RESOLVE_AREA, run);
		phases.end("resolveArea");
		jdbc.update(AMBIGUOUS, run);
		phases.end("ambiguous");
		jdbc.update(ROAD_UNKNOWN, run);
		phases.end("roadUnknown");
		jdbc.update(EXACT, run);
		phases.end("exact");
		jdbc.update(NEAREST, run);
		phases.end("nearest");
		jdbc.update(INTERSECTION, run.addValue("metres", MEETING_METRES));
		phases.end("intersection");
		jdbc.update(ROAD, run);
		phases.end("road");
		jdbc.update(UNMATCHED, run);
		phases.end("unmatched");
		Map<MatchQuality, Integer> byQuality = new EnumMap<>(MatchQuality.class);
		jdbc.query("SELECT quality, count(*) FROM match_work WHERE run_id = :run GROUP BY quality", run,
				rs -> {
					byQuality.put(MatchQuality.valueOf(rs.getString(1)), rs.getInt(2));
				});
		int appliedMatches = 0;
		int placed = 0;
		if (!autoApply.isEmpty()) {
			Map<Long, GeoPoint> points = new HashMap<>();
			jdbc.query("""
					SELECT c.id, ST_X(m.point), ST_Y(m.point) FROM match_work m, unnest(m.camera_ids) AS c(id)
					 WHERE m.run_id = :run AND m.status = 'PROPOSED' AND m.quality = ANY(:qualities)""",
					new MapSqlParameterSource("run", runId).addValue("qualities",
							autoApply.stream().map(Enum::name).toArray(String[]::new)),
					rs -> {
						points.put(rs.getLong(1), new GeoPoint(rs.getDouble(2), rs.getDouble(3)));
					});
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("run", runId);
			details.put("qualities", applied);
			phases.end("readApplied");
			List<Long> moved = placement.placeMany(points, "address-match", details, actor, remoteAddress);
			placed = moved.size();
			phases.end("placeMany");
			// the moved cameras in a keyed table: one index probe per camera of a match, whatever the plan
			jdbc.getJdbcOperations().execute("DROP TABLE IF EXISTS moved_camera");
			jdbc.getJdbcOperations().execute("CREATE TEMP TABLE moved_camera (id bigint PRIMARY KEY) ON COMMIT DROP");
			jdbc.update("INSERT INTO moved_camera SELECT DISTINCT unnest(CAST(:moved AS bigint[]))",
					new MapSqlParameterSource("moved", moved.toArray(Long[]::new)));
			jdbc.getJdbcOperations().execute("ANALYZE moved_camera");
			appliedMatches = jdbc.update("""
					UPDATE match_work m SET status = 'APPLIED', decided_by = :by, decided_at = now()
					 WHERE m.run_id = :run AND m.status = 'PROPOSED'
					   AND EXISTS (SELECT 1 FROM moved_camera v WHERE v.id = ANY(m.camera_ids))""",
					new MapSqlParameterSource("run", runId).addValue("by", actor));
		}
		jdbc.update("INSERT INTO address_match SELECT * FROM match_work WHERE run_id = :run", run);
		phases.end("recordMatches");
		Map<String, Object> counts = new LinkedHashMap<>();
		byQuality.forEach((q, n) -> counts.put(q.name(), n));
		counts.put("applied", appliedMatches);
		counts.put("camerasPlaced", placed);
		jdbc.update("UPDATE address_match_run SET finished_at = clock_timestamp(), counts = CAST(:counts AS jsonb) WHERE id = :run",
				new MapSqlParameterSource("run", runId).addValue("counts", JSON.writeValueAsString(counts)));
		phases.end("finish");
		log.info("Address matching run {}: {} sites, {} placed; ms per phase {}", runId, sites, placed, phases);
		return new RunResult(runId, sites, byQuality, appliedMatches, placed);
	}

	/** Milliseconds per phase of a run, for the log (where the time of a large run goes). */
	private static final class Phases {

		private final Map<String, Long> millis = new LinkedHashMap<>();

		private long last = System.nanoTime();

		void end(String phase) {
			long now = System.nanoTime();
			millis.merge(phase, (now - last) / 1_000_000, Long::sum);
			last = now;
		}

		@Override
		public String toString() {
			return millis.toString();
		}
	}

	/** One row per site (or camera without a site), its address normalised here and copied in with COPY. */
	private int loadTargets(long runId, Phases phases) {
		record Target(Long siteId, Long cameraId, Long[] ids, String raw, String district) {
		}
		// read first: the connection cannot run a query while a COPY is open on it
		List<Target> targets = jdbc.query("""
				SELECT c.site_id, CASE WHEN c.site_id IS NULL THEN min(c.id) END AS camera_id,
				       array_agg(c.id ORDER BY c.id) AS ids, (array_agg(c.address ORDER BY c.id))[1] AS address,
				       (array_agg(d.name_zh ORDER BY c.id) FILTER (WHERE d.name_zh IS NOT NULL))[1] AS district
				  FROM camera c LEFT JOIN district d ON d.id = c.district_id
				 WHERE c.location IS NULL AND c.address IS NOT NULL AND btrim(c.address) <> '' AND c.status <> 'DECOMMISSIONED'
				 GROUP BY c.site_id, CASE WHEN c.site_id IS NULL THEN c.id END""",
				(rs, i) -> new Target((Long) rs.getObject(1), (Long) rs.getObject(2), (Long[]) rs.getArray(3).getArray(),
						rs.getString(4), rs.getString(5)));
		phases.end("readTargets");
		List<Address> parsed = new java.util.ArrayList<>(targets.size());
		for (Target t : targets) {
			Address a = AddressNormaliser.parse(t.raw());
			String district = a.district() != null ? a.district() : t.district();
			if (district != null && a.kind() != Address.Kind.UNREADABLE) {
				a = a.inDistrict(district);
			}
			parsed.add(a);
		}
		phases.end("normalise");
		try (CopyRows.Copy rows = copy.into("match_work",
				"run_id, site_id, camera_id, camera_ids, address, normalised, kind, city, district, road_key, lane, alley, number, sub, road2_key, quality")) {
			for (int i = 0; i < targets.size(); i++) {
				Target t = targets.get(i);
				Address a = parsed.get(i);
				rows.row(runId, t.siteId(), t.cameraId(), pgArray(t.ids()), t.raw(), a.text(), a.kind().name(), a.city(),
						a.district(), a.roadKey(), a.lane(), a.alley(), a.number(), a.sub(), a.road2Key(), "NONE");
			}
			rows.finish();
		}
		phases.end("copy");
		return targets.size();
	}

	private static String pgArray(Long[] ids) {
		StringBuilder s = new StringBuilder("{");
		for (int i = 0; i < ids.length; i++) {
			s.append(i > 0 ? "," : "").append(ids[i]);
		}
		return s.append('}').toString();
	}

	/** A site whose match with the same address was rejected is not proposed again. */
	private static final String REJECTED_BEFORE = """
			DELETE FROM match_work m WHERE m.run_id = :run AND EXISTS (
			  SELECT 1 FROM address_match r WHERE r.status = 'REJECTED' AND r.address = m.address
			     AND (r.site_id = m.site_id OR r.camera_id = m.camera_id))""";

	/** The city and district of the gazetteer the address falls in when only one fits (the gazetteer's own spelling). */
	private static final String RESOLVE_AREA = """
			UPDATE match_work m SET city = a.city, district = a.district
			  FROM (SELECT m.id, min(r.city) AS city, min(r.district) AS district
			          FROM match_work m JOIN gazetteer_road r ON r.road_key = m.road_key
			           AND (m.city IS NULL OR r.city IN (m.city, '')) AND (m.district IS NULL OR r.district IN (m.district, ''))
			         WHERE m.run_id = :run AND m.kind IN ('DOOR_PLATE', 'ROAD')
			         GROUP BY m.id HAVING count(DISTINCT (r.city, r.district)) = 1) a
			 WHERE m.id = a.id""";

	private static final String AMBIGUOUS = """
			UPDATE match_work m SET reason = 'AMBIGUOUS_DISTRICT: ' || a.districts
			  FROM (SELECT m.id, string_agg(DISTINCT r.district, ',') AS districts
			          FROM match_work m JOIN gazetteer_road r ON r.road_key = m.road_key
			           AND (m.city IS NULL OR r.city IN (m.city, '')) AND (m.district IS NULL OR r.district IN (m.district, ''))
			         WHERE m.run_id = :run AND m.kind IN ('DOOR_PLATE', 'ROAD')
			         GROUP BY m.id HAVING count(DISTINCT (r.city, r.district)) > 1) a
			 WHERE m.id = a.id""";

	private static final String ROAD_UNKNOWN = """
			UPDATE match_work m SET reason = CASE WHEN m.kind = 'UNREADABLE' THEN 'UNREADABLE' ELSE 'ROAD_UNKNOWN' END
			 WHERE m.run_id = :run AND m.reason IS NULL AND (m.kind = 'UNREADABLE' OR m.kind <> 'INTERSECTION' AND NOT EXISTS (
			   SELECT 1 FROM gazetteer_road r WHERE r.road_key = m.road_key AND r.city = m.city AND r.district = m.district))""";

	private static final String EXACT = """
			UPDATE match_work m SET quality = 'EXACT', door_plate_id = x.id, point = x.location, matched_text = x.raw_address, number_gap = 0
			  FROM (SELECT DISTINCT ON (m.id) m.id AS match_id, d.id, d.location, d.raw_address
			          FROM match_work m JOIN door_plate d ON d.road_key = m.road_key AND d.district = m.district AND d.city = m.city
			           AND d.lane = m.lane AND d.alley = m.alley AND d.parity = m.number % 2 AND d.number = m.number AND d.sub = m.sub
			         WHERE m.run_id = :run AND m.kind = 'DOOR_PLATE' AND m.reason IS NULL
			         ORDER BY m.id, d.dataset_id DESC) x
			 WHERE m.id = x.match_id""";

	/** Nearest house number: the next lower and higher number on each side of the road, by index, then the closest. */
	private static final String NEAREST = """
			UPDATE match_work m SET quality = 'NEAREST', door_plate_id = x.id, point = x.location, matched_text = x.raw_address,
			       number_gap = abs(x.number - m.number)
			  FROM (SELECT m.id AS match_id, n.* FROM match_work m CROSS JOIN LATERAL (
			          SELECT * FROM (
			            (SELECT d.id, d.location, d.raw_address, d.number, d.parity FROM door_plate d WHERE d.road_key = m.road_key AND d.district = m.district
			                AND d.city = m.city AND d.lane = m.lane AND d.alley = m.alley AND d.parity = m.number % 2 AND d.number <= m.number
			              ORDER BY d.number DESC, d.sub DESC LIMIT 1)
			            UNION ALL
			            (SELECT d.id, d.location, d.raw_address, d.number, d.parity FROM door_plate d WHERE d.road_key = m.road_key AND d.district = m.district
			                AND d.city = m.city AND d.lane = m.lane AND d.alley = m.alley AND d.parity = m.number % 2 AND d.number >= m.number
			              ORDER BY d.number, d.sub LIMIT 1)
			            UNION ALL
			            (SELECT d.id, d.location, d.raw_address, d.number, d.parity FROM door_plate d WHERE d.road_key = m.road_key AND d.district = m.district
			                AND d.city = m.city AND d.lane = m.lane AND d.alley = m.alley AND d.parity = 1 - m.number % 2 AND d.number <= m.number
			              ORDER BY d.number DESC, d.sub DESC LIMIT 1)
			            UNION ALL
			            (SELECT d.id, d.location, d.raw_address, d.number, d.parity FROM door_plate d WHERE d.road_key = m.road_key AND d.district = m.district
			                AND d.city = m.city AND d.lane = m.lane AND d.alley = m.alley AND d.parity = 1 - m.number % 2 AND d.number >= m.number
			              ORDER BY d.number, d.sub LIMIT 1)) c
			          ORDER BY (c.parity <> m.number % 2), abs(c.number - m.number), c.number LIMIT 1) n
			         WHERE m.run_id = :run AND m.kind = 'DOOR_PLATE' AND m.reason IS NULL AND m.quality = 'NONE') x
			 WHERE m.id = x.match_id""";

	/** Where two roads meet: the closest pair of their door plates, over the districts the address allows. */
	private static final String INTERSECTION = """
			UPDATE match_work m SET quality = CASE WHEN x.metres <= :metres THEN 'INTERSECTION' ELSE 'ROAD' END,
			       reason = CASE WHEN x.metres <= :metres THEN NULL ELSE 'ROADS_DO_NOT_MEET' END,
			       point = CASE WHEN x.metres <= :metres THEN ST_LineInterpolatePoint(x.line, 0.5) ELSE x.middle END,
			       distance_m = round(x.metres::numeric, 1), city = x.city, district = x.district,
			       door_plate_id = CASE WHEN x.metres <= :metres THEN coalesce(
			         (SELECT c.id FROM (SELECT d.id, d.road_key, d.district, d.city, d.location <-> ST_StartPoint(x.line) AS dist
			                              FROM door_plate d ORDER BY d.location <-> ST_StartPoint(x.line) LIMIT 64) c
			           WHERE c.road_key = m.road_key AND c.district = x.district AND c.city = x.city ORDER BY c.dist LIMIT 1),
			         (SELECT d.id FROM door_plate d WHERE d.road_key = m.road_key AND d.district = x.district AND d.city = x.city
			           ORDER BY d.location <-> ST_StartPoint(x.line), d.id LIMIT 1)) ELSE x.middle_plate END,
			       door_plate2_id = CASE WHEN x.metres <= :metres THEN coalesce(
			         (SELECT c.id FROM (SELECT d.id, d.road_key, d.district, d.city, d.location <-> ST_EndPoint(x.line) AS dist
			                              FROM door_plate d ORDER BY d.location <-> ST_EndPoint(x.line) LIMIT 64) c
			           WHERE c.road_key = m.road2_key AND c.district = x.district2 AND c.city = x.city ORDER BY c.dist LIMIT 1),
			         (SELECT d.id FROM door_plate d WHERE d.road_key = m.road2_key AND d.district = x.district2 AND d.city = x.city
			           ORDER BY d.location <-> ST_EndPoint(x.line), d.id LIMIT 1)) END,
			       matched_text = m.road_key || ' × ' || m.road2_key
			  FROM (SELECT m.id AS match_id, p.*, ST_Length(p.line::geography) AS metres, mp.location AS middle
			          FROM match_work m CROSS JOIN LATERAL (
			            SELECT ra.city, ra.district, rb.district AS district2, ra.middle_plate, ST_ShortestLine(ra.spine, rb.spine) AS line
			              FROM gazetteer_road ra JOIN gazetteer_road rb ON rb.road_key = m.road2_key AND rb.city = ra.city
			             WHERE ra.road_key = m.road_key AND (m.city IS NULL OR ra.city IN (m.city, ''))
			               AND (m.district IS NULL OR ra.district = m.district OR rb.district = m.district)
			             ORDER BY ST_Distance(ra.spine, rb.spine) LIMIT 1) p
			          JOIN door_plate mp ON mp.id = p.middle_plate
			         WHERE m.run_id = :run AND m.kind = 'INTERSECTION' AND m.reason IS NULL) x
			 WHERE m.id = x.match_id""";

	/** The road section alone: its middle door plate (by house number), for addresses not matched closer. */
	private static final String ROAD = """
			UPDATE match_work m SET quality = 'ROAD', door_plate_id = d.id, point = d.location, matched_text = d.raw_address,
			       reason = CASE WHEN m.kind = 'DOOR_PLATE' OR m.lane > 0 THEN 'NUMBER_NOT_ON_ROAD' ELSE m.reason END
			  FROM gazetteer_road r JOIN door_plate d ON d.id = r.middle_plate
			 WHERE m.run_id = :run AND m.kind IN ('DOOR_PLATE', 'ROAD') AND m.reason IS NULL AND m.quality = 'NONE'
			   AND r.road_key = m.road_key AND r.city = m.city AND r.district = m.district""";

	private static final String UNMATCHED = """
			UPDATE match_work m SET status = 'UNMATCHED', reason = coalesce(m.reason, 'NOT_FOUND')
			 WHERE m.run_id = :run AND m.quality = 'NONE'""";
}
