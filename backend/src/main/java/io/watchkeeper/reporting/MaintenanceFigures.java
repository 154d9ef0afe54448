package io.watchkeeper.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.TimeFormat;

/**
 * The maintenance figures of a period, grouped by precinct, contract, vendor or squad, added up from the kept
 * per-day sums ({@link DailySums}, V140) in three statements (cameras in service, outages, work orders): whole days
 * from the sums, open outages from the outages themselves (few, on a partial index), and while the period runs
 * the part of today until now from the outages and orders of today. ({@code FullScanFigures} keeps the former
 * statements that scanned the period's outages and orders on every request, as the benchmark's baseline.)
 *
 * <p>Definitions (also on the page):
 * <ul>
 * <li>The period runs from the first day 00:00 to the day after the last day 00:00 in the city's zone; while it
 * runs, figures are measured until now.</li>
 * <li>A camera is <b>in service</b> in a period when it was installed on or before the period's last day and not
 * decommissioned before its first day (planned cameras never are).</li>
 * <li><b>Downtime</b>: the part of each outage of a camera in service that lies within the period (an open
 * outage counts until now or the period's end; a decommissioned camera's until its decommission day ends).
 * <b>Availability</b> = 1 − downtime ÷ (cameras in service × hours measured).</li>
 * <li>By <b>contract</b>, cameras and outages are those of the precincts the contract covers, during its term
 * within the period; by <b>vendor</b>, those of the precincts its contracts cover, from the first to the last day
 * of its terms there within the period; by <b>squad</b>, those of the squad's precinct (HQ's squad covers none).
 * Work orders count where they were assigned (an order's contract, vendor or squad); by precinct, the camera's.</li>
 * <li><b>Mean time to restore</b>: restored − opened of the repair orders restored in the period; the outage-based
 * figure is the mean length of the outages that ended in it. <b>Restored by vendors / in-house</b>: verified (closed) orders with
 * that resolution restored (or, without a restore time, closed) in the period (a camera restored twice counts twice).</li>
 * <li><b>Decommissioned</b>: cameras whose decommission day lies in the period and whose decommission kind is not
 * REPLACED (the records that closing a decommission order writes); <b>replaced</b>: those whose kind is REPLACED,
 * counted as replacements, not decommissions.</li>
 * <li>Since the per-day sums (issue 12): an outage that began or ended after its camera's decommission day counts
 * as begun or ended on the decommission day (before, it counted on its own day, in any period where the camera
 * was still in service at the start); its downtime was and is cut at the decommission day's end. Nothing else
 * changed.</li>
 * </ul>
 */
@Service
public class MaintenanceFigures {

	static final String DATES = """
			CAST(:from AS date) AS wd_from, CAST(:to AS date) AS wd_to, CAST(:s AS timestamptz) AS ws, CAST(:e AS timestamptz) AS we""";

	static final String CITY_PIECES = "SELECT 0::bigint AS group_key, NULL::bigint AS precinct_id, " + DATES;

	static final String CONTRACT_TERM = """
			greatest(CAST(:from AS date), %1$s) AS wd_from, least(CAST(:to AS date), %2$s) AS wd_to,
			greatest(CAST(:s AS timestamptz), (%1$s)::timestamp AT TIME ZONE :zone) AS ws,
			least(CAST(:e AS timestamptz), (%2$s + 1)::timestamp AT TIME ZONE :zone) AS we""";

	static final String CONTRACTS_IN_PERIOD = """
			FROM maintenance_contract mc JOIN maintenance_contract_precinct mp ON mp.contract_id = mc.id
			WHERE mc.starts_on <= CAST(:to AS date) AND mc.ends_on >= CAST(:from AS date)""";

	static final Map<Grouping, String> PIECES = Map.of(
			Grouping.PRECINCT, "SELECT p.id AS group_key, p.id AS precinct_id, " + DATES + " FROM precinct p",
			Grouping.SQUAD, "SELECT q.id AS group_key, q.precinct_id, " + DATES + " FROM repair_squad q WHERE q.precinct_id IS NOT NULL",
			Grouping.CONTRACT, "SELECT mc.id AS group_key, mp.precinct_id, " + CONTRACT_TERM.formatted("mc.starts_on", "mc.ends_on")
					+ " " + CONTRACTS_IN_PERIOD,
			Grouping.VENDOR, "SELECT mc.vendor_id AS group_key, mp.precinct_id, "
					+ CONTRACT_TERM.formatted("min(mc.starts_on)", "max(mc.ends_on)") + " " + CONTRACTS_IN_PERIOD
					+ " GROUP BY mc.vendor_id, mp.precinct_id");

	static final Map<Grouping, String> ORDER_KEY = Map.of(Grouping.PRECINCT, "c.precinct_id",
			Grouping.CONTRACT, "w.contract_id", Grouping.VENDOR, "w.vendor_id", Grouping.SQUAD, "w.squad_id");

	static final Map<Grouping, String> DIMENSION = Map.of(
			Grouping.PRECINCT, "SELECT id, code, name_zh, name_en, true AS always FROM precinct ORDER BY id",
			Grouping.SQUAD, "SELECT id, code, name_zh, name_en, true FROM repair_squad ORDER BY precinct_id NULLS FIRST, id",
			Grouping.CONTRACT, "SELECT id, code, name_zh, name_en, false FROM maintenance_contract ORDER BY code",
			Grouping.VENDOR, "SELECT id, code, name_zh, name_en, false FROM vendor ORDER BY code");

	/** Order keys in the sums and in the orders of today. */
	private static final Map<Grouping, String> SUM_ORDER_KEY = Map.of(Grouping.PRECINCT, "s.precinct_id",
			Grouping.CONTRACT, "s.contract_id", Grouping.VENDOR, "s.vendor_id", Grouping.SQUAD, "s.squad_id");

	private final NamedParameterJdbcTemplate jdbc;
	private final Clock clock;
	private final ZoneId zone;
	private final DailySums sums;

	MaintenanceFigures(NamedParameterJdbcTemplate jdbc, Clock clock, TimeFormat timeFormat, DailySums sums) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = timeFormat.zone();
		this.sums = sums;
	}

	public ZoneId zone() {
		return zone;
	}

	/** The figures of {@code period} grouped by {@code grouping}, with the city's totals. */
	@Transactional(readOnly = true)
	public MaintenanceReport figures(ReportPeriod period, Grouping grouping) {
		sums.ensureCurrent();
		return measured(period, grouping, false);
	}

	private MaintenanceReport measured(ReportPeriod period, Grouping grouping, boolean totalsOnly) {
		Instant start = period.from().atStartOfDay(zone).toInstant();
		Instant end = period.to().plusDays(1).atStartOfDay(zone).toInstant();
		Instant now = clock.instant();
		Instant until = end.isAfter(now) ? (now.isAfter(start) ? now : start) : end;
		// whole days up to the day before the one `until` falls in come from the sums; that day, when the period
		// runs, from today's records until now
		LocalDate untilDay = until.atZone(zone).toLocalDate();
		Instant untilDayStart = untilDay.atStartOfDay(zone).toInstant();
		boolean today = until.isAfter(untilDayStart);
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Date.valueOf(period.from()))
			.addValue("to", Date.valueOf(period.to())).addValue("s", Timestamp.from(start))
			.addValue("e", Timestamp.from(until)).addValue("zone", zone.getId())
			.addValue("last", Date.valueOf(untilDay.minusDays(1)))
			.addValue("w0", Timestamp.from(today ? untilDayStart : until));

		Map<Long, Acc> groups = totalsOnly ? new HashMap<>()
				: measure(PIECES.get(grouping), "p.precinct_id = %s.precinct_id", ORDER_KEY.get(grouping),
						SUM_ORDER_KEY.get(grouping), grouping == Grouping.PRECINCT, today, params);
		Acc city = measure(CITY_PIECES, "true", "0::bigint", "0::bigint", false, today, params).getOrDefault(0L, new Acc());

		List<MaintenanceReport.Row> rows = new ArrayList<>();
		if (!totalsOnly) {
			jdbc.query(DIMENSION.get(grouping), rs -> {
				long id = rs.getLong(1);
				Acc acc = groups.remove(id);
				if (acc != null || rs.getBoolean(5)) {
					rows.add((acc == null ? new Acc() : acc).row(id, rs.getString(2), rs.getString(3), rs.getString(4)));
				}
			});
			Acc none = groups.remove(null);
			if (none != null) {
				rows.add(none.row(null, null, NONE_ZH.get(grouping), NONE_EN.get(grouping)));
			}
		}
		return new MaintenanceReport(period.from(), period.to(), ReportPeriod.rocYear(period.from().getYear()),
				ReportPeriod.rocYear(period.to().getYear()), period.span(), start, end, until,
				hours(Duration.between(start, until).toMillis() / 3_600_000.0), grouping.param(), rows,
				city.row(null, "TOTAL", "全市合計", "City total"));
	}

	/**
	 * Cameras with plate recognition (LPR or real-time LPR) in service at the end of {@code day}: installed on or
	 * before it, not decommissioned on or before it, not planned: installed up to it less decommissioned or
	 * replaced up to it, from the kept sums.
	 */
	@Transactional(readOnly = true)
	public long lprInServiceAt(LocalDate day) {
		sums.ensureCurrent();
		return jdbc.queryForObject("""
						SELECT coalesce(sum(s.installed - s.decommissioned - s.replaced), 0) FROM daily_sum_all s
						 WHERE s.source = 'C' AND s.lpr <> 'NONE' AND %s""".formatted(DailySums.covering("s", DailySums.EVER,
								"CAST(:day AS date)")),
						new MapSqlParameterSource("day", Date.valueOf(day)), Long.class);
	}

	/** {@link #lprInServiceAt} at the last day of each month from {@code first} to {@code last}. */
	@Transactional(readOnly = true)
	public List<HalfYearReport.MonthCount> lprInServiceAtMonthEnds(YearMonth first, YearMonth last) {
		sums.ensureCurrent();
		return jdbc.query("""
				WITH m AS (SELECT (d + interval '1 month' - interval '1 day')::date AS day
				             FROM generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 month') d),
				lpr AS (SELECT s.day, sum(s.installed - s.decommissioned - s.replaced) AS n FROM daily_sum_all s
				         WHERE s.source = 'C' AND s.grain = 'M' AND s.lpr <> 'NONE' AND s.day <= (SELECT max(day) FROM m) GROUP BY s.day)
				SELECT m.day, coalesce((SELECT sum(lpr.n) FROM lpr WHERE lpr.day <= m.day), 0) -- month ends: whole months
				  FROM m ORDER BY m.day""",
				new MapSqlParameterSource("first", Date.valueOf(first.atDay(1))).addValue("last", Date.valueOf(last.atDay(1))),
				(rs, i) -> new HalfYearReport.MonthCount(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2)));
	}

	/**
	 * The city's availability % per month from {@code first} to {@code last} (each month measured as
	 * {@link #figures} measures a period; a month not yet begun is left out): the city's totals of each month from
	 * the kept sums.
	 */
	@Transactional(readOnly = true)
	public List<HalfYearReport.MonthValue> availabilityByMonth(YearMonth first, YearMonth last) {
		sums.ensureCurrent();
		List<HalfYearReport.MonthValue> months = new ArrayList<>();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		for (YearMonth m = first; !m.isAfter(last) && !m.atDay(1).isAfter(today); m = m.plusMonths(1)) {
			MaintenanceReport report = measured(new ReportPeriod(m.atDay(1), m.atEndOfMonth()), Grouping.PRECINCT, true);
			months.add(new HalfYearReport.MonthValue(m, report.totals().availabilityPercent()));
		}
		return months;
	}

	static final Map<Grouping, String> NONE_ZH = Map.of(Grouping.PRECINCT, "（無分局）",
			Grouping.CONTRACT, "（無契約：保固廠商或維修小組）", Grouping.VENDOR, "（無廠商：維修小組）", Grouping.SQUAD, "（非維修小組：廠商）");
	static final Map<Grouping, String> NONE_EN = Map.of(Grouping.PRECINCT, "(no precinct)",
			Grouping.CONTRACT, "(no contract: warranty supplier or squad)", Grouping.VENDOR, "(no vendor: squads)",
			Grouping.SQUAD, "(no squad: vendors)");

	private Map<Long, Acc> measure(String pieces, String cameraJoin, String orderKey, String sumOrderKey,
			boolean orderNeedsCamera, boolean today, MapSqlParameterSource params) {
		Map<Long, Acc> groups = new HashMap<>();
		String with = "WITH pieces AS (SELECT * FROM (" + pieces + ") x WHERE ws < we) ";
		// cameras in service in a piece: installed up to its last day less decommissioned or replaced before its first
		jdbc.query(with + """
				SELECT p.group_key, sum(x.cameras), sum(x.cameras * extract(epoch FROM p.we - p.ws)) / 3600.0,
				       sum(x.decommissioned), sum(x.replaced)
				  FROM pieces p CROSS JOIN LATERAL (
				       SELECT (SELECT coalesce(sum(s.installed), 0) FROM daily_sum_all s WHERE s.source = 'C' AND %1$s AND %2$s)
				              - (SELECT coalesce(sum(s.decommissioned + s.replaced), 0) FROM daily_sum_all s
				                  WHERE s.source = 'C' AND %1$s AND %3$s) AS cameras,
				              d.decommissioned, d.replaced
				         FROM (SELECT coalesce(sum(s.decommissioned), 0) AS decommissioned, coalesce(sum(s.replaced), 0) AS replaced
				                 FROM daily_sum_all s WHERE s.source = 'C' AND %1$s AND %4$s) d) x
				 GROUP BY p.group_key""".formatted(cameraJoin.formatted("s"), DailySums.covering("s", DailySums.EVER, "p.wd_to"),
				DailySums.covering("s", DailySums.EVER, "p.wd_from - 1"), DailySums.covering("s", "p.wd_from", "p.wd_to")),
				params, rs -> {
			Acc acc = groups.computeIfAbsent(rs.getLong(1), k -> new Acc());
			acc.cameras = rs.getLong(2);
			acc.cameraHours = nz(rs.getBigDecimal(3));
			acc.decommissioned = rs.getLong(4);
			acc.replaced = rs.getLong(5);
		});
		// outages: whole days from the sums; open outages (and today's closed ones while the period runs) as they are
		String live = """
				SELECT o.started_at, o.ended_at, c.precinct_id, c.decommissioned_on, %s AS dec_end
				  FROM outage o JOIN camera c ON c.id = o.camera_id
				 WHERE c.status <> 'PLANNED' AND o.started_at < CAST(:e AS timestamptz) AND """.formatted(DailySums.DECOMMISSION_END);
		jdbc.query(with + ", live AS MATERIALIZED (" + live + " o.ended_at IS NULL"
				+ (today ? " UNION ALL " + live + " o.ended_at > CAST(:w0 AS timestamptz)" : "") + ") " + """
				SELECT p.group_key, sum(x.outages), sum(x.down) / 3600.0, sum(x.ended), sum(x.ended_s) / 3600.0
				  FROM pieces p CROSS JOIN LATERAL (
				       SELECT sum(s.outages) AS outages, sum(s.downtime_seconds) AS down, sum(s.outages_ended) AS ended,
				              sum(s.ended_seconds) AS ended_s
				         FROM daily_sum_all s
				        WHERE s.source = 'O' AND %1$s AND %4$s
				       UNION ALL
				       SELECT count(*) FILTER (WHERE o.started_at >= greatest(p.ws, CAST(:w0 AS timestamptz)) AND o.started_at < o.dec_end),
				              sum(greatest(0, extract(epoch FROM least(coalesce(o.ended_at, p.we), p.we, o.dec_end)
				                  - greatest(o.started_at, p.ws, CASE WHEN o.ended_at IS NULL THEN p.ws ELSE CAST(:w0 AS timestamptz) END)))),
				              count(*) FILTER (WHERE %3$s),
				              sum(extract(epoch FROM o.ended_at - o.started_at)) FILTER (WHERE %3$s)
				         FROM live o
				        WHERE %2$s AND o.started_at < p.we AND (o.decommissioned_on IS NULL OR o.decommissioned_on >= p.wd_from)) x
				 GROUP BY p.group_key""".formatted(cameraJoin.formatted("s"), cameraJoin.formatted("o"),
				"o.ended_at > greatest(p.ws, CAST(:w0 AS timestamptz)) AND o.ended_at < p.we AND o.ended_at <= o.dec_end",
				DailySums.covering("s", "p.wd_from", "least(p.wd_to, CAST(:last AS date))")),
				params, rs -> {
			Acc acc = groups.computeIfAbsent(rs.getLong(1), k -> new Acc());
			acc.outages = rs.getLong(2);
			acc.downtimeHours = nz(rs.getBigDecimal(3));
			acc.outagesEnded = rs.getLong(4);
			acc.endedHours = nz(rs.getBigDecimal(5));
		});
		String restored = "w.kind = 'REPAIR' AND w.restored_at >= CAST(:w0 AS timestamptz) AND w.restored_at < CAST(:e AS timestamptz)";
		String verified = "w.state = 'CLOSED' AND coalesce(w.restored_at, w.closed_at) >= CAST(:w0 AS timestamptz) "
				+ "AND coalesce(w.restored_at, w.closed_at) < CAST(:e AS timestamptz)";
		String todays = !today ? "" : """
				UNION ALL
				SELECT %1$s, CASE WHEN w.opened_at >= CAST(:w0 AS timestamptz) AND w.opened_at < CAST(:e AS timestamptz) THEN 1 ELSE 0 END,
				       CASE WHEN w.closed_at >= CAST(:w0 AS timestamptz) AND w.closed_at < CAST(:e AS timestamptz) THEN 1 ELSE 0 END,
				       CASE WHEN %2$s THEN 1 ELSE 0 END, CASE WHEN %2$s THEN extract(epoch FROM w.restored_at - w.opened_at) ELSE 0 END,
				       CASE WHEN w.resolution = 'RESTORED_BY_VENDOR' AND %3$s THEN 1 ELSE 0 END,
				       CASE WHEN w.resolution = 'RESTORED_IN_HOUSE' AND %3$s THEN 1 ELSE 0 END
				  FROM work_order w %4$s
				 WHERE w.opened_at >= CAST(:w0 AS timestamptz) OR w.closed_at >= CAST(:w0 AS timestamptz)
				    OR (w.state NOT IN ('CLOSED', 'CANCELLED') AND w.restored_at >= CAST(:w0 AS timestamptz))"""
			.formatted(orderKey, restored, verified, orderNeedsCamera ? "JOIN camera c ON c.id = w.camera_id" : "");
		jdbc.query("""
				SELECT x.group_key, sum(x.o), sum(x.c), sum(x.r), sum(x.r_s) / 3600.0, sum(x.v), sum(x.h) FROM (
				    SELECT %s AS group_key, s.orders_opened AS o, s.orders_closed AS c, s.repairs_restored AS r,
				           s.restore_seconds AS r_s, s.restored_by_vendors AS v, s.restored_in_house AS h
				      FROM daily_sum_all s
				     WHERE s.source = 'W' AND %s
				    %s) x
				 GROUP BY 1""".formatted(sumOrderKey,
				DailySums.covering("s", "CAST(:from AS date)", "least(CAST(:to AS date), CAST(:last AS date))"), todays), params, rs -> {
			addOrders(groups, rs);
		});
		return groups;
	}

	/**
	 * One row of the orders' figures (group key, opened, closed, restored, restore hours, by vendors, in-house) into
	 * its group; the full-scan statements (FullScanFigures) give the same columns.
	 */
	static void addOrders(Map<Long, Acc> groups, java.sql.ResultSet rs) throws java.sql.SQLException {
		long key = rs.getLong(1);
		Long groupKey = rs.wasNull() ? null : key;
		if (!groups.containsKey(groupKey) && rs.getLong(2) + rs.getLong(3) + rs.getLong(4) == 0) {
			return; // only orders that stayed open through the period: nothing to show for a group without area
		}
		Acc acc = groups.computeIfAbsent(groupKey, k -> new Acc());
		acc.opened = rs.getLong(2);
		acc.closed = rs.getLong(3);
		acc.restored = rs.getLong(4);
		acc.restoreHours = nz(rs.getBigDecimal(5));
		acc.byVendors = rs.getLong(6);
		acc.inHouse = rs.getLong(7);
	}

	static BigDecimal nz(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	static BigDecimal hours(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

	/** What one group adds up to while the three statements fill it. */
	/** What one group adds up to while the statements fill it (FullScanFigures fills it the old way). */
	static final class Acc {
		Long cameras;
		BigDecimal cameraHours = BigDecimal.ZERO;
		long outages;
		BigDecimal downtimeHours = BigDecimal.ZERO;
		long outagesEnded;
		BigDecimal endedHours = BigDecimal.ZERO;
		long opened;
		long closed;
		long restored;
		BigDecimal restoreHours = BigDecimal.ZERO;
		long byVendors;
		long inHouse;
		long decommissioned;
		long replaced;

		MaintenanceReport.Row row(Long key, String code, String nameZh, String nameEn) {
			BigDecimal availability = cameras == null || cameraHours.signum() == 0 ? null
					: BigDecimal.ONE.subtract(downtimeHours.divide(cameraHours, 12, RoundingMode.HALF_UP))
						.multiply(BigDecimal.valueOf(100)).setScale(3, RoundingMode.HALF_UP);
			return new MaintenanceReport.Row(key, code, nameZh, Objects.requireNonNullElse(nameEn, nameZh), cameras,
					cameras == null ? null : cameraHours.setScale(2, RoundingMode.HALF_UP), outages,
					downtimeHours.setScale(2, RoundingMode.HALF_UP), availability, outagesEnded,
					mean(endedHours, outagesEnded), opened, closed, restored, mean(restoreHours, restored), byVendors, inHouse,
					decommissioned, replaced);
		}

		private static BigDecimal mean(BigDecimal total, long count) {
			return count == 0 ? null : total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
		}
	}

}
