package io.watchkeeper.map;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.map.MapView.Cluster;
import io.watchkeeper.map.MapView.MapCamera;
import io.watchkeeper.reporting.DailySums;
import io.watchkeeper.shared.InvalidInputException;

/**
 * The map's SQL, set-based: one statement per answer, the viewport bound as parameters and found through the
 * camera location's GiST index ({@code location && ST_MakeEnvelope(..., 4326)}). Clusters group the view's cameras
 * on a grid in Web Mercator metres (the projection of the map's tiles; computed from longitude and latitude with
 * the spherical Mercator formulas, which is what {@code ST_Transform(location, 3857)} does, without a transform
 * per row) and are drawn at the mean point of their cameras.
 */
@Repository
@Transactional(readOnly = true)
class MapQueries {

	/** Web Mercator x and y in metres of the camera's location. */
	static final String MERC_X = "(ST_X(c.location) * 20037508.342789244 / 180)";
	static final String MERC_Y = "(6378137 * ln(tan(pi() / 4 + radians(ST_Y(c.location)) / 2)))";

	private static final String FROM = """
			FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
			WHERE c.location && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)""";

	private final NamedParameterJdbcTemplate jdbc;
	private final DailySums sums;

	MapQueries(NamedParameterJdbcTemplate jdbc, DailySums sums) {
		this.jdbc = jdbc;
		this.sums = sums;
	}

	/**
	 * The loaded precincts' extent (minLon, minLat, maxLon, maxLat) when the map's default centre lies in none of
	 * them: another city's boundaries are loaded, so the page opens on them instead of Kaohsiung. Empty when the
	 * default centre is inside a precinct (Kaohsiung's boundaries) or no precinct is loaded.
	 */
	java.util.Optional<double[]> extentUnlessItHolds(double longitude, double latitude) {
		return jdbc.query("""
				SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
				  FROM (SELECT ST_Extent(boundary)::geometry AS e FROM precinct) x
				 WHERE e IS NOT NULL AND NOT EXISTS (SELECT 1 FROM precinct_part pp
				        WHERE ST_Intersects(pp.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)))""",
				new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("lon", longitude).addValue("lat", latitude),
				(rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
			.stream().findFirst();
	}

	/** Clusters of the view's matching cameras, the biggest first, at most {@code limit}; and the total. */
	ClusterResult clusters(Viewport view, MapFilter filter, Map<String, Object> ids, LocalDate today, double cellMetres,
			int limit) {
		MapSqlParameterSource params = params(view, today).addValue("cell", cellMetres);
		String sql = """
				WITH v AS (
				    SELECT floor(%s / :cell) AS gx, floor(%s / :cell) AS gy, ST_X(c.location) AS lon,
				           ST_Y(c.location) AS lat, c.lpr, %s AS state
				    %s %s)
				SELECT avg(lon) AS lon, avg(lat) AS lat, count(*) AS n,
				       count(*) FILTER (WHERE state = 'WORKING') AS working, count(*) FILTER (WHERE state = 'OUTAGE') AS outage,
				       count(*) FILTER (WHERE state = 'FAULTY') AS faulty, count(*) FILTER (WHERE state = 'PAST_EOL') AS past_eol,
				       count(*) FILTER (WHERE state = 'PLANNED') AS planned,
				       count(*) FILTER (WHERE state = 'DECOMMISSIONED') AS decommissioned,
				       count(*) FILTER (WHERE lpr = 'LPR') AS lpr, count(*) FILTER (WHERE lpr = 'REALTIME_LPR') AS realtime
				FROM v GROUP BY gx, gy ORDER BY n DESC, gx, gy""".formatted(MERC_X, MERC_Y, MapState.SQL, FROM,
				where(filter, ids, params));
		List<Cluster> all = jdbc.query(sql, params, (rs, i) -> cluster(rs));
		long total = all.stream().mapToLong(Cluster::count).sum();
		return new ClusterResult(all.size() > limit ? List.copyOf(all.subList(0, limit)) : all, total, all.size() > limit);
	}

	record ClusterResult(List<Cluster> clusters, long total, boolean truncated) {
	}

	private static Cluster cluster(ResultSet rs) throws SQLException {
		Map<String, Long> states = new LinkedHashMap<>();
		states.put("WORKING", rs.getLong("working"));
		states.put("OUTAGE", rs.getLong("outage"));
		states.put("FAULTY", rs.getLong("faulty"));
		states.put("PAST_EOL", rs.getLong("past_eol"));
		states.put("PLANNED", rs.getLong("planned"));
		states.put("DECOMMISSIONED", rs.getLong("decommissioned"));
		return new Cluster(round(rs.getDouble("lon")), round(rs.getDouble("lat")), rs.getLong("n"), states,
				rs.getLong("lpr"), rs.getLong("realtime"));
	}

	/**
	 * The view's matching cameras when there are at most {@code limit}, by id. With more, a sample spread evenly
	 * over the view (at most {@code limit / 64} from each of 8 × 8 tiles, so that dense streets do not take all
	 * of it) with {@code truncated} and the total unknown (-1: the caller counts or estimates it).
	 * {@code manyExpected}: the kept counts say the view holds several times the limit, so the sample is taken
	 * first, and the first {@code limit} cameras are fetched only when no tile was full after all (the view then
	 * holds fewer than the limit, and the sample was all of them).
	 */
	CameraResult cameras(Viewport view, MapFilter filter, Map<String, Object> ids, LocalDate today, int limit,
			boolean manyExpected) {
		MapSqlParameterSource params = params(view, today).addValue("limit", limit + 1);
		String where = where(filter, ids, params);
		if (manyExpected) {
			Sample sample = sample(view, params, where, limit);
			if (sample.full()) {
				return new CameraResult(sample.cameras(), -1, true);
			}
			return new CameraResult(sample.cameras(), sample.cameras().size(), false);
		}
		List<MapCamera> cameras = jdbc.query("SELECT " + COLUMNS + " " + FROM + " " + where + " LIMIT :limit", params,
				(rs, i) -> camera(rs));
		if (cameras.size() <= limit) {
			return new CameraResult(cameras.stream().sorted(java.util.Comparator.comparingLong(MapCamera::id)).toList(),
					cameras.size(), false);
		}
		return new CameraResult(sample(view, params, where, limit).cameras(), -1, true);
	}

	private static final String COLUMNS = """
			c.id, c.asset_tag, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, %s AS state, c.lpr,
			c.heading_deg, c.fov_deg, c.range_m, o.started_at""".formatted(MapState.SQL);

	/** At most {@code limit / 64} cameras of each of 8 × 8 tiles, by id; {@code full}: some tile had more. */
	private Sample sample(Viewport view, MapSqlParameterSource params, String where, int limit) {
		int k = 8;
		int per = Math.max(1, limit / (k * k));
		params.addValue("k", k).addValue("dx", (view.maxLon() - view.minLon()) / k)
			.addValue("dy", (view.maxLat() - view.minLat()) / k).addValue("per", per + 1);
		// a camera on a tile edge is in both tiles; the tile's row number tells a full tile
		List<Object[]> rows = jdbc.query("""
				WITH tiles AS (
				    SELECT i * :k + j AS tile, ST_MakeEnvelope(:minLon + i * :dx, :minLat + j * :dy, :minLon + (i + 1) * :dx,
				                           :minLat + (j + 1) * :dy, 4326) AS env
				    FROM generate_series(0, :k - 1) i, generate_series(0, :k - 1) j)
				SELECT t.tile, s.* FROM tiles t CROSS JOIN LATERAL (
				    SELECT %s FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
				    WHERE c.location && t.env %s LIMIT :per) s""".formatted(COLUMNS, where), params,
				(rs, i) -> new Object[] { rs.getInt("tile"), camera(rs) });
		Map<Integer, Integer> perTile = new java.util.HashMap<>();
		Map<Long, MapCamera> unique = new java.util.TreeMap<>();
		boolean full = false;
		for (Object[] row : rows) {
			int n = perTile.merge((Integer) row[0], 1, Integer::sum);
			if (n > per) {
				full = true;
				continue;
			}
			MapCamera camera = (MapCamera) row[1];
			unique.putIfAbsent(camera.id(), camera);
		}
		return new Sample(List.copyOf(unique.values()), full);
	}

	private record Sample(List<MapCamera> cameras, boolean full) {
	}

	/** How many of the view's cameras match, counted from the cameras. */
	long count(Viewport view, MapFilter filter, Map<String, Object> ids, LocalDate today) {
		MapSqlParameterSource params = params(view, today);
		return jdbc.queryForObject("SELECT count(*) " + FROM + " " + where(filter, ids, params), params, Long.class);
	}

	private static MapCamera camera(ResultSet rs) throws SQLException {
		return new MapCamera(rs.getLong("id"), rs.getString("asset_tag"), round(rs.getDouble("lon")),
				round(rs.getDouble("lat")), rs.getString("state"), rs.getString("lpr"),
				rs.getObject("heading_deg", Integer.class), rs.getObject("fov_deg", Integer.class),
				rs.getObject("range_m", Integer.class), instant(rs, "started_at"));
	}

	record CameraResult(List<MapCamera> cameras, long total, boolean truncated) {
	}

	/**
	 * The ids of the filter's precinct and district codes ({@code precinctId}, {@code districtId}), after checking
	 * that its funding source and project exist; 400 naming the parameter when one does not.
	 */
	Map<String, Object> resolve(MapFilter filter) {
		Map<String, Object> ids = new LinkedHashMap<>();
		if (filter.precinct() != null) {
			ids.put("precinctId", areaId("precinct", filter.precinct()));
		}
		if (filter.district() != null) {
			ids.put("districtId", areaId("district", filter.district()));
		}
		if (filter.funding() != null) {
			exists("funding", "funding_source", filter.funding());
		}
		if (filter.project() != null) {
			exists("project", "procurement_project", filter.project());
		}
		return ids;
	}

	private static MapSqlParameterSource params(Viewport view, LocalDate today) {
		return new MapSqlParameterSource().addValue("minLon", view.minLon()).addValue("minLat", view.minLat())
			.addValue("maxLon", view.maxLon()).addValue("maxLat", view.maxLat()).addValue("today", today);
	}

	/**
	 * The filters as SQL conditions on camera {@code c} (after the viewport's), with the precinct and district ids
	 * {@link #resolve} found (which also checked the funding source and project).
	 */
	private static String where(MapFilter filter, Map<String, Object> ids, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder();
		if (ids.containsKey("precinctId")) {
			params.addValue("precinctId", ids.get("precinctId"));
			sql.append(" AND c.precinct_id = :precinctId");
		}
		if (ids.containsKey("districtId")) {
			params.addValue("districtId", ids.get("districtId"));
			sql.append(" AND c.district_id = :districtId");
		}
		if (!filter.states().isEmpty()) {
			params.addValue("states", filter.states().stream().map(Enum::name).toList());
			sql.append(" AND (").append(MapState.SQL).append(") IN (:states)");
		}
		if (filter.lpr() != null) {
			if (filter.lpr().equals("ANY_LPR")) {
				sql.append(" AND c.lpr <> 'NONE'");
			}
			else {
				params.addValue("lpr", filter.lpr());
				sql.append(" AND c.lpr = :lpr");
			}
		}
		if (filter.funding() != null) {
			params.addValue("funding", filter.funding());
			sql.append(" AND c.funding_source_id = :funding");
		}
		if (filter.project() != null) {
			params.addValue("project", filter.project());
			sql.append(" AND c.project_id = :project");
		}
		yearRange(sql, params, "c.install_date", "installFrom", filter.installFrom(), "installTo", filter.installTo());
		yearRange(sql, params, "c.end_of_life", "eolFrom", filter.eolFrom(), "eolTo", filter.eolTo());
		return sql.toString();
	}

	private static void yearRange(StringBuilder sql, MapSqlParameterSource params, String column, String fromName,
			Integer from, String toName, Integer to) {
		if (from != null) {
			params.addValue(fromName, LocalDate.of(from, 1, 1));
			sql.append(" AND ").append(column).append(" >= :").append(fromName);
		}
		if (to != null) {
			params.addValue(toName, LocalDate.of(to + 1, 1, 1));
			sql.append(" AND ").append(column).append(" < :").append(toName);
		}
	}

	private long areaId(String table, String code) {
		List<Long> ids = jdbc.queryForList("SELECT id FROM " + table + " WHERE code = :code",
				Map.of("code", code), Long.class);
		if (ids.isEmpty()) {
			throw new InvalidInputException(table, "Unknown " + table + " code '" + code + "'");
		}
		return ids.get(0);
	}

	private void exists(String field, String table, long id) {
		if (jdbc.queryForList("SELECT 1 FROM " + table + " WHERE id = :id", Map.of("id", id), Integer.class).isEmpty()) {
			throw new InvalidInputException(field, "Unknown " + field + " id " + id);
		}
	}

	/** The popup facts of one camera, or empty when there is no such camera. */
	Optional<CameraFacts> facts(long id, LocalDate today) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("today", today);
		List<CameraFacts> found = jdbc.query("""
				SELECT c.id, c.asset_tag, c.address, ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
				       p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en, d.code AS d_code, d.name_zh AS d_zh,
				       d.name_en AS d_en, c.status, %s AS state, c.lpr, c.install_date, c.end_of_life, c.heading_deg,
				       c.fov_deg, c.range_m, c.make, c.model, o.started_at
				FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
				LEFT JOIN precinct p ON p.id = c.precinct_id LEFT JOIN district d ON d.id = c.district_id
				WHERE c.id = :id""".formatted(MapState.SQL), params, (rs, i) -> new CameraFacts(rs.getLong("id"),
				rs.getString("asset_tag"), rs.getString("address"), rs.getObject("lon", Double.class),
				rs.getObject("lat", Double.class), area(rs, "p"), area(rs, "d"), rs.getString("status"),
				rs.getString("state"), rs.getString("lpr"), rs.getObject("install_date", LocalDate.class),
				rs.getObject("end_of_life", LocalDate.class), rs.getObject("heading_deg", Integer.class),
				rs.getObject("fov_deg", Integer.class), rs.getObject("range_m", Integer.class), rs.getString("make"),
				rs.getString("model"), instant(rs, "started_at"), null, true, List.of()));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		CameraFacts c = found.get(0);
		List<CameraFacts.OpenOrder> orders = jdbc.query("""
				SELECT w.id, w.kind, w.state, w.priority, w.assignee_kind,
				       COALESCE(s.name_zh, v.name_zh) AS name_zh, COALESCE(s.name_en, v.name_en, v.name_zh) AS name_en
				FROM work_order w LEFT JOIN repair_squad s ON s.id = w.squad_id AND w.assignee_kind = 'SQUAD'
				LEFT JOIN vendor v ON v.id = w.vendor_id AND w.assignee_kind IN ('CONTRACT', 'WARRANTY_VENDOR')
				WHERE w.camera_id = :id AND w.state NOT IN ('CLOSED', 'CANCELLED')
				ORDER BY (w.kind = 'REPAIR') DESC, w.opened_at DESC LIMIT 1""", params,
				(rs, i) -> new CameraFacts.OpenOrder(rs.getLong("id"), rs.getString("kind"), rs.getString("state"),
						rs.getString("priority"), rs.getString("assignee_kind"), rs.getString("name_zh"),
						rs.getString("name_en")));
		List<CameraFacts.PastOutage> outages = jdbc.query("""
				SELECT started_at, ended_at, cause FROM outage WHERE camera_id = :id ORDER BY started_at DESC LIMIT 5""",
				params, (rs, i) -> new CameraFacts.PastOutage(instant(rs, "started_at"), instant(rs, "ended_at"),
						rs.getString("cause")));
		return Optional.of(new CameraFacts(c.id(), c.assetTag(), c.address(), c.lon(), c.lat(), c.precinct(),
				c.district(), c.status(), c.state(), c.lpr(), c.installDate(), c.endOfLife(), c.heading(), c.fov(),
				c.range(), c.make(), c.model(), c.outageSince(), orders.isEmpty() ? null : orders.get(0), true, outages));
	}

	private static CameraFacts.Area area(ResultSet rs, String prefix) throws SQLException {
		String code = rs.getString(prefix + "_code");
		return code == null ? null
				: new CameraFacts.Area(code, rs.getString(prefix + "_zh"), rs.getString(prefix + "_en"));
	}

	/** The boundaries of every precinct or district as a GeoJSON FeatureCollection, simplified for the web. */
	String boundaries(AreaKind kind, double tolerance) {
		return jdbc.queryForObject("""
				SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
				    'type', 'Feature', 'id', a.code,
				    'properties', json_build_object('code', a.code, 'nameZh', a.name_zh, 'nameEn', a.name_en),
				    'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(a.boundary, :tolerance), 6)::json)
				    ORDER BY a.code), '[]'::json))::text
				FROM %s a""".formatted(kind.table()), Map.of("tolerance", tolerance), String.class);
	}

	/**
	 * Cameras, working, down, downtime, availability and open orders per area over [{@code from}, {@code to}).
	 * {@code placed}: the first three per area id for the cameras on the map, from the kept cell counts; then only
	 * the cameras without a location are counted here (a partial index finds them) and added. Downtime is that of
	 * the cameras in service (as the maintenance figures count it: not planned, until the decommission day ends),
	 * from {@link DailySums#downtimeHours}.
	 */
	List<AreaFigures.Row> areas(AreaKind kind, Instant from, Instant to, Optional<Map<Long, long[]>> placed) {
		double hours = (to.toEpochMilli() - from.toEpochMilli()) / 3_600_000.0;
		// downtime from the reporting module's kept per-day sums, not summed over the period's outages here
		Map<Long, Double> downtime = sums.downtimeHours(kind == AreaKind.DISTRICT, from, to);
		MapSqlParameterSource params = new MapSqlParameterSource();
		String column = kind.table() + "_id";
		return jdbc.query("""
				WITH cams AS (
				    SELECT c.%1$s AS area_id,
				           count(*) FILTER (WHERE c.status IN ('ACTIVE', 'FAULTY')) AS cameras,
				           count(*) FILTER (WHERE c.status = 'ACTIVE' AND o.id IS NULL) AS working,
				           count(o.id) FILTER (WHERE c.status IN ('ACTIVE', 'FAULTY')) AS down
				    FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
				    WHERE c.%1$s IS NOT NULL %3$s GROUP BY c.%1$s),
				orders AS (
				    SELECT c.%1$s AS area_id, count(*) AS n FROM work_order w JOIN camera c ON c.id = w.camera_id
				    WHERE w.state NOT IN ('CLOSED', 'CANCELLED') GROUP BY c.%1$s)
				SELECT a.id, a.code, a.name_zh, a.name_en, COALESCE(cams.cameras, 0) AS cameras,
				       COALESCE(cams.working, 0) AS working, COALESCE(cams.down, 0) AS down,
				       COALESCE(orders.n, 0) AS orders
				FROM %2$s a LEFT JOIN cams ON cams.area_id = a.id
				LEFT JOIN orders ON orders.area_id = a.id ORDER BY a.code""".formatted(column, kind.table(),
				placed.isPresent() ? "AND c.location IS NULL" : ""), params,
				(rs, i) -> {
					long areaId = rs.getLong("id");
					long[] kept = placed.map(p -> p.get(areaId)).orElse(null);
					long cameras = rs.getLong("cameras") + (kept == null ? 0 : kept[0]);
					long working = rs.getLong("working") + (kept == null ? 0 : kept[1]);
					long downNow = rs.getLong("down") + (kept == null ? 0 : kept[2]);
					double down = downtime.getOrDefault(areaId, 0.0);
					Double availability = cameras == 0 || hours <= 0 ? null
							: Math.round(Math.max(0, 1 - down / (cameras * hours)) * 10000) / 100.0;
					return new AreaFigures.Row(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
							cameras, working, downNow, Math.round(down * 10) / 10.0,
							availability, rs.getLong("orders"));
				});
	}

	/** Outages detected in (since, now] and cameras whose outage ended after {@code closedSince} and are up now. */
	OutageChanges changes(Instant since, Instant closedSince, Instant now, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("since", utc(since))
			.addValue("closedSince", utc(closedSince)).addValue("now", utc(now)).addValue("limit", limit + 1);
		List<OutageChanges.Opened> opened = new ArrayList<>(jdbc.query("""
				SELECT o.camera_id, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, o.started_at
				FROM outage o JOIN camera c ON c.id = o.camera_id
				WHERE o.detected_at > :since AND o.detected_at <= :now AND o.ended_at IS NULL
				ORDER BY o.detected_at, o.id LIMIT :limit""", params, (rs, i) -> new OutageChanges.Opened(
				rs.getLong("camera_id"), rs.getObject("lon", Double.class), rs.getObject("lat", Double.class),
				instant(rs, "started_at"))));
		List<OutageChanges.Closed> closed = new ArrayList<>(jdbc.query("""
				SELECT DISTINCT ON (o.camera_id) o.camera_id, o.ended_at FROM outage o
				WHERE o.ended_at > :closedSince AND o.ended_at <= :now
				  AND NOT EXISTS (SELECT 1 FROM outage x WHERE x.camera_id = o.camera_id AND x.ended_at IS NULL)
				ORDER BY o.camera_id, o.ended_at DESC LIMIT :limit""", params,
				(rs, i) -> new OutageChanges.Closed(rs.getLong("camera_id"), instant(rs, "ended_at"))));
		boolean truncated = opened.size() > limit || closed.size() > limit;
		return new OutageChanges(now, opened.size() > limit ? opened.subList(0, limit) : opened,
				closed.size() > limit ? closed.subList(0, limit) : closed, truncated);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	/** Seven decimals: about a centimetre, enough for a map and shorter on the wire. */
	private static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
	}
}
