package io.watchkeeper.map;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * Per-cell camera counts kept for the map's low zooms ({@code map_cell}): a million cameras are summed once, then
 * kept up to date by their changes instead of summed per request. Each zoom up to 15 has its own level of cells
 * (every cell the union of four of the level above), split by every filter of the map (precinct, district, LPR,
 * install year, end-of-life year, funding source, project; the state is a column per state), so a request reads
 * only the rows of its view's few hundred cells, whatever it filters by.
 * <p>
 * Changes reach the cells through a queue: triggers on {@code camera} and {@code outage} put the changed cameras
 * into {@code map_dirty} (V92). Bringing the cells up to date ({@link #sync()}) takes each queued camera's old
 * contribution ({@code map_camera}) out of the cells of every level and puts its new one in, in one statement. A
 * request does it first when the cells were last brought up to date longer ago than {@code aggregate-max-age}, so
 * an outage opened a moment ago is in the next answer; a long queue is worked off in the background instead (the
 * answer then uses the counts as they are). A statement that changed more than 2,000 cameras at once queues a
 * rebuild ({@link #rebuild()}: everything summed again, in the background); until it commits, requests count from
 * the cameras, since counts from before an import or a mass outage can be far off. One node at a time does either (an advisory lock); the others answer with the counts as they are.
 * <p>
 * Clusters from here count every camera of the cells the view touches: the view's edge is rounded out to the zoom's
 * 64-pixel grid (the cameras just beyond it show in the edge clusters).
 */
@Component
class MapCells implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MapCells.class);

	/** The zoom whose 64-pixel cell is the base cell. */
	static final int BASE_ZOOM = 15;

	/** A request brings the cells up to date itself while the queue holds at most this many changes. */
	static final int INLINE_SYNC_LIMIT = 5000;

	private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('map_cell_refresh'))";

	/** What the cells are split by besides the grid: every filter of the map. */
	private static final String SPLIT = "precinct_id, district_id, lpr, install_year, eol_year, funding_id, project_id";

	/** The split of camera {@code c}, named as in {@link #SPLIT}. */
	private static final String CAMERA_SPLIT = """
			c.precinct_id, c.district_id, c.lpr, extract(year FROM c.install_date)::smallint AS install_year,
			extract(year FROM c.end_of_life)::smallint AS eol_year, c.funding_source_id AS funding_id, c.project_id""";

	private static final List<MapState> STATE_COLUMNS = List.of(MapState.WORKING, MapState.OUTAGE, MapState.FAULTY,
			MapState.PAST_EOL, MapState.PLANNED, MapState.DECOMMISSIONED);

	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final MapProperties properties;
	private final Clock clock;
	private final ZoneId zone;
	private final double baseCell;
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "map-cells");
		t.setDaemon(true);
		return t;
	});
	private final AtomicBoolean working = new AtomicBoolean();
	/** Whether this node last found the cells built for its cell size. */
	private volatile boolean built;
	private volatile Instant knownSyncedAt;

	MapCells(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, MapProperties properties, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
		this.baseCell = Viewport.EQUATOR_M / Math.pow(2, BASE_ZOOM) / 256 * properties.clusterCellPixels();
	}

	/** Whether this request can be answered from the cells: a low zoom (the cells are split by every filter). */
	boolean serves(Viewport view) {
		return view.zoom() <= properties.aggregateMaxZoom() && view.zoom() <= BASE_ZOOM;
	}

	/**
	 * Clusters of the view from the cells, the biggest first, at most {@code limit}; empty when the cells were
	 * never filled (a rebuild is then started and the caller computes from the cameras).
	 */
	Optional<MapQueries.ClusterResult> clusters(Viewport view, MapFilter filter, Map<String, Object> ids, int limit) {
		if (!ready()) {
			return Optional.empty();
		}
		return Optional.of(clusters(view, Math.min(view.zoom(), BASE_ZOOM), filter, ids, limit));
	}

	/**
	 * How many of the view's cameras match, estimated from the finest cells (the view rounded out to ~306 m);
	 * empty when the cells are not used or were never filled.
	 */
	OptionalLong estimate(Viewport view, MapFilter filter, Map<String, Object> ids) {
		if (properties.aggregateMaxZoom() < 0 || !ready()) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(clusters(view, BASE_ZOOM, filter, ids, Integer.MAX_VALUE).total());
	}

	/**
	 * Per precinct or district (by id): cameras in service (active or faulty), working (active without an open
	 * outage) and down (in service with an open outage) of the cameras on the map; empty when the cells were never
	 * filled. Cameras without a location are not in the cells: the caller adds them.
	 */
	Optional<Map<Long, long[]>> areaCounts(AreaKind kind) {
		if (properties.aggregateMaxZoom() < 0 || !ready()) {
			return Optional.empty();
		}
		Map<Long, long[]> counts = new LinkedHashMap<>();
		jdbc.query("""
				SELECT %1$s AS area_id, sum(working + past_eol + outage + faulty) AS cameras,
				       sum(working + past_eol) AS working, sum(outage) AS down
				FROM map_cell WHERE level = 0 AND %1$s IS NOT NULL GROUP BY %1$s""".formatted(kind.table() + "_id"),
				rs -> {
					counts.put(rs.getLong("area_id"),
							new long[] { rs.getLong("cameras"), rs.getLong("working"), rs.getLong("down") });
				});
		return Optional.of(counts);
	}

	private MapQueries.ClusterResult clusters(Viewport view, int level, MapFilter filter, Map<String, Object> ids,
			int limit) {
		double cell = baseCell * (1L << (BASE_ZOOM - level));
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("level", level)
			.addValue("gx0", (int) Math.floor(mercX(view.minLon()) / cell))
			.addValue("gx1", (int) Math.floor(mercX(view.maxLon()) / cell))
			.addValue("gy0", (int) Math.floor(mercY(view.minLat()) / cell))
			.addValue("gy1", (int) Math.floor(mercY(view.maxLat()) / cell));
		StringBuilder where = new StringBuilder();
		if (ids.containsKey("precinctId")) {
			params.addValue("precinctId", ids.get("precinctId"));
			where.append(" AND precinct_id = :precinctId");
		}
		if (ids.containsKey("districtId")) {
			params.addValue("districtId", ids.get("districtId"));
			where.append(" AND district_id = :districtId");
		}
		if (filter.funding() != null) {
			params.addValue("funding", filter.funding());
			where.append(" AND funding_id = :funding");
		}
		if (filter.project() != null) {
			params.addValue("project", filter.project());
			where.append(" AND project_id = :project");
		}
		range(where, params, "install_year", "installFrom", filter.installFrom(), "installTo", filter.installTo());
		range(where, params, "eol_year", "eolFrom", filter.eolFrom(), "eolTo", filter.eolTo());
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
				WHERE level = :level AND gx BETWEEN :gx0 AND :gx1 AND gy BETWEEN :gy0 AND :gy1 AND cameras > 0
				  AND (%1$s) > 0 %2$s
				GROUP BY gx, gy ORDER BY n DESC""".formatted(count, where);
		List<Cluster> all = jdbc.query(sql, params, (rs, i) -> {
			Map<String, Long> mix = new LinkedHashMap<>();
			for (MapState s : STATE_COLUMNS) {
				mix.put(s.name(), states.contains(s) ? rs.getLong(column(s)) : 0L);
			}
			return new Cluster(Math.round(rs.getDouble("lon") * 1e7) / 1e7, Math.round(rs.getDouble("lat") * 1e7) / 1e7,
					rs.getLong("n"), mix, rs.getLong("lpr"), rs.getLong("realtime"));
		});
		long total = all.stream().mapToLong(Cluster::count).sum();
		return new MapQueries.ClusterResult(all.size() > limit ? List.copyOf(all.subList(0, limit)) : all, total,
				all.size() > limit);
	}

	private static void range(StringBuilder where, MapSqlParameterSource params, String column, String fromName,
			Integer from, String toName, Integer to) {
		if (from != null) {
			params.addValue(fromName, from);
			where.append(" AND ").append(column).append(" >= :").append(fromName);
		}
		if (to != null) {
			params.addValue(toName, to);
			where.append(" AND ").append(column).append(" <= :").append(toName);
		}
	}

	private static String column(MapState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * True when the cells are built (for this cell size), after bringing them up to date if they are older than
	 * {@code aggregate-max-age}; false when they must first be built (started in the background).
	 */
	boolean ready() {
		Instant now = clock.instant();
		Instant synced = knownSyncedAt;
		if (built && synced != null && !synced.plus(properties.aggregateMaxAge()).isBefore(now)) {
			return true;
		}
		try {
			Outcome outcome = syncOrPlan(INLINE_SYNC_LIMIT);
			switch (outcome) {
				case REBUILD, NOT_BUILT -> inBackground(this::rebuild);
				case LONG_QUEUE -> inBackground(() -> syncOrPlan(Integer.MAX_VALUE));
				default -> {
				}
			}
			// counts a moment old are fine; counts from before a bulk change (an import, a mass outage, the demo's
			// first load) can be far off: until the rebuild is done the caller counts from the cameras
			return outcome == Outcome.SYNCED || outcome == Outcome.LONG_QUEUE;
		}
		catch (RuntimeException e) {
			// counts a moment old are better than no map
			log.warn("Bringing the map's cell counts up to date failed", e);
			return built;
		}
	}

	enum Outcome {
		/** Up to date (or another node is at it). */
		SYNCED,
		/** More changes are queued than the caller wants to wait for. */
		LONG_QUEUE,
		/** A rebuild is queued (the cells are not used until it is done). */
		REBUILD,
		/** Never built for this cell size: unusable until rebuilt. */
		NOT_BUILT
	}

	/** Brings the cells up to date with the queued changes, unless another node is at it. For tests. */
	boolean sync() {
		return syncOrPlan(Integer.MAX_VALUE) == Outcome.SYNCED;
	}

	/**
	 * For the scheduler: applies the whole queue, or rebuilds when a rebuild is queued or the cells were never built;
	 * with the cells switched off ({@code aggregate-max-zoom} -1) nobody reads the queue, so it is emptied.
	 */
	String keepUp() {
		if (properties.aggregateMaxZoom() < 0) {
			return "cells off: " + jdbc.update("DELETE FROM map_dirty", Map.of()) + " queued changes dropped";
		}
		Outcome outcome = syncOrPlan(Integer.MAX_VALUE);
		if (outcome == Outcome.REBUILD || outcome == Outcome.NOT_BUILT) {
			return rebuild() ? "rebuilt" : "another node is rebuilding";
		}
		return "up to date";
	}

	private Outcome syncOrPlan(int limit) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Outcome outcome = transactions.execute(status -> {
			List<Map<String, Object>> state = jdbc.queryForList("SELECT as_of_day, cell_m FROM map_cell_refresh", Map.of());
			if (state.isEmpty() || Math.abs(((Number) state.get(0).get("cell_m")).doubleValue() - baseCell) > 1e-6) {
				return Outcome.NOT_BUILT;
			}
			if (!Boolean.TRUE.equals(jdbc.queryForObject(LOCK, Map.of(), Boolean.class))) {
				return Outcome.SYNCED;
			}
			LocalDate asOfDay = ((java.sql.Date) state.get(0).get("as_of_day")).toLocalDate();
			MapSqlParameterSource params = new MapSqlParameterSource().addValue("cell", baseCell)
				.addValue("base", BASE_ZOOM).addValue("today", today).addValue("asOfDay", asOfDay)
				.addValue("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).addValue("limit", (long) limit + 1);
			if (!asOfDay.equals(today)) {
				// past end of life depends on the day: the cameras whose end of life lies between the two days change
				jdbc.update("""
						INSERT INTO map_dirty (camera_id)
						SELECT id FROM camera WHERE end_of_life > least(:asOfDay, :today) AND end_of_life <= greatest(:asOfDay, :today)""",
						params);
			}
			Map<String, Object> queue = jdbc.queryForMap("""
					SELECT count(*) AS n, count(*) FILTER (WHERE camera_id IS NULL) AS rebuild
					FROM (SELECT camera_id FROM map_dirty LIMIT :limit) q""", params);
			if (((Number) queue.get("rebuild")).longValue() > 0) {
				return Outcome.REBUILD;
			}
			if (((Number) queue.get("n")).longValue() > limit) {
				return Outcome.LONG_QUEUE;
			}
			long started = System.nanoTime();
			int cells = ((Number) queue.get("n")).longValue() == 0 ? 0 : jdbc.update(APPLY_CHANGES, params);
			jdbc.update("UPDATE map_cell_refresh SET synced_at = :now, as_of_day = :today", params);
			if (cells > 0) {
				log.debug("Map cell counts: {} queued changes applied to {} cells in {} ms", queue.get("n"), cells,
						(System.nanoTime() - started) / 1_000_000);
			}
			return Outcome.SYNCED;
		});
		built = outcome != Outcome.NOT_BUILT;
		if (outcome == Outcome.SYNCED) {
			knownSyncedAt = now;
		}
		return outcome;
	}

	/**
	 * One statement: takes the queue, compares each queued camera's state with what it last added to the cells,
	 * updates that record and adds the difference (-1 for the old, +1 for the new) to its cell of every level.
	 */
	private static final String APPLY_CHANGES = """
			WITH taken AS (DELETE FROM map_dirty RETURNING camera_id),
			ids AS (SELECT DISTINCT camera_id AS id FROM taken WHERE camera_id IS NOT NULL),
			now_ AS (
			    SELECT c.id AS camera_id, floor(%1$s / :cell)::int AS gx, floor(%2$s / :cell)::int AS gy, %4$s,
			           %3$s AS state, ST_X(c.location) AS lon, ST_Y(c.location) AS lat
			    FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
			    WHERE c.id IN (SELECT id FROM ids) AND c.location IS NOT NULL),
			was AS (SELECT m.* FROM map_camera m WHERE m.camera_id IN (SELECT id FROM ids)),
			diff AS (
			    SELECT w.camera_id AS old_id, n.camera_id AS new_id
			    FROM was w FULL JOIN now_ n ON n.camera_id = w.camera_id
			    WHERE (w.gx, w.gy, w.precinct_id, w.district_id, w.lpr, w.install_year, w.eol_year, w.funding_id,
			           w.project_id, w.state, w.lon, w.lat)
			          IS DISTINCT FROM (n.gx, n.gy, n.precinct_id, n.district_id, n.lpr, n.install_year, n.eol_year,
			           n.funding_id, n.project_id, n.state, n.lon, n.lat)),
			gone AS (DELETE FROM map_camera m USING diff WHERE m.camera_id = diff.old_id AND diff.new_id IS NULL),
			put AS (
			    INSERT INTO map_camera (camera_id, gx, gy, %5$s, state, lon, lat)
			    SELECT n.camera_id, n.gx, n.gy, %6$s, n.state, n.lon, n.lat
			    FROM now_ n JOIN diff ON diff.new_id = n.camera_id
			    ON CONFLICT (camera_id) DO UPDATE SET gx = EXCLUDED.gx, gy = EXCLUDED.gy, precinct_id = EXCLUDED.precinct_id,
			        district_id = EXCLUDED.district_id, lpr = EXCLUDED.lpr, install_year = EXCLUDED.install_year,
			        eol_year = EXCLUDED.eol_year, funding_id = EXCLUDED.funding_id, project_id = EXCLUDED.project_id,
			        state = EXCLUDED.state, lon = EXCLUDED.lon, lat = EXCLUDED.lat),
			delta AS (
			    SELECT w.gx, w.gy, %7$s, w.state, -1 AS n, -w.lon AS lon, -w.lat AS lat
			    FROM was w JOIN diff ON diff.old_id = w.camera_id
			    UNION ALL
			    SELECT n.gx, n.gy, %6$s, n.state, 1, n.lon, n.lat
			    FROM now_ n JOIN diff ON diff.new_id = n.camera_id)
			INSERT INTO map_cell AS m (level, gx, gy, %5$s, cameras, sum_lon, sum_lat, working, outage, faulty, past_eol,
			                           planned, decommissioned)
			SELECT l.level, d.gx >> (:base - l.level), d.gy >> (:base - l.level), %8$s,
			       sum(d.n), sum(d.lon), sum(d.lat), COALESCE(sum(d.n) FILTER (WHERE d.state = 'WORKING'), 0),
			       COALESCE(sum(d.n) FILTER (WHERE d.state = 'OUTAGE'), 0),
			       COALESCE(sum(d.n) FILTER (WHERE d.state = 'FAULTY'), 0),
			       COALESCE(sum(d.n) FILTER (WHERE d.state = 'PAST_EOL'), 0),
			       COALESCE(sum(d.n) FILTER (WHERE d.state = 'PLANNED'), 0),
			       COALESCE(sum(d.n) FILTER (WHERE d.state = 'DECOMMISSIONED'), 0)
			FROM delta d CROSS JOIN generate_series(0, :base) AS l(level)
			GROUP BY 1, 2, 3, %8$s
			ON CONFLICT (level, gx, gy, %5$s) DO UPDATE SET cameras = m.cameras + EXCLUDED.cameras,
			    sum_lon = m.sum_lon + EXCLUDED.sum_lon, sum_lat = m.sum_lat + EXCLUDED.sum_lat,
			    working = m.working + EXCLUDED.working, outage = m.outage + EXCLUDED.outage,
			    faulty = m.faulty + EXCLUDED.faulty, past_eol = m.past_eol + EXCLUDED.past_eol,
			    planned = m.planned + EXCLUDED.planned, decommissioned = m.decommissioned + EXCLUDED.decommissioned"""
		.formatted(MapQueries.MERC_X, MapQueries.MERC_Y, MapState.SQL, CAMERA_SPLIT, SPLIT, prefixed("n"),
				prefixed("w"), prefixed("d"));

	/** {@link #SPLIT} with a table alias. */
	private static String prefixed(String alias) {
		return String.join(", ", java.util.Arrays.stream(SPLIT.split(", ")).map(c -> alias + "." + c).toList());
	}

	private void inBackground(Runnable task) {
		if (working.compareAndSet(false, true)) {
			background.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException e) {
					log.warn("Bringing the map's cell counts up to date failed", e);
				}
				finally {
					working.set(false);
				}
			});
		}
	}

	/**
	 * Sums every camera into the cells again (and records what each added), taking the whole queue, unless another
	 * node is at it. Readers see the previous counts until this commits.
	 */
	boolean rebuild() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Boolean done = transactions.execute(status -> {
			if (!Boolean.TRUE.equals(jdbc.queryForObject(LOCK, Map.of(), Boolean.class))) {
				return false;
			}
			long started = System.nanoTime();
			MapSqlParameterSource params = new MapSqlParameterSource().addValue("cell", baseCell)
				.addValue("today", today).addValue("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.addValue("level", BASE_ZOOM);
			// what was queued before this point is in the sums below; what commits later stays queued
			jdbc.update("DELETE FROM map_dirty", Map.of());
			// only this (under the lock) reads map_camera, so emptying it at once blocks nobody
			jdbc.update("TRUNCATE map_camera", Map.of());
			jdbc.update("""
					INSERT INTO map_camera (camera_id, gx, gy, %5$s, state, lon, lat)
					SELECT c.id, floor(%1$s / :cell)::int, floor(%2$s / :cell)::int, %4$s, %3$s,
					       ST_X(c.location), ST_Y(c.location)
					FROM camera c LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
					WHERE c.location IS NOT NULL""".formatted(MapQueries.MERC_X, MapQueries.MERC_Y, MapState.SQL,
					CAMERA_SPLIT, SPLIT), params);
			jdbc.update("DELETE FROM map_cell", Map.of());
			int rows = jdbc.update("""
					INSERT INTO map_cell (level, gx, gy, %1$s, cameras, sum_lon, sum_lat, working, outage, faulty, past_eol,
					                      planned, decommissioned)
					SELECT :level, gx, gy, %1$s, count(*), sum(lon), sum(lat),
					       count(*) FILTER (WHERE state = 'WORKING'), count(*) FILTER (WHERE state = 'OUTAGE'),
					       count(*) FILTER (WHERE state = 'FAULTY'), count(*) FILTER (WHERE state = 'PAST_EOL'),
					       count(*) FILTER (WHERE state = 'PLANNED'), count(*) FILTER (WHERE state = 'DECOMMISSIONED')
					FROM map_camera GROUP BY gx, gy, %1$s""".formatted(SPLIT), params);
			for (int level = BASE_ZOOM - 1; level >= 0; level--) {
				// each level's cells are the unions of 2 x 2 cells of the level above
				rows += jdbc.update("""
						INSERT INTO map_cell (level, gx, gy, %1$s, cameras, sum_lon, sum_lat, working, outage, faulty,
						                      past_eol, planned, decommissioned)
						SELECT :level, gx >> 1, gy >> 1, %1$s,
						       sum(cameras), sum(sum_lon), sum(sum_lat), sum(working), sum(outage), sum(faulty),
						       sum(past_eol), sum(planned), sum(decommissioned)
						FROM map_cell WHERE level = :above
						GROUP BY gx >> 1, gy >> 1, %1$s""".formatted(SPLIT),
						new MapSqlParameterSource("level", level).addValue("above", level + 1));
			}
			jdbc.update("""
					INSERT INTO map_cell_refresh (id, refreshed_at, synced_at, as_of_day, cell_m)
					VALUES (true, :now, :now, :today, :cell)
					ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, synced_at = EXCLUDED.synced_at,
					    as_of_day = EXCLUDED.as_of_day, cell_m = EXCLUDED.cell_m""", params);
			log.info("Map cell counts rebuilt: {} cells in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
			return true;
		});
		if (Boolean.TRUE.equals(done)) {
			built = true;
			knownSyncedAt = now;
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
		background.shutdownNow();
	}
}
