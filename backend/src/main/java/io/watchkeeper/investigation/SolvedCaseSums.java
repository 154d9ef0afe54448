package io.watchkeeper.investigation;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases solved per day and precinct, kept up to date (V149): triggers queue the cases a statement touched, and
 * {@link #counts} first folds the queue in (the queued cases' old contribution out, their new one in, in a
 * transaction of its own under an advisory lock, so that one folder works at a time and readers never wait for
 * writers), then adds up the days of the period. The definitions are {@link CaseFigures}': a case counts on the day
 * it was closed SOLVED in the city's zone; footage contributed by {@link CaseQueries#FOOTAGE_CONTRIBUTED}.
 */
@Repository
class SolvedCaseSums {

	/** Folds one at a time across nodes. */
	private static final long LOCK = 0x5C0_1ED_CA5EL;

	private static final String CURRENT = """
			SELECT c.id AS case_id, (c.closed_at AT TIME ZONE :zone)::date AS day, c.precinct_id, %s AS footage
			  FROM investigation_case c""".formatted(CaseQueries.FOOTAGE_CONTRIBUTED);

	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate own;
	private final ZoneId zone;

	SolvedCaseSums(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.zone = zone;
	}

	/** {solved, with footage} of the cases closed SOLVED from {@code from} to {@code to}, both included. */
	long[] counts(LocalDate from, LocalDate to) {
		fold();
		return jdbc.queryForObject("""
				SELECT coalesce(sum(solved), 0), coalesce(sum(with_footage), 0) FROM solved_case_day
				 WHERE day BETWEEN CAST(:from AS date) AND CAST(:to AS date)""",
				new MapSqlParameterSource("from", Date.valueOf(from)).addValue("to", Date.valueOf(to)),
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
	}

	/** The same per precinct (null: headquarters), in precinct code order. */
	java.util.List<SolvedCases.PrecinctCounts> byPrecinct(LocalDate from, LocalDate to) {
		fold();
		return jdbc.query("""
				SELECT s.precinct_id, p.code, p.name_zh, p.name_en, sum(s.solved), sum(s.with_footage)
				  FROM solved_case_day s LEFT JOIN precinct p ON p.id = s.precinct_id
				 WHERE s.day BETWEEN CAST(:from AS date) AND CAST(:to AS date)
				 GROUP BY s.precinct_id, p.code, p.name_zh, p.name_en HAVING sum(s.solved) > 0
				 ORDER BY p.code NULLS FIRST""",
				new MapSqlParameterSource("from", Date.valueOf(from)).addValue("to", Date.valueOf(to)),
				(rs, n) -> new SolvedCases.PrecinctCounts(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2),
						rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)));
	}

	/** Brings the sums up to date with every change committed before now. */
	void fold() {
		MapSqlParameterSource zoneParam = new MapSqlParameterSource("zone", zone.getId());
		Boolean pending = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM solved_case_dirty)", zoneParam, Boolean.class);
		String kept = jdbc.queryForObject("SELECT zone FROM solved_case_setting", zoneParam, String.class);
		if (!Boolean.TRUE.equals(pending) && zone.getId().equals(kept)) {
			return;
		}
		own.executeWithoutResult(status -> {
			jdbc.queryForObject("SELECT pg_advisory_xact_lock(" + LOCK + ")", zoneParam, Object.class);
			boolean rebuild = Boolean.TRUE.equals(jdbc.queryForObject("""
					SELECT EXISTS (SELECT 1 FROM solved_case_dirty WHERE case_id IS NULL)
					    OR (SELECT zone FROM solved_case_setting) <> :zone""", zoneParam, Boolean.class));
			if (rebuild) {
				rebuild(zoneParam);
			}
			else {
				foldQueue(zoneParam);
			}
		});
	}

	private void rebuild(MapSqlParameterSource zoneParam) {
		jdbc.update("DELETE FROM solved_case_dirty", zoneParam);
		jdbc.update("DELETE FROM solved_case_counted", zoneParam);
		jdbc.update("DELETE FROM solved_case_day", zoneParam);
		jdbc.update("INSERT INTO solved_case_counted (case_id, day, precinct_id, footage) " + CURRENT
				+ " WHERE c.state = 'SOLVED'", zoneParam);
		jdbc.update("""
				INSERT INTO solved_case_day (day, precinct_id, solved, with_footage)
				SELECT day, precinct_id, count(*), count(*) FILTER (WHERE footage) FROM solved_case_counted
				 GROUP BY day, precinct_id""", zoneParam);
		jdbc.update("UPDATE solved_case_setting SET zone = :zone", zoneParam);
	}

	/**
	 * One statement: every sub-statement sees the tables as they were before it, so {@code old} is what the queued
	 * cases added last time and {@code cur} what they add now; queue rows committed meanwhile stay for the next fold.
	 */
	private void foldQueue(MapSqlParameterSource zoneParam) {
		jdbc.update("""
				WITH queued AS (DELETE FROM solved_case_dirty RETURNING case_id),
				ids AS (SELECT DISTINCT case_id FROM queued),
				old AS (SELECT m.day, m.precinct_id, m.footage FROM solved_case_counted m JOIN ids ON ids.case_id = m.case_id),
				cur AS (%s JOIN ids ON ids.case_id = c.id WHERE c.state = 'SOLVED'),
				gone AS (DELETE FROM solved_case_counted m USING ids
				          WHERE m.case_id = ids.case_id AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.case_id = m.case_id)),
				kept AS (INSERT INTO solved_case_counted (case_id, day, precinct_id, footage) SELECT * FROM cur
				         ON CONFLICT (case_id) DO UPDATE
				         SET day = EXCLUDED.day, precinct_id = EXCLUDED.precinct_id, footage = EXCLUDED.footage),
				deltas AS (SELECT day, precinct_id, -1 AS solved, -footage::int AS with_footage FROM old
				           UNION ALL SELECT day, precinct_id, 1, footage::int FROM cur)
				INSERT INTO solved_case_day (day, precinct_id, solved, with_footage)
				SELECT day, precinct_id, sum(solved), sum(with_footage) FROM deltas GROUP BY day, precinct_id
				    HAVING sum(solved) <> 0 OR sum(with_footage) <> 0
				ON CONFLICT (day, precinct_id) DO UPDATE
				SET solved = solved_case_day.solved + EXCLUDED.solved,
				    with_footage = solved_case_day.with_footage + EXCLUDED.with_footage""".formatted(CURRENT), zoneParam);
	}
}
