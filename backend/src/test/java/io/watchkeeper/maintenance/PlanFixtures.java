package io.watchkeeper.maintenance;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Saved replacement plans, poles and funding sources for the tests of projects made of plan years and of their
 * delivery, written straight in the database ({@code ITJ} prefix) as a saved plan would be.
 */
final class PlanFixtures {

	private static final AtomicInteger counter = new AtomicInteger();
	static final String RUN = Long.toString(System.nanoTime() % 10_000_000, 36).toUpperCase();

	private PlanFixtures() {
	}

	/** A unique code with the ITJ prefix (letters, digits, dashes). */
	static String code(String what) {
		return "ITJ-" + what + "-" + RUN + "-" + counter.incrementAndGet();
	}

	/** A saved plan with one year row; its cameras are added by {@link #planCamera}. */
	static long plan(JdbcTemplate jdbc, int fiscalYear) {
		long id = jdbc.queryForObject("""
				INSERT INTO replacement_plan (name, first_year, years, as_of, budgets, weights, created_by)
				VALUES (?, ?, 1, CURRENT_DATE, '[]'::jsonb, '{}'::jsonb, 'itj') RETURNING id""", Long.class,
				code("PLAN"), fiscalYear);
		jdbc.update("""
				INSERT INTO replacement_plan_year (plan_id, fiscal_year, budget_ntd, cameras, cost_ntd, backlog_capped,
				                                   backlog_uncapped) VALUES (?, ?, 0, 0, 0, 0, 0)""", id, fiscalYear);
		return id;
	}

	/** Puts a camera in the plan's year at the next rank with its unit price. */
	static void planCamera(JdbcTemplate jdbc, long planId, int fiscalYear, long cameraId, long unitPrice) {
		jdbc.update("""
				INSERT INTO replacement_plan_camera (plan_id, camera_id, fiscal_year, rank, score, years_past_eol,
				    downtime_hours, repair_orders, lpr, useful_footage, covered, important, unit_price_ntd)
				SELECT ?, ?, ?, coalesce(max(rank), 0) + 1, 1, 1, 0, 0, 'NONE', 0, false, false, ?
				  FROM replacement_plan_camera WHERE plan_id = ? AND fiscal_year = ?""", planId, cameraId, fiscalYear,
				unitPrice, planId, fiscalYear);
	}

	/** A pole (site) at a place in Kaohsiung, with no camera yet. */
	static String site(JdbcTemplate jdbc) {
		String code = "ITJ" + RUN + counter.incrementAndGet();
		jdbc.update("INSERT INTO site (code, address, location) VALUES (?, '測試路二段2號', ST_SetSRID(ST_MakePoint(120.30, 22.62), 4326))",
				code);
		return code;
	}

	/** A working camera on the pole at this index (tag site-NN), installed in 2012 (past its end of life). */
	static long cameraOnSite(JdbcTemplate jdbc, String site, int index, long precinctId, Long contractId) {
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, site_id, site_index, location, address, precinct_id, area_overridden,
				                    heading_deg, fov_deg, range_m, install_date, warranty_end, lpr, make, model, status,
				                    contract_id, retention_days)
				SELECT ?, s.id, ?, s.location, s.address, ?, true, 135, 90, 60, DATE '2012-03-01', DATE '2015-03-01', 'LPR',
				       'OLDMAKE', 'OLD-1', 'ACTIVE', ?, 30
				  FROM site s WHERE s.code = ? RETURNING id""", Long.class, site + "-" + String.format("%02d", index),
				index, precinctId, contractId, site);
	}

	/** A funding source of the year with a big enough amount. */
	static String fundingSource(JdbcTemplate jdbc, int fiscalYear) {
		String code = code("F");
		jdbc.update("""
				INSERT INTO funding_source (code, kind, name_zh, name_en, fiscal_year, amount_ntd)
				VALUES (?, 'CITY_BUDGET', '測試經費', 'ITJ budget', ?, 100000000)""", code, fiscalYear);
		return code;
	}
}
