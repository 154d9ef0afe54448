package io.watchkeeper.maintenance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a camera's warranty ends, responsibility for its repairs moves from the supplier to the maintenance
 * contract: every open order assigned to the supplying vendor under warranty ({@code WARRANTY_VENDOR}) whose
 * camera's warranty has ended is re-routed by {@link Routing} to the camera's or its precinct's contract
 * running today, in one statement, each with a {@code REROUTED} history event.
 * <p>
 * Orders the supplier has already restored are left alone (the work is done; only the dispatcher's check
 * remains); orders in progress or on hold keep their state and due times, only the assignee changes. An
 * order whose camera no contract covers today stays with the supplier (a dispatcher routes it by hand) and is
 * tried again on the next run. Running it twice changes nothing: a re-routed order is no longer
 * {@code WARRANTY_VENDOR}.
 */
@Service
public class WarrantyExpiry {

	private final NamedParameterJdbcTemplate jdbc;

	private final MaintenanceProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	WarrantyExpiry(NamedParameterJdbcTemplate jdbc, MaintenanceProperties properties, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Re-routes the open warranty orders of cameras whose warranty has ended.
	 *
	 * @return the number of orders re-routed
	 */
	@Transactional
	public int transferExpiredWarranties() {
		Instant now = clock.instant();
		Integer moved = jdbc.queryForObject("""
				WITH 				target AS (
				    SELECT w.id, w.vendor_id AS old_vendor_id, %s
				      FROM work_order w
				      JOIN camera c ON c.id = w.camera_id
				      %s
				     WHERE w.assignee_kind = 'WARRANTY_VENDOR'
				       AND w.state IN ('ASSIGNED', 'IN_PROGRESS', 'ON_HOLD')
				       AND NOT %s
				     FOR UPDATE OF w),
				moved AS (
				    UPDATE work_order w
				       SET assignee_kind = 'CONTRACT', contract_id = t.contract_id, vendor_id = t.vendor_id,
				           version = w.version + 1
				      FROM target t
				     WHERE w.id = t.id AND t.assignee_kind = 'CONTRACT'
				    RETURNING w.id, w.state, t.old_vendor_id, t.contract_id, t.vendor_id),
				history AS (
				    INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note, details)
				    SELECT id, :now, :actor, 'REROUTED', state, state, NULL,
				           jsonb_build_object('reason', 'WARRANTY_ENDED', 'assigneeKind', 'CONTRACT', 'contractId', contract_id,
				                              'vendorId', vendor_id, 'previousVendorId', old_vendor_id, 'routedBy', 'warranty')
				      FROM moved)
				SELECT count(*) FROM moved""".formatted(Routing.COLUMNS, Routing.JOINS,
				Routing.UNDER_WARRANTY),
				Map.of("now", Timestamp.from(now), "day", LocalDate.ofInstant(now, zone), "actor", RepairOrders.SYSTEM,
						"defaultResponseHours", properties.defaultResponseHours(), "defaultRestoreHours",
						properties.defaultRestoreHours()),
				Integer.class);
		return moved == null ? 0 : moved;
	}
}
