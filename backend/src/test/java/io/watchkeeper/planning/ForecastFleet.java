package io.watchkeeper.planning;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hand-worked fleet for the forecast, far from any other test's data: cameras of funding source ITF-FUND with end
 * of life in 2069-2072 (precincts LIUGUI and QISHAN), and cameras of ITF-LEAP installed on the leap day 2016-02-29.
 * Prices from 2070 on are this fleet's own. Created once per database.
 *
 * <pre>
 * camera  installed   life  end of life  status          kind          precinct  make/model   project  as of 2070-03-01, 3 years
 * F01     2062-01-01  8     2070-01-01   ACTIVE          NONE          LIUGUI    Axis P1      –        2070 (Jan 1)
 * F02     2061-12-31  8     2069-12-31   ACTIVE          NONE          LIUGUI    Axis P1      –        backlog (Dec 31)
 * F03     2063-12-31  8     2071-12-31   ACTIVE          LPR           QISHAN    Hik          –        2071
 * F04     2064-01-01  8     2072-01-01   ACTIVE          REALTIME_LPR  QISHAN    (none)       –        2072
 * F05     2060-06-15  10    2070-06-15   ACTIVE          LPR           LIUGUI    Axis P1      –        2070 (custom life)
 * F06     2064-05-01  6     2070-05-01   FAULTY          NONE          QISHAN    Axis P1      –        2070 (custom life)
 * F07     2062-03-01  8     2070-03-01   DECOMMISSIONED  NONE          LIUGUI    Axis P1      –        excluded
 * F08     2062-03-01  8     2070-03-01   PLANNED         NONE          LIUGUI    Axis P1      –        excluded
 * F09     2061-01-01  8     2069-01-01   ACTIVE          NONE          LIUGUI    Axis P1      NEW      excluded (in a project)
 * F10     2061-02-01  8     2069-02-01   ACTIVE          NONE          LIUGUI    (none)       CANCELLED backlog
 * F11     2061-03-01  8     2069-03-01   ACTIVE          NONE          QISHAN    (none)       no proj. backlog (order not in a project)
 * F12     2064-07-01  8     2072-07-01   FAULTY          NONE          LIUGUI    =cmd X       –        2072
 * F13     2063-05-01  8     2071-05-01   ACTIVE          NONE          QISHAN    Hik          NEW      excluded (in a project)
 * F14     2063-09-01  8     2071-09-01   ACTIVE          NONE          LIUGUI    (none)       –        2071
 *
 * prices  NONE 2070-01-01 100,000; NONE 2070-07-01 120,000; NONE 2072-01-01 130,000; LPR 2070-01-01 150,000;
 *         REALTIME_LPR 2070-01-01 200,000
 * backlog 3 (F02 F10 F11)   2070: 3 (F01 F05 F06) 350,000   2071: 2 (F03 F14) 270,000   2072: 2 (F04 F12) 330,000
 *
 * L0      2000-01-01  8     2008-01-01   ACTIVE          NONE          (ITF-LEAP)
 * L1      2016-02-29  8     2024-02-29   ACTIVE          NONE
 * L2      2016-02-29  9     2025-02-28   ACTIVE          LPR           (PostgreSQL: 2016-02-29 + 9 years = 2025-02-28)
 * L3      2016-02-29  7     2023-02-28   ACTIVE          NONE
 * </pre>
 */
final class ForecastFleet {

	private ForecastFleet() {
	}

	static synchronized void ensure(JdbcTemplate jdbc) {
		jdbc.update("""
				INSERT INTO price_list_entry (kind, applies_from, unit_price_ntd, note, created_by) VALUES
				    ('NONE', DATE '2070-01-01', 100000, 'ITF', 'itf'), ('NONE', DATE '2070-07-01', 120000, 'ITF', 'itf'),
				    ('NONE', DATE '2072-01-01', 130000, 'ITF', 'itf'), ('LPR', DATE '2070-01-01', 150000, 'ITF', 'itf'),
				    ('REALTIME_LPR', DATE '2070-01-01', 200000, 'ITF', 'itf')
				ON CONFLICT (kind, applies_from) DO UPDATE SET unit_price_ntd = EXCLUDED.unit_price_ntd""");
		if (jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag = 'ITF-F01'", Long.class) > 0) {
			return;
		}
		jdbc.update("""
				INSERT INTO funding_source (code, kind, name_zh, name_en, fiscal_year, amount_ntd) VALUES
				    ('ITF-FUND', 'OTHER', '測試預估經費', 'ITF forecast fund', 2060, 1000000),
				    ('ITF-LEAP', 'OTHER', '測試閏日經費', 'ITF leap-day fund', 2016, 1000000)""");
		jdbc.update("""
				INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd)
				VALUES ('ITF-P1', '測試預估汰換案', 'ITF forecast replacement', 'REPLACEMENT', 2069, 1000000)""");
		jdbc.update("""
				INSERT INTO camera (asset_tag, install_date, service_life_years, status, decommissioned_on, decommission_reason,
				                    decommission_kind, lpr, precinct_id, make, model, funding_source_id)
				SELECT 'ITF-' || c.tag, c.installed, c.life, c.status, c.gone, CASE WHEN c.gone IS NOT NULL THEN 'ITF' END,
				       CASE WHEN c.gone IS NOT NULL THEN 'OTHER' END, c.lpr, p.id, c.make, c.model, f.id
				  FROM (VALUES ('F01', DATE '2062-01-01', 8, 'ACTIVE', NULL::date, 'NONE', 'LIUGUI', 'Axis', 'P1'),
				               ('F02', DATE '2061-12-31', 8, 'ACTIVE', NULL, 'NONE', 'LIUGUI', 'Axis', 'P1'),
				               ('F03', DATE '2063-12-31', 8, 'ACTIVE', NULL, 'LPR', 'QISHAN', 'Hik', NULL),
				               ('F04', DATE '2064-01-01', 8, 'ACTIVE', NULL, 'REALTIME_LPR', 'QISHAN', NULL, NULL),
				               ('F05', DATE '2060-06-15', 10, 'ACTIVE', NULL, 'LPR', 'LIUGUI', 'Axis', 'P1'),
				               ('F06', DATE '2064-05-01', 6, 'FAULTY', NULL, 'NONE', 'QISHAN', 'Axis', 'P1'),
				               ('F07', DATE '2062-03-01', 8, 'DECOMMISSIONED', DATE '2069-01-01', 'NONE', 'LIUGUI', 'Axis', 'P1'),
				               ('F08', DATE '2062-03-01', 8, 'PLANNED', NULL, 'NONE', 'LIUGUI', 'Axis', 'P1'),
				               ('F09', DATE '2061-01-01', 8, 'ACTIVE', NULL, 'NONE', 'LIUGUI', 'Axis', 'P1'),
				               ('F10', DATE '2061-02-01', 8, 'ACTIVE', NULL, 'NONE', 'LIUGUI', NULL, NULL),
				               ('F11', DATE '2061-03-01', 8, 'ACTIVE', NULL, 'NONE', 'QISHAN', NULL, NULL),
				               ('F12', DATE '2064-07-01', 8, 'FAULTY', NULL, 'NONE', 'LIUGUI', '=cmd', 'X'),
				               ('F13', DATE '2063-05-01', 8, 'ACTIVE', NULL, 'NONE', 'QISHAN', 'Hik', NULL),
				               ('F14', DATE '2063-09-01', 8, 'ACTIVE', NULL, 'NONE', 'LIUGUI', NULL, NULL))
				       c(tag, installed, life, status, gone, lpr, precinct, make, model)
				  JOIN precinct p ON p.code = c.precinct
				  CROSS JOIN (SELECT id FROM funding_source WHERE code = 'ITF-FUND') f""");
		jdbc.update("""
				INSERT INTO camera (asset_tag, install_date, service_life_years, lpr, precinct_id, funding_source_id)
				SELECT 'ITF-' || c.tag, c.installed, c.life, c.lpr, p.id, f.id
				  FROM (VALUES ('L0', DATE '2000-01-01', 8, 'NONE'), ('L1', DATE '2016-02-29', 8, 'NONE'),
				               ('L2', DATE '2016-02-29', 9, 'LPR'), ('L3', DATE '2016-02-29', 7, 'NONE')) c(tag, installed, life, lpr)
				  CROSS JOIN (SELECT id FROM precinct WHERE code = 'LIUGUI') p
				  CROSS JOIN (SELECT id FROM funding_source WHERE code = 'ITF-LEAP') f""");
		// replacement orders: F09 and F13 in the project (not cancelled), F10's in the project but cancelled, F11's
		// raised by the lifecycle job and in no project
		jdbc.update("""
				INSERT INTO work_order (kind, camera_id, origin, state, opened_at, cancelled_at, project_id, title, created_by)
				SELECT 'REPLACEMENT', c.id, 'LIFECYCLE', o.state, timestamptz '2069-01-02 09:00+08',
				       CASE WHEN o.state = 'CANCELLED' THEN timestamptz '2069-01-03 09:00+08' END,
				       CASE WHEN o.in_project THEN (SELECT id FROM procurement_project WHERE code = 'ITF-P1') END, 'ITF', 'itf'
				  FROM (VALUES ('F09', 'NEW', true), ('F13', 'NEW', true), ('F10', 'CANCELLED', true), ('F11', 'NEW', false))
				       o(tag, state, in_project)
				  JOIN camera c ON c.asset_tag = 'ITF-' || o.tag""");
	}
}
