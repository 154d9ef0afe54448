package io.watchkeeper.maintenance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle use case: every camera in service at or past its end of life gets one replacement work order,
 * and the cameras reaching end of life within {@link MaintenanceProperties#lifecycleHorizon()} are listed as
 * upcoming.
 * <p>
 * Replacement orders are raised in one statement (no loop over cameras). They get no OPENED history row: an
 * order's opening is its own row (opened_at, created_by, origin), which the history shows as its first line
 * ({@code WorkOrderQueries#history}); half a million event rows doubled the job's time (scripts/bench-lifecycle).
 * The unique index {@code work_order_one_replacement} makes it idempotent between runs and between nodes. A
 * camera that already had a replacement order, even a cancelled one, gets no new one: cancelling is a
 * dispatcher's decision ("not now") that the job must not undo every night. The cameras that already have one
 * are read once, before the insert ({@code MATERIALIZED}): an anti-join straight against {@code work_order} may be
 * planned as a nested loop over a sequential scan when the table is nearly empty (the first run), and that scan
 * then re-reads every order the same statement has just inserted: quadratic, minutes instead of seconds.
 * <p>
 * Replacement orders stay {@code NEW} and unassigned, without due times: a replacement is bought through a
 * procurement project (tendered, with its own vendor), not done under the precinct's repair contract, so the
 * dispatcher or procurement groups the orders into a project rather than the job routing them like repairs.
 */
@Service
public class LifecycleService {

	private final NamedParameterJdbcTemplate jdbc;

	private final MaintenanceProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate inTransaction;

	/** The advisory lock key runs of the lifecycle job take turns on (an arbitrary constant). */
	private static final long RUN_LOCK = 0x57_4B_4C_49_46_45L;

	LifecycleService(NamedParameterJdbcTemplate jdbc, MaintenanceProperties properties, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone, PlatformTransactionManager transactions) {
		this.inTransaction = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Opens one replacement order for each camera in service whose end of life is today or earlier (in
	 * {@code watchkeeper.zone}) and that never had one.
	 * <p>
	 * Runs of this method take turns (a transaction-scoped advisory lock), so each run's statement sees the
	 * orders of the previous one and a plain INSERT suffices: {@code ON CONFLICT} costs a speculative insertion
	 * per row, about a fifth of the job's time on half a million orders. The unique index
	 * {@code work_order_one_replacement} still guarantees one order per camera: should an order made some other
	 * way (a dispatcher's, at that very moment) collide, the statement fails as a whole and is run once more with
	 * {@code ON CONFLICT DO NOTHING}.
	 *
	 * @return the number of orders opened
	 */
	public int raiseReplacementOrders() {
		Instant now = clock.instant();
		Map<String, Object> params = Map.of("now", Timestamp.from(now), "today", today(now), "actor", RepairOrders.SYSTEM);
		try {
			return inTransaction.execute(tx -> insertReplacementOrders(params, ""));
		}
		catch (DuplicateKeyException e) {
			return inTransaction.execute(tx -> insertReplacementOrders(params,
					" ON CONFLICT (camera_id) WHERE kind = 'REPLACEMENT' AND state <> 'CANCELLED' DO NOTHING"));
		}
	}

	private int insertReplacementOrders(Map<String, Object> params, String onConflict) {
		jdbc.getJdbcTemplate().execute("SELECT pg_advisory_xact_lock(" + RUN_LOCK + ")");
		return jdbc.update("""
				WITH replaced AS MATERIALIZED (
				    SELECT camera_id FROM work_order WHERE kind = 'REPLACEMENT')
				INSERT INTO work_order (kind, camera_id, origin, priority, state, opened_at, created_by)
				SELECT 'REPLACEMENT', c.id, 'LIFECYCLE', 'NORMAL', 'NEW', :now, :actor
				  FROM camera c
				 WHERE c.end_of_life <= :today AND c.status <> 'DECOMMISSIONED'
				   AND NOT EXISTS (SELECT 1 FROM replaced r WHERE r.camera_id = c.id)""" + onConflict, params);
	}

	/**
	 * Cameras in service reaching end of life after today and within the horizon, soonest first.
	 *
	 * @param precinctId only this precinct's cameras, or all when null
	 */
	@Transactional(readOnly = true)
	public UpcomingPage upcoming(Long precinctId, int limit, int offset) {
		LocalDate today = today(clock.instant());
		LocalDate until = today.plusDays(properties.lifecycleHorizon().toDays());
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("today", today)
			.addValue("until", until)
			.addValue("precinct", precinctId)
			.addValue("limit", limit)
			.addValue("offset", offset);
		String where = """
				WHERE c.status <> 'DECOMMISSIONED' AND c.end_of_life > :today AND c.end_of_life <= :until
				  AND (CAST(:precinct AS bigint) IS NULL OR c.precinct_id = :precinct)""";
		Long total = jdbc.queryForObject("SELECT count(*) FROM camera c " + where, params, Long.class);
		List<UpcomingCamera> cameras = jdbc.query("""
				SELECT c.id, c.asset_tag, c.end_of_life, c.status, c.address, p.code AS precinct_code, p.name_zh, p.name_en,
				       EXISTS (SELECT 1 FROM work_order w WHERE w.camera_id = c.id AND w.kind = 'REPLACEMENT'
				                  AND w.state <> 'CANCELLED') AS replacement_ordered
				  FROM camera c LEFT JOIN precinct p ON p.id = c.precinct_id
				""" + where + " ORDER BY c.end_of_life, c.id LIMIT :limit OFFSET :offset", params,
				(rs, i) -> new UpcomingCamera(rs.getLong("id"), rs.getString("asset_tag"),
						rs.getObject("end_of_life", LocalDate.class), rs.getString("status"), rs.getString("address"),
						rs.getString("precinct_code"), rs.getString("name_zh"), rs.getString("name_en"),
						rs.getBoolean("replacement_ordered")));
		return new UpcomingPage(today, until, total == null ? 0 : total, cameras);
	}

	private LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, zone);
	}

	/** A page of cameras reaching end of life within the horizon ({@code from} exclusive, {@code until} inclusive). */
	public record UpcomingPage(LocalDate from, LocalDate until, long total, List<UpcomingCamera> cameras) {
	}

	/** A camera reaching end of life soon; {@code replacementOrdered} when it already has a replacement order. */
	public record UpcomingCamera(long id, String assetTag, LocalDate endOfLife, String status, String address,
			String precinctCode, String precinctNameZh, String precinctNameEn, boolean replacementOrdered) {
	}
}
