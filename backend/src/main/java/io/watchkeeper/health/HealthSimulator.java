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
 * <p>
 * At its first tick it takes over what is down already: an open outage it did not open, on a camera it never
 * reported or that the demo's health coverage wrote down in its name (the demo history's), stays down until its
 * repair order is restored or closed; its own failures from before a restart come back at spread-out times. A camera whose latest observation came from another source (a real system with a
 * token) is left alone from then on: the simulator never reports it, so it cannot undo that system's report. (A
 * report arriving while a tick is being written can still be overtaken by that tick's observation.)
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
	private final String tagPrefix;

	@org.springframework.beans.factory.annotation.Autowired
	HealthSimulator(JdbcTemplate jdbc, HealthIngestion ingestion, Clock clock, HealthProperties properties) {
		this(jdbc, ingestion, clock, properties, new Random(), "");
	}

	/** @param tagPrefix only cameras whose asset tag starts with it (tests: their own small fleet) */
	HealthSimulator(JdbcTemplate jdbc, HealthIngestion ingestion, Clock clock, HealthProperties properties,
			Random random, String tagPrefix) {
		this.jdbc = jdbc;
		this.ingestion = ingestion;
		this.clock = clock;
		this.settings = properties.simulator();
		this.simulation = new FleetHealthSimulation(settings, random);
		this.tagPrefix = tagPrefix;
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
			fleet = jdbc.query("""
					SELECT id, asset_tag FROM camera WHERE status IN ('ACTIVE', 'FAULTY') AND starts_with(asset_tag, ?)
					 ORDER BY id""", (rs, i) -> new FleetHealthSimulation.Camera(rs.getLong(1), rs.getString(2)), tagPrefix);
		}
		List<Observation> observations = new ArrayList<>();
		if (!started) {
			started = true;
			Map<Long, Instant> own = new HashMap<>();
			Map<Long, Instant> stuck = new HashMap<>();
			// never reported, or down in the simulator's name by an outage it did not open (the demo history's, whose
			// health rows the demo writes as the simulator's): down until repaired; down by an outage the simulator
			// opened: its own failure from before a restart; reported up by it (a SILENT outage while the
			// application was down) or by another source: not taken over
			jdbc.query("""
					SELECT o.camera_id, o.started_at,
					       h.camera_id IS NULL OR (h.up IS FALSE AND h.source = ? AND o.source IS DISTINCT FROM ?),
					       h.up IS FALSE AND h.source = ? AND o.source = ?
					  FROM outage o JOIN camera c ON c.id = o.camera_id
					  LEFT JOIN camera_health h ON h.camera_id = o.camera_id
					 WHERE o.ended_at IS NULL AND starts_with(c.asset_tag, ?)""", rs -> {
				if (rs.getBoolean(3)) {
					stuck.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
				}
				else if (rs.getBoolean(4)) {
					own.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
				}
			}, SOURCE, SOURCE, SOURCE, SOURCE, tagPrefix);
			simulation.resumeStuck(stuck);
			simulation.resume(own, now);
			// the demo writes health rows for its history, so "reported" means observations stored (kept for the
			// observation retention: after a longer pause the fleet is seeded again, which only adds failures)
			Boolean reported = jdbc.queryForObject("""
					SELECT EXISTS (SELECT 1 FROM health_observation o JOIN camera c ON c.id = o.camera_id
					                WHERE starts_with(c.asset_tag, ?))""", Boolean.class, tagPrefix);
			if (Boolean.FALSE.equals(reported)) {
				observations.addAll(simulation.seed(fleet, now));
			}
		}
		observations.addAll(simulation.tick(fleet, now, repaired(), foreign()));
		for (int from = 0; from < observations.size(); from += CHUNK) {
			List<Observation> chunk = observations.subList(from, Math.min(observations.size(), from + CHUNK));
			IngestResult result = ingestion.ingest(SOURCE, chunk);
			if (result.rejected() > 0) {
				log.debug("Health simulator: {} observations rejected, e.g. {}", result.rejected(), result.rejections().get(0));
			}
		}
	}

	/** Cameras whose latest observation came from another source than the simulator. */
	private Set<Long> foreign() {
		return new HashSet<>(jdbc.queryForList("SELECT camera_id FROM camera_health WHERE source <> ?", Long.class,
				SOURCE));
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
