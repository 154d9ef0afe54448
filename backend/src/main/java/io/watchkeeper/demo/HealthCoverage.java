package io.watchkeeper.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo fleet's health coverage: one {@code camera_health} row for every camera in service at some time since
 * {@link #FIRST_SEEN}, first seen on the later of that day and its install date, last seen now (or on the day it
 * was decommissioned). Without it the outage history answers UNKNOWN for any time before the health simulator's
 * first report, so no canvass of the report's half year or of last week could say whether a camera was recording.
 * The rows are the simulator's (its source): it reports those cameras from its first tick on, keeps the first-seen
 * time (the ingestion keeps the earliest), and leaves the history's open outages down until their repair orders
 * are restored.
 * <p>
 * The state: down (since the outage began) for a camera with an open outage; left unset for the others, because
 * the silence check judges cameras last seen up, and a demo database started without the simulator (benchmarks,
 * {@code WK_DEMO=false}) must not see its whole fleet fall silent a quarter of an hour later. The simulator's
 * first heartbeat sets it.
 */
final class HealthCoverage {

	/** A month before the report's half year: incidents of its first cases happened in December 2022. */
	static final LocalDate FIRST_SEEN = LocalDate.of(2022, 12, 1);

	/** {@code io.watchkeeper.health.HealthSimulator.SOURCE}: the demo's cameras report through the simulator. */
	static final String SIMULATOR_SOURCE = "demo-simulator";

	private HealthCoverage() {
	}

	/** Writes the rows (none for a camera that has one already) and returns how many. */
	static int write(JdbcTemplate jdbc, Instant now) {
		Timestamp nowTs = Timestamp.from(now);
		return jdbc.update("""
				INSERT INTO camera_health (camera_id, first_seen_at, last_seen_at, up, state_since, source, updated_at)
				SELECT c.id, s.first_seen, s.last_seen, CASE WHEN o.started_at IS NOT NULL THEN false END, o.started_at, ?, ?
				  FROM camera c
				  CROSS JOIN LATERAL (
				      SELECT least(greatest(?, c.install_date)::timestamp AT TIME ZONE 'Asia/Taipei', CAST(? AS timestamptz)) AS first_seen,
				             CASE WHEN c.decommissioned_on IS NULL THEN CAST(? AS timestamptz)
				                  ELSE least(c.decommissioned_on::timestamp AT TIME ZONE 'Asia/Taipei', CAST(? AS timestamptz)) END AS last_seen) s
				  LEFT JOIN outage o ON o.camera_id = c.id AND o.ended_at IS NULL
				 WHERE c.status <> 'PLANNED' AND c.install_date IS NOT NULL
				   AND (c.decommissioned_on IS NULL OR c.decommissioned_on > ?)
				ON CONFLICT (camera_id) DO NOTHING""", SIMULATOR_SOURCE, nowTs, java.sql.Date.valueOf(FIRST_SEEN), nowTs,
				nowTs, nowTs, java.sql.Date.valueOf(FIRST_SEEN));
	}
}
