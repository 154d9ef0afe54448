package io.watchkeeper.map;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.watchkeeper.map.MapView.Cluster;

/**
 * Per-cell camera counts kept for the map's low zooms ({@code map_cell}): a million cameras are summed once per
 * refresh instead of once per request. The table is rewritten set-based in one transaction (readers keep seeing
 * the previous counts until it commits) when a request finds it older than {@code aggregate-max-age}, in the
 * background, one node at a time (an advisory lock); a request never waits for it, except the very first.
 * Each zoom up to 15 has its own level of cells (built from the level above), so a request reads only the few
 * hundred cells of its view. Clusters from here count every camera of the cells the view touches: the view's
 * edge is rounded out to the zoom's 64-pixel grid (the cameras just beyond it show in the edge clusters).
 */
@Component
class MapCells implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MapCells.class);

	/** The zoom whose 64-pixel cell is the base cell. */
	static final int BASE_ZOOM = 15;

	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final MapProperties properties;
	private final Clock clock;
	private final ZoneId zone;
	private final double baseCell;
	private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "map-cells-refresh");
		t.setDaemon(true);
		return t;
	});
	private final AtomicBoolean refreshing = new AtomicBoolean();
	private volatile Instant knownRefreshedAt;
	private volatile LocalDate knownDay;

	MapCells(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, MapProperties properties, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
		this.baseCell = Viewport.EQUATOR_M / Math.pow(2, BASE_ZOOM) / 256 * properties.clusterCellPixels();
	}

	/** Whether this request can be answered from the cells: a low zoom and only filters the cells are split by. */
	boolean serves(Viewport view, MapFilter filter) {
		return view.zoom() <= properties.aggregateMaxZoom() && view.zoom() <= BASE_ZOOM && filter.funding() == null
				&& filter.project() == null && filter.installFrom() == null && filter.installTo() == null
				&& filter.eolFrom() == null && filter.eolTo() == null;
	}

	/**
	 * Clusters of the view from the cells, the biggest first, at most {@code limit}; empty when the cells were
	 * never filled (a refresh is then started and the caller computes from the cameras).
	 */
	java.util.Optional<MapQueries.ClusterResult> clusters(Viewport view, MapFilter filter, Map<String, Object> areaIds,
			int limit) {
		if (!fresh()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(clusters(view, Math.min(view.zoom(), BASE_ZOOM), filter, areaIds, limit));
	}

	/**
	 * How many of the view's cameras match, estimated from the finest cells (the view rounded out to ~306 m);
	 * empty when the filter is not one the cells are split by or they were never filled.
	 */
	java.util.OptionalLong estimate(Viewport view, MapFilter filter, Map<String, Object> areaIds) {
		boolean supported = filter.funding() == null && filter.project() == null && filter.installFrom() == null
				&& filter.installTo() == null && filter.eolFrom() == null && filter.eolTo() == null;
		if (!supported || properties.aggregateMaxZoom() < 0 || !fresh()) {
			return java.util.OptionalLong.empty();
		}
		return java.util.OptionalLong.of(clusters(view, BASE_ZOOM, filter, areaIds, Integer.MAX_VALUE).total());
	}

	private MapQueries.ClusterResult clusters(Viewport view, int level, MapFilter filter, Map<String, Object> areaIds,
			int limit) {
		double cell = baseCell * (1L << (BASE_ZOOM - level));
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("level", level)
			.addValue("gx0", (int) Math.floor(mercX(view.minLon()) / cell))
			.addValue("gx1", (int) Math.floor(mercX(view.maxLon()) / cell))
			.addValue("gy0", (int) Math.floor(mercY(view.minLat()) / cell))
			.addValue("gy1", (int) Math.floor(mercY(view.maxLat()) / cell));
		StringBuilder where = new StringBuilder();
		if (areaIds.containsKey("precinctId")) {
			params.addValue("precinctId", areaIds.get("precinctId"));
			where.append(" AND precinct_id = :precinctId");
		}
		if (areaIds.containsKey("districtId")) {
			params.addValue("districtId", areaIds.get("districtId"));
			where.append(" AND district_id = :districtId");
		}
		if (filter.lpr() != null) {
			if (filter.lpr().equals("ANY_LPR")) {
				where.append(" AND lpr <> 'NONE'");
			}
			else {
				params.addValue("lpr", filter.lpr());
				where.append(" AND lpr = :lpr");
			}
		}
		List<MapState> states = filter.states().isEmpty() ? List.of(MapState.values()) : List.copyOf(filter.states());
		String count = String.join(" + ", states.stream().map(MapCells::column).toList());
		String sql = """
				SELECT sum(sum_lon * (%1$s)::float8 / cameras) / sum(%1$s) AS lon,
				       sum(sum_lat * (%1$s)::float8 / cameras) / sum(%1$s) AS lat, sum(%1$s) AS n,
				       sum(working) AS working, sum(outage) AS outage, sum(faulty) AS faulty, sum(past_eol) AS past_eol,
				       sum(planned) AS planned, sum(decommissioned) AS decommissioned,
				       sum(CASE WHEN lpr = 'LPR' THEN %1$s ELSE 0 END) AS lpr,
				       sum(CASE WHEN lpr = 'REALTIME_LPR' THEN %1$s ELSE 0 END) AS realtime
				FROM map_cell
				WHERE level = :level AND gx BETWEEN :gx0 AND :gx1 AND gy BETWEEN :gy0 AND :gy1 AND (%1$s) > 0 %2$s
				GROUP BY gx, gy ORDER BY n DESC""".formatted(count, where);
		List<Cluster> all = jdbc.query(sql, params, (rs, i) -> {
			Map<String, Long> mix = new LinkedHashMap<>();
			for (MapState s : new MapState[] { MapState.WORKING, MapState.OUTAGE, MapState.FAULTY, MapState.PAST_EOL,
					MapState.PLANNED, MapState.DECOMMISSIONED }) {
				mix.put(s.name(), states.contains(s) ? rs.getLong(column(s)) : 0L);
			}
			return new Cluster(Math.round(rs.getDouble("lon") * 1e7) / 1e7, Math.round(rs.getDouble("lat") * 1e7) / 1e7,
					rs.getLong("n"), mix, rs.getLong("lpr"), rs.getLong("realtime"));
		});
		long total = all.stream().mapToLong(Cluster::count).sum();
		return new MapQueries.ClusterResult(all.size() > limit ? List.copyOf(all.subList(0, limit)) : all, total,
				all.size() > limit);
	}

	private static String column(MapState state) {
		return state.name().toLowerCase(java.util.Locale.ROOT);
	}

	/** True when the cells are filled; starts a background refresh when they are stale or of another day. */
	boolean fresh() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (knownRefreshedAt == null || knownRefreshedAt.plus(properties.aggregateMaxAge()).isBefore(now)
				|| !today.equals(knownDay)) {
			List<Map<String, Object>> row = jdbc.queryForList(
					"SELECT refreshed_at, as_of_day, cell_m FROM map_cell_refresh", Map.of());
			boolean usable = !row.isEmpty() && Math.abs(((Number) row.get(0).get("cell_m")).doubleValue() - baseCell) < 1e-6;
			if (usable) {
				knownRefreshedAt = ((java.sql.Timestamp) row.get(0).get("refreshed_at")).toInstant();
				knownDay = ((java.sql.Date) row.get(0).get("as_of_day")).toLocalDate();
			}
			if (!usable || knownRefreshedAt.plus(properties.aggregateMaxAge()).isBefore(now) || !today.equals(knownDay)) {
				refreshLater();
			}
			return usable && today.equals(knownDay);
		}
		return true;
	}

	private void refreshLater() {
		if (refreshing.compareAndSet(false, true)) {
			refresher.execute(() -> {
				try {
					refresh();
				}
				catch (RuntimeException e) {
					log.warn("Refreshing the map's cell counts failed", e);
				}
				finally {
					refreshing.set(false);
				}
			});
		}
	}

	/** Rewrites the cell counts from the cameras and their open outages, unless another node is at it. */
	boolean refresh() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Boolean done = transactions.execute(status -> {
			Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext('map_cell_refresh'))",
					Map.of(), Boolean.class);
			if (!Boolean.TRUE.equals(locked)) {
				return false;
			}
			long started = System.nanoTime();
			MapSqlParameterSource params = new MapSqlParameterSource().addValue("cell", baseCell)
				.addValue("today", today).addValue("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
			jdbc.update("DELETE FROM map_cell", Map.of());
			int rows = jdbc.update("""
					INSERT INTO map_cell (level, gx, gy, precinct_id, district_id, lpr, cameras, sum_lon, sum_lat, working, outage,
					                      faulty, past_eol, planned, decommissioned)
					SELECT :level, gx, gy, precinct_id, district_id, lpr, count(*), sum(lon), sum(lat),
					       count(*) FILTER (WHERE state = 'WORKING'), count(*) FILTER (WHERE state = 'OUTAGE'),
					       count(*) FILTER (WHERE state = 'FAULTY'), count(*) FILTER (WHERE state = 'PAST_EOL'),
					       count(*) FILTER (WHERE state = 'PLANNED'), count(*) FILTER (WHERE state = 'DECOMMISSIONED')
					FROM (SELECT floor(%s / :cell)::int AS gx, floor(%s / :cell)::int AS gy, c.precinct_id, c.district_id,
					             c.lpr, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, %s AS state
					      FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
					      WHERE c.location IS NOT NULL) v
					GROUP BY gx, gy, precinct_id, district_id, lpr""".formatted(MapQueries.MERC_X, MapQueries.MERC_Y,
					MapState.SQL), params.addValue("level", BASE_ZOOM));
			for (int level = BASE_ZOOM - 1; level >= 0; level--) {
				// each level's cells are the unions of 2 x 2 cells of the level above
				rows += jdbc.update("""
						INSERT INTO map_cell (level, gx, gy, precinct_id, district_id, lpr, cameras, sum_lon, sum_lat,
						                      working, outage, faulty, past_eol, planned, decommissioned)
						SELECT :level, floor(gx / 2.0)::int, floor(gy / 2.0)::int, precinct_id, district_id, lpr,
						       sum(cameras), sum(sum_lon), sum(sum_lat), sum(working), sum(outage), sum(faulty),
						       sum(past_eol), sum(planned), sum(decommissioned)
						FROM map_cell WHERE level = :above
						GROUP BY floor(gx / 2.0)::int, floor(gy / 2.0)::int, precinct_id, district_id, lpr""",
						new MapSqlParameterSource("level", level).addValue("above", level + 1));
			}
			jdbc.update("""
					INSERT INTO map_cell_refresh (id, refreshed_at, as_of_day, cell_m) VALUES (true, :now, :today, :cell)
					ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, as_of_day = EXCLUDED.as_of_day,
					    cell_m = EXCLUDED.cell_m""", params);
			log.debug("Map cell counts rewritten: {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
			return true;
		});
		if (Boolean.TRUE.equals(done)) {
			knownRefreshedAt = now;
			knownDay = today;
		}
		return Boolean.TRUE.equals(done);
	}

	static double mercX(double lon) {
		return lon * 20037508.342789244 / 180;
	}

	static double mercY(double lat) {
		return 6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
	}

	@Override
	public void destroy() {
		refresher.shutdownNow();
	}
}
