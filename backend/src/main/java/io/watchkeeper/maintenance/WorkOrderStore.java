package io.watchkeeper.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads and saves {@link WorkOrder}s with plain SQL. A save writes only the columns the aggregate changes and
 * only if the row still has the version that was loaded ({@code UPDATE ... WHERE version = :loaded}); otherwise
 * it reports the current version as a {@link StaleVersionException}. Columns other modules' jobs change
 * (priority, escalation) are left alone.
 */
@Repository
class WorkOrderStore {

	private final NamedParameterJdbcTemplate jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	WorkOrderStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<WorkOrder> find(long id) {
		List<WorkOrder> rows = jdbc.query("SELECT * FROM work_order WHERE id = :id", Map.of("id", id),
				(rs, n) -> map(rs));
		return rows.stream().findFirst();
	}

	/** The current version of an order, or empty when there is no such order. */
	Optional<Long> currentVersion(long id) {
		return jdbc.queryForList("SELECT version FROM work_order WHERE id = :id", Map.of("id", id), Long.class)
			.stream().findFirst();
	}

	/**
	 * Writes what the aggregate changed and its new history, if the row is still at the loaded version.
	 *
	 * @return the new version
	 * @throws StaleVersionException when someone else changed the order meanwhile
	 */
	long save(WorkOrder order) {
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("id", order.id())
			.addValue("loaded", order.version())
			.addValue("state", order.state().name())
			.addValue("assigneeKind", order.assignee() == null ? null : order.assignee().kind().name())
			.addValue("contractId", order.assignee() == null ? null : order.assignee().contractId())
			.addValue("vendorId", order.assignee() == null ? null : order.assignee().vendorId())
			.addValue("squadId", order.assignee() == null ? null : order.assignee().squadId())
			.addValue("holdReason", order.holdReason())
			.addValue("stateBeforeHold", order.stateBeforeHold() == null ? null : order.stateBeforeHold().name())
			.addValue("onHoldSince", ts(order.onHoldSince()))
			.addValue("heldSeconds", order.heldSeconds())
			.addValue("assignedAt", ts(order.assignedAt()))
			.addValue("startedAt", ts(order.startedAt()))
			.addValue("restoredAt", ts(order.restoredAt()))
			.addValue("closedAt", ts(order.closedAt()))
			.addValue("cancelledAt", ts(order.cancelledAt()))
			.addValue("responseDueAt", ts(order.responseDueAt()))
			.addValue("restoreDueAt", ts(order.restoreDueAt()))
			.addValue("resolution", order.resolution() == null ? null : order.resolution().name())
			.addValue("resolutionNote", order.resolutionNote());
		List<Long> updated = jdbc.queryForList("""
				UPDATE work_order
				   SET state = :state, assignee_kind = :assigneeKind, contract_id = CAST(:contractId AS bigint),
				       vendor_id = CAST(:vendorId AS bigint), squad_id = CAST(:squadId AS bigint),
				       hold_reason = :holdReason, state_before_hold = :stateBeforeHold,
				       on_hold_since = CAST(:onHoldSince AS timestamptz), held_seconds = :heldSeconds,
				       assigned_at = CAST(:assignedAt AS timestamptz), started_at = CAST(:startedAt AS timestamptz),
				       restored_at = CAST(:restoredAt AS timestamptz), closed_at = CAST(:closedAt AS timestamptz),
				       cancelled_at = CAST(:cancelledAt AS timestamptz),
				       response_due_at = CAST(:responseDueAt AS timestamptz),
				       restore_due_at = CAST(:restoreDueAt AS timestamptz),
				       resolution = :resolution, resolution_note = :resolutionNote, version = version + 1
				 WHERE id = :id AND version = :loaded
				RETURNING version""", p, Long.class);
		if (updated.isEmpty()) {
			long current = currentVersion(order.id()).orElseThrow(() -> new io.watchkeeper.shared.NotFoundException(
					"Work order", order.id()));
			throw new StaleVersionException(order.id(), order.version(), current);
		}
		appendHistory(order.id(), order.newHistory());
		return updated.get(0);
	}

	void appendHistory(long orderId, List<HistoryEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		MapSqlParameterSource[] batch = entries.stream().map(e -> new MapSqlParameterSource()
			.addValue("order", orderId)
			.addValue("at", ts(e.occurredAt()))
			.addValue("actor", e.actor())
			.addValue("action", e.action())
			.addValue("from", e.fromState() == null ? null : e.fromState().name())
			.addValue("to", e.toState() == null ? null : e.toState().name())
			.addValue("note", e.note())
			.addValue("details", e.details() == null || e.details().isEmpty() ? null : json.writeValueAsString(e.details())))
			.toArray(MapSqlParameterSource[]::new);
		jdbc.batchUpdate("""
				INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note, details)
				VALUES (:order, :at, :actor, :action, :from, :to, :note, CAST(:details AS jsonb))""", batch);
	}

	/** What routing gives for one camera on a day: the assignee (or none) and the SLA targets. */
	record Routed(Assignee assignee, SlaTargets targets) {
	}

	/**
	 * Routes one camera with the same SQL as the set-based job ({@link Routing}): warranty vendor, the camera's
	 * or its precinct's contract on that day, or nobody. Empty when there is no such camera.
	 */
	Optional<Routed> route(long cameraId, LocalDate day, MaintenanceProperties defaults) {
		List<Routed> rows = jdbc.query("""
				SELECT %s
				  FROM camera c
				  %s
				 WHERE c.id = :camera""".formatted(Routing.COLUMNS, Routing.JOINS),
				new MapSqlParameterSource("camera", cameraId).addValue("day", day)
					.addValue("defaultResponseHours", defaults.defaultResponseHours())
					.addValue("defaultRestoreHours", defaults.defaultRestoreHours()),
				(rs, n) -> new Routed(Assignee.of(rs.getString("assignee_kind"), (Long) rs.getObject("contract_id"),
						(Long) rs.getObject("vendor_id"), null),
						new SlaTargets(rs.getInt("response_hours"), rs.getInt("restore_hours"))));
		return rows.stream().findFirst();
	}

	/**
	 * Inserts one order as routed. Empty when a unique index refuses it (the camera already has an open repair
	 * order, or a replacement order).
	 */
	Optional<Long> insert(WorkOrderKind kind, long cameraId, WorkOrderOrigin origin, Long outageId,
			WorkOrderPriority priority, String title, String description, Routed routed, Instant now, String actor) {
		Assignee a = routed.assignee();
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("kind", kind.name()).addValue("camera", cameraId).addValue("origin", origin.name())
			.addValue("outage", outageId).addValue("priority", priority.name())
			.addValue("state", a == null ? WorkOrderState.NEW.name() : WorkOrderState.ASSIGNED.name())
			.addValue("assigneeKind", a == null ? null : a.kind().name())
			.addValue("contractId", a == null ? null : a.contractId())
			.addValue("vendorId", a == null ? null : a.vendorId())
			.addValue("now", ts(now)).addValue("assignedAt", a == null ? null : ts(now))
			.addValue("responseDue", ts(now.plusSeconds(routed.targets().responseHours() * 3600L)))
			.addValue("restoreDue", ts(now.plusSeconds(routed.targets().restoreHours() * 3600L)))
			.addValue("title", title).addValue("description", description).addValue("actor", actor);
		List<Long> ids = jdbc.queryForList("""
				INSERT INTO work_order (kind, camera_id, origin, outage_id, priority, state, assignee_kind, contract_id,
				                        vendor_id, title, description, opened_at, assigned_at, response_due_at,
				                        restore_due_at, created_by)
				VALUES (:kind, :camera, :origin, CAST(:outage AS bigint), :priority, :state, :assigneeKind,
				        CAST(:contractId AS bigint), CAST(:vendorId AS bigint), :title, :description, :now,
				        CAST(:assignedAt AS timestamptz), :responseDue, :restoreDue, :actor)
				ON CONFLICT DO NOTHING
				RETURNING id""", p, Long.class);
		return ids.stream().findFirst();
	}

	/** The open repair order of a camera, or its replacement order: what blocks a second one. */
	Optional<Long> blockingOrder(long cameraId, WorkOrderKind kind) {
		return jdbc.queryForList("""
				SELECT id FROM work_order
				 WHERE camera_id = :camera AND kind = :kind
				   AND (CASE WHEN kind = 'REPAIR' THEN state NOT IN ('CLOSED', 'CANCELLED') ELSE state <> 'CANCELLED' END)
				 ORDER BY id DESC LIMIT 1""", Map.of("camera", cameraId, "kind", kind.name()), Long.class)
			.stream().findFirst();
	}

	long insertPhoto(long orderId, String uploadedBy, String fileName, String contentType, byte[] content,
			String sha256, Instant now) {
		Map<String, Object> p = new HashMap<>();
		p.put("order", orderId);
		p.put("at", ts(now));
		p.put("by", uploadedBy);
		p.put("fileName", fileName);
		p.put("type", contentType);
		p.put("size", content.length);
		p.put("sha", sha256);
		p.put("content", content);
		return jdbc.queryForObject("""
				INSERT INTO work_order_photo (work_order_id, uploaded_at, uploaded_by, file_name, content_type, size_bytes,
				                              sha256, content)
				VALUES (:order, :at, :by, :fileName, :type, :size, :sha, :content)
				RETURNING id""", p, Long.class);
	}

	private static WorkOrder map(ResultSet rs) throws SQLException {
		return new WorkOrder(rs.getLong("id"), WorkOrderKind.valueOf(rs.getString("kind")), rs.getLong("camera_id"),
				WorkOrderOrigin.valueOf(rs.getString("origin")), (Long) rs.getObject("outage_id"),
				WorkOrderPriority.valueOf(rs.getString("priority")), WorkOrderState.valueOf(rs.getString("state")),
				Assignee.of(rs.getString("assignee_kind"), (Long) rs.getObject("contract_id"),
						(Long) rs.getObject("vendor_id"), (Long) rs.getObject("squad_id")),
				rs.getString("hold_reason"), state(rs.getString("state_before_hold")), instant(rs, "on_hold_since"),
				rs.getLong("held_seconds"), instant(rs, "opened_at"), instant(rs, "assigned_at"),
				instant(rs, "started_at"), instant(rs, "restored_at"), instant(rs, "closed_at"),
				instant(rs, "cancelled_at"), instant(rs, "response_due_at"), instant(rs, "restore_due_at"),
				rs.getString("resolution") == null ? null : Resolution.valueOf(rs.getString("resolution")),
				rs.getString("resolution_note"), rs.getLong("version"));
	}

	private static WorkOrderState state(String name) {
		return name == null ? null : WorkOrderState.valueOf(name);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
