package io.watchkeeper.health;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outage history read by other modules: "was this camera recording at time T" (the investigators' canvass, the
 * map) and a camera's recent outages (its page). Outages are the truth: a camera is down at T when an outage
 * covers T ({@code started_at <= T < ended_at}, or still open).
 */
@Service
@Transactional(readOnly = true)
public class OutageHistory {

	/** What the outage history says about a camera at an instant. */
	public enum Recording {
		/** reported and no outage covers the instant */
		RECORDING,
		/** an outage covers the instant */
		DOWN,
		/** nothing to go by: the camera had not reported yet, or had not been heard from for longer than the silence threshold */
		UNKNOWN
	}

	/** A camera's state at an instant, with the outage that covers it when down. */
	public record RecordingAt(long cameraId, Instant at, Recording state, OutageRecord outage) {
	}

	/** One outage; {@code endedAt} is null while open; {@code workOrderId} is its repair order, if any. */
	public record OutageRecord(long id, long cameraId, Instant startedAt, Instant endedAt, String cause, String source,
			Long workOrderId) {

		public boolean open() {
			return endedAt == null;
		}
	}

	private static final String OUTAGE_COLUMNS = """
			o.id, o.camera_id, o.started_at, o.ended_at, o.cause, o.source,
			(SELECT min(w.id) FROM work_order w WHERE w.outage_id = o.id) AS work_order_id""";

	private final JdbcTemplate jdbc;
	private final HealthProperties properties;

	OutageHistory(JdbcTemplate jdbc, HealthProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Was this camera recording at {@code at}? */
	public RecordingAt recordingAt(long cameraId, Instant at) {
		return recordingAt(List.of(cameraId), at).get(cameraId);
	}

	/** The same for many cameras in one query (a canvass list); the map has an entry for every id asked for. */
	public Map<Long, RecordingAt> recordingAt(Collection<Long> cameraIds, Instant at) {
		Map<Long, RecordingAt> result = new LinkedHashMap<>();
		if (cameraIds.isEmpty()) {
			return result;
		}
		Timestamp t = Timestamp.from(at);
		Timestamp silentBefore = Timestamp.from(at.minus(properties.silenceThreshold()));
		jdbc.query(con -> {
			PreparedStatement ps = con.prepareStatement("""
					SELECT c.id, h.first_seen_at <= ? AND h.last_seen_at >= ? AS heard, %s
					  FROM unnest(?::bigint[]) AS c (id)
					  LEFT JOIN camera_health h ON h.camera_id = c.id
					  LEFT JOIN LATERAL (
					      SELECT * FROM outage o WHERE o.camera_id = c.id AND o.started_at <= ?
					         AND (o.ended_at IS NULL OR o.ended_at > ?)
					       ORDER BY o.started_at DESC LIMIT 1) o ON true""".formatted(OUTAGE_COLUMNS));
			ps.setTimestamp(1, t);
			ps.setTimestamp(2, silentBefore);
			ps.setArray(3, con.createArrayOf("bigint", cameraIds.toArray()));
			ps.setTimestamp(4, t);
			ps.setTimestamp(5, t);
			return ps;
		}, rs -> {
			long id = rs.getLong(1);
			OutageRecord outage = rs.getObject(3) == null ? null : outage(rs, 3);
			Recording state = outage != null ? Recording.DOWN
					: rs.getBoolean(2) ? Recording.RECORDING : Recording.UNKNOWN;
			result.put(id, new RecordingAt(id, at, state, outage));
		});
		return result;
	}

	/** The camera's newest outages first, at most {@code limit}. */
	public List<OutageRecord> recentOutages(long cameraId, int limit) {
		return jdbc.query("SELECT " + OUTAGE_COLUMNS + " FROM outage o WHERE o.camera_id = ? ORDER BY o.started_at DESC, o.id DESC LIMIT ?",
				(rs, i) -> outage(rs, 1), cameraId, Math.max(1, Math.min(limit, 500)));
	}

	/** Is there a camera with this id (in service or not)? */
	boolean cameraExists(long cameraId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM camera WHERE id = ?)", Boolean.class,
				cameraId));
	}

	/** The camera's asset tag, empty when there is no such camera. */
	java.util.Optional<String> assetTag(long cameraId) {
		return jdbc.queryForList("SELECT asset_tag FROM camera WHERE id = ?", String.class, cameraId).stream().findFirst();
	}

	/** The camera's open outage, if any. */
	public java.util.Optional<OutageRecord> openOutage(long cameraId) {
		return jdbc.query("SELECT " + OUTAGE_COLUMNS + " FROM outage o WHERE o.camera_id = ? AND o.ended_at IS NULL",
				(rs, i) -> outage(rs, 1), cameraId).stream().findFirst();
	}

	private static OutageRecord outage(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
		Timestamp ended = rs.getTimestamp(from + 3);
		long workOrder = rs.getLong(from + 6);
		return new OutageRecord(rs.getLong(from), rs.getLong(from + 1), rs.getTimestamp(from + 2).toInstant(),
				ended == null ? null : ended.toInstant(), rs.getString(from + 4), rs.getString(from + 5),
				rs.wasNull() ? null : workOrder);
	}
}
