package io.watchkeeper.health;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Demo only ({@code watchkeeper.health.simulator.enabled}, which application.yml ties to {@code WK_DEMO=true}):
 * feeds {@link FleetHealthSimulation}'s failures, recoveries and heartbeats through {@link HealthIngestion}, the
 * same path the API takes, every {@code tick}. It does not open repair orders itself: the outage detection job
 * does, as in production.
 */
@Component
@ConditionalOnProperty(name = "watchkeeper.health.simulator.enabled", havingValue = "true")
class HealthSimulator {

	static final String SOURCE = "demo-simulator";
	private static final Logger log = LoggerFactory.getLogger(HealthSimulator.class);
	private static final int CHUNK = 5_000;

	private final JdbcTemplate jdbc;
	private final HealthIngestion ingestion;
	private final Clock clock;
	private final HealthProperties.Simulator settings;
	private final FleetHealthSimulation simulation;
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "health-simulator");
		t.setDaemon(true);
		return t;
	});
	private List<FleetHealthSimulation.Camera> fleet = List.of();
	private long ticks;
	private boolean started;

	HealthSimulator(JdbcTemplate jdbc, HealthIngestion ingestion, Clock clock, HealthProperties properties) {
		this.jdbc = jdbc;
		this.ingestion = ingestion;
		this.clock = clock;
		this.settings = properties.simulator();
		this.simulation = new FleetHealthSimulation(settings, new Random());
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long period = Math.max(1, settings.tick().toMillis());
		timer.scheduleWithFixedDelay(this::tickSafely, 5_000, period, TimeUnit.MILLISECONDS);
		log.info("Health simulator on: about {}% of the fleet down at a time, reports every {}",
				settings.downShare() * 100, settings.tick());
	}

	@PreDestroy
	void stop() {
		timer.shutdownNow();
	}

	private void tickSafely() {
		try {
			tick();
		}
		catch (RuntimeException e) {
			log.warn("Health simulator tick failed: {}", e.toString());
		}
	}

	void tick() {
		Instant now = clock.instant();
		if (ticks++ % 60 == 0) {
			fleet = jdbc.query("SELECT id, asset_tag FROM camera WHERE status IN ('ACTIVE', 'FAULTY') ORDER BY id",
					(rs, i) -> new FleetHealthSimulation.Camera(rs.getLong(1), rs.getString(2)));
		}
		List<Observation> observations = new ArrayList<>();
		if (!started) {
			started = true;
			Map<Long, Instant> down = new HashMap<>();
			jdbc.query("SELECT camera_id, started_at FROM outage WHERE ended_at IS NULL",
					rs -> {
						down.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
					});
			simulation.resume(down, now);
			Integer reported = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM camera_health LIMIT 1) h", Integer.class);
			if (reported != null && reported == 0) {
				observations.addAll(simulation.seed(fleet, now));
			}
		}
		observations.addAll(simulation.tick(fleet, now, repaired()));
		for (int from = 0; from < observations.size(); from += CHUNK) {
			List<Observation> chunk = observations.subList(from, Math.min(observations.size(), from + CHUNK));
			IngestResult result = ingestion.ingest(SOURCE, chunk);
			if (result.rejected() > 0) {
				log.debug("Health simulator: {} observations rejected, e.g. {}", result.rejected(), result.rejections().get(0));
			}
		}
	}

	/** Stuck cameras whose repair order has been restored or closed since they failed. */
	private Set<Long> repaired() {
		List<Long> stuck = simulation.failed().entrySet().stream()
			.filter(e -> e.getValue().recoversAt() == null).map(Map.Entry::getKey).toList();
		Set<Long> result = new HashSet<>();
		if (stuck.isEmpty()) {
			return result;
		}
		jdbc.query(con -> {
			PreparedStatement ps = con.prepareStatement("""
					SELECT w.camera_id, max(w.restored_at) FROM work_order w
					 WHERE w.camera_id = ANY (?) AND w.kind = 'REPAIR' AND w.state IN ('RESTORED', 'CLOSED')
					   AND w.restored_at IS NOT NULL
					 GROUP BY w.camera_id""");
			ps.setArray(1, con.createArrayOf("bigint", stuck.toArray()));
			return ps;
		}, rs -> {
			// a restored order counts only for a failure that began before it was restored
			FleetHealthSimulation.Failure f = simulation.failed().get(rs.getLong(1));
			if (f != null && !rs.getTimestamp(2).toInstant().isBefore(f.since())) {
				result.add(rs.getLong(1));
			}
		});
		return result;
	}
}
