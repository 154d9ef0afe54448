package io.watchkeeper.reporting;

import static io.watchkeeper.reporting.MaintenanceFigures.CITY_PIECES;
import static io.watchkeeper.reporting.MaintenanceFigures.DIMENSION;
import static io.watchkeeper.reporting.MaintenanceFigures.NONE_EN;
import static io.watchkeeper.reporting.MaintenanceFigures.NONE_ZH;
import static io.watchkeeper.reporting.MaintenanceFigures.ORDER_KEY;
import static io.watchkeeper.reporting.MaintenanceFigures.PIECES;
import static io.watchkeeper.reporting.MaintenanceFigures.nz;

import java.math.BigDecimal;
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

import io.watchkeeper.reporting.MaintenanceFigures.Acc;
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
			MaintenanceFigures.addOrders(groups, rs);
		});
		return groups;
	}
}
