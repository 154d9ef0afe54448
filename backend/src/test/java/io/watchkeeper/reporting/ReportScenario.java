package io.watchkeeper.reporting;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small maintenance history in March 1996 (Asia/Taipei), far from any other test's data, with known answers.
 * Cameras ITR-C1..C8 in the LIUGUI and QISHAN precincts; vendor ITR-V1 with contract ITR-MC1 (LIUGUI, until
 * 1996-03-15) and ITR-MC2 (LIUGUI, from 1996-03-16); squad ITR-SQ (LIUGUI). Every open outage has an open repair
 * order, so that jobs raising orders for open outages leave these alone. Created once per database.
 *
 * <pre>
 * camera  precinct  installed   decommissioned  in service in March 1996
 * C1      LIUGUI    1995-01-01  –               yes
 * C2      LIUGUI    1995-06-01  –               yes
 * C3      LIUGUI    1996-03-20  –               yes (installed before the end)
 * C4      LIUGUI    1996-04-02  –               no
 * C5      LIUGUI    1990-01-01  1996-02-20      no (decommissioned before the start)
 * C6      LIUGUI    1990-01-01  1996-03-10      yes (until its decommission day ends)
 * C7      QISHAN    1995-01-01  –               yes
 * C8      LIUGUI    (planned)                   no
 *
 * outage  camera  from              to                hours in March
 * O1      C1      02-29 20:00       03-01 04:00       4 (began before, on the leap day; 8 h long)
 * O2      C1      03-10 10:00       03-10 16:00       6
 * O3      C2      03-31 22:00       04-01 03:00       2 (ends after)
 * O4      C3      03-25 12:00       open              156
 * O5      C6      03-09 00:00       03-12 00:00       48 (clipped at decommission; 72 h long)
 * O6      C7      03-05 08:00       03-05 18:00       10
 * O7      C5      03-03 00:00       03-03 05:00       0 (camera not in service)
 * O8      C7      03-20 06:00       open              282
 *
 * order  camera  assignee            opened        restored      closed        resolution
 * W1     C1      MC1 (V1)            03-10 10:05   03-10 16:00   03-11 09:00   RESTORED_BY_VENDOR (5 h 55 min)
 * W2     C6      squad               03-09 00:10   03-09 04:10   03-09 08:00   RESTORED_IN_HOUSE (4 h)
 * W3     C1      MC1 (V1)            02-29 20:10   03-01 04:00   03-01 10:00   RESTORED_BY_VENDOR (7 h 50 min)
 * W4     C3      MC2 (V1)            03-25 12:05   –             –             (IN_PROGRESS)
 * W5     C2      squad               03-31 22:05   04-01 02:00   04-01 03:00   RESTORED_IN_HOUSE (outside)
 * W6     C7      warranty V1         03-05 08:05   03-05 18:00   03-06 09:00   RESTORED_BY_VENDOR (9 h 55 min)
 * W7     C1      MC1 (V1)            02-01 10:00   02-01 12:00   02-02 10:00   RESTORED_BY_VENDOR (outside)
 * W8     C7      warranty V1         03-20 06:05   –             –             (ASSIGNED)
 * </pre>
 */
final class ReportScenario {

	private ReportScenario() {
	}

	static synchronized void ensure(JdbcTemplate jdbc) {
		if (jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag = 'ITR-C1'", Long.class) > 0) {
			return;
		}
		jdbc.update("INSERT INTO vendor (code, name_zh, name_en) VALUES ('ITR-V1', '測試維護廠商', 'ITR test vendor')");
		jdbc.update("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, name_en, starts_on, ends_on, response_hours, restore_hours)
				SELECT c.code, v.id, c.code || ' 契約', c.code || ' contract', c.s, c.e, 4, 24
				  FROM vendor v, (VALUES ('ITR-MC1', DATE '1996-01-01', DATE '1996-03-15'),
				                         ('ITR-MC2', DATE '1996-03-16', DATE '1996-12-31')) c(code, s, e)
				 WHERE v.code = 'ITR-V1'""");
		jdbc.update("""
				INSERT INTO maintenance_contract_precinct (contract_id, precinct_id)
				SELECT mc.id, p.id FROM maintenance_contract mc, precinct p WHERE mc.code LIKE 'ITR-MC%' AND p.code = 'LIUGUI'""");
		jdbc.update("""
				INSERT INTO repair_squad (code, name_zh, name_en, precinct_id)
				SELECT 'ITR-SQ', '測試維修小組', 'ITR test squad', id FROM precinct WHERE code = 'LIUGUI'""");
		jdbc.update("""
				INSERT INTO camera (asset_tag, precinct_id, install_date, status, decommissioned_on, decommission_reason)
				SELECT c.tag, p.id, c.installed, c.status, c.decommissioned, CASE WHEN c.decommissioned IS NOT NULL THEN 'ITR test' END
				  FROM (VALUES ('ITR-C1', 'LIUGUI', DATE '1995-01-01', 'ACTIVE', NULL::date),
				               ('ITR-C2', 'LIUGUI', DATE '1995-06-01', 'ACTIVE', NULL),
				               ('ITR-C3', 'LIUGUI', DATE '1996-03-20', 'FAULTY', NULL),
				               ('ITR-C4', 'LIUGUI', DATE '1996-04-02', 'ACTIVE', NULL),
				               ('ITR-C5', 'LIUGUI', DATE '1990-01-01', 'DECOMMISSIONED', DATE '1996-02-20'),
				               ('ITR-C6', 'LIUGUI', DATE '1990-01-01', 'DECOMMISSIONED', DATE '1996-03-10'),
				               ('ITR-C7', 'QISHAN', DATE '1995-01-01', 'FAULTY', NULL),
				               ('ITR-C8', 'LIUGUI', NULL, 'PLANNED', NULL)) c(tag, precinct, installed, status, decommissioned)
				  JOIN precinct p ON p.code = c.precinct""");
		jdbc.update("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
				SELECT c.id, o.s, o.e, 'REPORTED_DOWN', o.s, 'ITR ' || o.name
				  FROM (VALUES ('O1', 'ITR-C1', timestamptz '1996-02-29 20:00+08', timestamptz '1996-03-01 04:00+08'),
				               ('O2', 'ITR-C1', '1996-03-10 10:00+08', '1996-03-10 16:00+08'),
				               ('O3', 'ITR-C2', '1996-03-31 22:00+08', '1996-04-01 03:00+08'),
				               ('O4', 'ITR-C3', '1996-03-25 12:00+08', NULL),
				               ('O5', 'ITR-C6', '1996-03-09 00:00+08', '1996-03-12 00:00+08'),
				               ('O6', 'ITR-C7', '1996-03-05 08:00+08', '1996-03-05 18:00+08'),
				               ('O7', 'ITR-C5', '1996-03-03 00:00+08', '1996-03-03 05:00+08'),
				               ('O8', 'ITR-C7', '1996-03-20 06:00+08', NULL)) o(name, tag, s, e)
				  JOIN camera c ON c.asset_tag = o.tag""");
		jdbc.update("""
				INSERT INTO work_order (kind, camera_id, origin, outage_id, state, assignee_kind, contract_id, vendor_id, squad_id,
				       opened_at, assigned_at, started_at, restored_at, closed_at, resolution, resolution_note, title, created_by)
				SELECT 'REPAIR', c.id, 'OUTAGE', (SELECT id FROM outage WHERE source = 'ITR ' || w.outage), w.state, w.kind,
				       mc.id, CASE WHEN w.kind <> 'SQUAD' THEN v.id END, CASE WHEN w.kind = 'SQUAD' THEN sq.id END,
				       w.opened, w.opened, CASE WHEN w.state <> 'ASSIGNED' THEN w.opened + interval '1 minute' END,
				       w.restored, w.closed, w.resolution, CASE WHEN w.resolution IS NOT NULL THEN 'ITR' END, 'ITR ' || w.name, 'itr'
				  FROM (VALUES ('W1', 'ITR-C1', 'O2', 'CLOSED', 'CONTRACT', 'ITR-MC1', timestamptz '1996-03-10 10:05+08',
				                timestamptz '1996-03-10 16:00+08', timestamptz '1996-03-11 09:00+08', 'RESTORED_BY_VENDOR'),
				               ('W2', 'ITR-C6', 'O5', 'CLOSED', 'SQUAD', NULL, '1996-03-09 00:10+08', '1996-03-09 04:10+08',
				                '1996-03-09 08:00+08', 'RESTORED_IN_HOUSE'),
				               ('W3', 'ITR-C1', 'O1', 'CLOSED', 'CONTRACT', 'ITR-MC1', '1996-02-29 20:10+08', '1996-03-01 04:00+08',
				                '1996-03-01 10:00+08', 'RESTORED_BY_VENDOR'),
				               ('W4', 'ITR-C3', 'O4', 'IN_PROGRESS', 'CONTRACT', 'ITR-MC2', '1996-03-25 12:05+08', NULL, NULL, NULL),
				               ('W5', 'ITR-C2', 'O3', 'CLOSED', 'SQUAD', NULL, '1996-03-31 22:05+08', '1996-04-01 02:00+08',
				                '1996-04-01 03:00+08', 'RESTORED_IN_HOUSE'),
				               ('W6', 'ITR-C7', 'O6', 'CLOSED', 'WARRANTY_VENDOR', NULL, '1996-03-05 08:05+08', '1996-03-05 18:00+08',
				                '1996-03-06 09:00+08', 'RESTORED_BY_VENDOR'),
				               ('W7', 'ITR-C1', NULL, 'CLOSED', 'CONTRACT', 'ITR-MC1', '1996-02-01 10:00+08', '1996-02-01 12:00+08',
				                '1996-02-02 10:00+08', 'RESTORED_BY_VENDOR'),
				               ('W8', 'ITR-C7', 'O8', 'ASSIGNED', 'WARRANTY_VENDOR', NULL, '1996-03-20 06:05+08', NULL, NULL, NULL))
				       w(name, tag, outage, state, kind, contract, opened, restored, closed, resolution)
				  JOIN camera c ON c.asset_tag = w.tag
				  LEFT JOIN maintenance_contract mc ON mc.code = w.contract
				  CROSS JOIN (SELECT id FROM vendor WHERE code = 'ITR-V1') v
				  CROSS JOIN (SELECT id FROM repair_squad WHERE code = 'ITR-SQ') sq
				 ORDER BY w.name""");
	}
}
