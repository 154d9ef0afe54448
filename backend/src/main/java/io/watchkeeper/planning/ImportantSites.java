package io.watchkeeper.planning;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/** Cameras a planner marks as an important site (their replacement priority rises); audited IMPORTANT_SITE_SET. */
@Service
public class ImportantSites {

	record ImportantCamera(long cameraId, String assetTag, String note, String flaggedBy, Instant flaggedAt) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final AuditLog audit;

	ImportantSites(NamedParameterJdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public void set(long cameraId, String note) {
		String n = note == null || note.isBlank() ? null : note.strip();
		if (n != null && n.length() > 300) {
			throw new InvalidInputException("note", "note is at most 300 characters");
		}
		requireCamera(cameraId);
		jdbc.update("""
				INSERT INTO planning_important_camera (camera_id, note, flagged_by) VALUES (:id, :note, :by)
				ON CONFLICT (camera_id) DO UPDATE SET note = EXCLUDED.note, flagged_by = EXCLUDED.flagged_by, flagged_at = now()""",
				new MapSqlParameterSource().addValue("id", cameraId).addValue("note", n)
					.addValue("by", AuditLog.currentActor()));
		Map<String, Object> details = new HashMap<>();
		details.put("important", true);
		details.put("note", n);
		audit.record(AuditAction.IMPORTANT_SITE_SET, "camera", cameraId, details);
	}

	@Transactional
	public void clear(long cameraId) {
		requireCamera(cameraId);
		if (jdbc.update("DELETE FROM planning_important_camera WHERE camera_id = :id", Map.of("id", cameraId)) > 0) {
			audit.record(AuditAction.IMPORTANT_SITE_SET, "camera", cameraId, Map.of("important", false));
		}
	}

	@Transactional(readOnly = true)
	public List<ImportantCamera> list() {
		return jdbc.query("""
				SELECT i.camera_id, c.asset_tag, i.note, i.flagged_by, i.flagged_at
				  FROM planning_important_camera i JOIN camera c ON c.id = i.camera_id ORDER BY c.asset_tag""", Map.of(),
				(rs, n) -> new ImportantCamera(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant()));
	}

	private void requireCamera(long cameraId) {
		if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM camera WHERE id = :id)",
				Map.of("id", cameraId), Boolean.class))) {
			throw new NotFoundException("Camera", cameraId);
		}
	}
}
