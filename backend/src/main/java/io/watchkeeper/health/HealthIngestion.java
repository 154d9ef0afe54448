package io.watchkeeper.health;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Takes batches of health observations and turns state changes into outages, set-based: a handful of statements
 * per batch, whatever its size, in one transaction.
 *
 * <ol>
 * <li>Asset tags are resolved in one query; unknown and decommissioned cameras are rejected per item.</li>
 * <li>The batch goes into {@code health_observation} with {@code ON CONFLICT DO NOTHING} on (camera, instant):
 * only observations not stored before carry on (the same batch twice, or concurrently, changes nothing); one that
 * contradicts the stored observation of its camera and instant is rejected, the others not new are duplicates.</li>
 * <li>The cameras' {@code camera_health} rows are created (first report) and locked in camera order, so that
 * two batches about one camera take turns.</li>
 * <li>Observations newer than the camera's last known one are in order: walking them in time from the camera's
 * current state (down while it has an open outage), every change to down opens an outage and every change to up
 * closes the open one at that instant.</li>
 * <li>An older observation arriving late never changes the current state. A late "down" that no outage covers
 * widens the outage that starts later in the same down spell (before the next "up"), or records the spell as a
 * closed outage ending at the next "up". A late "up" inside a recorded outage does not split it (the outage
 * history then errs towards "down", never towards "recording" against a down report).</li>
 * <li>{@code camera_health} takes the newest observation, the state and since when.</li>
 * </ol>
 * Rows are inserted and locked in camera order, so two batches with cameras in common wait for each other rather
 * than deadlock; should the database still report a deadlock or lock failure, the batch is retried (up to 4 times).
 * Per-statement timings are logged at DEBUG.
 */
@Service
public class HealthIngestion {

	private static final Logger log = LoggerFactory.getLogger(HealthIngestion.class);
	private static final int ATTEMPTS = 4;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final HealthProperties properties;

	HealthIngestion(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
			HealthProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Checks and ingests a batch as the API receives it.
	 *
	 * @throws io.watchkeeper.shared.InvalidInputException when the batch as a whole is malformed (400)
	 */
	IngestResult ingest(JsonNode body, String defaultSource) {
		Instant now = clock.instant();
		ObservationBatch batch = ObservationBatch.read(body, defaultSource, now, properties.futureTolerance(),
				properties.observationRetention(), properties.maxBatchSize());
		return ingest(batch.source(), batch.received(), batch.observations(), batch.duplicates(), batch.rejections(),
				now);
	}

	/**
	 * Ingests observations already checked for form (the simulator's, or a program's inside the application).
	 * Unknown and decommissioned cameras are rejected per item.
	 */
	public IngestResult ingest(String source, List<Observation> observations) {
		Instant now = clock.instant();
		Instant latest = now.plus(properties.futureTolerance());
		Instant earliest = now.minus(properties.observationRetention());
		List<Observation> timely = new ArrayList<>(observations.size());
		List<IngestResult.Rejection> rejections = new ArrayList<>();
		for (Observation o : observations) {
			if (o.observedAt().isAfter(latest)) {
				rejections.add(new IngestResult.Rejection(o.index(), o.assetTag(), "observedAt is more than "
						+ ObservationBatch.describe(properties.futureTolerance()) + " in the future"));
			}
			else if (o.observedAt().isBefore(earliest)) {
				rejections.add(new IngestResult.Rejection(o.index(), o.assetTag(), "observedAt is older than the retention of "
						+ ObservationBatch.describe(properties.observationRetention())));
			}
			else {
				timely.add(o);
			}
		}
		return ingest(source, observations.size(), timely, 0, rejections, now);
	}

	private IngestResult ingest(String source, int received, List<Observation> observations, int duplicatesInBatch,
			List<IngestResult.Rejection> rejectedByForm, Instant now) {
		long started = System.nanoTime();
		List<IngestResult.Rejection> rejections = new ArrayList<>(rejectedByForm);
		Map<String, Long> cameras = resolve(observations, rejections);
		long resolved = System.nanoTime();
		int n = 0;
		Observation[] kept = new Observation[observations.size()];
		Long[] ids = new Long[observations.size()];
		Long[] micros = new Long[observations.size()];
		Boolean[] ups = new Boolean[observations.size()];
		for (Observation o : observations) {
			Long id = cameras.get(o.assetTag());
			if (id != null) {
				kept[n] = o;
				ids[n] = id;
				micros[n] = ChronoUnit.MICROS.between(Instant.EPOCH, o.observedAt());
				ups[n] = o.up();
				n++;
			}
		}
		int accepted = 0;
		if (n > 0) {
			Long[] batchIds = java.util.Arrays.copyOf(ids, n);
			Long[] batchMicros = java.util.Arrays.copyOf(micros, n);
			Boolean[] batchUps = java.util.Arrays.copyOf(ups, n);
			Stored stored = store(source, batchIds, batchMicros, batchUps, now);
			accepted = stored.count();
			for (int position : stored.contradicting()) {
				Observation o = kept[position];
				rejections.add(new IngestResult.Rejection(o.index(), o.assetTag(),
						"contradicts the observation stored for this instant, which says "
								+ (o.up() ? "down" : "up") + "; not taken"));
			}
			n -= stored.contradicting().size();
		}
		rejections.sort((a, b) -> Integer.compare(a.index(), b.index()));
		int duplicates = duplicatesInBatch + (n - accepted);
		if (log.isDebugEnabled()) {
			log.debug("Health batch of {} from {}: tags resolved in {} ms, applied in {} ms", received, source,
					(resolved - started) / 1_000_000, (System.nanoTime() - resolved) / 1_000_000);
		}
		return new IngestResult(received, accepted, duplicates, rejections.size(), rejections);
	}

	/** Asset tag to camera id for the cameras in service; rejects the rest per item. */
	private Map<String, Long> resolve(List<Observation> observations, List<IngestResult.Rejection> rejections) {
		// "= ANY (array)" rather than a join with unnest: with the array a parameter, the planner probes the
		// unique b-tree for it, but for the join it picks the trigram index (30 times slower per tag).
		Set<String> tags = new java.util.TreeSet<>();
		for (Observation o : observations) {
			tags.add(o.assetTag());
		}
		Map<String, Long> ids = new HashMap<>(tags.size() * 2);
		Set<String> decommissioned = new java.util.HashSet<>();
		if (!tags.isEmpty()) {
			jdbc.query(con -> {
				PreparedStatement ps = con.prepareStatement("""
						SELECT c.asset_tag, c.id, c.status = 'DECOMMISSIONED' FROM camera c WHERE c.asset_tag = ANY (?)""");
				ps.setArray(1, con.createArrayOf("varchar", tags.toArray()));
				return ps;
			}, rs -> {
				if (rs.getBoolean(3)) {
					decommissioned.add(rs.getString(1));
				}
				else {
					ids.put(rs.getString(1), rs.getLong(2));
				}
			});
		}
		for (Observation o : observations) {
			if (decommissioned.contains(o.assetTag())) {
				rejections.add(new IngestResult.Rejection(o.index(), o.assetTag(), "camera is decommissioned"));
			}
			else if (!ids.containsKey(o.assetTag())) {
				rejections.add(new IngestResult.Rejection(o.index(), o.assetTag(), "unknown asset tag"));
			}
		}
		return ids;
	}

	/**
	 * How many observations were new, and the positions (0-based, in the arrays given) of those that were not new
	 * and contradict the stored observation of their camera and instant.
	 */
	private record Stored(int count, List<Integer> contradicting) {
	}

	/** Stores the observations and applies what is new. */
	private Stored store(String source, Long[] ids, Long[] micros, Boolean[] ups, Instant now) {
		for (int attempt = 1;; attempt++) {
			try {
				Stored stored = transactions.execute(status -> apply(source, ids, micros, ups, now));
				return stored == null ? new Stored(0, List.of()) : stored;
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt >= ATTEMPTS) {
					throw e;
				}
				log.info("Health batch from {} met a concurrent batch ({}); retrying", source, e.getMostSpecificCause().getMessage());
			}
		}
	}

	private Stored apply(String source, Long[] ids, Long[] micros, Boolean[] ups, Instant now) {
		Timestamp at = Timestamp.from(now);
		long[] marks = new long[7];
		marks[0] = System.nanoTime();
		// scratch tables of this connection, emptied at every commit
		jdbc.execute("""
				CREATE TEMP TABLE IF NOT EXISTS health_batch (camera_id bigint, observed_at timestamptz, up boolean)
				    ON COMMIT DELETE ROWS;
				CREATE TEMP TABLE IF NOT EXISTS health_prev (camera_id bigint, last_seen_at timestamptz, up boolean,
				    outage_open boolean) ON COMMIT DELETE ROWS;
				CREATE TEMP TABLE IF NOT EXISTS health_fresh (camera_id bigint, observed_at timestamptz, up boolean,
				    outage_change boolean, flip boolean) ON COMMIT DELETE ROWS""");
		// 1. raw observations; only those not stored before carry on
		int stored = jdbc.update((Connection con) -> {
			PreparedStatement ps = con.prepareStatement("""
					WITH incoming AS (
					    SELECT camera_id, timestamptz 'epoch' + micros * interval '1 microsecond' AS observed_at, up
					      FROM unnest(?::bigint[], ?::bigint[], ?::boolean[]) AS t (camera_id, micros, up)),
					stored AS (
					    INSERT INTO health_observation (camera_id, observed_at, up, source, received_at)
					    SELECT camera_id, observed_at, up, ?, ? FROM incoming ORDER BY camera_id, observed_at
					    ON CONFLICT (camera_id, observed_at) DO NOTHING
					    RETURNING camera_id, observed_at, up)
					INSERT INTO health_batch SELECT camera_id, observed_at, up FROM stored""");
			ps.setArray(1, array(con, "bigint", ids));
			ps.setArray(2, array(con, "bigint", micros));
			ps.setArray(3, array(con, "boolean", ups));
			ps.setString(4, source);
			ps.setTimestamp(5, at);
			return ps;
		});
		// not new: the same observation again (a duplicate), or one contradicting the stored one (rejected)
		List<Integer> contradicting = stored == ids.length ? List.of() : jdbc.query((Connection con) -> {
			PreparedStatement ps = con.prepareStatement("""
					SELECT t.ord - 1 FROM unnest(?::bigint[], ?::bigint[], ?::boolean[]) WITH ORDINALITY AS t (camera_id, micros, up, ord)
					  JOIN health_observation h ON h.camera_id = t.camera_id
					       AND h.observed_at = timestamptz 'epoch' + t.micros * interval '1 microsecond'
					 WHERE h.up <> t.up
					 ORDER BY t.ord""");
			ps.setArray(1, array(con, "bigint", ids));
			ps.setArray(2, array(con, "bigint", micros));
			ps.setArray(3, array(con, "boolean", ups));
			return ps;
		}, (rs, i) -> rs.getInt(1));
		marks[1] = System.nanoTime();
		if (stored == 0) {
			return new Stored(0, contradicting);
		}
		// 2. one camera_health row per camera (created at its first report), locked in camera order; its state
		//    before this batch, and whether it has an open outage, into health_prev
		// A camera reporting for the first time: its new row is this transaction's until it commits (another batch
		// inserting it waits, then finds it), so it needs no further lock and has no earlier state.
		jdbc.update("""
				WITH created AS (
				    INSERT INTO camera_health (camera_id, updated_at)
				    SELECT DISTINCT camera_id, CAST(? AS timestamptz) FROM health_batch ORDER BY camera_id
				    ON CONFLICT (camera_id) DO NOTHING
				    RETURNING camera_id)
				INSERT INTO health_prev (camera_id, last_seen_at, up, outage_open)
				SELECT c.camera_id, NULL, NULL,
				       EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = c.camera_id AND o.ended_at IS NULL)
				  FROM created c""", at);
		jdbc.update("""
				WITH locked AS (
				    SELECT h.camera_id, h.last_seen_at, h.up FROM camera_health h
				     WHERE h.camera_id IN (SELECT camera_id FROM health_batch)
				       AND NOT EXISTS (SELECT 1 FROM health_prev p WHERE p.camera_id = h.camera_id)
				     ORDER BY h.camera_id FOR NO KEY UPDATE OF h)
				INSERT INTO health_prev (camera_id, last_seen_at, up, outage_open)
				SELECT l.camera_id, l.last_seen_at, l.up,
				       EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = l.camera_id AND o.ended_at IS NULL)
				  FROM locked l""");
		marks[2] = System.nanoTime();
		// 3. in-order observations, with the changes against the outage state (for outages) and against the
		//    reported state (for "since when"); and how many late "down" observations there are
		Map<String, Object> counts = jdbc.queryForMap("""
				WITH fresh AS (
				    INSERT INTO health_fresh (camera_id, observed_at, up, outage_change, flip)
				    SELECT b.camera_id, b.observed_at, b.up,
				           b.up <> coalesce(lag(b.up) OVER w, NOT p.outage_open),
				           b.up IS DISTINCT FROM coalesce(lag(b.up) OVER w, p.up)
				      FROM health_batch b JOIN health_prev p ON p.camera_id = b.camera_id
				     WHERE p.last_seen_at IS NULL OR b.observed_at > p.last_seen_at
				    WINDOW w AS (PARTITION BY b.camera_id ORDER BY b.observed_at)
				    RETURNING outage_change)
				SELECT (SELECT count(*) FROM fresh WHERE outage_change) AS changes,
				       (SELECT count(*) FROM health_batch b JOIN health_prev p ON p.camera_id = b.camera_id
				         WHERE NOT b.up AND b.observed_at <= p.last_seen_at) AS late_downs""");
		long changes = ((Number) counts.get("changes")).longValue();
		long lateDowns = ((Number) counts.get("late_downs")).longValue();
		marks[3] = System.nanoTime();
		if (changes > 0) {
			// 4a. the first change to up closes the open outage
			jdbc.update("""
					UPDATE outage o SET ended_at = f.first_up
					  FROM (SELECT camera_id, min(observed_at) AS first_up FROM health_fresh
					         WHERE outage_change AND up GROUP BY camera_id) f
					 WHERE o.camera_id = f.camera_id AND o.ended_at IS NULL AND o.started_at <= f.first_up""");
			// 4b. every change to down opens an outage, closed by the next change to up when the batch has one
			jdbc.update("""
					INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
					SELECT camera_id, observed_at, next_at, 'REPORTED_DOWN', ?, ?
					  FROM (SELECT camera_id, observed_at, up,
					               lead(observed_at) OVER (PARTITION BY camera_id ORDER BY observed_at) AS next_at
					          FROM health_fresh WHERE outage_change) c
					 WHERE NOT up
					 ORDER BY camera_id, observed_at
					ON CONFLICT (camera_id) WHERE ended_at IS NULL DO NOTHING""", at, source);
		}
		marks[4] = System.nanoTime();
		if (lateDowns > 0) {
			// 5. late "down" observations no outage covers: widen the outage later in the same down spell, or
			//    record the spell up to the next "up"
			jdbc.update("""
					WITH late AS (
					    SELECT b.camera_id, b.observed_at,
					           (SELECT min(r.observed_at) FROM health_observation r
					             WHERE r.camera_id = b.camera_id AND r.observed_at > b.observed_at AND r.up) AS next_up
					      FROM health_batch b JOIN health_prev p ON p.camera_id = b.camera_id
					     WHERE NOT b.up AND b.observed_at <= p.last_seen_at
					       AND NOT EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = b.camera_id
					                          AND o.started_at <= b.observed_at
					                          AND (o.ended_at IS NULL OR o.ended_at > b.observed_at))),
					spell AS (SELECT camera_id, next_up, min(observed_at) AS started_at FROM late GROUP BY camera_id, next_up),
					widened AS (
					    UPDATE outage o SET started_at = s.started_at
					      FROM spell s
					     WHERE o.camera_id = s.camera_id AND o.started_at > s.started_at
					       AND (s.next_up IS NULL OR o.started_at < s.next_up)
					    RETURNING o.camera_id, s.next_up)
					INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
					SELECT s.camera_id, s.started_at, s.next_up, 'REPORTED_DOWN', ?, ?
					  FROM spell s
					 WHERE s.next_up IS NOT NULL
					   AND NOT EXISTS (SELECT 1 FROM widened w WHERE w.camera_id = s.camera_id AND w.next_up = s.next_up)""",
					at, source);
		}
		marks[5] = System.nanoTime();
		// 6. the newest state of each camera
		jdbc.update("""
				WITH seen AS (SELECT camera_id, min(observed_at) AS first_at FROM health_batch GROUP BY camera_id),
				newest AS (
				    SELECT DISTINCT ON (camera_id) camera_id, observed_at AS last_at, up FROM health_fresh
				     ORDER BY camera_id, observed_at DESC),
				flipped AS (SELECT camera_id, max(observed_at) AS flipped_at FROM health_fresh WHERE flip GROUP BY camera_id)
				UPDATE camera_health h
				   SET first_seen_at = least(h.first_seen_at, s.first_at),
				       last_seen_at = coalesce(n.last_at, h.last_seen_at),
				       up = coalesce(n.up, h.up),
				       state_since = coalesce(f.flipped_at, h.state_since),
				       source = CASE WHEN n.camera_id IS NULL THEN h.source ELSE ? END,
				       updated_at = ?
				  FROM seen s LEFT JOIN newest n ON n.camera_id = s.camera_id LEFT JOIN flipped f ON f.camera_id = s.camera_id
				 WHERE h.camera_id = s.camera_id""", source, at);
		marks[6] = System.nanoTime();
		if (log.isDebugEnabled()) {
			log.debug("Health batch of {}: store {} ms, lock {} ms, changes {} ms, outages {} ms, late {} ms, state {} ms",
					ids.length, ms(marks, 0, 1), ms(marks, 1, 2), ms(marks, 2, 3), ms(marks, 3, 4), ms(marks, 4, 5),
					ms(marks, 5, 6));
		}
		return new Stored(stored, contradicting);
	}

	private static long ms(long[] marks, int from, int to) {
		return (marks[to] - marks[from]) / 1_000_000;
	}

	private static Array array(Connection con, String type, Object[] values) throws SQLException {
		return con.createArrayOf(type, values);
	}
}
