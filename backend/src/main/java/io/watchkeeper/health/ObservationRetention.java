package io.watchkeeper.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raw observations are kept for {@code watchkeeper.health.observation-retention} (7 days by default); outages
 * and each camera's latest state stay. {@link #purge(Instant)} deletes the older ones in one statement (a nightly
 * job's work).
 */
@Service
public class ObservationRetention {

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final HealthProperties properties;

	ObservationRetention(JdbcTemplate jdbc, Clock clock, HealthProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** Purges at the clock's current time. */
	public int run() {
		return purge(clock.instant());
	}

	/** Deletes raw observations older than the retention as of {@code now}; returns how many. */
	@Transactional
	public int purge(Instant now) {
		return jdbc.update("DELETE FROM health_observation WHERE observed_at < ?",
				Timestamp.from(now.minus(properties.observationRetention())));
	}
}
