package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo simulator's ticks over a small fleet of its own ({@code ITHSIM-...}): an open outage it did not cause
 * (the demo history's, with an open repair order) stays open until the order is restored, and a camera another
 * source reported down is not reported up by it.
 */
class HealthSimulatorIT extends HealthHttpSupport {

	@Autowired
	HealthIngestion ingestion;

	@Autowired
	OutageHistory outageHistory;

	/** A clock the test moves. */
	static final class MovingClock extends Clock {

		Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	@Test
	void openOutagesOfTheDemoHistoryStayOpenUntilRepairedAndOtherSourcesAreLeftAlone() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant start = now.minus(Duration.ofMinutes(12));
		long history = camera("ITHSIM-01");
		long reported = camera("ITHSIM-02");
		camera("ITHSIM-03");
		camera("ITHSIM-04");
		// the demo history: an open outage from two days ago with an open repair order, no health state
		long outage = jdbc.queryForObject("""
				INSERT INTO outage (camera_id, started_at, cause, detected_at, source)
				VALUES (?, ?, 'REPORTED_DOWN', ?, 'demo: VMS') RETURNING id""", Long.class, history,
				Timestamp.from(now.minus(Duration.ofDays(2))), Timestamp.from(now.minus(Duration.ofDays(2))));
		long order = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, outage_id, state, opened_at)
				VALUES ('REPAIR', ?, 'OUTAGE', ?, 'NEW', ?) RETURNING id""", Long.class, history, outage,
				Timestamp.from(now.minus(Duration.ofDays(2))));

		MovingClock clock = new MovingClock(start);
		HealthProperties properties = new HealthProperties(10_000, org.springframework.util.unit.DataSize.ofMegabytes(16),
				Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofMinutes(15), Duration.ZERO, new HealthProperties.Simulator(true,
						Duration.ofMinutes(1), 0.0, Duration.ofHours(3), 0.2, Duration.ofMinutes(5)));
		HealthSimulator simulator = new HealthSimulator(jdbc, ingestion, clock, properties, new Random(1), "ITHSIM-");
		for (int minute = 0; minute < 6; minute++) {
			clock.now = start.plus(Duration.ofMinutes(minute));
			simulator.tick();
		}
		assertThat(openOutages(history)).as("the demo history's outage stays open").isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT up FROM camera_health WHERE camera_id = ?", Boolean.class, history))
			.as("the simulator reports it down").isFalse();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera_health h JOIN camera c ON c.id = h.camera_id "
				+ "WHERE c.asset_tag LIKE 'ITHSIM-%' AND h.source = ?", Integer.class, HealthSimulator.SOURCE))
			.as("every camera had its heartbeat").isEqualTo(4);

		// a real system reports camera 2 down, newer than the simulator's last report of it
		Instant down = start.plus(Duration.ofMinutes(6)).minusSeconds(10);
		IngestResult real = ingestion.ingest("ith-real-vms", List.of(new Observation(0, "ITHSIM-02", false, down)));
		assertThat(real.accepted()).isEqualTo(1);
		for (int minute = 6; minute < 12; minute++) {
			clock.now = start.plus(Duration.ofMinutes(minute));
			simulator.tick();
		}
		assertThat(openOutages(reported)).as("the simulator does not report it up").isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM health_observation WHERE camera_id = ? AND observed_at > ?",
				Integer.class, reported, Timestamp.from(down))).isZero();
		assertThat(openOutages(history)).isEqualTo(1);

		// the repair order is restored: the camera comes back at the next tick
		jdbc.update("""
				INSERT INTO repair_squad (code, name_zh, name_en, precinct_id)
				SELECT 'ITH-SQ', '測試維修小組', 'ITH test squad', id FROM precinct WHERE code = 'LIUGUI'
				ON CONFLICT (code) DO NOTHING""");
		jdbc.update("""
				UPDATE work_order SET state = 'RESTORED', assignee_kind = 'SQUAD',
				       squad_id = (SELECT id FROM repair_squad WHERE code = 'ITH-SQ'), restored_at = ? WHERE id = ?""",
				Timestamp.from(start.plus(Duration.ofMinutes(11)).plusSeconds(30)), order);
		clock.now = start.plus(Duration.ofMinutes(12));
		simulator.tick();
		assertThat(openOutages(history)).as("restored: the simulator reports it up").isZero();
		assertThat(jdbc.queryForObject("SELECT ended_at FROM outage WHERE id = ?", Timestamp.class, outage))
			.isEqualTo(Timestamp.from(clock.now));
	}

	/**
	 * The demo writes health rows for its fleet (first seen 2022-12-01, the simulator's source) so that the outage
	 * history answers for the past: the simulator keeps their first-seen time, and a camera down by an open outage
	 * of the demo history (not one it opened) stays down until repaired, even when its own failures recover fast.
	 */
	@Test
	void theDemosHealthCoverageKeepsItsFirstSeenTimeAndItsHistoryOutageStaysDownUntilRepaired() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant start = now.minus(Duration.ofMinutes(10));
		Instant firstSeen = Instant.parse("2022-11-30T16:00:00Z");
		long down = camera("ITHCOV-01");
		long up = camera("ITHCOV-02");
		Instant failed = now.minus(Duration.ofDays(2));
		jdbc.update("""
				INSERT INTO outage (camera_id, started_at, cause, detected_at, source)
				VALUES (?, ?, 'REPORTED_DOWN', ?, 'demo: VMS')""", down, Timestamp.from(failed), Timestamp.from(failed));
		jdbc.update("""
				INSERT INTO work_order (kind, camera_id, origin, outage_id, state, opened_at)
				SELECT 'REPAIR', camera_id, 'OUTAGE', id, 'NEW', started_at FROM outage WHERE camera_id = ?""", down);
		Timestamp written = Timestamp.from(start.minusSeconds(60));
		jdbc.update("""
				INSERT INTO camera_health (camera_id, first_seen_at, last_seen_at, up, state_since, source, updated_at)
				VALUES (?, ?, ?, false, ?, ?, ?), (?, ?, ?, NULL, NULL, ?, ?)""",
				down, Timestamp.from(firstSeen), written, Timestamp.from(failed), HealthSimulator.SOURCE, written,
				up, Timestamp.from(firstSeen), written, HealthSimulator.SOURCE, written);

		MovingClock clock = new MovingClock(start);
		// its own failures would come back within a minute or two: the history's outage must not be taken for one
		HealthProperties properties = new HealthProperties(10_000, org.springframework.util.unit.DataSize.ofMegabytes(16),
				Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofMinutes(15), Duration.ZERO, new HealthProperties.Simulator(true,
						Duration.ofMinutes(1), 0.0, Duration.ofSeconds(60), 0.0, Duration.ofMinutes(5)));
		HealthSimulator simulator = new HealthSimulator(jdbc, ingestion, clock, properties, new Random(3), "ITHCOV-");
		for (int minute = 0; minute < 10; minute++) {
			clock.now = start.plus(Duration.ofMinutes(minute));
			simulator.tick();
		}
		assertThat(openOutages(down)).as("the demo history's outage stays open").isEqualTo(1);
		assertThat(jdbc.queryForList("SELECT first_seen_at FROM camera_health WHERE camera_id IN (?, ?)", Timestamp.class, down, up))
			.as("first seen kept").containsOnly(Timestamp.from(firstSeen));
		assertThat(jdbc.queryForObject("SELECT last_seen_at FROM camera_health WHERE camera_id = ?", Timestamp.class, up))
			.as("reported since").isAfterOrEqualTo(Timestamp.from(start));
		assertThat(jdbc.queryForObject("SELECT up FROM camera_health WHERE camera_id = ?", Boolean.class, up))
			.as("its state set by the first report").isTrue();
		assertThat(outageHistory.recordingAt(up, Instant.parse("2023-03-15T02:00:00Z")).state())
			.isEqualTo(OutageHistory.Recording.RECORDING);
		assertThat(outageHistory.recordingAt(down, now.minus(Duration.ofDays(1))).state()).isEqualTo(OutageHistory.Recording.DOWN);
	}
}
