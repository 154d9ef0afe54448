package io.watchkeeper.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The maintenance history of the demo fleet, written set-based in the loader's transaction: outages, repair work
 * orders routed as {@code io.watchkeeper.maintenance.Routing} routes them, and each order's history
 * ({@code OPENED}, {@code ASSIGNED}, {@code STARTED}, {@code PUT_ON_HOLD}, {@code RESUMED}, {@code RESTORED},
 * {@code CLOSED}, with actors). Deterministic for a seed: every random choice is a hash of the seed, the camera's
 * asset tag and a salt, so the same seed and size give the same history (the dates of the continuous part and of
 * the open orders follow the clock).
 *
 * <ul>
 * <li><b>The seed report's half year</b> (2023-01-01 .. 2023-06-30, Asia/Taipei): exactly
 * round(N × 2,360 / 20,000) repairs restored by vendors and round(N × 4,849 / 20,000) restored in-house
 * (2,360 and 4,849 for the default 20,000 cameras), each on a camera in service for the whole half year, at most
 * two per camera (one per quarter pair), all restored and closed. Vendor repairs take a share of the contract's
 * restore target (about one in eight late, some on hold waiting for a part); squads fix simple faults within
 * hours.</li>
 * <li><b>From 2023-07-01 until a week ago</b>: a lighter history, about 0.8 % of the cameras in service a month
 * (160 a month at 20,000), one third vendors, the rest squads, a few outages that came back by themselves (closed
 * as no fault found).</li>
 * <li><b>The last fortnight at Kaohsiung Main Station</b>: up to seven cameras within 200 m, three of them down on
 * one evening eight days ago (one all evening, two for part of it), the others on other days.</li>
 * <li><b>Now</b>: a handful of open outages with open orders in every state (NEW, ASSIGNED, IN_PROGRESS, ON_HOLD
 * with a reason, RESTORED awaiting verification): five for the demo vendor's company, four for the demo squad,
 * and about round(N × 25 / 20,000) in all.</li>
 * </ul>
 */
final class MaintenanceHistory {

	private static final Logger log = LoggerFactory.getLogger(MaintenanceHistory.class);

	static final ZoneId ZONE = ZoneId.of("Asia/Taipei");
	static final String HQ_SQUAD = "SQ-HQ";
	static final String DEMO_VENDOR = "V-KANGDU";
	static final String DEMO_SQUAD_PRECINCT = "SANMIN1";

	static final int RESTORED_BY_VENDORS_PER_20000 = 2_360;
	static final int RESTORED_IN_HOUSE_PER_20000 = 4_849;
	/** Repairs a month per camera in service after the half year. */
	static final double LATER_RATE_PER_CAMERA_MONTH = 0.008;
	static final int OPEN_PER_20000 = 25;

	record Summary(int restoredByVendorsH1, int restoredInHouseH1, long orders, long outages, long events, long open,
			Duration took) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%,d work orders (2023 H1: %,d restored by vendors, %,d in-house; %,d open now), %,d outages, %,d history events",
					orders, restoredByVendorsH1, restoredInHouseH1, open, outages, events);
		}
	}

	private final JdbcTemplate jdbc;
	private final long seed;
	private final Instant now;

	MaintenanceHistory(JdbcTemplate jdbc, long seed, Instant now) {
		this.jdbc = jdbc;
		this.seed = seed;
		this.now = now;
	}

	private long stepStart = System.nanoTime();

	private void step(String name) {
		long now = System.nanoTime();
		log.info("Demo maintenance history: {} in {} ms", name, (now - stepStart) / 1_000_000);
		stepStart = now;
	}

	static int scaled(int cameras, int per20000) {
		return (int) Math.round(cameras * (double) per20000 / 20_000);
	}

	/** A uniform number in [0, 1) from the seed, a key expression and a salt. */
	private String u(String key, String salt) {
		return "((hashtextextended(" + key + " || '" + salt + "', " + seed + ") & 2147483647)::float8 / 2147483648.0)";
	}

	Summary generate(int cameras) {
		long start = System.nanoTime();
		stepStart = start;
		int byVendors = scaled(cameras, RESTORED_BY_VENDORS_PER_20000);
		int inHouse = scaled(cameras, RESTORED_IN_HOUSE_PER_20000);
		int open = Math.max(12, scaled(cameras, OPEN_PER_20000));
		Timestamp nowTs = Timestamp.from(now);

		// sorts of a few hundred thousand wide rows stay in memory (this transaction only)
		jdbc.execute("SET LOCAL work_mem = '256MB'");
		jdbc.execute("""
				CREATE TEMP TABLE demo_repair (k text NOT NULL, camera_id bigint NOT NULL, phase text NOT NULL,
				    how text NOT NULL, final_state text NOT NULL, opened_at timestamptz NOT NULL) ON COMMIT DROP""");

		// The half year: cameras in service all of it, two slots each (January to March 20, April to June 20), the
		// wanted number picked by hash; the first by hash go to vendors.
		jdbc.update("""
				INSERT INTO demo_repair (k, camera_id, phase, how, final_state, opened_at)
				SELECT k, camera_id, 'H1', CASE WHEN rn <= ? THEN 'VENDOR' ELSE 'SQUAD' END, 'CLOSED',
				       CASE slot WHEN 1 THEN timestamptz '2023-01-01 00:00+08' + t * interval '78 days'
				                 ELSE timestamptz '2023-04-01 00:00+08' + t * interval '80 days' END
				  FROM (SELECT k, camera_id, slot, t, row_number() OVER (ORDER BY h, camera_id, slot) AS rn
				          FROM (SELECT c.asset_tag || ':h1:' || s.slot AS k, c.id AS camera_id, s.slot,
				                       hashtextextended(c.asset_tag || ':h1:' || s.slot, %d) AS h, %s AS t
				                  FROM camera c CROSS JOIN (VALUES (1), (2)) s(slot)
				                 WHERE c.install_date < DATE '2023-01-01' AND c.precinct_id IS NOT NULL
				                   AND (c.decommissioned_on IS NULL OR c.decommissioned_on > DATE '2023-06-30')) x
				         ORDER BY h, camera_id, slot LIMIT ?) y""".formatted(seed, u("c.asset_tag || ':h1:' || s.slot", ":t")),
				byVendors, byVendors + inHouse);

		step("half-year picks");
		// From July 2023 to a week ago: eight equal chunks, each camera in service in a chunk failing in it with
		// the probability that gives the monthly rate.
		jdbc.update("""
				WITH span AS (
				    SELECT timestamptz '2023-07-01 00:00+08' AS s,
				           (date_trunc('day', CAST(? AS timestamptz) AT TIME ZONE 'Asia/Taipei') - interval '6 days') AT TIME ZONE 'Asia/Taipei' AS e),
				chunk AS (
				    SELECT i, cs, ce, (cs AT TIME ZONE 'Asia/Taipei')::date AS cs_day, (ce AT TIME ZONE 'Asia/Taipei')::date AS ce_day, q
				      FROM (SELECT i, s + (e - s) * i / 8 AS cs, s + (e - s) * (i + 1) / 8 AS ce,
				                   least(1.0, ? * extract(epoch FROM e - s) / (30.44 * 86400) / 8)::float8 AS q
				              FROM span, generate_series(0, 7) i WHERE e - s > interval '88 days') y)
				INSERT INTO demo_repair (k, camera_id, phase, how, final_state, opened_at)
				SELECT asset_tag || ':later:' || i, camera_id, 'LATER',
				       CASE WHEN w < 0.05 THEN 'NFF' WHEN w < 0.05 + 0.95 / 3 THEN 'VENDOR' ELSE 'SQUAD' END,
				       'CLOSED', cs + t * ((ce - cs) - interval '10 days')
				  FROM (SELECT c.asset_tag, c.id AS camera_id, ch.i, ch.cs, ch.ce, ch.q,
				               -- one hash of the tag per camera, then cheap integer hashes per chunk (eight million rows at 1M)
				               (hashint8extended(c.h + ch.i, 1) & 1048575)::float8 / 1048576 AS p,
				               (hashint8extended(c.h + ch.i, 2) & 1048575)::float8 / 1048576 AS w,
				               (hashint8extended(c.h + ch.i, 3) & 1048575)::float8 / 1048576 AS t
				          FROM (SELECT id, asset_tag, install_date, decommissioned_on, hashtextextended(asset_tag || ':later', %d) AS h
				                  FROM camera WHERE precinct_id IS NOT NULL AND install_date IS NOT NULL) c
				          CROSS JOIN chunk ch
				         WHERE c.install_date < ch.cs_day AND (c.decommissioned_on IS NULL OR c.decommissioned_on > ch.ce_day)) x
				 WHERE p < q""".formatted(seed), nowTs, LATER_RATE_PER_CAMERA_MONTH);

		step("later picks");
		// Open now: the demo vendor's company and the demo squad get theirs first, then the rest of the city.
		String states = "(ARRAY['ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RESTORED', 'ASSIGNED'])";
		jdbc.update("""
				INSERT INTO demo_repair (k, camera_id, phase, how, final_state, opened_at)
				SELECT k, id, 'OPEN', 'VENDOR', %s[rn], CAST(? AS timestamptz) - CASE rn WHEN 5 THEN interval '50 hours'
				       ELSE interval '1 hour' + t * interval '20 hours' END
				  FROM (SELECT c.asset_tag || ':open' AS k, c.id, %s AS t,
				               row_number() OVER (ORDER BY c.status <> 'FAULTY', hashtextextended(c.asset_tag, %d), c.id) AS rn
				          FROM camera c
				          JOIN maintenance_contract_precinct mp ON mp.precinct_id = c.precinct_id
				          JOIN maintenance_contract mc ON mc.id = mp.contract_id
				          JOIN vendor v ON v.id = mc.vendor_id AND v.code = ?
				         WHERE (CAST(? AS timestamptz) AT TIME ZONE 'Asia/Taipei')::date BETWEEN mc.starts_on AND mc.ends_on
				           AND c.status IN ('ACTIVE', 'FAULTY') AND c.install_date < DATE '2023-01-01'
				           AND (c.warranty_end IS NULL OR c.warranty_end < (CAST(? AS timestamptz) AT TIME ZONE 'Asia/Taipei')::date)) x
				 WHERE rn <= 5""".formatted(states, u("c.asset_tag", ":open"), seed), nowTs, DEMO_VENDOR, nowTs, nowTs);
		jdbc.update("""
				INSERT INTO demo_repair (k, camera_id, phase, how, final_state, opened_at)
				SELECT k, id, 'OPEN', 'SQUAD', %s[rn], CAST(? AS timestamptz) - interval '1 hour' - t * interval '8 hours'
				  FROM (SELECT c.asset_tag || ':open' AS k, c.id, %s AS t,
				               row_number() OVER (ORDER BY c.status <> 'FAULTY', hashtextextended(c.asset_tag, %d), c.id) AS rn
				          FROM camera c JOIN precinct p ON p.id = c.precinct_id AND p.code = ?
				         WHERE c.status IN ('ACTIVE', 'FAULTY') AND c.install_date < DATE '2023-01-01'
				           AND NOT EXISTS (SELECT 1 FROM demo_repair r WHERE r.phase = 'OPEN' AND r.camera_id = c.id)) x
				 WHERE rn <= 4""".formatted(states, u("c.asset_tag", ":open"), seed), nowTs, DEMO_SQUAD_PRECINCT);
		jdbc.update("""
				INSERT INTO demo_repair (k, camera_id, phase, how, final_state, opened_at)
				SELECT k, id, 'OPEN', CASE WHEN rn %% 4 = 0 THEN 'SQUAD' ELSE 'VENDOR' END,
				       (ARRAY['NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RESTORED'])[1 + rn %% 5],
				       CAST(? AS timestamptz) - interval '20 minutes' - t * interval '96 hours'
				  FROM (SELECT c.asset_tag || ':open' AS k, c.id, %s AS t,
				               row_number() OVER (ORDER BY hashtextextended(c.asset_tag, %d), c.id) AS rn
				          FROM camera c
				         WHERE c.status = 'FAULTY' AND c.install_date IS NOT NULL AND c.precinct_id IS NOT NULL
				           AND NOT EXISTS (SELECT 1 FROM demo_repair r WHERE r.phase = 'OPEN' AND r.camera_id = c.id)) x
				 WHERE rn <= ? - (SELECT count(*) FROM demo_repair WHERE phase = 'OPEN')""".formatted(u("c.asset_tag", ":open"), seed),
				nowTs, open);

		stationOutages(nowTs);
		jdbc.execute("ANALYZE demo_repair");
		step("open picks");
		createOrders();
		step("orders planned");
		jdbc.update("""
				INSERT INTO outage (id, camera_id, started_at, ended_at, cause, detected_at, source)
				SELECT outage_id, camera_id, outage_started, outage_ended, cause, opened_at, source FROM demo_order""");
		step("outages");
		jdbc.update("""
				INSERT INTO work_order (id, kind, camera_id, origin, outage_id, priority, state, assignee_kind, contract_id,
				       vendor_id, squad_id, hold_reason, state_before_hold, on_hold_since, held_seconds, opened_at, assigned_at,
				       started_at, restored_at, closed_at, response_due_at, restore_due_at, escalation_level, escalated_at,
				       resolution, resolution_note, created_by, version)
				SELECT order_id, 'REPAIR', camera_id, 'OUTAGE', outage_id, CASE WHEN late THEN 'HIGH' ELSE 'NORMAL' END, state,
				       assignee_kind, contract_id, vendor_id, squad_id,
				       CASE WHEN state = 'ON_HOLD' THEN hold_reason END, CASE WHEN state = 'ON_HOLD' THEN 'IN_PROGRESS' END,
				       CASE WHEN state = 'ON_HOLD' THEN hold_from END,
				       CASE WHEN hold_until IS NOT NULL THEN extract(epoch FROM hold_until - hold_from)::bigint ELSE 0 END,
				       opened_at, assigned_at, started_at, restored_at, closed_at, response_due_at, restore_due_at,
				       CASE WHEN late THEN 1 ELSE 0 END, CASE WHEN late THEN restore_due_at END,
				       resolution, CASE WHEN resolution IS NOT NULL THEN fix_note END, 'system', transitions
				  FROM demo_order""");
		step("work orders");
		long events = jdbc.update("""
				INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note, details)
				SELECT o.order_id, e.occurred_at, e.actor, e.action, e.from_state, e.to_state, e.note, e.details
				  FROM demo_order o CROSS JOIN LATERAL (VALUES
				       (1, o.opened_at, 'system', 'OPENED', NULL, CASE WHEN o.first_kind IS NULL THEN 'NEW' ELSE 'ASSIGNED' END, NULL,
				        jsonb_strip_nulls(jsonb_build_object('assigneeKind', o.first_kind, 'contractId', o.first_contract,
				                                             'vendorId', o.first_vendor, 'routedBy', 'outage'))),
				       (2, CASE WHEN o.assignee_kind = 'SQUAD' THEN o.assigned_at END, 'dispatcher', 'ASSIGNED', 'ASSIGNED', 'ASSIGNED',
				        '簡易故障，交由維修小組處理',
				        jsonb_build_object('assigneeKind', 'SQUAD', 'squadId', o.squad_id)),
				       (3, o.started_at, o.technician, 'STARTED', 'ASSIGNED', 'IN_PROGRESS', NULL, NULL::jsonb),
				       (4, o.hold_from, o.technician, 'PUT_ON_HOLD', 'IN_PROGRESS', 'ON_HOLD', o.hold_reason, NULL),
				       (5, o.hold_until, o.technician, 'RESUMED', 'ON_HOLD', 'IN_PROGRESS', NULL, NULL),
				       (6, o.restored_at, o.technician, 'RESTORED', 'IN_PROGRESS', 'RESTORED', o.fix_note, NULL),
				       (7, o.closed_at, 'dispatcher', 'CLOSED', CASE WHEN o.resolution = 'NO_FAULT_FOUND' THEN 'ASSIGNED' ELSE 'RESTORED' END,
				        'CLOSED', o.close_note, jsonb_build_object('resolution', o.resolution))
				       ) AS e(seq, occurred_at, actor, action, from_state, to_state, note, details)
				 WHERE e.occurred_at IS NOT NULL""");
		step("history events");
		long orders = jdbc.queryForObject("SELECT count(*) FROM demo_order", Long.class);
		long openOrders = jdbc.queryForObject("SELECT count(*) FROM demo_order WHERE state <> 'CLOSED'", Long.class);
		jdbc.execute("DROP TABLE demo_order");
		jdbc.execute("DROP TABLE demo_repair");
		jdbc.execute("ANALYZE outage");
		jdbc.execute("ANALYZE work_order");
		jdbc.execute("ANALYZE work_order_event");
		step("analyze");
		return new Summary(byVendors, inHouse, orders, orders, events, openOrders, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * The evening of {@link #stationEvent(Instant)} a few cameras near Kaohsiung Main Station were down (one for
	 * hours, repaired by the vendor; two for part of the evening, fixed by the squad), and a few more there failed
	 * on other days of the last fortnight, so a canvass at the station last week answers RECORDING, PARTLY and DOWN.
	 */
	private void stationOutages(Timestamp nowTs) {
		jdbc.update("""
				INSERT INTO demo_repair (k, camera_id, phase, how, final_state, opened_at)
				SELECT k, id, 'LATER', CASE WHEN rn = 1 THEN 'VENDOR' WHEN rn <= 3 OR rn %% 2 = 0 THEN 'SQUAD' ELSE 'NFF' END, 'CLOSED',
				       CASE rn WHEN 1 THEN CAST(? AS timestamptz) - interval '1 hour'
				               WHEN 2 THEN CAST(? AS timestamptz) + interval '40 minutes'
				               WHEN 3 THEN CAST(? AS timestamptz) - interval '30 minutes'
				               ELSE CAST(? AS timestamptz) - interval '12 days' + t * interval '9 days' END
				  FROM (SELECT c.asset_tag || ':station' AS k, c.id, %s AS t,
				               row_number() OVER (ORDER BY hashtextextended(c.asset_tag || ':station', %d), c.id) AS rn
				          FROM camera c, (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS p) s
				         WHERE c.location && ST_Expand(s.p, 0.003) AND ST_DWithin(c.location::geography, s.p::geography, ?)
				           AND c.status = 'ACTIVE' AND c.precinct_id IS NOT NULL
				           AND c.install_date < (CAST(? AS timestamptz) AT TIME ZONE 'Asia/Taipei')::date - 60
				           AND NOT EXISTS (SELECT 1 FROM demo_repair r WHERE r.camera_id = c.id
				                              AND r.opened_at > CAST(? AS timestamptz) - interval '40 days')) x
				 WHERE rn <= 7""".formatted(u("c.asset_tag", ":station"), seed), stationEventTs(), stationEventTs(),
				stationEventTs(), nowTs, DemoCatalog.MAIN_STATION_LON, DemoCatalog.MAIN_STATION_LAT, STATION_RADIUS_M,
				nowTs, nowTs);
	}

	/** Around Kaohsiung Main Station: the recent outages of {@link #stationOutages} fall on cameras this close. */
	static final int STATION_RADIUS_M = 200;

	/** 19:00 in Taipei eight days before {@code now}: the evening of the outages at the station. */
	static Instant stationEvent(Instant now) {
		return LocalDate.ofInstant(now, ZONE).minusDays(8).atTime(19, 0).atZone(ZONE).toInstant();
	}

	private Timestamp stationEventTs() {
		return Timestamp.from(stationEvent(now));
	}

	/**
	 * One row per order with everything decided: routing on the day it opened (warranty supplier, else the
	 * precinct's contract that day; squads keep the contract's targets), due times, the times of each step, notes.
	 */
	private void createOrders() {
		String k = "r.k";
		jdbc.update("""
				CREATE TEMP TABLE demo_order ON COMMIT DROP AS
				WITH contract_day AS (
				    SELECT mp.precinct_id, mc.id, mc.vendor_id, mc.starts_on, mc.ends_on, mc.response_hours, mc.restore_hours
				      FROM maintenance_contract_precinct mp JOIN maintenance_contract mc ON mc.id = mp.contract_id),
				base AS (
				    SELECT r.*, c.asset_tag, c.precinct_id,
				           (c.supplier_vendor_id IS NOT NULL AND c.warranty_end >= (r.opened_at AT TIME ZONE 'Asia/Taipei')::date) AS warranty,
				           c.supplier_vendor_id, pc.id AS pc_id, pc.vendor_id AS pc_vendor,
				           coalesce(pc.response_hours, 24) AS response_h, coalesce(pc.restore_hours, 72) AS restore_h,
				           CASE WHEN r.phase <> 'OPEN' AND %1$s < 0.1 THEN hq.id ELSE coalesce(sp.id, hq.id) END AS squad_pick,
				           %2$s AS u1, %3$s AS u2, %4$s AS u3, %5$s AS u4, %6$s AS u5, %7$s AS u7,
				           timestamptz '%11$s' AS now
				      FROM demo_repair r JOIN camera c ON c.id = r.camera_id
				      LEFT JOIN contract_day pc ON pc.precinct_id = c.precinct_id
				            AND (r.opened_at AT TIME ZONE 'Asia/Taipei')::date BETWEEN pc.starts_on AND pc.ends_on
				      LEFT JOIN repair_squad sp ON sp.precinct_id = c.precinct_id
				      LEFT JOIN repair_squad hq ON hq.code = '%8$s'),
				routed AS (
				    SELECT b.*,
				           CASE WHEN b.final_state = 'NEW' THEN NULL WHEN b.warranty THEN 'WARRANTY_VENDOR'
				                WHEN b.pc_id IS NOT NULL THEN 'CONTRACT' END AS first_kind,
				           CASE WHEN b.final_state <> 'NEW' AND NOT b.warranty THEN b.pc_id END AS first_contract,
				           CASE WHEN b.final_state = 'NEW' THEN NULL WHEN b.warranty THEN b.supplier_vendor_id ELSE b.pc_vendor END AS first_vendor,
				           -- hours from opening to each step
				           CASE WHEN b.phase = 'OPEN' THEN extract(epoch FROM b.now - b.opened_at) / 3600 END AS age_h,
				           b.response_h * (0.1 + 0.9 * b.u1) AS start_h,
				           CASE WHEN b.how = 'VENDOR' AND b.phase <> 'OPEN' AND b.u2 < 0.1 THEN 12 + 48 * b.u3 ELSE 0 END AS hold_h,
				           b.restore_h * CASE WHEN b.u4 < 0.12 THEN 1.05 + 0.6 * b.u5 ELSE 0.2 + 0.75 * b.u5 END AS fix_h
				      FROM base b),
				timed AS (
				    SELECT r.*,
				           CASE WHEN r.final_state = 'NEW' THEN NULL WHEN r.how = 'SQUAD' THEN 'SQUAD' ELSE r.first_kind END AS assignee_kind,
				           CASE WHEN r.how = 'SQUAD' THEN NULL ELSE r.first_contract END AS contract_id,
				           CASE WHEN r.how = 'SQUAD' THEN NULL ELSE r.first_vendor END AS vendor_id,
				           CASE WHEN r.how = 'SQUAD' AND r.final_state <> 'NEW' THEN r.squad_pick END AS squad_id,
				           CASE WHEN r.final_state = 'NEW' THEN NULL
				                WHEN r.how = 'SQUAD' AND r.phase = 'OPEN' THEN r.opened_at + r.age_h * 0.1 * interval '1 hour'
				                WHEN r.how = 'SQUAD' THEN r.opened_at + (10 + 50 * r.u1) * interval '1 minute'
				                ELSE r.opened_at END AS assigned_at,
				           CASE WHEN r.how = 'NFF' THEN NULL
				                WHEN r.phase = 'OPEN' THEN CASE WHEN r.final_state IN ('IN_PROGRESS', 'ON_HOLD', 'RESTORED')
				                                                THEN r.opened_at + r.age_h * 0.3 * interval '1 hour' END
				                WHEN r.how = 'SQUAD' THEN r.opened_at + (40 + 50 * r.u1 + 150 * r.u2) * interval '1 minute'
				                ELSE r.opened_at + r.start_h * interval '1 hour' END AS started_at,
				           CASE WHEN r.phase = 'OPEN' AND r.final_state = 'ON_HOLD' THEN r.opened_at + r.age_h * 0.5 * interval '1 hour'
				                WHEN r.hold_h > 0 THEN r.opened_at + (r.start_h + 0.5) * interval '1 hour' END AS hold_from,
				           CASE WHEN r.hold_h > 0 THEN r.opened_at + (r.start_h + 0.5 + r.hold_h) * interval '1 hour' END AS hold_until,
				           CASE WHEN r.how = 'NFF' THEN NULL
				                WHEN r.phase = 'OPEN' THEN CASE WHEN r.final_state = 'RESTORED' THEN r.opened_at + r.age_h * 0.7 * interval '1 hour' END
				                WHEN r.how = 'SQUAD' THEN r.opened_at + (70 + 50 * r.u1 + 150 * r.u2 + 270 * r.u3) * interval '1 minute'
				                ELSE r.opened_at + (greatest(r.start_h + 1, r.fix_h) + r.hold_h) * interval '1 hour' END AS restored_at,
				           r.opened_at + r.response_h * interval '1 hour' AS response_due_at,
				           r.opened_at + (r.restore_h + r.hold_h) * interval '1 hour' AS restore_due_at
				      FROM routed r),
				closed AS (
				    SELECT t.*,
				           CASE WHEN t.phase = 'OPEN' THEN NULL
				                WHEN t.how = 'NFF' THEN t.opened_at + (1 + 7 * t.u3) * interval '1 hour'
				                ELSE t.restored_at + (1 + 35 * t.u3) * interval '1 hour' END AS closed_at,
				           CASE WHEN t.phase = 'OPEN' THEN NULL WHEN t.how = 'NFF' THEN 'NO_FAULT_FOUND'
				                WHEN t.how = 'SQUAD' THEN 'RESTORED_IN_HOUSE' ELSE 'RESTORED_BY_VENDOR' END AS resolution,
				           CASE WHEN t.how = 'NFF' THEN t.opened_at + (5 + 35 * t.u5) * interval '1 minute'
				                ELSE t.restored_at END AS outage_ended,
				           t.opened_at - CASE WHEN t.u7 < 0.8 THEN (2 + 13 * t.u5) ELSE (10 + 20 * t.u5) END * interval '1 minute' AS outage_started,
				           CASE WHEN t.u7 < 0.8 THEN 'REPORTED_DOWN' ELSE 'SILENT' END AS cause,
				           CASE WHEN t.u7 < 0.5 THEN 'demo: VMS' ELSE 'demo: NVR poller' END AS source
				      FROM timed t)
				SELECT x.*,
				       nextval(pg_get_serial_sequence('work_order', 'id')) AS order_id,
				       nextval(pg_get_serial_sequence('outage', 'id')) AS outage_id,
				       CASE WHEN x.phase = 'OPEN' THEN x.final_state ELSE 'CLOSED' END AS state,
				       coalesce(x.restored_at, x.now) > x.restore_due_at AND x.how <> 'NFF' AS late,
				       CASE WHEN x.how = 'SQUAD' THEN CASE WHEN sq.code = 'SQ-%9$s' THEN 'squad' ELSE lower(sq.code) || '.member' END
				            WHEN v.code = '%10$s' THEN 'vendor' ELSE lower(v.code) || '.tech' END AS technician,
				       CASE WHEN x.how = 'SQUAD'
				            THEN (ARRAY['重新啟動設備', '調整鏡頭角度',
				                        '清潔鏡頭及防護罩', '重新壓接網路線',
				                        '更換保險絲', '重設錄影主機連線'])[1 + floor(x.u4 * 6)::int]
				            WHEN x.how = 'NFF' THEN '影像已自行恢復'
				            ELSE (ARRAY['更換攝影機本體', '更換光纖收發器',
				                        '更換電源供應器', '重新熔接光纖',
				                        '更換鏡頭模組', '更換交換器'])[1 + floor(x.u4 * 6)::int] END AS fix_note,
				       CASE WHEN x.how = 'NFF' THEN '查無故障，影像已恢復' ELSE '已確認影像恢復' END AS close_note,
				       (ARRAY['等待零件：鏡頭模組', '等待台電復電',
				              '等待道路施工完成', '等待高空作業車'])[1 + floor(x.u1 * 4)::int]
				           AS hold_reason,
				       (CASE WHEN x.how = 'SQUAD' AND x.final_state <> 'NEW' THEN 1 ELSE 0 END
				        + CASE WHEN x.started_at IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN x.hold_from IS NOT NULL THEN 1 ELSE 0 END
				        + CASE WHEN x.hold_until IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN x.restored_at IS NOT NULL THEN 1 ELSE 0 END
				        + CASE WHEN x.closed_at IS NOT NULL THEN 1 ELSE 0 END) AS transitions
				  FROM closed x
				  LEFT JOIN repair_squad sq ON sq.id = x.squad_id
				  LEFT JOIN vendor v ON v.id = x.vendor_id
				 ORDER BY x.opened_at, x.camera_id""".formatted(u(k, ":sq"), u(k, ":1"), u(k, ":2"), u(k, ":3"), u(k, ":4"),
				u(k, ":5"), u(k, ":7"), HQ_SQUAD, DEMO_SQUAD_PRECINCT, DEMO_VENDOR, now));
	}
}
