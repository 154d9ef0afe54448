package io.watchkeeper.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The investigators' history of the demo, written set-based into the investigation tables in the loader's
 * transaction after the maintenance history and the health coverage (a canvass snapshot is answered from them).
 * Deterministic for a seed: every choice is a hash of the seed, the case's key and a salt.
 *
 * <ul>
 * <li><b>The seed report's half year</b> (cases closed 2023-01-01 .. 2023-06-30, Asia/Taipei): exactly
 * round(N × 1,414 / 20,000) cases SOLVED with footage contributed (1,414 at the default 20,000 cameras), each with
 * a canvass snapshot around the incident and a request DELIVERED with outcome USEFUL from a camera that faced the
 * place and was recording; and as many other SOLVED cases as make the share of cases solved 15.0 % to one decimal
 * (9,427 in all at 20,000; {@link #solvedFor(int)}), a few of them with canvasses and requests that were not useful
 * or not available, most without; plus UNSOLVED cases. A case lies near a real camera of the fleet (so the big
 * precincts get more), its incident before the closing date, opened by its precinct's investigators.</li>
 * <li><b>From 2023-07-01 until a week ago</b>: a tenth of that rate, in the same mix.</li>
 * <li><b>Now</b>: three OPEN cases of the demo user {@code investigator} near Kaohsiung Main Station, one with a
 * canvass of the station on the evening of {@link MaintenanceHistory#stationEvent(Instant)}, when cameras there
 * were down.</li>
 * </ul>
 */
final class InvestigationHistory {

	private static final Logger log = LoggerFactory.getLogger(InvestigationHistory.class);

	static final int SOLVED_WITH_FOOTAGE_PER_20000 = 1_414;
	static final int SOLVED_PER_20000 = 9_427;
	/** Cases closed unsolved per case solved. */
	static final double UNSOLVED_PER_SOLVED = 0.28;
	/** Cases a day after the half year, as a share of the half year's. */
	static final double LATER_RATE = 0.10;
	/** The city default of footage retention (watchkeeper.investigation.default-retention-days). */
	static final int DEFAULT_RETENTION_DAYS = 30;
	static final String INVESTIGATOR = "investigator";
	/** The demo investigator's precinct: 三民第一分局, around Kaohsiung Main Station. */
	static final String INVESTIGATOR_PRECINCT = "SANMIN1";

	private static final String FLOOR = "timestamptz '2022-12-01 08:00+08'";

	record Summary(int solvedWithFootageH1, int solvedH1, long cases, long canvasses, long canvassCameras, long requests,
			long open, Duration took) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%,d cases (2023 H1: %,d solved, %,d with footage contributing; %,d open now), %,d canvasses of %,d cameras, %,d footage requests",
					cases, solvedH1, solvedWithFootageH1, open, canvasses, canvassCameras, requests);
		}
	}

	private final JdbcTemplate jdbc;
	private final long seed;
	private final Instant now;
	private final String investigatorPrecinct;

	InvestigationHistory(JdbcTemplate jdbc, long seed, Instant now, String investigatorPrecinct) {
		this.jdbc = jdbc;
		this.seed = seed;
		this.now = now;
		this.investigatorPrecinct = investigatorPrecinct;
	}

	static int solvedWithFootage(int cameras) {
		return MaintenanceHistory.scaled(cameras, SOLVED_WITH_FOOTAGE_PER_20000);
	}

	/**
	 * The cases solved in the half year for {@code useful} of them solved with footage: the nearest to the report's
	 * ratio (9,427 for 1,414) whose share rounds to 15.0 %; for very small fleets no count does, then the nearest.
	 */
	static int solvedFor(int useful) {
		int nearest = (int) Math.round(useful * (double) SOLVED_PER_20000 / SOLVED_WITH_FOOTAGE_PER_20000);
		for (int d = 0; d <= nearest; d++) {
			for (int candidate : new int[] { nearest - d, nearest + d }) {
				if (candidate >= useful && candidate > 0 && Math.round(useful * 1000.0 / candidate) == 150) {
					return candidate;
				}
			}
		}
		return Math.max(useful, nearest);
	}

	/** A uniform number in [0, 1) from the row's hash {@code hk} and a salt. */
	private static String u(String hk, int salt) {
		return u(hk, Integer.toString(salt));
	}

	/** The same with a salt computed per row. */
	private static String u(String hk, String salt) {
		return "((hashint8extended(" + hk + ", " + salt + ") & 1048575)::float8 / 1048576)";
	}

	private long stepStart;

	private void step(String name) {
		long t = System.nanoTime();
		log.info("Demo investigation history: {} in {} ms", name, (t - stepStart) / 1_000_000);
		stepStart = t;
	}

	Summary generate(int cameras) {
		long start = System.nanoTime();
		stepStart = start;
		int useful = solvedWithFootage(cameras);
		int solved = solvedFor(useful);
		int unsolved = (int) Math.round(solved * UNSOLVED_PER_SOLVED);
		LocalDate laterFrom = LocalDate.of(2023, 7, 1);
		long laterDays = Math.max(0, ChronoUnit.DAYS.between(laterFrom, LocalDate.ofInstant(now, MaintenanceHistory.ZONE).minusDays(7)));
		int later = (int) Math.round((solved + unsolved) / 181.0 * laterDays * LATER_RATE);
		// More cameras in the same city: a smaller circle keeps the snapshots about as long as at 20,000.
		double radiusScale = Math.min(1.0, Math.sqrt(20_000.0 / cameras));
		Timestamp nowTs = Timestamp.from(now);
		Timestamp event = Timestamp.from(MaintenanceHistory.stationEvent(now));

		// Cameras a case can lie near: placed and in service since before the first incidents; "clean" ones never had
		// an outage, so a case solved with footage has a camera that faced the place and was recording.
		jdbc.execute("""
				CREATE TEMP TABLE demo_pool_all ON COMMIT DROP AS
				SELECT c.precinct_id, row_number() OVER (PARTITION BY c.precinct_id ORDER BY c.id) AS rn, c.id FROM camera c
				 WHERE c.location IS NOT NULL AND c.status IN ('ACTIVE', 'FAULTY') AND c.install_date < DATE '2022-12-01'
				   AND c.precinct_id IS NOT NULL""");
		jdbc.execute("""
				CREATE TEMP TABLE demo_pool_clean ON COMMIT DROP AS
				SELECT p.precinct_id, row_number() OVER (PARTITION BY p.precinct_id ORDER BY p.id) AS rn, p.id FROM demo_pool_all p
				 WHERE NOT EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = p.id)""");
		// A case falls in a precinct by its case load (population, the city centre more), then near one of its cameras.
		StringBuilder weights = new StringBuilder();
		DemoCatalog.CASE_LOAD.forEach((code, weight) -> weights.append(weights.isEmpty() ? "" : ", ")
			.append("('").append(code).append("', ").append(weight).append(")"));
		jdbc.execute("""
				CREATE TEMP TABLE demo_pool_precinct ON COMMIT DROP AS
				SELECT precinct_id, n_all, n_clean, coalesce(sum(w) OVER (ORDER BY precinct_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
				           / sum(w) OVER () AS cum_from,
				       sum(w) OVER (ORDER BY precinct_id) / sum(w) OVER () AS cum_to
				  FROM (SELECT a.precinct_id, a.n AS n_all, c.n AS n_clean, coalesce(l.weight, 1)::float8 AS w
				          FROM (SELECT precinct_id, count(*) AS n FROM demo_pool_all GROUP BY precinct_id) a
				          JOIN (SELECT precinct_id, count(*) AS n FROM demo_pool_clean GROUP BY precinct_id) c ON c.precinct_id = a.precinct_id
				          JOIN precinct p ON p.id = a.precinct_id
				          LEFT JOIN (VALUES %s) AS l (code, weight) ON l.code = p.code) x""".formatted(weights));
		if (jdbc.queryForObject("SELECT count(*) FROM demo_pool_precinct", Long.class) == 0) {
			log.info("Demo investigation history not written: no camera in service since 2022 to place cases near");
			return new Summary(0, 0, 0, 0, 0, 0, 0, Duration.ofNanos(System.nanoTime() - start));
		}
		jdbc.execute("ALTER TABLE demo_pool_all ADD PRIMARY KEY (precinct_id, rn)");
		jdbc.execute("ALTER TABLE demo_pool_clean ADD PRIMARY KEY (precinct_id, rn)");
		// temporary tables get no statistics from autovacuum, and the camera and health rows are fresh
		jdbc.execute("ANALYZE demo_pool_all");
		jdbc.execute("ANALYZE demo_pool_clean");
		jdbc.execute("ANALYZE demo_pool_precinct");
		jdbc.execute("ANALYZE camera");
		jdbc.execute("ANALYZE camera_health");
		step("camera pools");

		StringBuilder us = new StringBuilder();
		for (int i = 1; i <= 17; i++) {
			us.append(", ").append(u("hk", i)).append(" AS u").append(i);
		}
		jdbc.update("""
				CREATE TEMP TABLE demo_case ON COMMIT DROP AS
				WITH n AS (
				    SELECT 'H1'::text AS period, i,
				           CASE WHEN i <= %1$d THEN 'USEFUL' WHEN i <= %2$d THEN 'SOLVED' ELSE 'UNSOLVED' END AS kind
				      FROM generate_series(1, %3$d) i
				    UNION ALL
				    SELECT 'LATER', i, NULL FROM generate_series(1, %4$d) i),
				u AS MATERIALIZED (
				    SELECT period, i, kind, hk %5$s
				      FROM (SELECT n.*, hashtextextended('case:' || period || ':' || i, %6$d) AS hk FROM n) h),
				k AS (
				    SELECT u.*,
				           CASE WHEN kind = 'USEFUL' THEN true WHEN kind = 'SOLVED' THEN u3 < 0.08 ELSE u3 < 0.25 END AS canvassed,
				           CASE WHEN period = 'H1'
				                THEN timestamptz '2023-01-01 09:00+08' + floor(u1 * 181) * interval '1 day' + u2 * interval '9 hours'
				                ELSE timestamptz '2023-07-01 09:00+08' + floor(u1 * %7$d) * interval '1 day' + u2 * interval '9 hours'
				           END AS closed_at
				      FROM (SELECT period, i, hk, u1, u2, u3, u4, u5, u6, u7, u8, u9, u10, u11, u12, u13, u14, u15, u16, u17,
				                   coalesce(kind, CASE WHEN u16 < 0.12 THEN 'USEFUL' WHEN u16 < 0.78 THEN 'SOLVED' ELSE 'UNSOLVED' END) AS kind
				              FROM u) u),
				d AS (
				    SELECT k.*, closed_at - CASE WHEN canvassed THEN 4 + u4 * CASE kind WHEN 'USEFUL' THEN 40 ELSE 60 END
				                                 WHEN kind = 'SOLVED' THEN 1 + u4 * u4 * 90 ELSE 30 + u4 * 150 END * interval '1 day' AS raw_from
				      FROM k),
				t AS MATERIALIZED (
				    -- no incident before the health coverage begins (materialized: each u is computed once, not per use)
				    SELECT d.*, date_trunc('minute', CASE WHEN raw_from < %8$s THEN %8$s + u4 * (closed_at - interval '4 days' - %8$s)
				                                           ELSE raw_from END) AS incident_from,
				           greatest(25, round(CASE WHEN u13 < 0.1 THEN 150 WHEN u13 < 0.25 THEN 300 ELSE 200 END * %11$s))::int AS radius
				      FROM d),
				w AS (
				    SELECT t.*, incident_from + CASE WHEN u5 < 0.3 THEN interval '0' ELSE round(u5 * 180) * interval '1 minute' END AS incident_to
				      FROM t),
				a AS (
				    SELECT w.*, c.id AS anchor_id, c.location AS anchor_location, c.heading_deg, c.fov_deg, c.range_m, c.address,
				           c.precinct_id AS anchor_precinct, pr.code AS precinct_code
				      FROM (SELECT w.*, coalesce(pc.id, pa.id) AS picked
				              FROM (SELECT w.*, pp.precinct_id AS pick_precinct,
				                           CASE WHEN w.kind = 'USEFUL' THEN 1 + floor(w.u7 * pp.n_clean)::bigint END AS pick_clean,
				                           CASE WHEN w.kind <> 'USEFUL' THEN 1 + floor(w.u7 * pp.n_all)::bigint END AS pick_all
				                      FROM w JOIN demo_pool_precinct pp ON w.u17 >= pp.cum_from AND w.u17 < pp.cum_to) w
				              LEFT JOIN demo_pool_clean pc ON pc.precinct_id = w.pick_precinct AND pc.rn = w.pick_clean
				              LEFT JOIN demo_pool_all pa ON pa.precinct_id = w.pick_precinct AND pa.rn = w.pick_all) w
				      JOIN camera c ON c.id = w.picked
				      JOIN precinct pr ON pr.id = c.precinct_id)
				SELECT nextval(pg_get_serial_sequence('investigation_case', 'id')) AS case_id, period, i, kind, canvassed,
				       CASE WHEN kind = 'UNSOLVED' THEN 'UNSOLVED' ELSE 'SOLVED' END::varchar(16) AS state, anchor_id,
				       -- solved with footage: in the anchor camera's field of view; otherwise anywhere near it
				       ST_Project(anchor_location::geography,
				                  least(radius * 0.6, CASE WHEN kind = 'USEFUL' THEN 10 + u12 * greatest(least(coalesce(range_m, 60) * 0.6, 120) - 10, 5)
				                                           ELSE 10 + u12 * 150 END),
				                  radians(CASE WHEN kind = 'USEFUL' THEN coalesce(heading_deg, 0) + (u11 - 0.5) * coalesce(fov_deg, 60) * 0.6
				                               ELSE u11 * 360 END))::geometry AS location,
				       (address || '附近')::varchar(300) AS place,
				       ((ARRAY['機車竊盜', '機車竊盜', '住宅竊盜', '汽車竊盜', '自行車竊盜', '超商竊盜', '車內財物竊盜',
				               '提款車手詐欺', '假投資詐欺面交', '提款車手詐欺', '假網拍詐欺面交', '街頭搶奪', '超商搶奪',
				               '鬥毆傷害', '持械傷害', '毒品交易', '毒品交易', '機車肇事逃逸', '汽車肇事逃逸', '車輛毀損'])[1 + floor(u9 * 20)::int]
				        || '案（' || address || '）')::varchar(300) AS title,
				       (ARRAY['竊盜', '竊盜', '竊盜', '竊盜', '竊盜', '竊盜', '竊盜', '詐欺', '詐欺', '詐欺', '詐欺', '搶奪', '搶奪',
				              '傷害', '傷害', '毒品', '毒品', '肇事逃逸', '肇事逃逸', '毀損'])[1 + floor(u9 * 20)::int]::varchar(100) AS crime_type,
				       CASE WHEN u8 < 0.03 THEN NULL ELSE anchor_precinct END AS precinct_id,
				       (CASE WHEN u8 < 0.03 THEN 'hq.detective' || (1 + floor(u10 * 4))::int
				             WHEN precinct_code = '%12$s' AND u10 < 0.15 THEN '%13$s'
				             ELSE lower(precinct_code) || '.detective' || (1 + floor(u10 * 6))::int END)::varchar(64) AS opened_by,
				       incident_to + (15 + u6 * 660) * interval '1 minute' AS opened_at,
				       incident_from, incident_to, closed_at, radius,
				       incident_to + (15 + u6 * 660 + 5 + u14 * 115) * interval '1 minute' AS run_at, hk, u15
				  FROM a""".formatted(useful, solved, solved + unsolved, later, us, seed, Math.max(1, laterDays), FLOOR,
				0, 0, Double.toString(radiusScale), investigatorPrecinct, INVESTIGATOR));
		step("cases planned");

		// The demo investigator's open cases near the station: a motorcycle theft on the evening the cameras there were
		// down (canvassed the next morning), a snatch three days ago, a cash-mule fraud twelve days ago.
		jdbc.update("""
				INSERT INTO demo_case (case_id, period, i, kind, canvassed, state, anchor_id, location, place, title, crime_type,
				       precinct_id, opened_by, opened_at, incident_from, incident_to, closed_at, radius, run_at, hk, u15)
				SELECT nextval(pg_get_serial_sequence('investigation_case', 'id')), 'OPEN', v.i, 'OPEN', v.canvassed, 'OPEN', NULL,
				       ST_Project(ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, v.metres, radians(v.azimuth))::geometry,
				       v.place, v.title, v.crime_type, (SELECT id FROM precinct WHERE code = ?), ?, v.incident_to + v.opened_after,
				       v.incident_from, v.incident_to, NULL, 300, v.incident_to + v.opened_after + interval '20 minutes',
				       hashtextextended('open:' || v.i, ?), 0.9
				  FROM (VALUES
				        (1, true, 20.0, 90.0, '高雄車站東側機車停車場', '機車竊盜案（高雄車站東側機車停車場）', '竊盜',
				         CAST(? AS timestamptz) + interval '20 minutes', CAST(? AS timestamptz) + interval '90 minutes', interval '13 hours'),
				        (2, false, 450.0, 20.0, '博愛一路超商前', '超商搶奪案（博愛一路超商前）', '搶奪',
				         date_trunc('minute', CAST(? AS timestamptz) - interval '3 days 2 hours'),
				         date_trunc('minute', CAST(? AS timestamptz) - interval '3 days 2 hours'), interval '40 minutes'),
				        (3, false, 700.0, 250.0, '九如二路金融機構提款機前', '提款車手詐欺案（九如二路提款機）', '詐欺',
				         date_trunc('minute', CAST(? AS timestamptz) - interval '12 days 5 hours'),
				         date_trunc('minute', CAST(? AS timestamptz) - interval '12 days 4 hours 45 minutes'), interval '1 day 2 hours')
				       ) AS v (i, canvassed, metres, azimuth, place, title, crime_type, incident_from, incident_to, opened_after)""",
				DemoCatalog.MAIN_STATION_LON, DemoCatalog.MAIN_STATION_LAT, investigatorPrecinct, INVESTIGATOR, seed, event, event,
				nowTs, nowTs, nowTs, nowTs);

		// Case numbers as the precincts write them: ROC date of opening and the day's running number (1120117-0042).
		long cases = jdbc.update("""
				INSERT INTO investigation_case (id, case_number, title, crime_type, incident_from, incident_to, location, place,
				       precinct_id, opened_by, opened_at, state, closed_by, closed_at, version)
				SELECT case_id,
				       (extract(year FROM o)::int - 1911) || to_char(o, 'MMDD') || '-'
				           || lpad(row_number() OVER (PARTITION BY o::date ORDER BY o, case_id)::text, 4, '0'),
				       title, crime_type, incident_from, incident_to, location, place, precinct_id, opened_by, opened_at, state,
				       CASE WHEN state <> 'OPEN' THEN opened_by END, CASE WHEN state <> 'OPEN' THEN closed_at END,
				       CASE WHEN state <> 'OPEN' THEN 1 ELSE 0 END
				  FROM (SELECT d.*, opened_at AT TIME ZONE 'Asia/Taipei' AS o FROM demo_case d) x""");
		step("cases");

		jdbc.execute("""
				CREATE TEMP TABLE demo_canvass ON COMMIT DROP AS
				SELECT nextval(pg_get_serial_sequence('canvass', 'id')) AS canvass_id, case_id, kind, hk, u15, anchor_id,
				       opened_by AS run_by, run_at, incident_from - interval '10 minutes' AS window_from,
				       incident_to + interval '10 minutes' AS window_to, location AS geom, radius, closed_at
				  FROM demo_case WHERE canvassed ORDER BY run_at, case_id""");
		jdbc.execute("ANALYZE demo_case");
		jdbc.execute("ANALYZE demo_canvass");
		String iso = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
		long canvasses = jdbc.update("""
				INSERT INTO canvass (id, case_id, kind, run_by, run_at, window_from, window_to, geom, radius_m, lpr_only, parameters,
				       camera_count, facing_recording, expired_count)
				SELECT canvass_id, case_id, 'POINT', run_by, run_at, window_from, window_to, geom, radius, false,
				       jsonb_build_object('point', jsonb_build_object('longitude', round(ST_X(geom)::numeric, 6), 'latitude', round(ST_Y(geom)::numeric, 6)),
				                          'radiusM', radius, 'from', %s, 'to', %s, 'lprOnly', false),
				       0, 0, 0
				  FROM demo_canvass""".formatted(iso.formatted("window_from"), iso.formatted("window_to")));
		step("canvasses");

		// Each snapshot as the canvass answers it: the cameras that existed then within the radius, nearest first, facing
		// from heading, field of view and range, availability from the outage history and the health coverage.
		long snapshotRows = jdbc.update("""
				INSERT INTO canvass_camera (canvass_id, camera_id, ordinal, asset_tag, address, location, distance_m, bearing_deg,
				       heading_deg, fov_deg, range_m, facing, availability, down_intervals, unknown_intervals, lpr, retention_days,
				       footage_expires_on)
				SELECT v.canvass_id, c.id, row_number() OVER (PARTITION BY v.canvass_id ORDER BY c.dist, c.id), c.asset_tag, c.address,
				       c.location, round(c.dist::numeric, 1), round(c.bearing::numeric, 1), c.heading_deg, c.fov_deg, c.range_m,
				       CASE WHEN c.fov_deg >= 360 THEN CASE WHEN c.range_m IS NULL OR c.dist <= c.range_m THEN 'YES'
				                                            WHEN c.dist <= c.range_m * 1.1 THEN 'EDGE' ELSE 'NO' END
				            WHEN c.heading_deg IS NULL OR c.fov_deg IS NULL THEN 'UNKNOWN'
				            WHEN c.bearing IS NULL THEN 'YES'
				            WHEN c.off <= c.fov_deg / 2.0 AND (c.range_m IS NULL OR c.dist <= c.range_m) THEN 'YES'
				            WHEN c.off <= c.fov_deg / 2.0 + 15 AND (c.range_m IS NULL OR c.dist <= c.range_m * 1.1) THEN 'EDGE'
				            ELSE 'NO' END,
				       CASE WHEN a.whole THEN 'DOWN' WHEN a.downs IS NOT NULL THEN 'PARTLY'
				            WHEN h.first_seen_at <= v.window_from AND h.last_seen_at >= v.window_to THEN 'RECORDING' ELSE 'UNKNOWN' END,
				       coalesce(a.downs, '[]'),
				       CASE WHEN a.downs IS NULL AND h.first_seen_at <= v.window_from AND h.last_seen_at >= v.window_to THEN '[]'::jsonb
				            WHEN a.downs IS NULL THEN jsonb_build_array(jsonb_build_object('from', %1$s, 'to', %2$s))
				            ELSE '[]'::jsonb END,
				       c.lpr, coalesce(c.retention_days, %3$d),
				       (v.window_from AT TIME ZONE 'Asia/Taipei')::date + coalesce(c.retention_days, %3$d)
				  FROM demo_canvass v
				  CROSS JOIN LATERAL (
				      SELECT x.*, abs(mod((x.bearing - x.heading_deg + 540)::numeric, 360) - 180) AS off
				        FROM (SELECT c.id, c.asset_tag, c.address, c.location, c.heading_deg, c.fov_deg, c.range_m, c.lpr, c.retention_days,
				                     ST_Distance(c.location::geography, v.geom::geography) AS dist,
				                     degrees(ST_Azimuth(c.location::geography, v.geom::geography)) AS bearing
				                FROM camera c
				               -- a box just round the circle at Kaohsiung's latitude (a degree of longitude is about 102.7 km)
				               WHERE c.location && ST_Expand(v.geom, v.radius / 100000.0, v.radius / 110000.0) AND c.status <> 'PLANNED'
				                 AND c.install_date <= (v.window_to AT TIME ZONE 'Asia/Taipei')::date
				                 AND (c.decommissioned_on IS NULL OR c.decommissioned_on > (v.window_from AT TIME ZONE 'Asia/Taipei')::date)
				              OFFSET 0) x -- each distance computed once
				       WHERE x.dist <= v.radius) c
				  LEFT JOIN camera_health h ON h.camera_id = c.id
				  CROSS JOIN LATERAL (
				      SELECT jsonb_agg(jsonb_build_object('from', %4$s, 'to', %5$s) ORDER BY o.started_at) AS downs,
				             bool_or(o.started_at <= v.window_from AND (o.ended_at IS NULL OR o.ended_at >= v.window_to)) AS whole
				        FROM outage o
				       WHERE o.camera_id = c.id AND o.started_at < v.window_to AND (o.ended_at IS NULL OR o.ended_at > v.window_from)) a"""
				.formatted(iso.formatted("v.window_from"), iso.formatted("v.window_to"), DEFAULT_RETENTION_DAYS,
						iso.formatted("greatest(o.started_at, v.window_from)"),
						iso.formatted("least(coalesce(o.ended_at, v.window_to), v.window_to)")));
		jdbc.update("""
				UPDATE canvass v SET camera_count = x.n, facing_recording = x.facing_recording, expired_count = x.expired
				  FROM (SELECT cc.canvass_id, count(*) AS n,
				               count(*) FILTER (WHERE cc.facing IN ('YES', 'EDGE') AND cc.availability = 'RECORDING') AS facing_recording,
				               count(*) FILTER (WHERE (d.run_at AT TIME ZONE 'Asia/Taipei')::date > cc.footage_expires_on) AS expired
				          FROM canvass_camera cc JOIN demo_canvass d ON d.canvass_id = cc.canvass_id GROUP BY cc.canvass_id) x
				 WHERE v.id = x.canvass_id""");
		jdbc.execute("ANALYZE canvass_camera");
		step("snapshots");

		// Footage requests: the camera the case hangs on first (it faced the place), then facing cameras that were not
		// down, nearest first. Solved with footage: the first was delivered and useful; the others were delivered and
		// not useful, overwritten, of no such view, refused, or the camera was down.
		long requests = jdbc.update("""
				INSERT INTO footage_request (case_id, canvass_id, camera_id, requested_by, requested_at, window_from, window_to,
				       priority, due_at, footage_expires_on, late, state, not_available_reason, answered_by, answered_at, outcome,
				       outcome_by, outcome_at, note, version)
				SELECT case_id, canvass_id, camera_id, run_by, requested_at, window_from, window_to, priority, due_at,
				       footage_expires_on, (requested_at AT TIME ZONE 'Asia/Taipei')::date >= footage_expires_on, state,
				       CASE WHEN state = 'NOT_AVAILABLE' THEN reason END, run_by, answered_at, outcome,
				       CASE WHEN outcome IS NOT NULL THEN run_by END,
				       CASE WHEN outcome IS NOT NULL THEN answered_at + (closed_at - answered_at) * (0.1 + 0.4 * q4) END,
				       CASE outcome WHEN 'USEFUL' THEN (ARRAY['影像清楚拍到嫌疑人面貌', '拍到嫌疑車輛車牌', '拍到嫌疑人逃逸方向',
				                                               '確認案發經過'])[1 + floor(q5 * 4)::int]
				                    WHEN 'NOT_USEFUL' THEN (ARRAY['畫面未涵蓋案發地點', '夜間畫面模糊無法辨識',
				                                                  '僅拍到背影無法辨識'])[1 + floor(q5 * 3)::int] END,
				       1 + CASE WHEN outcome IS NOT NULL THEN 1 ELSE 0 END
				  FROM (SELECT r.*,
				               CASE WHEN useful_pick THEN 'DELIVERED' WHEN kind = 'OPEN' AND pick = 1 THEN 'DELIVERED'
				                    WHEN availability = 'DOWN' OR q1 >= 0.55 AND q1 < 0.9 THEN 'NOT_AVAILABLE'
				                    WHEN q1 < 0.55 THEN 'DELIVERED' ELSE 'REFUSED' END AS state,
				               CASE WHEN availability = 'DOWN' THEN 'CAMERA_DOWN' WHEN q1 < 0.75 THEN 'OVERWRITTEN' ELSE 'NO_SUCH_VIEW' END AS reason,
				               CASE WHEN useful_pick THEN 'USEFUL' WHEN kind = 'OPEN' THEN NULL
				                    WHEN availability <> 'DOWN' AND q1 < 0.55 THEN 'NOT_USEFUL' END AS outcome,
				               requested_at + (due_at - requested_at) * (0.05 + 1.1 * q3) AS answered_at
				          FROM (SELECT q.*, requested_at + CASE priority WHEN 'CRITICAL' THEN interval '4 hours'
				                                               WHEN 'URGENT' THEN interval '12 hours' ELSE interval '48 hours' END AS due_at
				                  FROM (SELECT p.*, p.kind = 'USEFUL' AND p.pick = 1 AS useful_pick,
				                               p.run_at + (2 + 28 * q2) * interval '1 minute' AS requested_at,
				                               CASE WHEN q2 < 0.6 THEN 'NORMAL' WHEN q2 < 0.9 THEN 'URGENT' ELSE 'CRITICAL' END AS priority
				                          FROM (SELECT d.canvass_id, d.case_id, dc.kind, d.run_by, d.run_at, d.window_from, d.window_to,
				                                       d.closed_at, cc.camera_id, cc.availability, cc.footage_expires_on, d.u15,
				                                       row_number() OVER (PARTITION BY d.canvass_id
				                                                          ORDER BY (cc.camera_id = d.anchor_id) IS TRUE DESC,
				                                                                   (cc.facing IN ('YES', 'EDGE') AND cc.availability <> 'DOWN') DESC,
				                                                                   cc.ordinal) AS pick,
				                                       %1$s AS q1, %2$s AS q2, %3$s AS q3, %4$s AS q4, %5$s AS q5
				                                  FROM demo_canvass d JOIN demo_case dc ON dc.case_id = d.case_id
				                                  JOIN canvass_camera cc ON cc.canvass_id = d.canvass_id) p
				                         WHERE p.pick <= CASE WHEN p.kind = 'USEFUL' THEN 1 + (p.u15 < 0.5)::int + (p.u15 < 0.15)::int
				                                              WHEN p.kind = 'OPEN' THEN 1 ELSE 1 + (p.u15 < 0.4)::int END) q) r) s
				 ORDER BY requested_at, case_id, camera_id""".formatted(u("d.hk", "31 + 8 * cc.ordinal"),
				u("d.hk", "32 + 8 * cc.ordinal"), u("d.hk", "33 + 8 * cc.ordinal"), u("d.hk", "34 + 8 * cc.ordinal"),
				u("d.hk", "35 + 8 * cc.ordinal")));
		step("footage requests");
		long open = jdbc.queryForObject("SELECT count(*) FROM demo_case WHERE state = 'OPEN'", Long.class);
		jdbc.execute("DROP TABLE demo_canvass");
		jdbc.execute("DROP TABLE demo_case");
		jdbc.execute("DROP TABLE demo_pool_clean");
		jdbc.execute("DROP TABLE demo_pool_all");
		for (String table : new String[] { "investigation_case", "canvass", "footage_request" }) {
			jdbc.execute("ANALYZE " + table);
		}
		step("analyze");
		return new Summary(useful, solved, cases, canvasses, snapshotRows, requests, open,
				Duration.ofNanos(System.nanoTime() - start));
	}
}
