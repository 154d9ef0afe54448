package io.watchkeeper.placement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.placement.QueuedPole.Area;
import io.watchkeeper.placement.QueuedPole.PoleCamera;
import io.watchkeeper.shared.GeoPoint;

/**
 * The placement queue's SQL. The queue is derived from the camera rows at every step (no copy to drift): the
 * cameras without position that are not decommissioned (partial indexes of V173), grouped by site, and the
 * site-less ones on their own; a user's skips move poles to the end of that user's queue.
 */
@Repository
class PlacementQueries {

	/**
	 * The poles the filter keeps, each with its place in the queue as sort columns: not skipped first (oldest import
	 * first, or by the named precinct's code first), then the skipped ones, longest skipped first. The poles are
	 * grouped straight from the covering index in site order (camera_unplaced_pole_idx, no hash, no copy of the
	 * rows), and the pole after the one shown is found by comparing those columns (a top-1 pick, not a ranking of
	 * every pole by a window).
	 */
	private static final String KEPT = """
			WITH pole AS (
			  SELECT 'SITE'::varchar AS kind, c.site_id AS id, min(c.created_at) AS first_at, count(*) AS cameras,
			         min(c.precinct_id) AS precinct_id, bool_or(c.precinct_id = :precinct) AS in_precinct
			    FROM camera c WHERE c.location IS NULL AND c.status <> 'DECOMMISSIONED' AND c.site_id IS NOT NULL
			   GROUP BY c.site_id
			  UNION ALL
			  SELECT 'CAMERA', c.id, c.created_at, 1, c.precinct_id, c.precinct_id = :precinct
			    FROM camera c WHERE c.location IS NULL AND c.status <> 'DECOMMISSIONED' AND c.site_id IS NULL
			), kept AS MATERIALIZED (
			  SELECT p.kind, p.id, p.cameras, k.skipped_at,
			         k.skipped_at IS NOT NULL AS put_off, coalesce(k.skipped_at, '-infinity'::timestamptz) AS put_off_at,
			         x.code IS NULL AS no_code, coalesce(x.code, '') AS code, p.first_at, p.kind <> 'SITE' AS alone
			    FROM pole p
			    LEFT JOIN placement_skip k ON k.username = :user AND k.pole_kind = p.kind AND k.pole_id = p.id
			    CROSS JOIN LATERAL (SELECT %s AS code) x
			   WHERE (CAST(:precinct AS bigint) IS NULL OR coalesce(p.in_precinct, false)) %s
			), shown AS (
			  SELECT * FROM kept WHERE kind = :afterKind AND id = :afterId
			)""";

	/** The precinct code a pole is ordered by, when the queue is ordered by precinct. */
	private static final String PRECINCT_CODE = "(SELECT pr.code FROM precinct pr WHERE pr.id = p.precinct_id)";

	/** Poles with an address, on the site or on one of its cameras still without position. */
	private static final String WITH_ADDRESS = """
			AND (CASE WHEN p.kind = 'SITE'
			          THEN EXISTS (SELECT 1 FROM site s WHERE s.id = p.id AND btrim(s.address) <> '')
			            OR EXISTS (SELECT 1 FROM camera c WHERE c.site_id = p.id AND c.location IS NULL
			                        AND c.status <> 'DECOMMISSIONED' AND btrim(c.address) <> '')
			          ELSE EXISTS (SELECT 1 FROM camera c WHERE c.id = p.id AND btrim(c.address) <> '') END)""";

	/** Poles placed through the queue since {@code :since}: everyone's and this user's (audit_event_action_idx). */
	private static final String PLACED_SINCE = """
			SELECT count(*) AS placed, count(*) FILTER (WHERE actor = :user) AS placed_by_user FROM audit_event
			 WHERE action = 'camera.placed' AND occurred_at >= :since AND details ->> 'how' = 'queue'""";

	/**
	 * The pole after {@code after} in queue order (the first when there is none or it was the last; {@code after} itself
	 * only when it is the only one left), the counts, and the poles placed today.
	 */
	private static final String NEXT = """
			SELECT n.kind, n.id, n.skipped_at, t.remaining, t.cameras, t.skipped, d.placed, d.placed_by_user
			  FROM (SELECT count(*) AS remaining, coalesce(sum(cameras), 0) AS cameras, count(skipped_at) AS skipped
			          FROM kept) t
			 CROSS JOIN (%s) d
			  LEFT JOIN LATERAL (
			    (SELECT r.kind, r.id, r.skipped_at FROM kept r, shown a
			      WHERE (r.put_off, r.put_off_at, r.no_code, r.code, r.first_at, r.alone, r.id)
			          > (a.put_off, a.put_off_at, a.no_code, a.code, a.first_at, a.alone, a.id)
			      ORDER BY r.put_off, r.put_off_at, r.no_code, r.code, r.first_at, r.alone, r.id LIMIT 1)
			    UNION ALL
			    (SELECT r.kind, r.id, r.skipped_at FROM kept r WHERE NOT (r.kind = :afterKind AND r.id = :afterId)
			      ORDER BY r.put_off, r.put_off_at, r.no_code, r.code, r.first_at, r.alone, r.id LIMIT 1)
			    UNION ALL
			    (SELECT a.kind, a.id, a.skipped_at FROM shown a)
			    LIMIT 1) n ON true""";

	/**
	 * The counts of the whole queue (no filter) without grouping it: poles are distinct sites plus cameras alone,
	 * read from the covering index; the user's skips of poles still waiting; the poles placed today.
	 */
	private static final String COUNTS = """
			SELECT t.remaining, t.cameras,
			       (SELECT count(*) FROM placement_skip k WHERE k.username = :user AND (
			          k.pole_kind = 'SITE' AND EXISTS (SELECT 1 FROM camera c WHERE c.site_id = k.pole_id
			              AND c.location IS NULL AND c.status <> 'DECOMMISSIONED')
			          OR k.pole_kind = 'CAMERA' AND EXISTS (SELECT 1 FROM camera c WHERE c.id = k.pole_id
			              AND c.site_id IS NULL AND c.location IS NULL AND c.status <> 'DECOMMISSIONED'))) AS skipped,
			       d.placed, d.placed_by_user
			  FROM (SELECT count(DISTINCT c.site_id) + count(*) FILTER (WHERE c.site_id IS NULL) AS remaining,
			               count(*) AS cameras
			          FROM camera c WHERE c.location IS NULL AND c.status <> 'DECOMMISSIONED') t
			 CROSS JOIN (%s) d""";

	/** See {@link #facts}: the fallback point only when asked (no address proposal). */
	private static final String FACTS = """
			WITH f AS (
			  SELECT s.code, coalesce(nullif(btrim(s.address), ''), (SELECT min(c.address) FROM camera c
			           WHERE c.site_id = s.id AND c.location IS NULL AND c.status <> 'DECOMMISSIONED'
			             AND btrim(c.address) <> '')) AS address, s.location AS at
			    FROM site s WHERE :kind = 'SITE' AND s.id = :id
			  UNION ALL
			  SELECT c.asset_tag, nullif(btrim(c.address), ''), NULL::geometry FROM camera c
			   WHERE :kind = 'CAMERA' AND c.id = :id
			), q AS (
			  SELECT f.code, f.address,
			         CASE WHEN f.at IS NOT NULL THEN 'SITE' WHEN pr.boundary IS NOT NULL THEN 'PRECINCT'
			              WHEN di.boundary IS NOT NULL THEN 'DISTRICT' END AS source,
			         CASE WHEN NOT :wantPoint THEN NULL WHEN f.at IS NOT NULL THEN f.at
			              ELSE ST_PointOnSurface(coalesce(pr.boundary, di.boundary)) END AS point,
			         pr.id AS pr_id, pr.code AS pr_code, pr.name_zh AS pr_zh, pr.name_en AS pr_en,
			         di.id AS di_id, di.code AS di_code, di.name_zh AS di_zh, di.name_en AS di_en,
			         st.id AS st_id, st.code AS st_code, st.name_zh AS st_zh, st.name_en AS st_en
			    FROM (SELECT 1) one
			    LEFT JOIN f ON true
			    LEFT JOIN precinct pr ON pr.id = :precinct
			    LEFT JOIN district di ON di.id = :district
			    LEFT JOIN station st ON st.id = :station
			)
			SELECT q.*, ST_X(q.point) AS lon, ST_Y(q.point) AS lat FROM q""";

	private static final String UNPLACED_OF_POLE = """
			SELECT c.id, c.asset_tag, c.site_index, c.heading_deg, c.fov_deg, c.lpr, c.address, c.status, c.version,
			       c.precinct_id, c.district_id, c.station_id
			  FROM camera c
			 WHERE c.location IS NULL AND c.status <> 'DECOMMISSIONED' AND %s
			 ORDER BY c.site_index NULLS LAST, c.asset_tag""";

	private static final String OF_SITE = "c.site_id = :id";

	private static final String OF_CAMERA = "c.id = :id AND c.site_id IS NULL";

	/** A step of the queue: the pole found (empty when none is left), the counts and the poles placed since the day began. */
	record Step(Optional<PoleRef> pole, Instant skippedAt, long remaining, long remainingCameras, long skipped,
			long placedToday, long placedTodayByUser) {
	}

	/** A pole's address in the queue. */
	record PoleRef(PoleKind kind, long id) {
	}

	/** The cameras of a pole, with what the list named for them. */
	record Camera(PoleCamera camera, Long precinctId, Long districtId, Long stationId) {
	}

	/**
	 * The pole's own facts: code and address (of the site, or of the camera alone), the named areas (null when none),
	 * and where to centre the map without an address proposal ({@code source} SITE, PRECINCT or DISTRICT; null: none).
	 */
	record Facts(String code, String address, Area precinct, Area district, Area station, String source, GeoPoint point) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	PlacementQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Step next(String user, QueueFilter filter, PoleRef after, Instant startOfDay) {
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("user", user)
			.addValue("precinct", filter.precinctId(), java.sql.Types.BIGINT)
			.addValue("afterKind", after == null ? "" : after.kind().name())
			.addValue("afterId", after == null ? -1L : after.id())
			.addValue("since", Timestamp.from(startOfDay));
		String kept = KEPT.formatted(filter.byPrecinct() ? PRECINCT_CODE : "NULL::varchar",
				filter.withAddress() ? WITH_ADDRESS : "");
		return jdbc.queryForObject(kept + NEXT.formatted(PLACED_SINCE), p, (rs, n) -> {
			String kind = rs.getString("kind");
			Optional<PoleRef> pole = kind == null ? Optional.empty()
					: Optional.of(new PoleRef(PoleKind.valueOf(kind), rs.getLong("id")));
			return new Step(pole, instant(rs.getTimestamp("skipped_at")), rs.getLong("remaining"), rs.getLong("cameras"),
					rs.getLong("skipped"), rs.getLong("placed"), rs.getLong("placed_by_user"));
		});
	}

	/** The counts of the whole queue (as {@link #next} with no filter finds them) without finding a pole. */
	Step counts(String user, Instant startOfDay) {
		MapSqlParameterSource p = new MapSqlParameterSource("user", user).addValue("since", Timestamp.from(startOfDay));
		return jdbc.queryForObject(COUNTS.formatted(PLACED_SINCE), p, (rs, n) -> new Step(Optional.empty(), null,
				rs.getLong("remaining"), rs.getLong("cameras"), rs.getLong("skipped"), rs.getLong("placed"),
				rs.getLong("placed_by_user")));
	}

	/** The pole's cameras still without position; with {@code lock}, locked for the placement (a racing one waits). */
	List<Camera> unplacedCameras(PoleRef pole, boolean lock) {
		String sql = UNPLACED_OF_POLE.formatted(pole.kind() == PoleKind.SITE ? OF_SITE : OF_CAMERA)
				+ (lock ? " FOR UPDATE OF c" : "");
		return jdbc.query(sql, new MapSqlParameterSource("id", pole.id()), PlacementQueries::camera);
	}

	/** Whether the pole still has cameras without position (a pole that does not exist has none). */
	boolean waits(PoleRef pole) {
		String sql = "SELECT EXISTS (SELECT 1 FROM camera c WHERE c.location IS NULL AND c.status <> 'DECOMMISSIONED' AND "
				+ (pole.kind() == PoleKind.SITE ? OF_SITE : OF_CAMERA) + ")";
		return Boolean.TRUE.equals(jdbc.queryForObject(sql, new MapSqlParameterSource("id", pole.id()), Boolean.class));
	}

	/** Whether the pole exists at all (a site, or a camera without site). */
	boolean exists(PoleRef pole) {
		String sql = pole.kind() == PoleKind.SITE ? "SELECT count(*) FROM site WHERE id = :id"
				: "SELECT count(*) FROM camera WHERE id = :id AND site_id IS NULL";
		return jdbc.queryForObject(sql, new MapSqlParameterSource("id", pole.id()), Long.class) > 0;
	}

	/**
	 * The pole's code and address, the named areas in the reader's language, and where to centre the map when
	 * address matching has nothing: the site's position (other cameras of it are placed), else a point surely inside
	 * the named precinct, else inside the named district (not the centroid, which a bent area may not contain).
	 * One statement: the queue answers each step within 100 ms.
	 */
	Facts facts(PoleRef pole, Long precinctId, Long districtId, Long stationId, boolean chinese, boolean wantPoint) {
		MapSqlParameterSource p = new MapSqlParameterSource("kind", pole.kind().name()).addValue("id", pole.id())
			.addValue("precinct", precinctId, java.sql.Types.BIGINT)
			.addValue("district", districtId, java.sql.Types.BIGINT)
			.addValue("station", stationId, java.sql.Types.BIGINT)
			.addValue("wantPoint", wantPoint);
		return jdbc.queryForObject(FACTS, p, (rs, n) -> {
			GeoPoint at = rs.getObject("lon") == null ? null : new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat"));
			return new Facts(rs.getString("code"), rs.getString("address"), area(rs, "pr", chinese),
					area(rs, "di", chinese), area(rs, "st", chinese), at == null ? null : rs.getString("source"), at);
		});
	}

	private static Area area(ResultSet rs, String prefix, boolean chinese) throws SQLException {
		Long id = rs.getObject(prefix + "_id", Long.class);
		if (id == null) {
			return null;
		}
		String zh = rs.getString(prefix + "_zh");
		String en = rs.getString(prefix + "_en");
		return new Area(id, rs.getString(prefix + "_code"), chinese || en == null || en.isBlank() ? zh : en);
	}

	/** Whether precincts are loaded and none contains the point. */
	boolean outsideEveryPrecinct(GeoPoint point) {
		return Boolean.TRUE.equals(jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM precinct) AND NOT EXISTS (SELECT 1 FROM precinct_part pp
				        WHERE ST_Intersects(pp.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)))""",
				new MapSqlParameterSource("lon", point.longitude()).addValue("lat", point.latitude()), Boolean.class));
	}

	void skip(String user, PoleRef pole) {
		jdbc.update("""
				INSERT INTO placement_skip (username, pole_kind, pole_id, skipped_at) VALUES (:user, :kind, :id, clock_timestamp())
				ON CONFLICT (username, pole_kind, pole_id) DO UPDATE SET skipped_at = clock_timestamp()""",
				new MapSqlParameterSource("user", user).addValue("kind", pole.kind().name()).addValue("id", pole.id()));
	}

	/** Skips of poles that no longer wait (placed, or gone): they would only grow the table. */
	void forgetSkips(PoleRef pole) {
		jdbc.update("DELETE FROM placement_skip WHERE pole_kind = :kind AND pole_id = :id",
				new MapSqlParameterSource("kind", pole.kind().name()).addValue("id", pole.id()));
	}

	private static Camera camera(ResultSet rs, int n) throws SQLException {
		return new Camera(new PoleCamera(rs.getLong("id"), rs.getString("asset_tag"), (Integer) rs.getObject("site_index", Integer.class),
				rs.getObject("heading_deg", Integer.class), rs.getObject("fov_deg", Integer.class), rs.getString("lpr"),
				rs.getString("address"), rs.getString("status"), rs.getLong("version")),
				rs.getObject("precinct_id", Long.class), rs.getObject("district_id", Long.class),
				rs.getObject("station_id", Long.class));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
