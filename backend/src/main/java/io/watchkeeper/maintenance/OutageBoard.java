package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.WorkOrderQueries.named;
import static io.watchkeeper.maintenance.WorkOrderStore.instant;
import static io.watchkeeper.maintenance.WorkOrderStore.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * The dispatcher's outage board: open outages oldest first with their camera's open repair order and who holds
 * it, filtered by precinct, contract and age; and bulk assignment of their orders to a contract or a squad.
 */
@Service
public class OutageBoard {

	/** Most outages one bulk assignment takes. */
	public static final int MAX_BULK = 500;

	private final NamedParameterJdbcTemplate jdbc;
	private final WorkOrderService service;
	private final Clock clock;
	private final Assignables assignables;

	OutageBoard(NamedParameterJdbcTemplate jdbc, WorkOrderService service, Clock clock, Assignables assignables) {
		this.assignables = assignables;
		this.jdbc = jdbc;
		this.service = service;
		this.clock = clock;
	}

	/** Board filters: precinct id, contract ("none" = no contract holds the order), minimum age in hours. */
	public record Filter(Long precinctId, Long contractId, boolean noContract, Integer minAgeHours) {

		public Filter {
			if (minAgeHours != null && (minAgeHours < 0 || minAgeHours > 24 * 3650)) {
				throw new InvalidInputException("minAgeHours", "minAgeHours must be between 0 and 87600");
			}
		}

		public static Filter of(Long precinct, String contract, Integer minAgeHours) {
			if (contract == null || contract.isBlank()) {
				return new Filter(precinct, null, false, minAgeHours);
			}
			if (contract.strip().equalsIgnoreCase("none")) {
				return new Filter(precinct, null, true, minAgeHours);
			}
			try {
				return new Filter(precinct, Long.parseLong(contract.strip()), false, minAgeHours);
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("contract", "contract must be a contract id or none");
			}
		}
	}

	public record Page(List<OutageRow> items, int page, int size, long total, boolean hasNext) {

		public int lastPage() {
			return total == 0 ? 0 : (int) ((total - 1) / size);
		}
	}

	@Transactional(readOnly = true)
	public Page open(Filter filter, int page, int size) {
		if (page < 0 || page > 100_000) {
			throw new InvalidInputException("page", "page must be between 0 and 100000");
		}
		if (size < 1 || size > 500) {
			throw new InvalidInputException("size", "size must be between 1 and 500");
		}
		Instant now = clock.instant();
		MapSqlParameterSource p = new MapSqlParameterSource("now", ts(now));
		StringBuilder where = new StringBuilder(" WHERE o.ended_at IS NULL");
		if (filter.precinctId() != null) {
			where.append(" AND c.precinct_id = :precinct");
			p.addValue("precinct", filter.precinctId());
		}
		if (filter.contractId() != null) {
			where.append(" AND w.contract_id = :contract");
			p.addValue("contract", filter.contractId());
		}
		if (filter.noContract()) {
			where.append(" AND w.contract_id IS NULL");
		}
		if (filter.minAgeHours() != null) {
			where.append(" AND o.started_at <= CAST(:now AS timestamptz) - make_interval(hours => :minAge)");
			p.addValue("minAge", filter.minAgeHours());
		}
		String from = """
				  FROM outage o
				  JOIN camera c ON c.id = o.camera_id
				  LEFT JOIN LATERAL (SELECT * FROM work_order w
				                      WHERE w.camera_id = o.camera_id AND w.kind = 'REPAIR'
				                        AND w.state NOT IN ('CLOSED', 'CANCELLED')
				                      LIMIT 1) w ON true""";
		p.addValue("limit", size + 1).addValue("offset", (long) page * size);
		List<OutageRow> rows = jdbc.query("""
				SELECT o.id AS outage_id, o.started_at, o.cause, o.camera_id, c.asset_tag, c.address,
				       p.id AS p_id, p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en,
				       w.id AS w_id, w.state AS w_state, w.version AS w_version, w.assignee_kind, w.restore_due_at,
				       mc.id AS mc_id, mc.code AS mc_code, mc.name_zh AS mc_zh, mc.name_en AS mc_en,
				       v.id AS v_id, v.code AS v_code, v.name_zh AS v_zh, v.name_en AS v_en,
				       s.id AS s_id, s.code AS s_code, s.name_zh AS s_zh, s.name_en AS s_en,
				       coalesce(%s, false) AS overdue
				""".formatted(WorkOrderQueries.OVERDUE) + from + """

				  LEFT JOIN precinct p ON p.id = c.precinct_id
				  LEFT JOIN maintenance_contract mc ON mc.id = w.contract_id
				  LEFT JOIN vendor v ON v.id = w.vendor_id
				  LEFT JOIN repair_squad s ON s.id = w.squad_id""" + where
				+ " ORDER BY o.started_at, o.id LIMIT :limit OFFSET :offset", p,
				(rs, n) -> {
					Instant started = instant(rs, "started_at");
					return new OutageRow(rs.getLong("outage_id"), started, rs.getString("cause"),
							Math.max(0, java.time.Duration.between(started, now).toMinutes()), rs.getLong("camera_id"),
							rs.getString("asset_tag"), rs.getString("address"), named(rs, "p"), (Long) rs.getObject("w_id"),
							rs.getString("w_state") == null ? null : WorkOrderState.valueOf(rs.getString("w_state")),
							(Long) rs.getObject("w_version"),
							rs.getString("assignee_kind") == null ? null : AssigneeKind.valueOf(rs.getString("assignee_kind")),
							named(rs, "mc"), named(rs, "v"), named(rs, "s"), instant(rs, "restore_due_at"),
							rs.getBoolean("overdue"));
				});
		boolean hasNext = rows.size() > size;
		Long total = jdbc.queryForObject("SELECT count(*)" + from + where, p, Long.class);
		return new Page(List.copyOf(hasNext ? rows.subList(0, size) : rows), page, size, total == null ? 0 : total,
				hasNext);
	}

	/** The outcome of one outage in a bulk assignment. */
	public record BulkItem(long outageId, Long workOrderId, boolean assigned, String message,
			@JsonIgnore RuntimeException refusal) {
	}

	public record BulkResult(int assigned, int failed, List<BulkItem> items) {
	}

	/**
	 * Assigns each outage's open repair order (opening one if the job has not yet) to the target, each in its own
	 * transaction: one that cannot be assigned (already restored, ended outage, squad of another precinct) is
	 * reported and the others go ahead.
	 */
	public BulkResult assign(List<Long> outageIds, AssignTarget target, String note, Caller caller) {
		if (!caller.dispatches()) {
			throw new WorkOrderRefused("Only a dispatcher assigns work orders");
		}
		if (target.automatic()) {
			throw new Localized.Invalid("contractId", "Choose a contract or a squad", "maintenance.detail.chooseTarget");
		}
		if (outageIds == null || outageIds.isEmpty()) {
			throw new Localized.Invalid("outageIds", "Choose at least one outage", "maintenance.detail.chooseOutages");
		}
		if (outageIds.size() > MAX_BULK) {
			throw new Localized.Invalid("outageIds", "At most " + MAX_BULK + " outages at once",
					"maintenance.detail.tooManyOutages", String.valueOf(MAX_BULK));
		}
		// a target that does not exist or does not run today is wrong for every outage: say so once
		if (target.contractId() != null) {
			Assignables.Contract contract = assignables.contract(target.contractId())
				.orElseThrow(() -> WorkOrderService.noContract(target.contractId()));
			if (!contract.runsOn(service.today())) {
				throw WorkOrderService.contractNotRunning(contract, service.today());
			}
		}
		if (target.squadId() != null && assignables.squad(target.squadId()).isEmpty()) {
			throw WorkOrderService.noSquad(target.squadId());
		}
		List<BulkItem> items = new ArrayList<>();
		int assigned = 0;
		for (Long outageId : outageIds.stream().distinct().toList()) {
			if (outageId == null) {
				continue;
			}
			try {
				long orderId = service.assignForOutage(outageId, target, note, caller);
				items.add(new BulkItem(outageId, orderId, true, null, null));
				assigned++;
			}
			catch (InvalidInputException | ConflictException | NotFoundException | WorkOrderRefused e) {
				items.add(new BulkItem(outageId, null, false, e.getMessage(), e));
			}
		}
		return new BulkResult(assigned, items.size() - assigned, items);
	}
}
