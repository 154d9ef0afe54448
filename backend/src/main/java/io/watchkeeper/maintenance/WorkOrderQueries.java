package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.WorkOrderStore.instant;
import static io.watchkeeper.maintenance.WorkOrderStore.ts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.NotFoundException;
import io.watchkeeper.shared.TimeFormat;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads work orders for lists, pages, the API and the CSV export, always within the caller's scope: a vendor
 * technician's queries see only their vendor's orders, a squad member's only their squad's; an order outside
 * the scope does not exist for them.
 */
@Service
@Transactional(readOnly = true)
public class WorkOrderQueries {

	/**
	 * SQL for {@link WorkOrder#overdue}: a target missed at {@code :now}, the clock standing at the start of a
	 * hold. Keep the two in step (WorkOrderQueriesIT checks them against each other).
	 */
	static final String OVERDUE = """
			(w.state IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD')
			 AND (CASE WHEN w.state = 'ON_HOLD' AND w.on_hold_since IS NOT NULL THEN w.on_hold_since ELSE CAST(:now AS timestamptz) END > w.restore_due_at
			      OR (w.started_at IS NULL AND CASE WHEN w.state = 'ON_HOLD' AND w.on_hold_since IS NOT NULL THEN w.on_hold_since
			                                        ELSE CAST(:now AS timestamptz) END > w.response_due_at)))""";

	/** Which orders the caller may see: everything, their vendor's, their squad's, or nothing. */
	static final String SCOPE = "(:seesAll OR w.vendor_id = CAST(:scopeVendor AS bigint) OR w.squad_id = CAST(:scopeSquad AS bigint))";

	private static final String LIST_SELECT = """
			SELECT w.id, w.kind, w.state, w.priority, w.camera_id, c.asset_tag, c.address,
			       p.id AS p_id, p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en,
			       w.assignee_kind, mc.id AS mc_id, mc.code AS mc_code, mc.name_zh AS mc_zh, mc.name_en AS mc_en,
			       v.id AS v_id, v.code AS v_code, v.name_zh AS v_zh, v.name_en AS v_en,
			       s.id AS s_id, s.code AS s_code, s.name_zh AS s_zh, s.name_en AS s_en,
			       w.opened_at, w.response_due_at, w.restore_due_at, w.hold_reason, w.version, w.restored_at,
			       w.closed_at, w.resolution, %s AS overdue
			  FROM work_order w
			  JOIN camera c ON c.id = w.camera_id
			  LEFT JOIN precinct p ON p.id = c.precinct_id
			  LEFT JOIN maintenance_contract mc ON mc.id = w.contract_id
			  LEFT JOIN vendor v ON v.id = w.vendor_id
			  LEFT JOIN repair_squad s ON s.id = w.squad_id""".formatted(OVERDUE);

	private final NamedParameterJdbcTemplate jdbc;
	private final WorkOrderService service;
	private final Clock clock;
	private final MessageSource messages;
	private final TimeFormat timeFormat;
	private final JsonMapper json = JsonMapper.builder().build();

	WorkOrderQueries(NamedParameterJdbcTemplate jdbc, WorkOrderService service, Clock clock, MessageSource messages,
			TimeFormat timeFormat) {
		this.jdbc = jdbc;
		this.service = service;
		this.clock = clock;
		this.messages = messages;
		this.timeFormat = timeFormat;
	}

	/** A page of orders within the caller's scope, newest first. */
	public WorkOrderPage list(WorkOrderFilter filter, int page, int size, Caller caller) {
		MapSqlParameterSource params = params(caller);
		String where = where(filter, params);
		params.addValue("limit", size + 1).addValue("offset", (long) page * size);
		List<WorkOrderListItem> rows = jdbc.query(LIST_SELECT + where + " ORDER BY w.opened_at DESC, w.id DESC LIMIT :limit OFFSET :offset",
				params, (rs, n) -> item(rs));
		boolean hasNext = rows.size() > size;
		List<WorkOrderListItem> items = hasNext ? rows.subList(0, size) : rows;
		Long total = jdbc.queryForObject("SELECT count(*) FROM work_order w JOIN camera c ON c.id = w.camera_id" + where,
				params, Long.class);
		return new WorkOrderPage(List.copyOf(items), page, size, total == null ? 0 : total, hasNext);
	}

	/** The caller's own open orders (as technician or squad member), most urgent first, at most 200. */
	public List<WorkOrderListItem> mine(Caller caller) {
		MapSqlParameterSource params = params(new Caller(caller.username(), false, caller.vendorId(), caller.squadId()));
		String where = where(WorkOrderFilter.openOrders(), params);
		return jdbc.query(LIST_SELECT + where + " ORDER BY w.restore_due_at NULLS LAST, w.id LIMIT 200", params,
				(rs, n) -> item(rs));
	}

	/**
	 * The camera's state by the one rule (the database's camera_state, V138; the camera module's CameraState names
	 * its values): maintenance cannot use the camera module, which uses maintenance's scopes.
	 */
	private static final String CAMERA_STATE = """
			camera_state(c.status, c.end_of_life,
			             EXISTS (SELECT 1 FROM outage oo WHERE oo.camera_id = c.id AND oo.ended_at IS NULL), CAST(:today AS date))""";

	/** One order with everything its page shows; 404 when the caller may not see it. */
	public WorkOrderDetails details(long id, Caller caller) {
		WorkOrder order = service.find(id, caller);
		Instant now = clock.instant();
		List<WorkOrderDetails> rows = jdbc.query("""
				SELECT w.*, c.asset_tag, c.address, c.status AS camera_status, %s AS camera_state, c.make, c.model, c.lpr, c.install_date,
				       c.end_of_life, c.warranty_end, ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
				       p.id AS p_id, p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en,
				       d.id AS d_id, d.code AS d_code, d.name_zh AS d_zh, d.name_en AS d_en,
				       sv.id AS sv_id, sv.code AS sv_code, sv.name_zh AS sv_zh, sv.name_en AS sv_en,
				       mc.id AS mc_id, mc.code AS mc_code, mc.name_zh AS mc_zh, mc.name_en AS mc_en,
				       v.id AS v_id, v.code AS v_code, v.name_zh AS v_zh, v.name_en AS v_en,
				       s.id AS s_id, s.code AS s_code, s.name_zh AS s_zh, s.name_en AS s_en,
				       o.started_at AS outage_started_at, o.ended_at AS outage_ended_at
				  FROM work_order w
				  JOIN camera c ON c.id = w.camera_id
				  LEFT JOIN precinct p ON p.id = c.precinct_id
				  LEFT JOIN district d ON d.id = c.district_id
				  LEFT JOIN vendor sv ON sv.id = c.supplier_vendor_id
				  LEFT JOIN maintenance_contract mc ON mc.id = w.contract_id
				  LEFT JOIN vendor v ON v.id = w.vendor_id
				  LEFT JOIN repair_squad s ON s.id = w.squad_id
				  LEFT JOIN outage o ON o.id = w.outage_id
				 WHERE w.id = :id""".formatted(CAMERA_STATE),
				Map.of("id", id, "today", java.sql.Date.valueOf(LocalDate.ofInstant(now, timeFormat.zone()))), (rs, n) -> new WorkOrderDetails(rs.getLong("id"),
				WorkOrderKind.valueOf(rs.getString("kind")), WorkOrderState.valueOf(rs.getString("state")),
				WorkOrderPriority.valueOf(rs.getString("priority")), WorkOrderOrigin.valueOf(rs.getString("origin")),
				rs.getString("title"), rs.getString("description"),
				new WorkOrderDetails.CameraFacts(rs.getLong("camera_id"), rs.getString("asset_tag"),
						rs.getString("address"), named(rs, "p"), named(rs, "d"), rs.getString("camera_status"),
						rs.getString("camera_state"),
						rs.getString("make"), rs.getString("model"), rs.getString("lpr"),
						rs.getObject("install_date", LocalDate.class), rs.getObject("end_of_life", LocalDate.class),
						rs.getObject("warranty_end", LocalDate.class), named(rs, "sv"), (Double) rs.getObject("lon"),
						(Double) rs.getObject("lat")),
				rs.getString("assignee_kind") == null ? null : AssigneeKind.valueOf(rs.getString("assignee_kind")),
				named(rs, "mc"), named(rs, "v"), named(rs, "s"), (Long) rs.getObject("outage_id"),
				instant(rs, "outage_started_at"), instant(rs, "outage_ended_at"), rs.getString("hold_reason"),
				rs.getString("state_before_hold") == null ? null : WorkOrderState.valueOf(rs.getString("state_before_hold")),
				instant(rs, "on_hold_since"), rs.getLong("held_seconds"), instant(rs, "opened_at"),
				instant(rs, "assigned_at"), instant(rs, "started_at"), instant(rs, "restored_at"),
				instant(rs, "closed_at"), instant(rs, "cancelled_at"), instant(rs, "response_due_at"),
				instant(rs, "restore_due_at"), order.overdue(now),
				rs.getString("resolution") == null ? null : Resolution.valueOf(rs.getString("resolution")),
				rs.getString("resolution_note"), rs.getInt("escalation_level"), rs.getString("created_by"),
				rs.getLong("version"), order.actionsFor(caller), history(id), photos(id)));
		if (rows.isEmpty()) {
			throw new NotFoundException("Work order", id);
		}
		return rows.get(0);
	}

	/**
	 * The order's history, oldest first. Orders raised in bulk (the lifecycle job) have no OPENED event row: their
	 * opening is the order's own row, shown as the first line.
	 */
	List<HistoryEntry> history(long id) {
		return jdbc.query("""
				SELECT occurred_at, actor, action, from_state, to_state, note, details
				  FROM (SELECT occurred_at, id, actor, action, from_state, to_state, note, details::text AS details
				          FROM work_order_event WHERE work_order_id = :id
				        UNION ALL
				        SELECT w.opened_at, 0, coalesce(w.created_by, 'system'), 'OPENED', NULL, 'NEW', NULL,
				               jsonb_build_object('origin', w.origin)::text
				          FROM work_order w
				         WHERE w.id = :id
				           AND NOT EXISTS (SELECT 1 FROM work_order_event e WHERE e.work_order_id = w.id AND e.action = 'OPENED')) h
				 ORDER BY occurred_at, id""", Map.of("id", id),
				(rs, n) -> new HistoryEntry(instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("action"),
						rs.getString("from_state") == null ? null : WorkOrderState.valueOf(rs.getString("from_state")),
						rs.getString("to_state") == null ? null : WorkOrderState.valueOf(rs.getString("to_state")),
						rs.getString("note"), details(rs.getString("details"))));
	}

	List<WorkOrderDetails.PhotoInfo> photos(long id) {
		return jdbc.query("""
				SELECT id, uploaded_at, uploaded_by, file_name, content_type, size_bytes
				  FROM work_order_photo WHERE work_order_id = :id ORDER BY uploaded_at, id""", Map.of("id", id),
				(rs, n) -> new WorkOrderDetails.PhotoInfo(rs.getLong("id"), instant(rs, "uploaded_at"),
						rs.getString("uploaded_by"), rs.getString("file_name"), rs.getString("content_type"),
						rs.getInt("size_bytes")));
	}

	/**
	 * The filtered list within the caller's scope as CSV (UTF-8 with a byte-order mark so that Excel shows the
	 * Chinese), headers in the caller's language, at most {@code maxRows} rows.
	 */
	public void exportCsv(WorkOrderFilter filter, Caller caller, Locale locale, int maxRows, OutputStream out) {
		MapSqlParameterSource params = params(caller);
		String where = where(filter, params);
		params.addValue("limit", maxRows);
		try {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			w.write('\uFEFF');
			String[] columns = { "id", "kind", "state", "priority", "camera", "address", "precinct", "assignee",
					"opened", "responseDue", "restoreDue", "overdue", "restored", "closed", "resolution" };
			List<String> header = new ArrayList<>();
			for (String c : columns) {
				header.add(messages.getMessage("maintenance.csv." + c, null, c, locale));
			}
			line(w, header);
			jdbc.query(LIST_SELECT + where + " ORDER BY w.opened_at DESC, w.id DESC LIMIT :limit", params, rs -> {
				WorkOrderListItem item = item(rs);
				Named assignee = item.squad() != null ? item.squad() : item.contract() != null ? item.contract() : item.vendor();
				try {
					// codes as the reader's language says them, as the headers are (issue 9, item 12)
					line(w, List.of(String.valueOf(item.id()), label("maintenance.kind.", item.kind().name(), locale),
							label("maintenance.state.", item.state().name(), locale),
							label("maintenance.priority.", item.priority().name(), locale), item.assetTag(), nz(item.address()),
							item.precinct() == null ? "" : item.precinct().name(locale),
							assignee == null ? "" : assignee.code() + " " + assignee.name(locale),
							timeFormat.dateTime(item.openedAt()), timeFormat.dateTime(item.responseDueAt()),
							timeFormat.dateTime(item.restoreDueAt()),
							item.overdue() ? messages.getMessage("maintenance.csv.yes", null, "Y", locale) : "",
							timeFormat.dateTime(instant(rs, "restored_at")), timeFormat.dateTime(instant(rs, "closed_at")),
							rs.getString("resolution") == null ? "" : label("maintenance.resolution.", rs.getString("resolution"), locale)));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			w.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String label(String prefix, String code, Locale locale) {
		return messages.getMessage(prefix + code, null, code, locale);
	}

	private static void line(Writer w, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				w.write(',');
			}
			String cell = cells.get(i) == null ? "" : cells.get(i);
			// a cell starting with = + - @ would be a formula in a spreadsheet: quote it with a leading apostrophe
			if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
				cell = "'" + cell;
			}
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
				cell = "\"" + cell.replace("\"", "\"\"") + "\"";
			}
			w.write(cell);
		}
		w.write("\r\n");
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private MapSqlParameterSource params(Caller caller) {
		return new MapSqlParameterSource()
			.addValue("seesAll", caller.dispatches())
			.addValue("scopeVendor", caller.vendorId())
			.addValue("scopeSquad", caller.squadId())
			.addValue("now", ts(clock.instant()));
	}

	private static String where(WorkOrderFilter f, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder(" WHERE ").append(SCOPE);
		if (f.state() != null) {
			sql.append(" AND w.state = :state");
			params.addValue("state", f.state().name());
		}
		if (f.open()) {
			sql.append(" AND w.state NOT IN ('CLOSED', 'CANCELLED')");
		}
		if (f.kind() != null) {
			sql.append(" AND w.kind = :kind");
			params.addValue("kind", f.kind().name());
		}
		if (f.precinctId() != null) {
			sql.append(" AND c.precinct_id = :precinct");
			params.addValue("precinct", f.precinctId());
		}
		if (f.assigneeKind() != null) {
			switch (f.assigneeKind()) {
				case "none" -> sql.append(" AND w.assignee_kind IS NULL");
				case "contract" -> sql.append(" AND w.contract_id = :assigneeId");
				case "squad" -> sql.append(" AND w.squad_id = :assigneeId");
				case "vendor" -> sql.append(" AND w.vendor_id = :assigneeId");
				default -> throw new IllegalArgumentException(f.assigneeKind());
			}
			params.addValue("assigneeId", f.assigneeId());
		}
		if (f.overdue()) {
			sql.append(" AND ").append(OVERDUE);
		}
		if (f.cameraPrefix() != null) {
			sql.append(" AND c.asset_tag ILIKE :camera ESCAPE '\\'");
			params.addValue("camera", f.cameraPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return sql.toString();
	}

	private static WorkOrderListItem item(ResultSet rs) throws SQLException {
		return new WorkOrderListItem(rs.getLong("id"), WorkOrderKind.valueOf(rs.getString("kind")),
				WorkOrderState.valueOf(rs.getString("state")), WorkOrderPriority.valueOf(rs.getString("priority")),
				rs.getLong("camera_id"), rs.getString("asset_tag"), rs.getString("address"), named(rs, "p"),
				rs.getString("assignee_kind") == null ? null : AssigneeKind.valueOf(rs.getString("assignee_kind")),
				named(rs, "mc"), named(rs, "v"), named(rs, "s"), instant(rs, "opened_at"),
				instant(rs, "response_due_at"), instant(rs, "restore_due_at"), rs.getBoolean("overdue"),
				rs.getString("hold_reason"), rs.getLong("version"));
	}

	static Named named(ResultSet rs, String prefix) throws SQLException {
		Object id = rs.getObject(prefix + "_id");
		return id == null ? null : new Named(((Number) id).longValue(), rs.getString(prefix + "_code"),
				rs.getString(prefix + "_zh"), rs.getString(prefix + "_en"));
	}

	private Map<String, Object> details(String text) {
		return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() {
		});
	}
}
