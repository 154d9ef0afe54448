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
 * The maintenance figures as they were counted before the kept per-day sums (issue 12): three statements that
 * scan the cameras, the outages and the work orders of the period on every request (2.3-3.1 s for a half year on
 * 1,000,000 cameras). Kept for DailySumsIT, which checks that {@link MaintenanceFigures} counts the same, and as
 * the baseline that scripts/bench-reports prints beside the new figures (scripts/bench/reports_bench.py holds the
 * same SQL).
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
 * </ul>
 */
final class FullScanFigures {

	private static final String DATES = """
			CAST(:from AS date) AS wd_from, CAST(:to AS date) AS wd_to, CAST(:s AS timestamptz) AS ws, CAST(:e AS timestamptz) AS we""";

	private static final String CITY_PIECES = "SELECT 0::bigint AS group_key, NULL::bigint AS precinct_id, " + DATES;

	private static final String CONTRACT_TERM = """
			greatest(CAST(:from AS date), %1$s) AS wd_from, least(CAST(:to AS date), %2$s) AS wd_to,
			greatest(CAST(:s AS timestamptz), (%1$s)::timestamp AT TIME ZONE :zone) AS ws,
			least(CAST(:e AS timestamptz), (%2$s + 1)::timestamp AT TIME ZONE :zone) AS we""";

	private static final String CONTRACTS_IN_PERIOD = """
			FROM maintenance_contract mc JOIN maintenance_contract_precinct mp ON mp.contract_id = mc.id
			WHERE mc.starts_on <= CAST(:to AS date) AND mc.ends_on >= CAST(:from AS date)""";

	private static final Map<Grouping, String> PIECES = Map.of(
			Grouping.PRECINCT, "SELECT p.id AS group_key, p.id AS precinct_id, " + DATES + " FROM precinct p",
			Grouping.SQUAD, "SELECT q.id AS group_key, q.precinct_id, " + DATES + " FROM repair_squad q WHERE q.precinct_id IS NOT NULL",
			Grouping.CONTRACT, "SELECT mc.id AS group_key, mp.precinct_id, " + CONTRACT_TERM.formatted("mc.starts_on", "mc.ends_on")
					+ " " + CONTRACTS_IN_PERIOD,
			Grouping.VENDOR, "SELECT mc.vendor_id AS group_key, mp.precinct_id, "
					+ CONTRACT_TERM.formatted("min(mc.starts_on)", "max(mc.ends_on)") + " " + CONTRACTS_IN_PERIOD
					+ " GROUP BY mc.vendor_id, mp.precinct_id");

	private static final Map<Grouping, String> ORDER_KEY = Map.of(Grouping.PRECINCT, "c.precinct_id",
			Grouping.CONTRACT, "w.contract_id", Grouping.VENDOR, "w.vendor_id", Grouping.SQUAD, "w.squad_id");

	private static final Map<Grouping, String> DIMENSION = Map.of(
			Grouping.PRECINCT, "SELECT id, code, name_zh, name_en, true AS always FROM precinct ORDER BY id",
			Grouping.SQUAD, "SELECT id, code, name_zh, name_en, true FROM repair_squad ORDER BY precinct_id NULLS FIRST, id",
			Grouping.CONTRACT, "SELECT id, code, name_zh, name_en, false FROM maintenance_contract ORDER BY code",
			Grouping.VENDOR, "SELECT id, code, name_zh, name_en, false FROM vendor ORDER BY code");

	private final NamedParameterJdbcTemplate jdbc;
	private final Clock clock;
	private final ZoneId zone;

	FullScanFigures(NamedParameterJdbcTemplate jdbc, Clock clock, TimeFormat timeFormat) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = timeFormat.zone();
	}

	/** The figures of {@code period} grouped by {@code grouping}, with the city's totals. */
	MaintenanceReport figures(ReportPeriod period, Grouping grouping) {
		Instant start = period.from().atStartOfDay(zone).toInstant();
		Instant end = period.to().plusDays(1).atStartOfDay(zone).toInstant();
		Instant now = clock.instant();
		Instant until = end.isAfter(now) ? (now.isAfter(start) ? now : start) : end;
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Date.valueOf(period.from()))
			.addValue("to", Date.valueOf(period.to())).addValue("s", Timestamp.from(start))
			.addValue("e", Timestamp.from(until)).addValue("zone", zone.getId());

		Map<Long, Acc> groups = measure(PIECES.get(grouping), "p.precinct_id = c.precinct_id", ORDER_KEY.get(grouping),
				grouping == Grouping.PRECINCT, params);
		Acc city = measure(CITY_PIECES, "true", "0::bigint", false, params).getOrDefault(0L, new Acc());

		List<MaintenanceReport.Row> rows = new ArrayList<>();
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
		return new MaintenanceReport(period.from(), period.to(), ReportPeriod.rocYear(period.from().getYear()),
				ReportPeriod.rocYear(period.to().getYear()), period.span(), start, end, until,
				MaintenanceFigures.hours(Duration.between(start, until).toMillis() / 3_600_000.0), grouping.param(), rows,
				city.row(null, "TOTAL", "全市合計", "City total"));
	}

	private static final Map<Grouping, String> NONE_ZH = Map.of(Grouping.PRECINCT, "（無分局）",
			Grouping.CONTRACT, "（無契約：保固廠商或維修小組）", Grouping.VENDOR, "（無廠商：維修小組）", Grouping.SQUAD, "（非維修小組：廠商）");
	private static final Map<Grouping, String> NONE_EN = Map.of(Grouping.PRECINCT, "(no precinct)",
			Grouping.CONTRACT, "(no contract: warranty supplier or squad)", Grouping.VENDOR, "(no vendor: squads)",
			Grouping.SQUAD, "(no squad: vendors)");

	private Map<Long, Acc> measure(String pieces, String cameraJoin, String orderKey, boolean orderNeedsCamera,
			MapSqlParameterSource params) {
		Map<Long, Acc> groups = new HashMap<>();
		String with = "WITH pieces AS (SELECT * FROM (" + pieces + ") x WHERE ws < we) ";
		jdbc.query(with + """
				SELECT p.group_key, count(c.id) AS cameras, sum(extract(epoch FROM p.we - p.ws)) FILTER (WHERE c.id IS NOT NULL) / 3600.0,
				       count(c.id) FILTER (WHERE c.decommissioned_on <= p.wd_to AND c.decommission_kind IS DISTINCT FROM 'REPLACED'),
				       count(c.id) FILTER (WHERE c.decommissioned_on <= p.wd_to AND c.decommission_kind = 'REPLACED')
				  FROM pieces p
				  LEFT JOIN camera c ON %s AND c.status <> 'PLANNED' AND c.install_date <= p.wd_to
				                    AND (c.decommissioned_on IS NULL OR c.decommissioned_on >= p.wd_from)
				 GROUP BY p.group_key""".formatted(cameraJoin), params, rs -> {
			Acc acc = groups.computeIfAbsent(rs.getLong(1), k -> new Acc());
			acc.cameras = rs.getLong(2);
			acc.cameraHours = nz(rs.getBigDecimal(3));
			acc.decommissioned = rs.getLong(4);
			acc.replaced = rs.getLong(5);
		});
		jdbc.query(with + """
				SELECT p.group_key,
				       count(*) FILTER (WHERE o.started_at >= p.ws) AS outages,
				       sum(greatest(0, extract(epoch FROM least(coalesce(o.ended_at, p.we), p.we,
				               coalesce((c.decommissioned_on + 1)::timestamp AT TIME ZONE :zone, p.we)) - greatest(o.started_at, p.ws)))) / 3600.0,
				       count(*) FILTER (WHERE o.ended_at < p.we) AS ended,
				       sum(extract(epoch FROM o.ended_at - o.started_at)) FILTER (WHERE o.ended_at < p.we) / 3600.0
				  FROM outage o
				  JOIN camera c ON c.id = o.camera_id
				  JOIN pieces p ON %s
				 WHERE o.started_at < CAST(:e AS timestamptz) AND (o.ended_at IS NULL OR o.ended_at > CAST(:s AS timestamptz))
				   AND o.started_at < p.we AND (o.ended_at IS NULL OR o.ended_at > p.ws)
				   AND c.status <> 'PLANNED' AND (c.decommissioned_on IS NULL OR c.decommissioned_on >= p.wd_from)
				 GROUP BY p.group_key""".formatted(cameraJoin), params, rs -> {
			Acc acc = groups.computeIfAbsent(rs.getLong(1), k -> new Acc());
			acc.outages = rs.getLong(2);
			acc.downtimeHours = nz(rs.getBigDecimal(3));
			acc.outagesEnded = rs.getLong(4);
			acc.endedHours = nz(rs.getBigDecimal(5));
		});
		jdbc.query("""
				SELECT %s AS group_key,
				       count(*) FILTER (WHERE w.opened_at >= CAST(:s AS timestamptz)),
				       count(*) FILTER (WHERE w.closed_at >= CAST(:s AS timestamptz) AND w.closed_at < CAST(:e AS timestamptz)),
				       count(*) FILTER (WHERE %s),
				       sum(extract(epoch FROM w.restored_at - w.opened_at)) FILTER (WHERE %2$s) / 3600.0,
				       count(*) FILTER (WHERE w.resolution = 'RESTORED_BY_VENDOR' AND w.state = 'CLOSED' AND %3$s),
				       count(*) FILTER (WHERE w.resolution = 'RESTORED_IN_HOUSE' AND w.state = 'CLOSED' AND %3$s)
				  FROM work_order w %4$s
				 WHERE w.opened_at < CAST(:e AS timestamptz) AND (w.closed_at IS NULL OR w.closed_at >= CAST(:s AS timestamptz))
				 GROUP BY 1""".formatted(orderKey,
				"w.kind = 'REPAIR' AND w.restored_at >= CAST(:s AS timestamptz) AND w.restored_at < CAST(:e AS timestamptz)",
				"coalesce(w.restored_at, w.closed_at) >= CAST(:s AS timestamptz) AND coalesce(w.restored_at, w.closed_at) < CAST(:e AS timestamptz)",
				orderNeedsCamera ? "JOIN camera c ON c.id = w.camera_id" : ""), params, rs -> {
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
		});
		return groups;
	}

	private static BigDecimal nz(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}


	/** What one group adds up to while the three statements fill it. */
	private static final class Acc {
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
