package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outage detection as the job will call it, at a fixed instant and without Quartz: silent cameras get outages,
 * every open outage gets its routed repair order, a second run changes nothing, seeing the camera up closes it.
 */
class OutageDetectionIT extends HealthHttpSupport {

	@Autowired
	OutageDetection detection;

	@Autowired
	HealthIngestion ingestion;

	@Autowired
	OutageHistory history;

	@Test
	void silentCamerasGetOneOutageAndOneRepairOrderAndSeeingThemUpClosesIt() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long silent = camera("ITHDET-01");
		long heard = camera("ITHDET-02");
		long down = camera("ITHDET-03");
		long gone = camera("ITHDET-04");
		ingestion.ingest("ith-detect", List.of(new Observation(0, "ITHDET-01", true, now.minus(20, ChronoUnit.MINUTES)),
				new Observation(1, "ITHDET-02", true, now.minus(5, ChronoUnit.MINUTES)),
				new Observation(2, "ITHDET-03", false, now.minus(30, ChronoUnit.MINUTES)),
				new Observation(3, "ITHDET-04", true, now.minus(40, ChronoUnit.MINUTES))));
		jdbc.update("UPDATE camera SET status = 'DECOMMISSIONED', decommissioned_on = current_date WHERE id = ?", gone);

		OutageDetection.Result first = detection.detect(now);
		assertThat(first.silentOutagesOpened()).isGreaterThanOrEqualTo(1);
		Map<String, Object> outage = jdbc.queryForMap("SELECT id, started_at, cause, ended_at FROM outage WHERE camera_id = ?", silent);
		assertThat(outage).containsEntry("cause", "SILENT").containsEntry("ended_at", null)
			.containsEntry("started_at", java.sql.Timestamp.from(now.minus(20, ChronoUnit.MINUTES)));
		assertThat(outages(heard)).isZero();
		assertThat(outages(gone)).as("decommissioned cameras are not watched").isZero();
		assertThat(outages(down)).as("reported down: opened by the ingestion, not again").isEqualTo(1);
		for (long camera : List.of(silent, down)) {
			assertThat(jdbc.queryForObject("""
					SELECT count(*) FROM work_order w JOIN outage o ON o.id = w.outage_id
					 WHERE w.camera_id = ? AND w.kind = 'REPAIR' AND w.origin = 'OUTAGE' AND o.ended_at IS NULL""",
					Integer.class, camera)).as("camera " + camera).isEqualTo(1);
		}

		detection.detect(now.plusSeconds(60));
		assertThat(outages(silent)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE camera_id IN (?, ?)", Integer.class, silent, down))
			.isEqualTo(2);

		ingestion.ingest("ith-detect", List.of(new Observation(0, "ITHDET-01", true, now.plusSeconds(90))));
		assertThat(openOutages(silent)).isZero();
		assertThat(history.recentOutages(silent, 5)).singleElement().satisfies(o -> {
			assertThat(o.endedAt()).isEqualTo(now.plusSeconds(90));
			assertThat(o.workOrderId()).isNotNull();
		});
		assertThat(history.recordingAt(silent, now.minus(10, ChronoUnit.MINUTES)).state())
			.isEqualTo(OutageHistory.Recording.DOWN);
		assertThat(history.recordingAt(List.of(silent, heard), now.minus(30, ChronoUnit.MINUTES)))
			.hasEntrySatisfying(silent, r -> assertThat(r.state()).isEqualTo(OutageHistory.Recording.UNKNOWN))
			.hasEntrySatisfying(heard, r -> assertThat(r.state()).isEqualTo(OutageHistory.Recording.UNKNOWN));
		assertThat(history.recordingAt(heard, now.minus(4, ChronoUnit.MINUTES)).state())
			.isEqualTo(OutageHistory.Recording.RECORDING);
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Autowired
	io.watchkeeper.maintenance.RepairOrders repairOrders;

	@Autowired
	HealthProperties properties;

	@Test
	void rightAfterAStartNobodyIsJudgedSilentUntilTheGraceHasPassed() {
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long camera = camera("ITHDET-GRACE");
		ingestion.ingest("ith-detect", List.of(new Observation(0, "ITHDET-GRACE", true, started.minus(2, ChronoUnit.HOURS))));
		HealthProperties fifteenMinutesGrace = new HealthProperties(properties.maxBatchSize(), properties.maxBatchBytes(),
				properties.futureTolerance(), properties.observationRetention(), properties.silenceThreshold(),
				java.time.Duration.ofMinutes(15), properties.simulator());
		OutageDetection restarted = new OutageDetection(jdbc, transactionManager, repairOrders,
				java.time.Clock.fixed(started, java.time.ZoneOffset.UTC), fifteenMinutesGrace);

		assertThat(restarted.detect(started.plus(1, ChronoUnit.MINUTES)).silentOutagesOpened())
			.as("two hours without a report, but the node has only just started").isZero();
		assertThat(outages(camera)).isZero();

		restarted.detect(started.plus(16, ChronoUnit.MINUTES));
		assertThat(outages(camera)).as("still silent once the pollers had their chance").isEqualTo(1);
	}

	@Test
	void theDetectionIsIdempotentWhenTwoRunsRace() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long[] cameras = new long[5];
		for (int i = 0; i < cameras.length; i++) {
			String tag = "ITHDETR-0" + i;
			cameras[i] = camera(tag);
			ingestion.ingest("ith-detect", List.of(new Observation(0, tag, true, now.minus(25, ChronoUnit.MINUTES))));
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> detection.detect(now));
			var b = pool.submit(() -> detection.detect(now));
			a.get();
			b.get();
		}
		finally {
			pool.shutdownNow();
		}
		for (long camera : cameras) {
			assertThat(outages(camera)).isEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE camera_id = ?", Integer.class, camera))
				.isEqualTo(1);
		}
	}

	@Test
	void rawObservationsArePurgedAfterTheRetention(@Autowired ObservationRetention retention) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long camera = camera("ITHPURGE-01");
		ingestion.ingest("ith-purge", List.of(new Observation(0, "ITHPURGE-01", true, now.minus(6, ChronoUnit.DAYS)),
				new Observation(1, "ITHPURGE-01", true, now.minus(1, ChronoUnit.DAYS))));
		retention.purge(now.plus(2, ChronoUnit.DAYS));
		assertThat(jdbc.queryForList("SELECT observed_at FROM health_observation WHERE camera_id = ?", java.sql.Timestamp.class, camera))
			.containsExactly(java.sql.Timestamp.from(now.minus(1, ChronoUnit.DAYS)));
		assertThat(jdbc.queryForObject("SELECT last_seen_at FROM camera_health WHERE camera_id = ?", java.sql.Timestamp.class, camera))
			.as("the latest state stays").isEqualTo(java.sql.Timestamp.from(now.minus(1, ChronoUnit.DAYS)));
	}
}
