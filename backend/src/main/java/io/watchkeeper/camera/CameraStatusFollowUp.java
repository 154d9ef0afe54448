package io.watchkeeper.camera;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the scheduler: applies the cameras whose status a bulk change of outages or repair orders queued
 * (V122: a statement touching more than 200 cameras queues them rather than rewriting that many camera rows in
 * its own transaction), by the one rule of V120 ({@code camera_in_repair}). Smaller changes are applied at once
 * by the database itself.
 */
@Service
public class CameraStatusFollowUp {

	private final JdbcTemplate jdbc;

	CameraStatusFollowUp(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Re-derives every queued camera; returns how many changed status (for the job's run record). */
	@Transactional
	public int applyQueued() {
		Integer changed = jdbc.queryForObject("SELECT camera_derive_pending()", Integer.class);
		return changed == null ? 0 : changed;
	}
}
