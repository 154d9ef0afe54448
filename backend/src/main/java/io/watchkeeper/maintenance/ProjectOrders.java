package io.watchkeeper.maintenance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A procurement project's replacement orders, set-based: the cameras a project buys for get one replacement order
 * each, linked to the project (the orders the lifecycle job already raised are adopted, never duplicated: the unique
 * index {@code work_order_one_replacement} allows one non-cancelled replacement order per camera), and the project's
 * vendor, once awarded, holds its open orders.
 * <p>
 * The awarded vendor holds them as {@link AssigneeKind#WARRANTY_VENDOR} does: by {@code vendor_id} alone, so its
 * technicians see exactly these orders and the cameras they are on ({@link WorkOrderQueries#SCOPE}), with no
 * maintenance contract and no SLA due times (a replacement runs on the project's milestones, not a repair target).
 */
@Service
public class ProjectOrders {

	private final NamedParameterJdbcTemplate jdbc;

	ProjectOrders(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many orders were adopted and how many opened. */
	public record Linked(int adopted, int created) {
	}

	/**
	 * Links the cameras' replacement orders to the project: opens one for each camera without a non-cancelled one
	 * (a camera whose only order was cancelled gets a new one), then adopts every non-cancelled one not yet in a
	 * project. The caller has left out the cameras whose order is in another project.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Linked link(long projectId, long[] cameraIds, String actor, Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("project", projectId)
			.addValue("cameras", cameraIds)
			.addValue("now", Timestamp.from(now))
			.addValue("actor", actor);
		int created = jdbc.update("""
				INSERT INTO work_order (kind, camera_id, origin, priority, state, opened_at, created_by, project_id)
				SELECT 'REPLACEMENT', c.id, 'MANUAL', 'NORMAL', 'NEW', :now, :actor, :project
				  FROM unnest(CAST(:cameras AS bigint[])) AS c(id)
				 WHERE NOT EXISTS (SELECT 1 FROM work_order w
				                    WHERE w.camera_id = c.id AND w.kind = 'REPLACEMENT' AND w.state <> 'CANCELLED')
				ON CONFLICT (camera_id) WHERE kind = 'REPLACEMENT' AND state <> 'CANCELLED' DO NOTHING""", params);
		int adopted = jdbc.update("""
				UPDATE work_order w SET project_id = :project
				 WHERE w.camera_id = ANY (CAST(:cameras AS bigint[])) AND w.kind = 'REPLACEMENT'
				   AND w.state <> 'CANCELLED' AND w.project_id IS NULL""", params);
		return new Linked(adopted, created);
	}

	/**
	 * The project's vendor holds its open replacement orders from now on (NEW ones become ASSIGNED); each order
	 * changed gets a history line. Orders restored, closed or cancelled are left alone.
	 *
	 * @return the number of orders handed to the vendor
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int handToVendor(long projectId, long vendorId, String actor, Instant now) {
		return jdbc.update("""
				WITH open AS (
				    SELECT id, state FROM work_order
				     WHERE project_id = :project AND kind = 'REPLACEMENT'
				       AND state IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD')
				       AND (vendor_id IS DISTINCT FROM :vendor OR assignee_kind IS DISTINCT FROM 'WARRANTY_VENDOR')
				     FOR UPDATE),
				handed AS (
				    UPDATE work_order w SET assignee_kind = 'WARRANTY_VENDOR', vendor_id = :vendor, contract_id = NULL,
				           squad_id = NULL, assigned_at = :now, version = w.version + 1,
				           state = CASE WHEN w.state = 'NEW' THEN 'ASSIGNED' ELSE w.state END
				      FROM open WHERE w.id = open.id
				    RETURNING w.id, open.state AS from_state, w.state AS to_state)
				INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note, details)
				SELECT id, :now, :actor, 'ASSIGNED', from_state, to_state, 'Awarded to the project''s vendor',
				       jsonb_build_object('assigneeKind', 'WARRANTY_VENDOR', 'vendorId', :vendor, 'projectId', :project)
				  FROM handed""", Map.of("project", projectId, "vendor", vendorId, "now", Timestamp.from(now), "actor", actor));
	}
}
