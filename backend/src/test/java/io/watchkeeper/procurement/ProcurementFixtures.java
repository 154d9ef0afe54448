package io.watchkeeper.procurement;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Funding sources, projects, a vendor, contracts and two cameras with codes starting {@code ITP-}, inserted
 * idempotently (other tests share the database). Amounts follow the seed report; the contracts and two of the
 * sources are in 2031, a year no other test uses, so the per-year totals are exactly these rows.
 */
final class ProcurementFixtures {

	record Ids(long replacementProject, long huneiProject, long mismatchProject) {
	}

	private ProcurementFixtures() {
	}

	static Ids ensure(JdbcTemplate jdbc) {
		jdbc.update("""
				INSERT INTO vendor (code, name_zh, name_en) VALUES ('ITP-V1', '測試監視器工程有限公司', 'ITP Camera Works')
				ON CONFLICT (code) DO NOTHING""");
		long vendor = jdbc.queryForObject("SELECT id FROM vendor WHERE code = 'ITP-V1'", Long.class);
		long precinct = jdbc.queryForObject("SELECT id FROM precinct ORDER BY id LIMIT 1", Long.class);
		long otherPrecinct = jdbc.queryForObject("SELECT id FROM precinct ORDER BY id OFFSET 1 LIMIT 1", Long.class);

		funding(jdbc, "ITP-F-CITY", "CITY_BUDGET", "測試汰換經費", "ITP replacement budget", "高雄市政府", 2023, 39_955_000);
		funding(jdbc, "ITP-F-LPR", "CITY_BUDGET", "測試車辨經費", "ITP LPR budget", "高雄市政府", 2023, 10_000_000);
		funding(jdbc, "ITP-F-TPC", "SOE_COMMUNITY_FUND", "測試促協金", "ITP community fund", "台灣電力公司", 2031, 3_500_000);
		funding(jdbc, "ITP-F-DON", "DONATION", "測試捐贈", "ITP donation", "善心人士", 2031, 500_000);

		jdbc.update("""
				INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd,
				    planned_camera_count, vendor_id, awarded_on, started_on, completion_due_on)
				VALUES ('ITP-P-REPLACE', '測試汰換逾8年監視器', 'ITP replacement of cameras over 8 years old', 'REPLACEMENT',
				    2023, 49955000, 530, ?, DATE '2023-03-30', DATE '2023-04-21', DATE '2023-12-31')
				ON CONFLICT (code) DO NOTHING""", vendor);
		jdbc.update("""
				INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd,
				    planned_camera_count, vendor_id, precinct_id, started_on, completed_on, accepted_on)
				VALUES ('ITP-P-HUNEI', '測試促協金監視器', 'ITP community-fund cameras', 'NEW_INSTALLATION',
				    2023, 3500000, 50, ?, ?, DATE '2023-01-10', DATE '2023-03-17', DATE '2023-03-29')
				ON CONFLICT (code) DO NOTHING""", vendor, precinct);
		jdbc.update("""
				INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd, budgeted_on)
				VALUES ('ITP-P-GAP', '測試經費不足案', 'ITP project short of money', 'LPR_UPGRADE', 2031, 1000000,
				    DATE '2031-06-20')
				ON CONFLICT (code) DO NOTHING""");
		projectFunding(jdbc, "ITP-P-REPLACE", "ITP-F-CITY", 39_955_000);
		projectFunding(jdbc, "ITP-P-REPLACE", "ITP-F-LPR", 10_000_000);
		projectFunding(jdbc, "ITP-P-HUNEI", "ITP-F-TPC", 3_500_000);
		projectFunding(jdbc, "ITP-P-GAP", "ITP-F-DON", 500_000);

		for (String tag : new String[] { "ITPCAM001-01", "ITPCAM001-02" }) {
			jdbc.update("""
					INSERT INTO camera (asset_tag, project_id, funding_source_id)
					SELECT ?, (SELECT id FROM procurement_project WHERE code = 'ITP-P-REPLACE'),
					       (SELECT id FROM funding_source WHERE code = 'ITP-F-CITY')
					ON CONFLICT (asset_tag) DO NOTHING""", tag);
		}

		contract(jdbc, "ITP-MC-1", vendor, 1_234_000, 4, 24, precinct, otherPrecinct);
		contract(jdbc, "ITP-MC-2", vendor, 2_000_000, 12, 72, otherPrecinct);

		return new Ids(projectId(jdbc, "ITP-P-REPLACE"), projectId(jdbc, "ITP-P-HUNEI"), projectId(jdbc, "ITP-P-GAP"));
	}

	private static long projectId(JdbcTemplate jdbc, String code) {
		return jdbc.queryForObject("SELECT id FROM procurement_project WHERE code = ?", Long.class, code);
	}

	private static void funding(JdbcTemplate jdbc, String code, String kind, String nameZh, String nameEn,
			String sponsor, int year, long amount) {
		jdbc.update("""
				INSERT INTO funding_source (code, kind, name_zh, name_en, sponsor, fiscal_year, amount_ntd)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""", code, kind, nameZh, nameEn, sponsor, year,
				amount);
	}

	private static void projectFunding(JdbcTemplate jdbc, String project, String source, long amount) {
		jdbc.update("""
				INSERT INTO project_funding (project_id, funding_source_id, amount_ntd)
				SELECT p.id, f.id, ? FROM procurement_project p, funding_source f WHERE p.code = ? AND f.code = ?
				ON CONFLICT DO NOTHING""", amount, project, source);
	}

	private static void contract(JdbcTemplate jdbc, String code, long vendor, long budget, int response, int restore,
			long... precincts) {
		jdbc.update("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, name_en, starts_on, ends_on, budget_ntd,
				    response_hours, restore_hours)
				VALUES (?, ?, ?, ?, DATE '2031-01-01', DATE '2031-12-31', ?, ?, ?) ON CONFLICT (code) DO NOTHING""",
				code, vendor, "測試維護契約 " + code, "ITP maintenance contract " + code, budget, response, restore);
		for (long precinct : precincts) {
			jdbc.update("""
					INSERT INTO maintenance_contract_precinct (contract_id, precinct_id)
					SELECT id, ? FROM maintenance_contract WHERE code = ? ON CONFLICT DO NOTHING""", precinct, code);
		}
	}
}
