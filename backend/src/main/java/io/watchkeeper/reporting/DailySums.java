package io.watchkeeper.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.watchkeeper.shared.TimeFormat;

/**
 * The kept per-day sums of cameras, outages and work orders (V140: table {@code daily_sum}, filled by triggers
 * through the append-only {@code daily_sum_delta}). Readers call {@link #ensureCurrent()} first and then read the
 * view {@code daily_sum_all} (sums plus deltas not yet folded), so an answer never depends on who folded when.
 *
 * <p>Folding takes {@code LOCK TABLE daily_sum IN SHARE ROW EXCLUSIVE MODE}, which only folders and rebuilders
 * take (readers and the triggers never wait for it); a folder that finds it taken leaves the deltas to the other
 * one. A queued marker (a statement over 50,000 rows) makes the next reader rebuild everything, in a REPEATABLE
 * READ transaction that takes the lock before its snapshot, so deltas committed meanwhile are neither lost nor
 * counted twice.
 */
@Service
public class DailySums {

	private static final Logger log = LoggerFactory.getLogger(DailySums.class);

	/** The end of the camera's decommission day (c), or infinity. */
	static final String DECOMMISSION_END = "coalesce((c.decommissioned_on + 1)::timestamp AT TIME ZONE :zone, 'infinity')";

	/** The open start of "up to a day": before any camera was installed. */
	static final String EVER = "DATE '1900-01-01'";

	/**
	 * The condition that picks, among the sums {@code s}, the rows that add up to the days {@code from} to
	 * {@code to} (SQL date expressions), each day once: the month rows of the whole months in between, the day rows
	 * of the days before and after them. Three index ranges on (source, grain, ..., day).
	 */
	public static String covering(String s, String from, String to) {
		String m1 = "(date_trunc('month', ((" + from + ") - 1)::timestamp) + interval '1 month')::date"; // first whole month
		String m2 = "date_trunc('month', ((" + to + ") + 1)::timestamp)::date"; // the month after the last whole one
		return ("((%1$s.grain = 'M' AND %1$s.day >= %4$s AND %1$s.day < %5$s)"
				+ " OR (%1$s.grain = 'D' AND %1$s.day >= %2$s AND %1$s.day < least(%4$s, (%3$s) + 1))"
				+ " OR (%1$s.grain = 'D' AND %1$s.day >= greatest(%4$s, %5$s, %2$s) AND %1$s.day <= %3$s))")
			.formatted(s, from, to, m1, m2);
	}

	private static final String LOCK = "LOCK TABLE daily_sum IN SHARE ROW EXCLUSIVE MODE";

	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate fold;
	private final TransactionTemplate rebuild;
	private final ZoneId zone;

	DailySums(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager, TimeFormat timeFormat) {
		this.jdbc = jdbc;
		this.fold = new TransactionTemplate(transactionManager);
		this.fold.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.rebuild = new TransactionTemplate(transactionManager);
		this.rebuild.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.rebuild.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.zone = timeFormat.zone();
	}

	/** The days are cut in watchkeeper.zone: when the configured zone changed, re-sum everything in the new one. */
	@EventListener(ApplicationReadyEvent.class)
	void followZone() {
		int changed = jdbc.update("""
				WITH z AS (UPDATE daily_sum_setting SET zone = :zone WHERE zone <> :zone RETURNING 1)
				INSERT INTO daily_sum_delta (day) SELECT NULL FROM z""", new MapSqlParameterSource("zone", zone.getId()));
		if (changed > 0) {
			log.info("Daily sums: zone changed to {}, they are re-summed on the next read", zone);
		}
	}

	/**
	 * Folds the queued deltas into the sums, or rebuilds them when a marker is queued. Each in its own
	 * transaction; cheap when nothing is queued (one probe of a small table).
	 */
	public void ensureCurrent() {
		Boolean marker = jdbc.getJdbcTemplate().queryForObject("""
				SELECT bool_or(day IS NULL) FROM (SELECT day FROM daily_sum_delta LIMIT 100000) d""", Boolean.class);
		if (marker == null) {
			return; // nothing queued
		}
		if (marker) {
			rebuild.executeWithoutResult(status -> {
				jdbc.getJdbcTemplate().execute(LOCK); // first statement: the snapshot is taken after the lock
				if (Boolean.TRUE.equals(jdbc.getJdbcTemplate()
					.queryForObject("SELECT EXISTS (SELECT 1 FROM daily_sum_delta WHERE day IS NULL)", Boolean.class))) {
					long start = System.nanoTime();
					Long rows = jdbc.getJdbcTemplate().queryForObject("SELECT daily_sum_rebuild()", Long.class);
					log.info("Daily sums rebuilt: {} rows in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
				}
			});
			return;
		}
		try {
			fold.executeWithoutResult(status -> {
				jdbc.getJdbcTemplate().execute(LOCK + " NOWAIT");
				// a marker queued since the probe waits for the next reader's rebuild
				if (!Boolean.TRUE.equals(jdbc.getJdbcTemplate()
					.queryForObject("SELECT EXISTS (SELECT 1 FROM daily_sum_delta WHERE day IS NULL)", Boolean.class))) {
					jdbc.getJdbcTemplate().queryForObject("SELECT daily_sum_fold()", Long.class);
				}
			});
		}
		catch (PessimisticLockingFailureException busy) {
			// another node folds right now; daily_sum_all counts what it has not folded yet
		}
	}

	/**
	 * Recounts every sum from the raw tables in a transaction of its own (the nightly {@code reporting.daily-sums}
	 * recount): repairs what no delta can, e.g. a camera moved to another precinct while another transaction changed
	 * its outages, each trigger seeing the other's row as it was. Readers keep the old sums until it commits.
	 *
	 * @return the sum rows written
	 */
	public long recountAll() {
		Long rows = rebuild.execute(status -> {
			jdbc.getJdbcTemplate().execute(LOCK); // first statement: the snapshot is taken after the lock
			long start = System.nanoTime();
			Long written = jdbc.getJdbcTemplate().queryForObject("SELECT daily_sum_rebuild()", Long.class);
			log.info("Daily sums recounted: {} rows in {} ms", written, (System.nanoTime() - start) / 1_000_000);
			return written;
		});
		return rows == null ? 0 : rows;
	}

	/**
	 * Recounts all sums in the caller's transaction (the demo loader, which holds the tables alone, calls it once
	 * after its bulk statements queued their markers).
	 */
	public long rebuildHere() {
		jdbc.getJdbcTemplate().execute(LOCK);
		Long rows = jdbc.getJdbcTemplate().queryForObject("SELECT daily_sum_rebuild()", Long.class);
		return rows == null ? 0 : rows;
	}

	/**
	 * Downtime hours per precinct ({@code byDistrict} false) or district in [{@code from}, {@code to}): the outages
	 * of cameras in service (not planned; until the camera's decommission day ends), as the maintenance figures
	 * count downtime. Whole days from the sums; the partial first and last day and the open outages from the
	 * outages themselves.
	 */
	public Map<Long, Double> downtimeHours(boolean byDistrict, Instant from, Instant to) {
		ensureCurrent();
		Map<Long, Double> hours = new HashMap<>();
		if (!from.isBefore(to)) {
			return hours;
		}
		LocalDate firstWhole = from.atZone(zone).toLocalDate();
		if (firstWhole.atStartOfDay(zone).toInstant().isBefore(from)) {
			firstWhole = firstWhole.plusDays(1);
		}
		LocalDate endWhole = to.atZone(zone).toLocalDate(); // exclusive
		Instant wholeStart = firstWhole.atStartOfDay(zone).toInstant();
		Instant wholeEnd = endWhole.atStartOfDay(zone).toInstant();
		boolean whole = firstWhole.isBefore(endWhole);
		if (!whole) {
			wholeStart = to; // one partial window [from, to)
			wholeEnd = to;
		}
		String area = byDistrict ? "district_id" : "precinct_id";
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to)).addValue("ws", Timestamp.from(wholeStart))
			.addValue("we", Timestamp.from(wholeEnd)).addValue("first", java.sql.Date.valueOf(firstWhole))
			.addValue("last", java.sql.Date.valueOf(endWhole.minusDays(1))).addValue("whole", whole)
			.addValue("zone", zone.getId());
		jdbc.query("""
				WITH parts AS (
				    SELECT s.%1$s AS area_id, s.downtime_seconds AS seconds FROM daily_sum_all s
				     WHERE :whole AND s.source = 'O' AND %3$s
				    UNION ALL -- closed outages in the partial first and last day
				    SELECT c.%1$s, extract(epoch FROM least(o.ended_at, %2$s, w.e) - greatest(o.started_at, w.s))
				      FROM (VALUES (CAST(:from AS timestamptz), CAST(:ws AS timestamptz)),
				                   (CAST(:we AS timestamptz), CAST(:to AS timestamptz))) w(s, e)
				      JOIN outage o ON o.ended_at IS NOT NULL AND tstzrange(o.started_at, o.ended_at) && tstzrange(w.s, w.e)
				      JOIN camera c ON c.id = o.camera_id
				     WHERE w.s < w.e AND c.status <> 'PLANNED' AND least(o.ended_at, %2$s, w.e) > greatest(o.started_at, w.s)
				    UNION ALL -- open outages
				    SELECT c.%1$s, extract(epoch FROM least(%2$s, CAST(:to AS timestamptz))
				                                  - greatest(o.started_at, CAST(:from AS timestamptz)))
				      FROM outage o JOIN camera c ON c.id = o.camera_id
				     WHERE o.ended_at IS NULL AND o.started_at < CAST(:to AS timestamptz) AND c.status <> 'PLANNED'
				       AND least(%2$s, CAST(:to AS timestamptz)) > greatest(o.started_at, CAST(:from AS timestamptz)))
				SELECT area_id, sum(seconds) / 3600.0 FROM parts WHERE area_id IS NOT NULL GROUP BY area_id""".formatted(area, DECOMMISSION_END,
						covering("s", "CAST(:first AS date)", "CAST(:last AS date)")),
				params, rs -> {
					hours.put(rs.getLong(1), rs.getDouble(2));
				});
		return hours;
	}
}
