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
	 * The poles the filter keeps, numbered in queue order: not skipped first (oldest import first, or by the named
	 * precinct's code first), then the skipped ones, longest skipped first.
	 */
	private static final String RANKED = """
			WITH unplaced AS (
			  SELECT c.id, c.site_id, c.created_at, c.precinct_id FROM camera c
			   WHERE c.location IS NULL AND c.status <> 'DECOMMISSIONED'
			), pole AS (
			  SELECT 'SITE'::varchar AS kind, u.site_id AS id, min(u.created_at) AS first_at, count(*) AS cameras,
			         min(u.precinct_id) AS precinct_id, bool_or(u.precinct_id = :precinct) AS in_precinct
			    FROM unplaced u WHERE u.site_id IS NOT NULL
			   GROUP BY u.site_id
			  UNION ALL
			  SELECT 'CAMERA', u.id, u.created_at, 1, u.precinct_id, u.precinct_id = :precinct
			    FROM unplaced u WHERE u.site_id IS NULL
			), kept AS (
			  SELECT p.kind, p.id, p.cameras, p.first_at, k.skipped_at, %s AS precinct_code
			    FROM pole p
			    LEFT JOIN placement_skip k ON k.username = :user AND k.pole_kind = p.kind AND k.pole_id = p.id
			   WHERE (CAST(:precinct AS bigint) IS NULL OR coalesce(p.in_precinct, false)) %s
			), ranked AS (
			  SELECT kept.*, row_number() OVER (ORDER BY skipped_at ASC NULLS FIRST,
			         precinct_code NULLS LAST, first_at, kind DESC, id) AS rn
			    FROM kept
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

	/**
	 * The pole after {@code after} in queue order (the first when there is none or it was the last; {@code after} itself
	 * only when it is the only one left), and the counts.
	 */
	private static final String NEXT = """
			SELECT n.kind, n.id, n.skipped_at, t.remaining, t.cameras, t.skipped
			  FROM (SELECT count(*) AS remaining, coalesce(sum(cameras), 0) AS cameras, count(skipped_at) AS skipped
			          FROM ranked) t
			  LEFT JOIN LATERAL (
			    SELECT r.kind, r.id, r.skipped_at FROM ranked r
			     ORDER BY (r.kind = :afterKind AND r.id = :afterId),
			              r.rn <= coalesce((SELECT a.rn FROM ranked a WHERE a.kind = :afterKind AND a.id = :afterId), 0), r.rn
			     LIMIT 1) n ON true""";

	private static final String UNPLACED_OF_POLE = """
			SELECT c.id, c.asset_tag, c.site_index, c.heading_deg, c.fov_deg, c.lpr, c.address, c.status, c.version,
			       c.precinct_id, c.district_id, c.station_id
			  FROM camera c
			 WHERE c.location IS NULL AND c.status <> 'DECOMMISSIONED' AND %s
			 ORDER BY c.site_index NULLS LAST, c.asset_tag""";

	private static final String OF_SITE = "c.site_id = :id";

	private static final String OF_CAMERA = "c.id = :id AND c.site_id IS NULL";

	/** A step of the queue: the pole found (empty when none is left) and the counts. */
	record Step(Optional<PoleRef> pole, Instant skippedAt, long remaining, long remainingCameras, long skipped) {
	}

	/** A pole's address in the queue. */
	record PoleRef(PoleKind kind, long id) {
	}

	/** The cameras of a pole, with what the list named for them. */
	record Camera(PoleCamera camera, Long precinctId, Long districtId, Long stationId) {
	}

	/** The pole's own facts: code and address (of the site, or of the camera alone). */
	record Facts(String code, String address) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	PlacementQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Step next(String user, QueueFilter filter, PoleRef after) {
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("user", user)
			.addValue("precinct", filter.precinctId(), java.sql.Types.BIGINT)
			.addValue("afterKind", after == null ? "" : after.kind().name())
			.addValue("afterId", after == null ? -1L : after.id());
		String ranked = RANKED.formatted(filter.byPrecinct() ? PRECINCT_CODE : "NULL::varchar",
				filter.withAddress() ? WITH_ADDRESS : "");
		return jdbc.queryForObject(ranked + NEXT, p, (rs, n) -> {
			String kind = rs.getString("kind");
			Optional<PoleRef> pole = kind == null ? Optional.empty()
					: Optional.of(new PoleRef(PoleKind.valueOf(kind), rs.getLong("id")));
			return new Step(pole, instant(rs.getTimestamp("skipped_at")), rs.getLong("remaining"), rs.getLong("cameras"),
					rs.getLong("skipped"));
		});
	}

	/** The pole's cameras still without position; with {@code lock}, locked for the placement (a racing one waits). */
	List<Camera> unplacedCameras(PoleRef pole, boolean lock) {
		String sql = UNPLACED_OF_POLE.formatted(pole.kind() == PoleKind.SITE ? OF_SITE : OF_CAMERA)
				+ (lock ? " FOR UPDATE OF c" : "");
		return jdbc.query(sql, new MapSqlParameterSource("id", pole.id()), PlacementQueries::camera);
	}

	/** Whether the pole exists at all (a site, or a camera without site). */
	boolean exists(PoleRef pole) {
		String sql = pole.kind() == PoleKind.SITE ? "SELECT count(*) FROM site WHERE id = :id"
				: "SELECT count(*) FROM camera WHERE id = :id AND site_id IS NULL";
		return jdbc.queryForObject(sql, new MapSqlParameterSource("id", pole.id()), Long.class) > 0;
	}

	Facts facts(PoleRef pole) {
		String sql = pole.kind() == PoleKind.SITE ? """
				SELECT s.code, coalesce(nullif(btrim(s.address), ''), (SELECT min(c.address) FROM camera c
				        WHERE c.site_id = s.id AND c.location IS NULL AND c.status <> 'DECOMMISSIONED' AND btrim(c.address) <> ''))
				  FROM site s WHERE s.id = :id"""
				: "SELECT asset_tag, nullif(btrim(address), '') FROM camera WHERE id = :id";
		return jdbc.query(sql, new MapSqlParameterSource("id", pole.id()), (rs, n) -> new Facts(rs.getString(1), rs.getString(2)))
			.stream().findFirst().orElse(new Facts(null, null));
	}

	Optional<Area> precinct(Long id, boolean chinese) {
		return area("precinct", id, chinese);
	}

	Optional<Area> district(Long id, boolean chinese) {
		return area("district", id, chinese);
	}

	Optional<Area> station(Long id, boolean chinese) {
		return area("station", id, chinese);
	}

	private Optional<Area> area(String table, Long id, boolean chinese) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.query("SELECT id, code, name_zh, name_en FROM " + table + " WHERE id = :id",
				new MapSqlParameterSource("id", id), (rs, n) -> {
					String zh = rs.getString("name_zh");
					String en = rs.getString("name_en");
					return new Area(rs.getLong("id"), rs.getString("code"),
							chinese || en == null || en.isBlank() ? zh : en);
				}).stream().findFirst();
	}

	/** A point surely inside the area (not the centroid, which a bent area may not contain). */
	Optional<GeoPoint> pointInside(String table, long id) {
		return jdbc.query("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(boundary) AS p FROM " + table
				+ " WHERE id = :id AND boundary IS NOT NULL) x", new MapSqlParameterSource("id", id),
				(rs, n) -> new GeoPoint(rs.getDouble(1), rs.getDouble(2))).stream().findFirst();
	}

	/** Where the site stands already (some of its cameras have a position), if it does. */
	Optional<GeoPoint> siteLocation(long siteId) {
		return jdbc.query("SELECT ST_X(location), ST_Y(location) FROM site WHERE id = :id AND location IS NOT NULL",
				new MapSqlParameterSource("id", siteId), (rs, n) -> new GeoPoint(rs.getDouble(1), rs.getDouble(2)))
			.stream().findFirst();
	}

	/** Whether precincts are loaded and none contains the point. */
	boolean outsideEveryPrecinct(GeoPoint point) {
		return Boolean.TRUE.equals(jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM precinct) AND NOT EXISTS (SELECT 1 FROM precinct_part pp
				        WHERE ST_Intersects(pp.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)))""",
				new MapSqlParameterSource("lon", point.longitude()).addValue("lat", point.latitude()), Boolean.class));
	}

	/** Poles placed through the queue since {@code since}: everyone's and this user's. */
	long[] placedSince(Instant since, String user) {
		return jdbc.queryForObject("""
				SELECT count(*), count(*) FILTER (WHERE actor = :user) FROM audit_event
				 WHERE action = 'camera.placed' AND occurred_at >= :since AND details ->> 'how' = 'queue'""",
				new MapSqlParameterSource("since", Timestamp.from(since)).addValue("user", user),
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
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
