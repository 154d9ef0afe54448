package io.watchkeeper.planning;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cameras out of warranty per precinct on a reference date, with each precinct's maintenance contract of a fiscal
 * year, in one grouped statement.
 *
 * <p>A camera is <b>out of warranty on D</b> when it is in service on D (installed on or before D, not
 * decommissioned before D, not planned) and its warranty ended before D (or it has none); it counts for its
 * precinct. A precinct's <b>contract of fiscal year Y</b> is the one covering the precinct whose term includes
 * 1 January of Y, else the first one that starts in Y.
 */
@Component
class OutOfWarrantyCounts {

	/** Counts of one precinct; contract null when none covers it in the fiscal year. */
	record PrecinctCount(long precinctId, String precinctCode, String nameZh, String nameEn, int outOfWarranty,
			Long contractId, String contractCode) {
	}

	/** The SQL condition "out of warranty on :d" for a camera {@code c}; the demo's generator counts the same. */
	static final String OUT_OF_WARRANTY_ON_D = """
			c.status <> 'PLANNED' AND c.install_date <= :d
			AND (c.decommissioned_on IS NULL OR c.decommissioned_on >= :d)
			AND (c.warranty_end IS NULL OR c.warranty_end < :d)""";

	private final NamedParameterJdbcTemplate jdbc;

	OutOfWarrantyCounts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every precinct, by code, with its count on {@code day} and its contract of {@code fiscalYear}. */
	List<PrecinctCount> byPrecinct(LocalDate day, int fiscalYear) {
		LocalDate yearStart = LocalDate.of(fiscalYear, 1, 1);
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("d", Date.valueOf(day))
			.addValue("ys", Date.valueOf(yearStart)).addValue("ye", Date.valueOf(yearStart.plusYears(1).minusDays(1)));
		return jdbc.query("""
				WITH counts AS (
				    SELECT c.precinct_id, count(*) AS n FROM camera c
				     WHERE c.precinct_id IS NOT NULL AND %s
				     GROUP BY c.precinct_id),
				contract AS (
				    SELECT DISTINCT ON (mp.precinct_id) mp.precinct_id, mc.id, mc.code
				      FROM maintenance_contract_precinct mp JOIN maintenance_contract mc ON mc.id = mp.contract_id
				     WHERE (mc.starts_on <= :ys AND mc.ends_on >= :ys) OR mc.starts_on BETWEEN :ys AND :ye
				     ORDER BY mp.precinct_id, mc.starts_on <= :ys DESC, mc.starts_on, mc.id)
				SELECT p.id, p.code, p.name_zh, p.name_en, coalesce(n.n, 0) AS n, ct.id AS contract_id, ct.code AS contract_code
				  FROM precinct p
				  LEFT JOIN counts n ON n.precinct_id = p.id
				  LEFT JOIN contract ct ON ct.precinct_id = p.id
				 ORDER BY p.code COLLATE "C\"""".formatted(OUT_OF_WARRANTY_ON_D), params,
				(rs, i) -> new PrecinctCount(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"),
						rs.getString("name_en"), rs.getInt("n"), (Long) rs.getObject("contract_id", Long.class),
						rs.getString("contract_code")));
	}
}
