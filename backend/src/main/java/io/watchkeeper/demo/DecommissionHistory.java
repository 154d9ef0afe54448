package io.watchkeeper.demo;

import static io.watchkeeper.demo.DemoCatalog.*;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry's decommissions and replacements as maintenance records them, written set-based in the loader's
 * transaction after the cameras:
 * <ul>
 * <li><b>The seed report's half year</b> (2023-01-01 .. 2023-06-30): exactly {@link FleetGenerator.Plan#decommissionedH1()}
 * cameras (120 for fleets of 10,000 or more) in service without plate recognition are decommissioned on a day of it,
 * picked by a hash of the seed and the asset tag, cameras past their service life four times as likely; those are
 * mostly "over service life and faulty", the others "no longer needed" or "not worth repairing". The generator
 * keeps its own decommissions out of that half year, so these are all of them.</li>
 * <li><b>Every decommission but a replacement</b> has its closed DECOMMISSION work order (the precinct's squad took
 * the camera down; resolution DECOMMISSIONED, closed on the decommission day, the reason as its note).</li>
 * <li><b>The 2023 replacement project's pairs</b>: the new camera replaces the old one (lineage), and one closed
 * REPLACEMENT order of the project per pair, on the old camera, delivered the new one on the day it was installed.
 * The project's warranty terms are the three years its cameras got.</li>
 * </ul>
 * Deterministic for a seed, like the rest of the demo.
 */
final class DecommissionHistory {

	record Summary(int decommissionedH1, int decommissionOrders, int replacementOrders) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%,d decommissioned in 2023 H1; %,d decommission orders, %,d replacement orders",
					decommissionedH1, decommissionOrders, replacementOrders);
		}
	}

	private final JdbcTemplate jdbc;
	private final long seed;

	DecommissionHistory(JdbcTemplate jdbc, long seed) {
		this.jdbc = jdbc;
		this.seed = seed;
	}

	/** A uniform number in [0, 1) from the seed, the camera's asset tag and a salt. */
	private String u(String salt) {
		return "((hashtextextended(c.asset_tag || '" + salt + "', " + seed + ") & 2147483647)::float8 / 2147483648.0)";
	}

	Summary write(FleetGenerator.Plan plan) {
		int h1 = decommissionHalfYear(plan.decommissionedH1());
		int decommissionOrders = decommissionOrders();
		int replacementOrders = replacements();
		jdbc.update("UPDATE procurement_project SET warranty_years = 3 WHERE code IN (?, ?, ?, ?)", REPLACEMENT_PROJECT,
				SUBSIDY_PROJECT, HUNEI_PROJECT, GANGSHAN_PROJECT);
		return new Summary(h1, decommissionOrders, replacementOrders);
	}

	private int decommissionHalfYear(int wanted) {
		long days = java.time.temporal.ChronoUnit.DAYS.between(DECOMMISSIONS_FROM, DECOMMISSIONS_TO) + 1;
		return jdbc.update("""
				UPDATE camera c SET status = 'DECOMMISSIONED', decommissioned_on = x.day, decommission_kind = x.kind,
				       decommission_reason = x.reason, updated_at = x.day::timestamp AT TIME ZONE 'Asia/Taipei'
				  FROM (SELECT p.id, p.day,
				               CASE WHEN p.past_life AND p.k < 0.85 THEN 'END_OF_LIFE_FAULTY'
				                    WHEN NOT p.past_life AND p.k < 0.5 THEN 'NOT_NEEDED' ELSE 'NOT_WORTH_REPAIRING' END AS kind,
				               CASE WHEN p.past_life AND p.k < 0.85 THEN ?
				                    WHEN p.past_life THEN ? WHEN p.k < 0.5 THEN ? ELSE ? END AS reason
				          FROM (SELECT c.id, c.end_of_life <= d.day AS past_life, d.day, %s AS k,
				                       CASE WHEN c.end_of_life <= d.day THEN 0.25 ELSE 1.0 END * %s AS pick
				                  FROM camera c
				                  CROSS JOIN LATERAL (SELECT CAST(? AS date) + floor(%s * ?)::int AS day) d
				                 WHERE c.status = 'ACTIVE' AND c.lpr = 'NONE' AND c.location IS NOT NULL
				                   AND c.precinct_id IS NOT NULL AND c.install_date < CAST(? AS date) - 90
				                 ORDER BY pick, c.id LIMIT ?) p) x
				 WHERE c.id = x.id""".formatted(u(":decommission-kind"), u(":decommission"), u(":decommission-day")),
				// the texts of the kinds as DemoCatalog.DECOMMISSION_KINDS pairs them
				DECOMMISSION_REASONS.get(0), DECOMMISSION_REASONS.get(3), DECOMMISSION_REASONS.get(1),
				DECOMMISSION_REASONS.get(3), java.sql.Date.valueOf(DECOMMISSIONS_FROM), days,
				java.sql.Date.valueOf(DECOMMISSIONS_FROM), wanted);
	}

	/** One closed DECOMMISSION order per decommissioned camera that was not replaced, with its history. */
	private int decommissionOrders() {
		jdbc.execute("""
				CREATE TEMP TABLE demo_decommission ON COMMIT DROP AS
				SELECT nextval(pg_get_serial_sequence('work_order', 'id')) AS order_id, c.id AS camera_id, c.asset_tag,
				       c.decommission_kind, c.decommission_reason, coalesce(sq.id, hq.id) AS squad_id,
				       (c.decommissioned_on - 3 - floor(%s * 25)::int + time '09:00') AT TIME ZONE 'Asia/Taipei' AS opened_at,
				       (c.decommissioned_on + time '16:00') AT TIME ZONE 'Asia/Taipei' AS closed_at
				  FROM camera c
				  LEFT JOIN repair_squad sq ON sq.precinct_id = c.precinct_id
				  LEFT JOIN repair_squad hq ON hq.code = '%s'
				 WHERE c.status = 'DECOMMISSIONED' AND c.decommission_kind <> 'REPLACED'
				 ORDER BY c.decommissioned_on, c.id""".formatted(u(":decommission-order"), MaintenanceHistory.HQ_SQUAD));
		int orders = jdbc.update("""
				INSERT INTO work_order (id, kind, camera_id, origin, priority, state, assignee_kind, squad_id, title,
				       opened_at, assigned_at, closed_at, resolution, resolution_note, created_by, version)
				SELECT order_id, 'DECOMMISSION', camera_id,
				       CASE WHEN decommission_kind = 'END_OF_LIFE_FAULTY' THEN 'LIFECYCLE' ELSE 'MANUAL' END, 'NORMAL', 'CLOSED',
				       'SQUAD', squad_id, '報廢 ' || asset_tag, opened_at, opened_at + interval '30 minutes', closed_at,
				       'DECOMMISSIONED', decommission_reason, 'dispatcher', 2
				  FROM demo_decommission""");
		jdbc.update("""
				INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note, details)
				SELECT d.order_id, e.occurred_at, e.actor, e.action, e.from_state, e.to_state, e.note, e.details
				  FROM demo_decommission d CROSS JOIN LATERAL (VALUES
				       (d.opened_at, 'dispatcher', 'OPENED', NULL, 'NEW', NULL, NULL::jsonb),
				       (d.opened_at + interval '30 minutes', 'dispatcher', 'ASSIGNED', 'NEW', 'ASSIGNED', '交由維修小組拆除',
				        jsonb_build_object('assigneeKind', 'SQUAD', 'squadId', d.squad_id)),
				       (d.closed_at, 'dispatcher', 'CLOSED', 'ASSIGNED', 'CLOSED', d.decommission_reason,
				        jsonb_build_object('resolution', 'DECOMMISSIONED', 'decommissionKind', d.decommission_kind))
				       ) AS e(occurred_at, actor, action, from_state, to_state, note, details)""");
		jdbc.execute("DROP TABLE demo_decommission");
		return orders;
	}

	/** Lineage of the project's pairs and one closed REPLACEMENT order of the project per pair, with its history. */
	private int replacements() {
		jdbc.update("""
				UPDATE camera n SET replaces_camera_id = o.id
				  FROM camera o, procurement_project pr
				 WHERE pr.code = ? AND n.project_id = pr.id AND o.site_id = n.site_id AND o.id <> n.id
				   AND o.decommission_kind = 'REPLACED'""", REPLACEMENT_PROJECT);
		jdbc.execute("""
				CREATE TEMP TABLE demo_replacement ON COMMIT DROP AS
				SELECT nextval(pg_get_serial_sequence('work_order', 'id')) AS order_id, o.id AS old_id, n.id AS new_id,
				       n.asset_tag AS new_tag, pr.id AS project_id, pr.vendor_id, v.code AS vendor_code,
				       (greatest(o.end_of_life, pr.started_on) + time '09:00') AT TIME ZONE 'Asia/Taipei' AS opened_at,
				       (n.install_date + time '10:00') AT TIME ZONE 'Asia/Taipei' AS started_at,
				       (n.install_date + time '16:00') AT TIME ZONE 'Asia/Taipei' AS restored_at,
				       (n.install_date + time '17:00') AT TIME ZONE 'Asia/Taipei' AS closed_at
				  FROM camera n JOIN camera o ON o.id = n.replaces_camera_id
				  JOIN procurement_project pr ON pr.id = n.project_id
				  JOIN vendor v ON v.id = pr.vendor_id
				 ORDER BY n.install_date, n.id""");
		int orders = jdbc.update("""
				INSERT INTO work_order (id, kind, camera_id, origin, priority, state, assignee_kind, vendor_id, title,
				       opened_at, assigned_at, started_at, restored_at, closed_at, resolution, resolution_note, project_id,
				       delivered_camera_id, created_by, version)
				SELECT order_id, 'REPLACEMENT', old_id, 'LIFECYCLE', 'NORMAL', 'CLOSED', 'WARRANTY_VENDOR', vendor_id,
				       '汰換（112年汰換案）', opened_at, opened_at, started_at, restored_at, closed_at, 'REPLACED',
				       '已安裝新攝影機 ' || new_tag, project_id, new_id, 'system', 3
				  FROM demo_replacement""");
		jdbc.update("""
				INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note, details)
				SELECT r.order_id, e.occurred_at, e.actor, e.action, e.from_state, e.to_state, e.note, e.details
				  FROM demo_replacement r CROSS JOIN LATERAL (VALUES
				       (r.opened_at, 'system', 'OPENED', NULL, 'ASSIGNED', NULL,
				        jsonb_build_object('assigneeKind', 'WARRANTY_VENDOR', 'vendorId', r.vendor_id, 'projectId', r.project_id)),
				       (r.started_at, lower(r.vendor_code) || '.tech', 'STARTED', 'ASSIGNED', 'IN_PROGRESS', NULL, NULL::jsonb),
				       (r.restored_at, lower(r.vendor_code) || '.tech', 'RESTORED', 'IN_PROGRESS', 'RESTORED',
				        '已安裝新攝影機 ' || r.new_tag, NULL),
				       (r.closed_at, 'dispatcher', 'CLOSED', 'RESTORED', 'CLOSED', '已確認新攝影機影像',
				        jsonb_build_object('resolution', 'REPLACED', 'deliveredCameraId', r.new_id))
				       ) AS e(occurred_at, actor, action, from_state, to_state, note, details)""");
		jdbc.execute("DROP TABLE demo_replacement");
		return orders;
	}
}
