package io.watchkeeper.planning;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.camera.LprCapability;

/**
 * The end-of-life forecast's counts: one grouped statement over the cameras, by fiscal year of end of life (the
 * backlog as year 0), group and LPR kind, joined to the group's names. The cost is the caller's (counts times the
 * price in force), so the statement stays a plain GROUP BY however the prices change.
 */
@Repository
class ForecastQueries {

	/** Cameras of one fiscal year (0: the backlog), group and kind. A null key: the camera has no value there. */
	record Count(int fiscalYear, String key, String nameZh, String nameEn, LprCapability lpr, long cameras) {
	}

	/**
	 * In service (not decommissioned, not planned), end of life before the end of the last year, and not yet in a
	 * project: no replacement order (not cancelled) bought through one. end_of_life is the generated column (install
	 * date plus the camera's own service life), so a custom service life counts as it is.
	 */
	static final String COUNTS = """
			WITH counted AS (
			    SELECT CASE WHEN c.end_of_life < :firstDay THEN 0 ELSE date_part('year', c.end_of_life)::int END AS fiscal_year,
			           %s AS group_id, c.lpr, count(*) AS cameras
			      FROM camera c
			     WHERE c.status NOT IN ('DECOMMISSIONED', 'PLANNED') AND c.end_of_life < :endDay
			       AND NOT EXISTS (SELECT 1 FROM work_order w
			                        WHERE w.camera_id = c.id AND w.kind = 'REPLACEMENT' AND w.state <> 'CANCELLED'
			                          AND w.project_id IS NOT NULL)
			     GROUP BY 1, 2, 3)
			SELECT k.fiscal_year, %s AS key, %s AS name_zh, %s AS name_en, k.lpr, k.cameras
			  FROM counted k %s
			 ORDER BY k.fiscal_year, key, k.lpr""";

	/** Per grouping: the camera's group column, then the key, names and join of the group's table. */
	private static final Map<ForecastGrouping, String> STATEMENTS = Map.of(
			ForecastGrouping.PRECINCT, COUNTS.formatted("c.precinct_id", "g.code", "g.name_zh", "g.name_en",
					"LEFT JOIN precinct g ON g.id = k.group_id"),
			ForecastGrouping.DISTRICT, COUNTS.formatted("c.district_id", "g.code", "g.name_zh", "g.name_en",
					"LEFT JOIN district g ON g.id = k.group_id"),
			ForecastGrouping.FUNDING, COUNTS.formatted("c.funding_source_id", "g.code", "g.name_zh",
					"coalesce(g.name_en, g.name_zh)", "LEFT JOIN funding_source g ON g.id = k.group_id"),
			ForecastGrouping.MODEL, COUNTS.formatted("nullif(concat_ws(' ', nullif(btrim(c.make), ''), nullif(btrim(c.model), '')), '')",
					"k.group_id", "k.group_id", "k.group_id", ""),
			ForecastGrouping.LPR, COUNTS.formatted("c.lpr", "k.group_id", "NULL::text", "NULL::text", ""));

	private final NamedParameterJdbcTemplate jdbc;

	ForecastQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs in the caller's (read-only) transaction: JIT off (compiling the expressions costs more than the whole scan
	 * saves) and the random page cost of a cached database, so the planner takes the index-only scan of V133.
	 */
	List<Count> counts(ForecastRequest request) {
		jdbc.getJdbcTemplate().execute("SET LOCAL jit = off; SET LOCAL random_page_cost = 1.1");
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("firstDay", request.firstDay())
			.addValue("endDay", request.endDay());
		return jdbc.query(STATEMENTS.get(request.grouping()), params,
				(rs, i) -> new Count(rs.getInt("fiscal_year"), rs.getString("key"), rs.getString("name_zh"),
						rs.getString("name_en"), LprCapability.valueOf(rs.getString("lpr")), rs.getLong("cameras")));
	}
}
