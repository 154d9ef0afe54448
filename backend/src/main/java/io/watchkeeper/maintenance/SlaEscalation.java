package io.watchkeeper.maintenance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.notification.Notice;
import io.watchkeeper.notification.Notifications;

/**
 * SLA escalation: an open order past its response due time (not yet started) or its restore due time (not yet
 * restored) is escalated once per breach: its priority rises one step per new breach (up to URGENT), its
 * {@code escalation_level} counts the breaches escalated and {@code escalated_at} is set, with an
 * {@code ESCALATED} history event; dispatchers and the assignee's users are notified in the application and
 * through the outgoing webhook.
 * <p>
 * The clock stops while an order is on hold: orders on hold are not escalated, and resuming pushes the order's
 * due times by the time it spent on hold (the {@link WorkOrder} aggregate does that), so the due columns are
 * compared as they are. "Never the same breach twice" is the primary
 * key of {@code work_order_escalation}, not a check in code: a second run, or a second node, inserts nothing
 * and so raises nothing. Escalating bumps the order's version, so a person editing the order at that moment
 * gets a stale-version answer instead of silently overwriting the new priority.
 */
@Service
public class SlaEscalation {

	private final NamedParameterJdbcTemplate jdbc;

	private final Notifications notifications;

	private final Clock clock;

	SlaEscalation(NamedParameterJdbcTemplate jdbc, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * Escalates every breach not yet escalated and notifies.
	 *
	 * @return the number of breaches escalated
	 */
	@Transactional
	public int escalateOverdueOrders() {
		Instant now = clock.instant();
		List<Escalated> escalated = jdbc.query("""
				WITH due AS (
				    SELECT w.id, 'RESPONSE' AS breach, w.response_due_at AS due_at
				      FROM work_order w
				     WHERE w.state IN ('NEW', 'ASSIGNED') AND w.response_due_at IS NOT NULL
				       AND w.response_due_at < :now
				    UNION ALL
				    SELECT w.id, 'RESTORE', w.restore_due_at
				      FROM work_order w
				     WHERE w.state IN ('NEW', 'ASSIGNED', 'IN_PROGRESS') AND w.restore_due_at IS NOT NULL
				       AND w.restore_due_at < :now),
				fresh AS (
				    SELECT d.id, d.breach, d.due_at, w.priority,
				           row_number() OVER (PARTITION BY d.id ORDER BY d.breach = 'RESPONSE' DESC) AS step
				      FROM due d JOIN work_order w ON w.id = d.id
				     WHERE NOT EXISTS (SELECT 1 FROM work_order_escalation e WHERE e.work_order_id = d.id AND e.breach = d.breach)),
				stepped AS (
				    SELECT id, breach, due_at,
				           (ARRAY['LOW','NORMAL','HIGH','URGENT'])[least(array_position(ARRAY['LOW','NORMAL','HIGH','URGENT']::varchar[], priority) + step - 1, 4)] AS priority_from,
				           (ARRAY['LOW','NORMAL','HIGH','URGENT'])[least(array_position(ARRAY['LOW','NORMAL','HIGH','URGENT']::varchar[], priority) + step, 4)] AS priority_to
				      FROM fresh),
				inserted AS (
				    INSERT INTO work_order_escalation (work_order_id, breach, escalated_at, due_at, priority_from, priority_to)
				    SELECT id, breach, :now, due_at, priority_from, priority_to FROM stepped
				    ON CONFLICT (work_order_id, breach) DO NOTHING
				    RETURNING work_order_id, breach, due_at, priority_from, priority_to),
				raised AS (
				    UPDATE work_order w
				       SET priority = top.priority_to, escalation_level = w.escalation_level + top.breaches,
				           escalated_at = :now, version = w.version + 1
				      FROM (SELECT work_order_id, count(*) AS breaches,
				                   (array_agg(priority_to ORDER BY breach = 'RESPONSE'))[1] AS priority_to
				              FROM inserted GROUP BY work_order_id) top
				     WHERE w.id = top.work_order_id
				    RETURNING w.id),
				history AS (
				    INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note, details)
				    SELECT i.work_order_id, :now, :actor, 'ESCALATED', w.state, w.state, NULL,
				           jsonb_build_object('breach', i.breach, 'dueAt', i.due_at, 'priorityFrom', i.priority_from,
				                              'priorityTo', i.priority_to,
				                              -- who the notices below go to (Notifications: dispatchers, the assignee's users)
				                              'notified', jsonb_build_array('DISPATCHER')
				                                  || CASE WHEN w.vendor_id IS NOT NULL THEN '["VENDOR_TECHNICIAN"]'::jsonb ELSE '[]'::jsonb END
				                                  || CASE WHEN w.squad_id IS NOT NULL THEN '["SQUAD_MEMBER"]'::jsonb ELSE '[]'::jsonb END)
				      FROM inserted i JOIN work_order w ON w.id = i.work_order_id)
				SELECT i.work_order_id, i.breach, i.due_at, i.priority_to, w.kind, w.vendor_id, w.squad_id, c.asset_tag,
				       c.precinct_id, (SELECT count(*) FROM raised) AS raised
				  FROM inserted i JOIN work_order w ON w.id = i.work_order_id JOIN camera c ON c.id = w.camera_id
				 ORDER BY i.work_order_id, i.breach""",
				Map.of("now", Timestamp.from(now), "actor", RepairOrders.SYSTEM),
				(rs, i) -> new Escalated(rs.getLong("work_order_id"), rs.getString("breach"),
						rs.getTimestamp("due_at").toInstant(), rs.getString("priority_to"), rs.getString("kind"),
						(Long) rs.getObject("vendor_id"), (Long) rs.getObject("squad_id"), rs.getString("asset_tag"),
						(Long) rs.getObject("precinct_id")));
		notifications.notify(escalated.stream().map(SlaEscalation::notice).toList(), now);
		return escalated.size();
	}

	private static Notice notice(Escalated e) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("workOrderId", e.workOrderId());
		data.put("kind", e.kind());
		data.put("assetTag", e.assetTag());
		data.put("breach", e.breach());
		data.put("dueAt", e.dueAt().toString());
		data.put("priority", e.priority());
		return new Notice("SLA_" + e.breach() + "_OVERDUE", e.workOrderId(), e.precinctId(), e.vendorId(), e.squadId(),
				List.of(e.assetTag(), String.valueOf(e.workOrderId()), e.priority()),
				"sla:" + e.breach() + ":" + e.workOrderId(), data);
	}

	private record Escalated(long workOrderId, String breach, Instant dueAt, String priority, String kind,
			Long vendorId, Long squadId, String assetTag, Long precinctId) {
	}
}
