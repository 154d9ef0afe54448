package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.watchkeeper.shared.TimeFormat;

/**
 * The kept per-day sums (V140) after every kind of change equal a recount from the raw records, written here
 * independently of the triggers' SQL; and the figures answered from them equal the former full-scan figures.
 * Its own rows are cameras DSI-* in 1997 (far from other tests' periods), removed after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DailySumsIT {

	/** Every sum recounted from the raw tables, one row per key, in the zone's days. */
	private static final String RECOUNT = """
			WITH z AS (SELECT CAST(? AS text) AS zone),
			cam AS (SELECT c.*, CASE WHEN c.decommissioned_on IS NULL THEN timestamptz 'infinity'
			                         ELSE timezone((SELECT zone FROM z), (c.decommissioned_on + 1)::timestamp) END AS gone_at
			          FROM camera c WHERE c.status <> 'PLANNED'),
			rows AS (
			    SELECT 'C'::text AS source, c.install_date AS day, c.precinct_id, NULL::bigint AS district_id, c.lpr, NULL::bigint AS contract_id,
			           NULL::bigint AS vendor_id, NULL::bigint AS squad_id, 1 AS installed, 0 AS decommissioned, 0 AS replaced,
			           0 AS outages, 0 AS outages_ended, 0::numeric AS ended_seconds, 0::numeric AS downtime_seconds, 0 AS orders_opened,
			           0 AS orders_closed, 0 AS repairs_restored, 0::numeric AS restore_seconds, 0 AS restored_by_vendors,
			           0 AS restored_in_house
			      FROM cam c WHERE c.install_date IS NOT NULL
			    UNION ALL
			    SELECT 'C', c.decommissioned_on, c.precinct_id, NULL, c.lpr, NULL, NULL, NULL, 0,
			           CASE WHEN c.decommission_kind = 'REPLACED' THEN 0 ELSE 1 END, CASE WHEN c.decommission_kind = 'REPLACED' THEN 1 ELSE 0 END,
			           0, 0, 0, 0, 0, 0, 0, 0, 0, 0
			      FROM cam c WHERE c.install_date IS NOT NULL AND c.decommissioned_on IS NOT NULL
			    UNION ALL -- an outage begins on its day, or on its camera's decommission day when that came first
			    SELECT 'O', CASE WHEN c.decommissioned_on < date(timezone(z.zone, o.started_at)) THEN c.decommissioned_on
			                     ELSE date(timezone(z.zone, o.started_at)) END,
			           c.precinct_id, c.district_id, NULL, NULL, NULL, NULL, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0
			      FROM outage o JOIN cam c ON c.id = o.camera_id CROSS JOIN z
			    UNION ALL -- it ends on the day its last moment belongs to (an end at midnight: the day before)
			    SELECT 'O', CASE WHEN c.decommissioned_on < e.day THEN c.decommissioned_on ELSE e.day END,
			           c.precinct_id, c.district_id, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 1,
			           extract(epoch FROM o.ended_at) - extract(epoch FROM o.started_at), 0, 0, 0, 0, 0, 0, 0
			      FROM outage o JOIN cam c ON c.id = o.camera_id CROSS JOIN z
			     CROSS JOIN LATERAL (SELECT CASE WHEN timezone(z.zone, o.ended_at) = date_trunc('day', timezone(z.zone, o.ended_at))
			                                     THEN date(timezone(z.zone, o.ended_at)) - 1
			                                     ELSE date(timezone(z.zone, o.ended_at)) END AS day) e
			     WHERE o.ended_at IS NOT NULL
			    UNION ALL -- downtime of closed outages: each day's share, until the decommission day ends
			    SELECT 'O', d.day, c.precinct_id, c.district_id, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0,
			           extract(epoch FROM least(o.ended_at, c.gone_at, timezone(z.zone, (d.day + 1)::timestamp)))
			           - extract(epoch FROM greatest(o.started_at, timezone(z.zone, d.day::timestamp))), 0, 0, 0, 0, 0, 0
			      FROM outage o JOIN cam c ON c.id = o.camera_id CROSS JOIN z
			     CROSS JOIN LATERAL (SELECT generate_series(date(timezone(z.zone, o.started_at))::timestamp, date(timezone(z.zone, o.ended_at))::timestamp, interval '1 day')::date AS day) d
			     WHERE o.ended_at IS NOT NULL
			       AND least(o.ended_at, c.gone_at, timezone(z.zone, (d.day + 1)::timestamp)) > greatest(o.started_at, timezone(z.zone, d.day::timestamp))
			    UNION ALL
			    SELECT 'W', date(timezone(z.zone, w.opened_at)), c.precinct_id, NULL, NULL, w.contract_id, w.vendor_id, w.squad_id,
			           0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
			      FROM work_order w JOIN camera c ON c.id = w.camera_id CROSS JOIN z
			    UNION ALL
			    SELECT 'W', date(timezone(z.zone, w.closed_at)), c.precinct_id, NULL, NULL, w.contract_id, w.vendor_id, w.squad_id,
			           0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0
			      FROM work_order w JOIN camera c ON c.id = w.camera_id CROSS JOIN z WHERE w.closed_at IS NOT NULL
			    UNION ALL
			    SELECT 'W', date(timezone(z.zone, w.restored_at)), c.precinct_id, NULL, NULL, w.contract_id, w.vendor_id, w.squad_id,
			           0, 0, 0, 0, 0, 0, 0, 0, 0, 1, extract(epoch FROM w.restored_at) - extract(epoch FROM w.opened_at), 0, 0
			      FROM work_order w JOIN camera c ON c.id = w.camera_id CROSS JOIN z WHERE w.kind = 'REPAIR' AND w.restored_at IS NOT NULL
			    UNION ALL
			    SELECT 'W', date(timezone(z.zone, coalesce(w.restored_at, w.closed_at))), c.precinct_id, NULL, NULL, w.contract_id,
			           w.vendor_id, w.squad_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			           CASE WHEN w.resolution = 'RESTORED_BY_VENDOR' THEN 1 ELSE 0 END, CASE WHEN w.resolution = 'RESTORED_IN_HOUSE' THEN 1 ELSE 0 END
			      FROM work_order w JOIN camera c ON c.id = w.camera_id CROSS JOIN z
			     WHERE w.state = 'CLOSED' AND w.resolution IN ('RESTORED_BY_VENDOR', 'RESTORED_IN_HOUSE'))
			SELECT source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id, sum(installed) AS installed,
			       sum(decommissioned) AS decommissioned, sum(replaced) AS replaced, sum(outages) AS outages,
			       sum(outages_ended) AS outages_ended, sum(ended_seconds) AS ended_seconds, sum(downtime_seconds) AS downtime_seconds,
			       sum(orders_opened) AS orders_opened, sum(orders_closed) AS orders_closed, sum(repairs_restored) AS repairs_restored,
			       sum(restore_seconds) AS restore_seconds, sum(restored_by_vendors) AS restored_by_vendors,
			       sum(restored_in_house) AS restored_in_house
			  FROM rows GROUP BY source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id""";

	private static final String MEASURES = "installed, decommissioned, replaced, outages, outages_ended, ended_seconds, "
			+ "downtime_seconds, orders_opened, orders_closed, repairs_restored, restore_seconds, restored_by_vendors, restored_in_house";

	/** Keys where the kept sums and the recount differ (all-zero rows count as absent). */
	private static final String DIFFERENCES = """
			WITH expected AS (%1$s),
			kept AS (SELECT source::text AS source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id,
			                %2$s
			           FROM (SELECT source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id, %3$s
			                   FROM daily_sum_all WHERE grain = 'D'
			                  GROUP BY source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id) k)
			SELECT coalesce(e.source, k.source) || ' ' || coalesce(e.day, k.day) || ' precinct ' || coalesce(e.precinct_id, k.precinct_id)
			       || ' district ' || coalesce(e.district_id, k.district_id) || ' lpr ' || coalesce(e.lpr, k.lpr, '-')
			       || ' contract/vendor/squad ' || coalesce(e.contract_id, k.contract_id) || '/' || coalesce(e.vendor_id, k.vendor_id)
			       || '/' || coalesce(e.squad_id, k.squad_id) || ': expected ' || coalesce(ROW(%4$s)::text, 'nothing')
			       || ', kept ' || coalesce(ROW(%5$s)::text, 'nothing')
			  FROM expected e FULL JOIN kept k
			    ON (e.source, e.day) = (k.source, k.day) AND e.precinct_id IS NOT DISTINCT FROM k.precinct_id
			   AND e.district_id IS NOT DISTINCT FROM k.district_id AND e.lpr IS NOT DISTINCT FROM k.lpr
			   AND e.contract_id IS NOT DISTINCT FROM k.contract_id AND e.vendor_id IS NOT DISTINCT FROM k.vendor_id
			   AND e.squad_id IS NOT DISTINCT FROM k.squad_id
			 WHERE ROW(%6$s) IS DISTINCT FROM ROW(%7$s)
			 LIMIT 20""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	DailySums sums;

	@Autowired
	MaintenanceFigures figures;

	@Autowired
	TimeFormat timeFormat;

	@Autowired
	PlatformTransactionManager transactionManager;

	long liugui;
	long qishan;
	long districtA;
	long districtB;

	@BeforeEach
	void scenario() {
		ReportScenario.ensure(jdbc);
		removeOwnRows();
		liugui = jdbc.queryForObject("SELECT id FROM precinct WHERE code = 'LIUGUI'", Long.class);
		qishan = jdbc.queryForObject("SELECT id FROM precinct WHERE code = 'QISHAN'", Long.class);
		List<Long> districts = jdbc.queryForList("SELECT id FROM district ORDER BY id LIMIT 2", Long.class);
		districtA = districts.get(0);
		districtB = districts.get(1);
		assertKept("before the test");
	}

	@AfterEach
	void removeOwnRows() {
		jdbc.update("DELETE FROM work_order WHERE camera_id IN (SELECT id FROM camera WHERE asset_tag LIKE 'DSI-%')");
		jdbc.update("DELETE FROM outage WHERE camera_id IN (SELECT id FROM camera WHERE asset_tag LIKE 'DSI-%')");
		jdbc.update("DELETE FROM camera WHERE asset_tag LIKE 'DSI-%'");
	}

	@Test
	void everyKindOfChangeKeepsTheSumsEqualToARecount() {
		jdbc.update("""
				INSERT INTO camera (asset_tag, precinct_id, district_id, install_date, status, lpr)
				VALUES ('DSI-1', ?, ?, DATE '1997-01-10', 'ACTIVE', 'LPR'), ('DSI-2', ?, ?, DATE '1996-12-31', 'ACTIVE', 'REALTIME_LPR'),
				       ('DSI-3', ?, ?, NULL, 'PLANNED', 'NONE'), ('DSI-4', ?, ?, DATE '1997-02-01', 'ACTIVE', 'NONE')""",
				liugui, districtA, qishan, districtB, liugui, districtA, liugui, districtA);
		assertKept("cameras inserted");
		long c1 = camera("DSI-1");
		long c4 = camera("DSI-4");

		long o1 = jdbc.queryForObject("""
				INSERT INTO outage (camera_id, started_at, cause, detected_at, source)
				VALUES (?, timestamptz '1997-02-03 22:00+08', 'SILENT', now(), 'DSI') RETURNING id""", Long.class, c1);
		assertKept("outage opened (still open)");
		jdbc.update("UPDATE outage SET ended_at = timestamptz '1997-02-05 03:30+08' WHERE id = ?", o1);
		assertKept("outage closed, spanning two midnights");
		assertThat(jdbc.queryForObject("""
				SELECT sum(downtime_seconds) FROM daily_sum_all WHERE source = 'O' AND grain = 'D' AND precinct_id = ? AND district_id = ?
				   AND day = DATE '1997-02-04'""", Double.class, liugui, districtA)).as("the whole middle day").isEqualTo(86_400.0);
		jdbc.update("UPDATE outage SET started_at = timestamptz '1997-02-02 23:15+08' WHERE id = ?", o1);
		assertKept("outage start moved");
		jdbc.update("UPDATE outage SET ended_at = timestamptz '1997-02-06 00:00+08' WHERE id = ?", o1);
		assertKept("outage end moved to midnight");
		long o2 = jdbc.queryForObject("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
				VALUES (?, timestamptz '1997-06-30 20:00+08', timestamptz '1997-07-01 05:00+08', 'MANUAL', now(), 'DSI') RETURNING id""",
				Long.class, c4);
		assertKept("outage over the half-year boundary");
		jdbc.update("DELETE FROM outage WHERE id = ?", o2);
		assertKept("outage deleted");
		jdbc.update("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
				VALUES (?, timestamptz '1997-06-30 20:00+08', timestamptz '1997-07-01 05:00+08', 'MANUAL', now(), 'DSI'),
				       (?, timestamptz '1997-03-01 10:00+08', NULL, 'SILENT', now(), 'DSI')""", c4, c4);
		assertKept("two outages in one statement, one open");

		jdbc.update("UPDATE camera SET precinct_id = ?, district_id = ? WHERE id = ?", qishan, districtB, c1);
		assertKept("camera moved to another precinct and district (its outage moves along)");
		jdbc.update("UPDATE camera SET status = 'DECOMMISSIONED', decommissioned_on = DATE '1997-02-04', "
				+ "decommission_kind = 'REPLACED', decommission_reason = 'DSI' WHERE id = ?", c1);
		assertKept("camera decommissioned (replaced) in the middle of its outage");
		jdbc.update("UPDATE camera SET decommission_kind = NULL WHERE id = ?", c1);
		assertKept("decommission kind changed");
		jdbc.update("UPDATE camera SET status = 'ACTIVE', install_date = DATE '1997-03-03' WHERE asset_tag = 'DSI-3'");
		assertKept("planned camera put in service");
		jdbc.update("UPDATE camera SET install_date = DATE '1997-01-20', lpr = 'REALTIME_LPR' WHERE asset_tag = 'DSI-3'");
		assertKept("install date and LPR changed");
		long queued = jdbc.queryForObject("SELECT count(*) FROM daily_sum_delta", Long.class);
		jdbc.update("UPDATE camera SET status = 'FAULTY' WHERE asset_tag = 'DSI-3'");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM daily_sum_delta", Long.class))
			.as("a status change that counts nowhere queues nothing").isEqualTo(queued);

		long vendor = jdbc.queryForObject("SELECT id FROM vendor WHERE code = 'ITR-V1'", Long.class);
		long contract = jdbc.queryForObject("SELECT id FROM maintenance_contract WHERE code = 'ITR-MC1'", Long.class);
		long otherContract = jdbc.queryForObject("SELECT id FROM maintenance_contract WHERE code = 'ITR-MC2'", Long.class);
		long squad = jdbc.queryForObject("SELECT id FROM repair_squad WHERE code = 'ITR-SQ'", Long.class);
		long w = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, opened_at, title, created_by)
				VALUES ('REPAIR', ?, 'MANUAL', 'NEW', timestamptz '1997-03-01 10:05+08', 'DSI', 'dsi') RETURNING id""", Long.class, c4);
		assertKept("order opened");
		jdbc.update("UPDATE work_order SET state = 'ASSIGNED', assignee_kind = 'CONTRACT', contract_id = ?, vendor_id = ?, "
				+ "assigned_at = opened_at WHERE id = ?", contract, vendor, w);
		assertKept("order assigned to a contract");
		jdbc.update("UPDATE work_order SET state = 'IN_PROGRESS', started_at = opened_at + interval '1 hour' WHERE id = ?", w);
		assertKept("order in progress");
		jdbc.update("UPDATE work_order SET state = 'RESTORED', restored_at = timestamptz '1997-03-02 01:00+08', "
				+ "resolution = 'RESTORED_BY_VENDOR' WHERE id = ?", w);
		assertKept("order restored the next day");
		jdbc.update("UPDATE work_order SET state = 'CLOSED', closed_at = timestamptz '1997-03-03 09:00+08' WHERE id = ?", w);
		assertKept("order closed, restored by the vendor");
		jdbc.update("UPDATE work_order SET contract_id = ? WHERE id = ?", otherContract, w);
		assertKept("order moved to another contract");
		jdbc.update("UPDATE work_order SET assignee_kind = 'SQUAD', contract_id = NULL, vendor_id = NULL, squad_id = ?, "
				+ "resolution = 'RESTORED_IN_HOUSE' WHERE id = ?", squad, w);
		assertKept("order reassigned to a squad, restored in-house");
		for (String resolution : new String[] { "NO_FAULT_FOUND", "REPLACED", "DECOMMISSIONED", "RESTORED_BY_VENDOR" }) {
			jdbc.update("UPDATE work_order SET resolution = ? WHERE id = ?", resolution, w);
			assertKept("order closed as " + resolution);
		}
		jdbc.update("UPDATE camera SET precinct_id = ? WHERE id = ?", qishan, c4);
		assertKept("camera with an order and outages moved");
		sums.ensureCurrent();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM daily_sum_delta", Long.class)).as("folded").isZero();
		assertKept("after folding");
		jdbc.update("DELETE FROM work_order WHERE id = ?", w);
		assertKept("order deleted");
		jdbc.update("DELETE FROM outage WHERE camera_id = ?", c1);
		jdbc.update("DELETE FROM camera WHERE id = ?", c1);
		assertKept("camera deleted");
	}

	@Test
	void aStatementOverTheThresholdQueuesARebuildThatTheNextReaderDoes() {
		jdbc.update("INSERT INTO camera (asset_tag, precinct_id, district_id, install_date, status) VALUES ('DSI-B', ?, ?, DATE '1997-01-01', 'ACTIVE')",
				liugui, districtA);
		long camera = camera("DSI-B");
		int inserted = jdbc.update("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
				SELECT ?, timestamptz '1997-01-02 00:00+08' + i * interval '5 minutes', timestamptz '1997-01-02 00:03+08' + i * interval '5 minutes',
				       'SILENT', now(), 'DSI' FROM generate_series(1, 50001) i""", camera);
		assertThat(inserted).isEqualTo(50001);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM daily_sum_delta WHERE day IS NULL", Long.class)).as("marker").isPositive();
		assertKept("rebuilt after a bulk insert"); // assertKept asks for the sums first
		assertThat(jdbc.queryForObject("SELECT count(*) FROM daily_sum_delta", Long.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT sum(outages) FROM daily_sum WHERE source = 'O' AND grain = 'D' AND day BETWEEN DATE '1997-01-02' AND DATE '1997-07-01' "
				+ "AND precinct_id = ?", Long.class, liugui)).isGreaterThanOrEqualTo(50001);
		jdbc.update("DELETE FROM outage WHERE camera_id = ?", camera);
		assertKept("rebuilt after a bulk delete");
	}

	@Test
	void theNightlyRecountRepairsASumThatDrifted() {
		jdbc.update("INSERT INTO camera (asset_tag, precinct_id, district_id, install_date, status) VALUES ('DSI-R', ?, ?, DATE '1997-01-01', 'ACTIVE')",
				liugui, districtA);
		jdbc.update("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
				SELECT id, timestamptz '1997-05-01 08:00+08', timestamptz '1997-05-01 10:00+08', 'SILENT', now(), 'DSI'
				  FROM camera WHERE asset_tag = 'DSI-R'""");
		sums.ensureCurrent();
		// what a race between a camera move and an outage change could leave behind
		assertThat(jdbc.update("""
				UPDATE daily_sum SET outages = outages + 3, downtime_seconds = downtime_seconds + 3600
				 WHERE source = 'O' AND day = DATE '1997-05-01' AND precinct_id = ?""", liugui)).isPositive();
		assertThat(sums.recountAll()).isPositive();
		assertKept("the nightly recount");
	}

	@Test
	void twoConcurrentWritersOnTheSamePrecinctAndDayAreBothCounted() throws Exception {
		jdbc.update("""
				INSERT INTO camera (asset_tag, precinct_id, district_id, install_date, status)
				VALUES ('DSI-X', ?, ?, DATE '1997-01-01', 'ACTIVE'), ('DSI-Y', ?, ?, DATE '1997-01-01', 'ACTIVE')""",
				liugui, districtA, liugui, districtA);
		sums.ensureCurrent();
		long before = outagesOn(LocalDate.of(1997, 4, 1));
		CountDownLatch bothWritten = new CountDownLatch(2);
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> writers = new java.util.ArrayList<>();
			for (String tag : List.of("DSI-X", "DSI-Y")) {
				writers.add(pool.submit(() -> tx.executeWithoutResult(s -> {
					jdbc.update("""
							INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
							SELECT id, timestamptz '1997-04-01 08:00+08', timestamptz '1997-04-01 09:00+08', 'SILENT', now(), 'DSI'
							  FROM camera WHERE asset_tag = ?""", tag);
					bothWritten.countDown();
					try {
						// both transactions hold their rows uncommitted at once
						assertThat(bothWritten.await(20, TimeUnit.SECONDS)).isTrue();
					}
					catch (InterruptedException e) {
						throw new IllegalStateException(e);
					}
				})));
			}
			for (Future<?> writer : writers) {
				writer.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outagesOn(LocalDate.of(1997, 4, 1))).isEqualTo(before + 2);
		assertKept("two concurrent writers");
	}

	@Test
	void theFiguresFromTheSumsEqualTheFullScanFigures() {
		FullScanFigures fullScan = new FullScanFigures(named, Clock.systemUTC(), timeFormat);
		List<ReportPeriod> periods = List.of(MaintenanceFiguresIT.MARCH_1996, ReportPeriod.preset(1996, "H1"),
				ReportPeriod.preset(1996, "Q2"), new ReportPeriod(LocalDate.of(1996, 3, 11), LocalDate.of(1996, 3, 12)),
				new ReportPeriod(LocalDate.of(1996, 3, 1), LocalDate.of(1996, 3, 9)));
		for (ReportPeriod period : periods) {
			for (Grouping grouping : Grouping.values()) {
				assertThat(figures.figures(period, grouping)).as(period + " by " + grouping).isEqualTo(fullScan.figures(period, grouping));
			}
		}
		// the one documented change: O5 (C6, 03-09 00:00 to 03-12 00:00) ends after C6's decommission day (03-10), so
		// it counts as ended on 03-10; the full scan counted it on 03-12, in periods where C6 was still in service
		ReportPeriod decommissionDays = new ReportPeriod(LocalDate.of(1996, 3, 9), LocalDate.of(1996, 3, 10));
		MaintenanceReport.Row kept = figures.figures(decommissionDays, Grouping.PRECINCT).totals();
		MaintenanceReport.Row scanned = fullScan.figures(decommissionDays, Grouping.PRECINCT).totals();
		assertThat(kept.outagesEnded()).isEqualTo(scanned.outagesEnded() + 1);
		assertThat(kept.downtimeHours()).isEqualTo(scanned.downtimeHours());
		assertThat(kept.camerasInService()).isEqualTo(scanned.camerasInService());
		// while the period runs: today's part until now comes from the records themselves
		for (String now : new String[] { "1996-03-20T04:00:00Z", "1996-03-31T15:00:00Z", "1996-03-09T23:00:00Z" }) {
			Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
			MaintenanceFigures running = new MaintenanceFigures(named, clock, timeFormat, sums);
			FullScanFigures runningFullScan = new FullScanFigures(named, clock, timeFormat);
			for (Grouping grouping : Grouping.values()) {
				assertThat(running.figures(MaintenanceFiguresIT.MARCH_1996, grouping)).as(now + " by " + grouping)
					.isEqualTo(runningFullScan.figures(MaintenanceFiguresIT.MARCH_1996, grouping));
			}
		}
		// LPR in service and the monthly availability, against the records
		for (LocalDate day : new LocalDate[] { LocalDate.of(1996, 3, 9), LocalDate.of(1996, 3, 10), LocalDate.of(2023, 6, 30) }) {
			assertThat(figures.lprInServiceAt(day)).as(day.toString()).isEqualTo(jdbc.queryForObject("""
					SELECT count(*) FROM camera WHERE lpr <> 'NONE' AND status <> 'PLANNED' AND install_date <= ?
					   AND (decommissioned_on IS NULL OR decommissioned_on > ?)""", Long.class, day, day));
		}
		assertThat(figures.lprInServiceAtMonthEnds(YearMonth.of(1996, 1), YearMonth.of(1996, 4)))
			.extracting(HalfYearReport.MonthCount::count)
			.containsExactly(figures.lprInServiceAt(LocalDate.of(1996, 1, 31)), figures.lprInServiceAt(LocalDate.of(1996, 2, 29)),
					figures.lprInServiceAt(LocalDate.of(1996, 3, 31)), figures.lprInServiceAt(LocalDate.of(1996, 4, 30)));
		List<HalfYearReport.MonthValue> months = figures.availabilityByMonth(YearMonth.of(1996, 1), YearMonth.of(1996, 6));
		assertThat(months).hasSize(6);
		for (HalfYearReport.MonthValue month : months) {
			ReportPeriod period = new ReportPeriod(month.month().atDay(1), month.month().atEndOfMonth());
			assertThat(month.value()).as(month.month().toString())
				.isEqualTo(fullScan.figures(period, Grouping.PRECINCT).totals().availabilityPercent());
		}
	}

	private long outagesOn(LocalDate day) {
		return jdbc.queryForObject("SELECT coalesce(sum(outages), 0) FROM daily_sum_all WHERE source = 'O' AND grain = 'D' AND day = ? AND precinct_id = ?",
				Long.class, day, liugui);
	}

	private long camera(String tag) {
		return jdbc.queryForObject("SELECT id FROM camera WHERE asset_tag = ?", Long.class, tag);
	}

	/** The kept sums (folded or still queued) equal the recount; a queued rebuild is done first, as a reader does. */
	private void assertKept(String after) {
		if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM daily_sum_delta WHERE day IS NULL)", Boolean.class))) {
			sums.ensureCurrent();
		}
		String[] measures = MEASURES.split(", ");
		String sumOf = String.join(", ", java.util.Arrays.stream(measures).map(m -> "sum(" + m + ") AS " + m).toList());
		String zeroed = String.join(", ", java.util.Arrays.stream(measures).map(m -> "coalesce(%1$s." + m + ", 0)").toList());
		String sql = DIFFERENCES.formatted(RECOUNT, MEASURES, sumOf, String.join(", ", java.util.Arrays.stream(measures).map(m -> "e." + m).toList()),
				String.join(", ", java.util.Arrays.stream(measures).map(m -> "k." + m).toList()), zeroed.formatted("e"), zeroed.formatted("k"));
		List<String> differences = jdbc.queryForList(sql, String.class, timeFormat.zone().getId());
		assertThat(differences).as("after: " + after).isEmpty();
		String keys = "source, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id";
		String months = """
				SELECT %1$s, date_trunc('month', day::timestamp)::date, %2$s FROM daily_sum_all WHERE grain = '%3$s'
				 GROUP BY %1$s, date_trunc('month', day::timestamp)::date HAVING ROW(%2$s) IS DISTINCT FROM ROW(%4$s)""";
		String zeros = String.join(", ", java.util.Collections.nCopies(measures.length, "0"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ((" + months.formatted(keys, sumOf.replaceAll(" AS \\w+", ""), "D", zeros)
				+ " EXCEPT " + months.formatted(keys, sumOf.replaceAll(" AS \\w+", ""), "M", zeros) + ") UNION ALL ("
				+ months.formatted(keys, sumOf.replaceAll(" AS \\w+", ""), "M", zeros) + " EXCEPT "
				+ months.formatted(keys, sumOf.replaceAll(" AS \\w+", ""), "D", zeros) + ")) x", Long.class))
			.as("after: " + after + ": each month's row is the sum of its days").isZero();
	}
}
