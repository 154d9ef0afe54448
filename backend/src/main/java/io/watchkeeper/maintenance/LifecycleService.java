package io.watchkeeper.maintenance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle use case: every camera in service at or past its end of life gets one replacement work order,
 * and the cameras reaching end of life within {@link MaintenanceProperties#lifecycleHorizon()} are listed as
 * upcoming.
 * <p>
 * Replacement orders are raised in one statement (no loop over cameras), each with its OPENED history event.
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

	LifecycleService(NamedParameterJdbcTemplate jdbc, MaintenanceProperties properties, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Opens one replacement order for each camera in service whose end of life is today or earlier (in
	 * {@code watchkeeper.zone}) and that never had one.
	 *
	 * @return the number of orders opened
	 */
	@Transactional
	public int raiseReplacementOrders() {
		Instant now = clock.instant();
		Integer created = jdbc.queryForObject("""
				WITH replaced AS MATERIALIZED (
				    SELECT camera_id FROM work_order WHERE kind = 'REPLACEMENT'),
				created AS (
				    INSERT INTO work_order (kind, camera_id, origin, priority, state, opened_at, created_by)
				    SELECT 'REPLACEMENT', c.id, 'LIFECYCLE', 'NORMAL', 'NEW', :now, :actor
				      FROM camera c
				     WHERE c.end_of_life <= :today AND c.status <> 'DECOMMISSIONED'
				       AND NOT EXISTS (SELECT 1 FROM replaced r WHERE r.camera_id = c.id)
				    ON CONFLICT (camera_id) WHERE kind = 'REPLACEMENT' AND state <> 'CANCELLED' DO NOTHING
				    RETURNING id),
				history AS (
				    INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, details)
				    SELECT id, :now, :actor, 'OPENED', NULL, 'NEW', '{"routedBy": "lifecycle"}'::jsonb FROM created)
				SELECT count(*) FROM created""",
				Map.of("now", Timestamp.from(now), "today", today(now), "actor", RepairOrders.SYSTEM), Integer.class);
		return created == null ? 0 : created;
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
