package io.watchkeeper.maintenance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises repair work orders for outages, set-based: one statement for every open outage whose camera has
 * no open repair order, each routed by {@link Routing} and given its due times, with its first history event.
 * The unique index {@code work_order_one_open_repair} makes it idempotent: two nodes or two runs racing
 * create one order per camera, never two.
 */
@Service
public class RepairOrders {

	/** The actor recorded for orders the system raises. */
	public static final String SYSTEM = "system";

	private final NamedParameterJdbcTemplate jdbc;

	private final MaintenanceProperties properties;

	private final ZoneId zone;

	RepairOrders(NamedParameterJdbcTemplate jdbc, MaintenanceProperties properties,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.zone = zone;
	}

	/**
	 * Opens one repair order for each open outage of a camera in service that has no open repair order and
	 * never had an order of its own: a dispatcher's cancel (false alarm) or close while the camera is still
	 * reported down stands; only a new outage of the camera raises a new order.
	 *
	 * @return the number of orders opened
	 */
	@Transactional
	public int raiseForOpenOutages(Instant now) {
		Integer created = jdbc.queryForObject("""
				WITH 				candidate AS (
				    SELECT o.id AS outage_id, o.camera_id, %s
				      FROM outage o
				      JOIN camera c ON c.id = o.camera_id
				      %s
				     WHERE o.ended_at IS NULL AND c.status <> 'DECOMMISSIONED'
				       AND NOT EXISTS (SELECT 1 FROM work_order w WHERE w.camera_id = o.camera_id AND w.kind = 'REPAIR'
				                          AND w.state NOT IN ('CLOSED', 'CANCELLED'))
				       -- one order per outage: a cancelled (false alarm) or closed order is the dispatcher's decision
				       AND NOT EXISTS (SELECT 1 FROM work_order w WHERE w.outage_id = o.id)),
				created AS (
				    INSERT INTO work_order (kind, camera_id, origin, outage_id, priority, state, assignee_kind, contract_id,
				                            vendor_id, opened_at, assigned_at, response_due_at, restore_due_at, created_by)
				    SELECT 'REPAIR', camera_id, 'OUTAGE', outage_id, 'NORMAL',
				           CASE WHEN assignee_kind IS NULL THEN 'NEW' ELSE 'ASSIGNED' END, assignee_kind, contract_id, vendor_id,
				           :now, CASE WHEN assignee_kind IS NULL THEN NULL ELSE CAST(:now AS timestamptz) END,
				           CAST(:now AS timestamptz) + make_interval(hours => response_hours),
				           CAST(:now AS timestamptz) + make_interval(hours => restore_hours), :actor
				      FROM candidate
				     ORDER BY camera_id
				    ON CONFLICT (camera_id) WHERE kind = 'REPAIR' AND state NOT IN ('CLOSED', 'CANCELLED') DO NOTHING
				    RETURNING id, state, assignee_kind, contract_id, vendor_id),
				history AS (
				    INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note, details)
				    SELECT id, :now, :actor, 'OPENED', NULL, state, NULL,
				           jsonb_strip_nulls(jsonb_build_object('assigneeKind', assignee_kind, 'contractId', contract_id,
				                                                'vendorId', vendor_id, 'routedBy', 'outage'))
				      FROM created)
				SELECT count(*) FROM created""".formatted(Routing.COLUMNS, Routing.JOINS),
				Map.of("now", Timestamp.from(now), "day", LocalDate.ofInstant(now, zone), "actor", SYSTEM,
						"defaultResponseHours", properties.defaultResponseHours(), "defaultRestoreHours",
						properties.defaultRestoreHours()),
				Integer.class);
		return created == null ? 0 : created;
	}
}
