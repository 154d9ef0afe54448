package io.watchkeeper.reporting;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hand-worked half year for the half-year report: 86年上半年 (1997 H1, 1997-01-01 to 1997-06-30 Asia/Taipei) and
 * the half year before it (1996 H2), far from any other test's data. Everything is named HYR-…; precincts GANGSHAN
 * and HUNEI, districts YONGAN and QIEDING. No camera is in service before 1996-04-02, so that the city-wide totals of
 * ReportScenario's March 1996 stay that scenario's. Created once per database.
 *
 * <pre>
 * camera  precinct  district  installed   decommissioned (kind)          lpr           project
 * D1      GANGSHAN  YONGAN    1996-04-02  1997-06-30 END_OF_LIFE_FAULTY  LPR           –      last day: decommissioned in H1, not in service at its end
 * D2      GANGSHAN  YONGAN    1996-04-02  1997-07-01 NOT_NEEDED          LPR           –      after: in service at the end
 * D3      GANGSHAN  YONGAN    1996-04-02  1997-03-01 REPLACED            NONE          –      replaced, not decommissioned
 * D4      GANGSHAN  YONGAN    1996-04-02  1996-12-31 NOT_WORTH_REPAIRING NONE          –      previous period
 * D5      HUNEI     QIEDING   1996-04-02  1997-01-01 OTHER               NONE          –      first day
 * L1      GANGSHAN  YONGAN    1997-06-30  –                              LPR           –
 * L2      GANGSHAN  YONGAN    1997-07-01  –                              REALTIME_LPR  –      installed after
 * L3      GANGSHAN  YONGAN    (planned)                                  REALTIME_LPR  –
 * R1      GANGSHAN  YONGAN    1997-02-01  –                              REALTIME_LPR  PR1
 * R2      GANGSHAN  YONGAN    1997-02-01  –                              NONE          PR1
 * R3      GANGSHAN  QIEDING   1997-02-01  –                              NONE          PR1
 * S1, S2  HUNEI     QIEDING   1997-05-01  –                              REALTIME_LPR  PS1
 * S3      HUNEI     QIEDING   1997-05-01  –                              LPR           PS1
 * S4      HUNEI     QIEDING   (planned)                                  REALTIME_LPR  PS4
 * Q1, Q2  HUNEI     QIEDING   1997-03-17  –                              NONE          PL1
 * Y1      GANGSHAN  YONGAN    1997-03-30  –                              NONE          PL2
 * W1      GANGSHAN  YONGAN    1996-04-02  –                              NONE          –      outage 06-30 22:00 to 07-01 02:00
 *
 * project  purpose           budget      planned  funding (kind, fiscal year, part)                  milestones
 * PR1      REPLACEMENT       40,000,000  3        CITY 1996 30,000,000; CITY 1997 10,000,000         awarded 1996-11-15, started 1996-12-01,
 *                                                                                                     due 1997-12-31, completed 1997-08-10
 * PR2      LPR_UPGRADE        5,000,000  –        CITY 1996 5,000,000                                awarded 1996-08-01, accepted 1996-12-20
 * PR3      REPLACEMENT        7,000,000  –        CITY 1997 7,000,000                                budgeted 1997-07-05
 * PN1      NEW_INSTALLATION  30,000,000  –        CITY 1997 30,000,000                               budgeted 1997-06-30, tendering 1997-07-02
 * PN2      NEW_INSTALLATION   9,000,000  –        CITY 1997 9,000,000                                budgeted 1997-07-01
 * PS1      NEW_INSTALLATION  20,526,000  4        SUBSIDY 1997 20,526,000                            budgeted 1997-03-01
 * PS2      NEW_INSTALLATION   8,000,000  –        SUBSIDY 1997 8,000,000                             budgeted 1997-07-10
 * PS3      NEW_INSTALLATION   1,000,000  10       SUBSIDY 1996 1,000,000                             budgeted 1996-09-01
 * PS4      NEW_INSTALLATION   2,500,000  –        SUBSIDY 1997 2,000,000; CITY 1997 500,000          (none)
 * PL1      NEW_INSTALLATION   3,500,000  2        SOE 1997 3,500,000 (HUNEI)                          budgeted 1996-12-20, completed 1997-03-17,
 *                                                                                                     accepted 1997-03-29
 * PL2      NEW_INSTALLATION   5,000,000  –        DONATION 1997 5,000,000 (GANGSHAN)                  completed 1997-03-30, accepted 1997-04-21
 * PL3      NEW_INSTALLATION   1,000,000  –        OTHER 1996 1,000,000 (GANGSHAN)                     awarded 1996-08-01, accepted 1996-10-01
 *
 * case  state     closed                footage
 * K1    SOLVED    1997-06-30 23:59 +08  yes (override)
 * K2    SOLVED    1997-07-01 00:00 +08  yes (after)
 * K3    SOLVED    1997-01-01 00:00 +08  no
 * K4    UNSOLVED  1997-03-01 10:00 +08  yes (not solved)
 * K5    SOLVED    1996-12-31 23:59 +08  yes (previous)
 * K6    SOLVED    1997-04-01 10:00 +08  no (override: denied)
 *
 * contract  vendor  budget     term                      precincts
 * MC0       V2      5,000,000  1996-01-01 .. 1996-12-31  GANGSHAN
 * MC1       V1      6,000,000  1997-01-01 .. 1997-12-31  GANGSHAN, HUNEI
 * MC2       V2        976,900  1997-01-01 .. 1997-12-31  GANGSHAN
 * MC3       V1      1,000,000  1997-07-01 .. 1997-12-31  HUNEI      (second half: still the 1997 budget)
 * budget split of 1997 with total 7,976,900
 *
 * order  camera  state     resolution          restored               closed
 * WO1    W1      CLOSED    RESTORED_BY_VENDOR  1997-06-30 23:59 +08   1997-07-02
 * WO2    W1      CLOSED    RESTORED_IN_HOUSE   1997-07-01 00:00 +08   1997-07-01 (after)
 * WO3    W1      CLOSED    RESTORED_IN_HOUSE   1997-01-01 00:00 +08   1997-01-01
 * WO4    W1      CLOSED    RESTORED_BY_VENDOR  1996-12-31 23:59 +08   1997-01-02 (previous)
 * WO5    W1      RESTORED  RESTORED_BY_VENDOR  1997-03-01 10:00 +08   – (not verified)
 * </pre>
 */
final class HalfYearScenario {

	static final HalfYear PERIOD = new HalfYear(1997, 1);

	private HalfYearScenario() {
	}

	static synchronized void ensure(JdbcTemplate jdbc) {
		if (jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag = 'HYR-D1'", Long.class) > 0) {
			return;
		}
		jdbc.update("""
				INSERT INTO vendor (code, name_zh, name_en)
				VALUES ('HYR-V1', '半年報測試廠商一', 'HYR vendor 1'), ('HYR-V2', '半年報測試廠商二', 'HYR vendor 2')""");
		jdbc.update("""
				INSERT INTO funding_source (code, kind, name_zh, name_en, sponsor, fiscal_year, amount_ntd)
				VALUES ('HYR-F-CITY96', 'CITY_BUDGET', '85年度市預算', 'City budget 1996', NULL, 1996, 100000000),
				       ('HYR-F-CITY97', 'CITY_BUDGET', '86年度市預算', 'City budget 1997', NULL, 1997, 100000000),
				       ('HYR-F-SUB97', 'CENTRAL_SUBSIDY', '86年度中央補助', 'Central subsidy 1997', '內政部', 1997, 50000000),
				       ('HYR-F-SUB96', 'CENTRAL_SUBSIDY', '85年度中央補助', 'Central subsidy 1996', '內政部', 1996, 1000000),
				       ('HYR-F-SOE', 'SOE_COMMUNITY_FUND', '台電促協金', 'Taipower community fund', '台電', 1997, 3500000),
				       ('HYR-F-DON', 'DONATION', '地方捐贈', 'Local donation', '永安區公所', 1997, 5000000),
				       ('HYR-F-OTH', 'OTHER', '其他地方經費', 'Other local funds', NULL, 1996, 1000000)""");
		jdbc.update("""
				INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd, planned_camera_count,
				       precinct_id, budgeted_on, tendering_on, awarded_on, started_on, completion_due_on, completed_on, accepted_on)
				SELECT p.code, p.code || ' 專案', p.code || ' project', p.purpose, p.fy, p.budget, p.planned, pr.id,
				       p.budgeted, p.tendering, p.awarded, p.started, p.due, p.completed, p.accepted
				  FROM (VALUES
				    ('HYR-PR1', 'REPLACEMENT', 1996, 40000000, 3, 'GANGSHAN', NULL::date, NULL::date, DATE '1996-11-15', DATE '1996-12-01',
				     DATE '1997-12-31', DATE '1997-08-10', NULL::date),
				    ('HYR-PR2', 'LPR_UPGRADE', 1996, 5000000, NULL, 'GANGSHAN', NULL, NULL, '1996-08-01', NULL, NULL, NULL, '1996-12-20'),
				    ('HYR-PR3', 'REPLACEMENT', 1997, 7000000, NULL, 'GANGSHAN', '1997-07-05', NULL, NULL, NULL, NULL, NULL, NULL),
				    ('HYR-PN1', 'NEW_INSTALLATION', 1997, 30000000, NULL, NULL, '1997-06-30', '1997-07-02', NULL, NULL, NULL, NULL, NULL),
				    ('HYR-PN2', 'NEW_INSTALLATION', 1997, 9000000, NULL, NULL, '1997-07-01', NULL, NULL, NULL, NULL, NULL, NULL),
				    ('HYR-PS1', 'NEW_INSTALLATION', 1997, 20526000, 4, 'HUNEI', '1997-03-01', NULL, NULL, NULL, NULL, NULL, NULL),
				    ('HYR-PS2', 'NEW_INSTALLATION', 1997, 8000000, NULL, 'HUNEI', '1997-07-10', NULL, NULL, NULL, NULL, NULL, NULL),
				    ('HYR-PS3', 'NEW_INSTALLATION', 1996, 1000000, 10, 'HUNEI', '1996-09-01', NULL, NULL, NULL, NULL, NULL, NULL),
				    ('HYR-PS4', 'NEW_INSTALLATION', 1997, 2500000, NULL, 'HUNEI', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
				    ('HYR-PL1', 'NEW_INSTALLATION', 1997, 3500000, 2, 'HUNEI', '1996-12-20', NULL, NULL, NULL, NULL, '1997-03-17', '1997-03-29'),
				    ('HYR-PL2', 'NEW_INSTALLATION', 1997, 5000000, NULL, 'GANGSHAN', NULL, NULL, NULL, NULL, NULL, '1997-03-30', '1997-04-21'),
				    ('HYR-PL3', 'NEW_INSTALLATION', 1996, 1000000, NULL, 'GANGSHAN', NULL, NULL, '1996-08-01', NULL, NULL, NULL, '1996-10-01'))
				    p(code, purpose, fy, budget, planned, precinct, budgeted, tendering, awarded, started, due, completed, accepted)
				  LEFT JOIN precinct pr ON pr.code = p.precinct""");
		jdbc.update("""
				INSERT INTO project_funding (project_id, funding_source_id, amount_ntd)
				SELECT p.id, fs.id, f.amount
				  FROM (VALUES ('HYR-PR1', 'HYR-F-CITY96', 30000000), ('HYR-PR1', 'HYR-F-CITY97', 10000000),
				               ('HYR-PR2', 'HYR-F-CITY96', 5000000), ('HYR-PR3', 'HYR-F-CITY97', 7000000),
				               ('HYR-PN1', 'HYR-F-CITY97', 30000000), ('HYR-PN2', 'HYR-F-CITY97', 9000000),
				               ('HYR-PS1', 'HYR-F-SUB97', 20526000), ('HYR-PS2', 'HYR-F-SUB97', 8000000),
				               ('HYR-PS3', 'HYR-F-SUB96', 1000000), ('HYR-PS4', 'HYR-F-SUB97', 2000000),
				               ('HYR-PS4', 'HYR-F-CITY97', 500000), ('HYR-PL1', 'HYR-F-SOE', 3500000),
				               ('HYR-PL2', 'HYR-F-DON', 5000000), ('HYR-PL3', 'HYR-F-OTH', 1000000)) f(project, source, amount)
				  JOIN procurement_project p ON p.code = f.project JOIN funding_source fs ON fs.code = f.source""");
		jdbc.update("""
				INSERT INTO camera (asset_tag, precinct_id, district_id, install_date, status, decommissioned_on, decommission_kind,
				       decommission_reason, lpr, project_id)
				SELECT c.tag, pr.id, d.id, c.installed, CASE WHEN c.decommissioned IS NOT NULL THEN 'DECOMMISSIONED'
				       WHEN c.installed IS NULL THEN 'PLANNED' ELSE 'ACTIVE' END, c.decommissioned, c.kind,
				       CASE WHEN c.decommissioned IS NOT NULL THEN 'HYR test' END, c.lpr, p.id
				  FROM (VALUES ('HYR-D1', 'GANGSHAN', 'YONGAN', DATE '1996-04-02', DATE '1997-06-30', 'END_OF_LIFE_FAULTY', 'LPR', NULL),
				               ('HYR-D2', 'GANGSHAN', 'YONGAN', '1996-04-02', '1997-07-01', 'NOT_NEEDED', 'LPR', NULL),
				               ('HYR-D3', 'GANGSHAN', 'YONGAN', '1996-04-02', '1997-03-01', 'REPLACED', 'NONE', NULL),
				               ('HYR-D4', 'GANGSHAN', 'YONGAN', '1996-04-02', '1996-12-31', 'NOT_WORTH_REPAIRING', 'NONE', NULL),
				               ('HYR-D5', 'HUNEI', 'QIEDING', '1996-04-02', '1997-01-01', 'OTHER', 'NONE', NULL),
				               ('HYR-L1', 'GANGSHAN', 'YONGAN', '1997-06-30', NULL, NULL, 'LPR', NULL),
				               ('HYR-L2', 'GANGSHAN', 'YONGAN', '1997-07-01', NULL, NULL, 'REALTIME_LPR', NULL),
				               ('HYR-L3', 'GANGSHAN', 'YONGAN', NULL, NULL, NULL, 'REALTIME_LPR', NULL),
				               ('HYR-R1', 'GANGSHAN', 'YONGAN', '1997-02-01', NULL, NULL, 'REALTIME_LPR', 'HYR-PR1'),
				               ('HYR-R2', 'GANGSHAN', 'YONGAN', '1997-02-01', NULL, NULL, 'NONE', 'HYR-PR1'),
				               ('HYR-R3', 'GANGSHAN', 'QIEDING', '1997-02-01', NULL, NULL, 'NONE', 'HYR-PR1'),
				               ('HYR-S1', 'HUNEI', 'QIEDING', '1997-05-01', NULL, NULL, 'REALTIME_LPR', 'HYR-PS1'),
				               ('HYR-S2', 'HUNEI', 'QIEDING', '1997-05-01', NULL, NULL, 'REALTIME_LPR', 'HYR-PS1'),
				               ('HYR-S3', 'HUNEI', 'QIEDING', '1997-05-01', NULL, NULL, 'LPR', 'HYR-PS1'),
				               ('HYR-S4', 'HUNEI', 'QIEDING', NULL, NULL, NULL, 'REALTIME_LPR', 'HYR-PS4'),
				               ('HYR-Q1', 'HUNEI', 'QIEDING', '1997-03-17', NULL, NULL, 'NONE', 'HYR-PL1'),
				               ('HYR-Q2', 'HUNEI', 'QIEDING', '1997-03-17', NULL, NULL, 'NONE', 'HYR-PL1'),
				               ('HYR-Y1', 'GANGSHAN', 'YONGAN', '1997-03-30', NULL, NULL, 'NONE', 'HYR-PL2'),
				               ('HYR-W1', 'GANGSHAN', 'YONGAN', '1996-04-02', NULL, NULL, 'NONE', NULL))
				       c(tag, precinct, district, installed, decommissioned, kind, lpr, project)
				  JOIN precinct pr ON pr.code = c.precinct JOIN district d ON d.code = c.district
				  LEFT JOIN procurement_project p ON p.code = c.project""");
		jdbc.update("""
				INSERT INTO investigation_case (case_number, title, incident_from, incident_to, precinct_id, opened_by, opened_at,
				       state, closed_by, closed_at, footage_override, footage_override_reason)
				SELECT k.num, 'HYR ' || k.num, k.closed - interval '10 days', k.closed - interval '10 days', pr.id, 'hyr',
				       k.closed - interval '9 days', k.state, 'hyr', k.closed, k.footage,
				       CASE WHEN k.footage IS NOT NULL THEN 'HYR test' END
				  FROM (VALUES ('HYR-K1', 'SOLVED', timestamptz '1997-06-30 23:59+08', true),
				               ('HYR-K2', 'SOLVED', '1997-07-01 00:00+08', true),
				               ('HYR-K3', 'SOLVED', '1997-01-01 00:00+08', NULL::boolean),
				               ('HYR-K4', 'UNSOLVED', '1997-03-01 10:00+08', true),
				               ('HYR-K5', 'SOLVED', '1996-12-31 23:59+08', true),
				               ('HYR-K6', 'SOLVED', '1997-04-01 10:00+08', false)) k(num, state, closed, footage)
				  JOIN precinct pr ON pr.code = 'GANGSHAN'""");
		jdbc.update("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, name_en, starts_on, ends_on, budget_ntd)
				SELECT c.code, v.id, c.code || ' 維護契約', c.code || ' maintenance', c.s, c.e, c.budget
				  FROM (VALUES ('HYR-MC0', 'HYR-V2', DATE '1996-01-01', DATE '1996-12-31', 5000000),
				               ('HYR-MC1', 'HYR-V1', '1997-01-01', '1997-12-31', 6000000),
				               ('HYR-MC2', 'HYR-V2', '1997-01-01', '1997-12-31', 976900),
				               ('HYR-MC3', 'HYR-V1', '1997-07-01', '1997-12-31', 1000000)) c(code, vendor, s, e, budget)
				  JOIN vendor v ON v.code = c.vendor""");
		jdbc.update("""
				INSERT INTO maintenance_contract_precinct (contract_id, precinct_id)
				SELECT mc.id, p.id
				  FROM (VALUES ('HYR-MC0', 'GANGSHAN'), ('HYR-MC1', 'GANGSHAN'), ('HYR-MC1', 'HUNEI'), ('HYR-MC2', 'GANGSHAN'),
				               ('HYR-MC3', 'HUNEI')) x(contract, precinct)
				  JOIN maintenance_contract mc ON mc.code = x.contract JOIN precinct p ON p.code = x.precinct""");
		jdbc.update("""
				INSERT INTO maintenance_budget_split (fiscal_year, total_ntd, reference_date, applied_by)
				VALUES (1997, 7976900, DATE '1997-01-01', 'hyr')""");
		jdbc.update("""
				INSERT INTO repair_squad (code, name_zh, name_en, precinct_id)
				SELECT 'HYR-SQ', '半年報測試維修小組', 'HYR squad', id FROM precinct WHERE code = 'GANGSHAN'""");
		jdbc.update("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
				SELECT id, timestamptz '1997-06-30 22:00+08', timestamptz '1997-07-01 02:00+08', 'REPORTED_DOWN',
				       timestamptz '1997-06-30 22:00+08', 'HYR O1'
				  FROM camera WHERE asset_tag = 'HYR-W1'""");
		jdbc.update("""
				INSERT INTO work_order (kind, camera_id, origin, state, assignee_kind, contract_id, vendor_id, squad_id, opened_at,
				       assigned_at, started_at, restored_at, closed_at, resolution, resolution_note, title, created_by)
				SELECT 'REPAIR', c.id, 'MANUAL', w.state, w.assignee, CASE WHEN w.assignee = 'CONTRACT' THEN mc.id END,
				       CASE WHEN w.assignee = 'CONTRACT' THEN mc.vendor_id END, CASE WHEN w.assignee = 'SQUAD' THEN sq.id END,
				       w.restored - interval '5 hours', w.restored - interval '5 hours', w.restored - interval '4 hours',
				       w.restored, w.closed, w.resolution, 'HYR', 'HYR ' || w.name, 'hyr'
				  FROM (VALUES ('WO1', 'CLOSED', 'CONTRACT', 'RESTORED_BY_VENDOR', timestamptz '1997-06-30 23:59+08',
				                timestamptz '1997-07-02 09:00+08'),
				               ('WO2', 'CLOSED', 'SQUAD', 'RESTORED_IN_HOUSE', '1997-07-01 00:00+08', '1997-07-01 09:00+08'),
				               ('WO3', 'CLOSED', 'SQUAD', 'RESTORED_IN_HOUSE', '1997-01-01 00:00+08', '1997-01-01 09:00+08'),
				               ('WO4', 'CLOSED', 'CONTRACT', 'RESTORED_BY_VENDOR', '1996-12-31 23:59+08', '1997-01-02 09:00+08'),
				               ('WO5', 'RESTORED', 'CONTRACT', 'RESTORED_BY_VENDOR', '1997-03-01 10:00+08', NULL))
				       w(name, state, assignee, resolution, restored, closed)
				  JOIN camera c ON c.asset_tag = 'HYR-W1'
				  JOIN maintenance_contract mc ON mc.code = 'HYR-MC1'
				  JOIN repair_squad sq ON sq.code = 'HYR-SQ'
				 ORDER BY w.name""");
	}
}
