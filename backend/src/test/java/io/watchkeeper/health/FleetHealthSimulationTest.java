package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FleetHealthSimulationTest {

	static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
	final HealthProperties.Simulator settings = new HealthProperties.Simulator(true, Duration.ofMinutes(1), 0.01,
			Duration.ofHours(3), 0.2, Duration.ofMinutes(5));

	static List<FleetHealthSimulation.Camera> fleet(int n) {
		List<FleetHealthSimulation.Camera> fleet = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			fleet.add(new FleetHealthSimulation.Camera(i, "SIM" + i));
		}
		return fleet;
	}

	@Test
	void seedsTheSteadyStateShareDownWithOutagesOfDifferentAges() {
		FleetHealthSimulation sim = new FleetHealthSimulation(settings, new Random(1));
		List<Observation> seeded = sim.seed(fleet(10_000), T0);
		assertThat(seeded.size()).isBetween(90, 100);
		assertThat(seeded).allSatisfy(o -> {
			assertThat(o.up()).isFalse();
			assertThat(o.observedAt()).isBefore(T0).isAfter(T0.minus(Duration.ofHours(3)).minusSeconds(2));
		});
		assertThat(seeded.stream().map(Observation::observedAt).distinct().count()).isGreaterThan(80);
	}

	@Test
	void keepsAboutTheConfiguredShareDownAndEveryCameraReportsWithinTheHeartbeat() {
		FleetHealthSimulation sim = new FleetHealthSimulation(settings, new Random(7));
		List<FleetHealthSimulation.Camera> fleet = fleet(10_000);
		sim.seed(fleet, T0);
		Set<String> reported = new HashSet<>();
		Instant now = T0;
		for (int minute = 1; minute <= 12 * 60; minute++) {
			now = T0.plus(Duration.ofMinutes(minute));
			List<Observation> out = sim.tick(fleet, now, Set.of(), Set.of());
			if (minute <= 5) {
				out.forEach(o -> reported.add(o.assetTag()));
			}
			for (Observation o : out) {
				assertThat(o.observedAt()).isBeforeOrEqualTo(now);
			}
		}
		assertThat(reported).as("one heartbeat period reaches the whole fleet").hasSize(10_000);
		// after 12 h without repairs the stuck ones pile up; the ones that recover by themselves stay near 0.8 %
		long recovering = sim.failed().values().stream().filter(f -> f.recoversAt() != null).count();
		assertThat(recovering).isBetween(50L, 130L);
		assertThat(sim.failed().size()).isGreaterThan((int) recovering);
	}

	@Test
	void stuckCamerasComeBackOnlyWhenRepaired() {
		HealthProperties.Simulator allStuck = new HealthProperties.Simulator(true, Duration.ofMinutes(1), 0.01,
				Duration.ofHours(3), 1.0, Duration.ofMinutes(5));
		FleetHealthSimulation sim = new FleetHealthSimulation(allStuck, new Random(3));
		List<FleetHealthSimulation.Camera> fleet = fleet(1_000);
		sim.seed(fleet, T0);
		Set<Long> down = new HashSet<>(sim.failed().keySet());
		assertThat(down).isNotEmpty();
		sim.tick(fleet, T0.plus(Duration.ofDays(2)), Set.of(), Set.of());
		assertThat(sim.failed().keySet()).containsAll(down);
		long repaired = down.iterator().next();
		List<Observation> out = sim.tick(fleet, T0.plus(Duration.ofDays(2)).plusSeconds(60), Set.of(repaired), Set.of());
		assertThat(sim.failed()).doesNotContainKey(repaired);
		assertThat(out).anySatisfy(o -> {
			assertThat(o.assetTag()).isEqualTo("SIM" + repaired);
			assertThat(o.up()).isTrue();
		});
	}

	@Test
	void failuresFromBeforeTheStartRecoverAtTimesSpreadIntoTheFutureNotAllAtTheNextTick() {
		FleetHealthSimulation sim = new FleetHealthSimulation(settings, new Random(11));
		List<FleetHealthSimulation.Camera> fleet = fleet(10_000);
		// the simulator's own failures from before a restart, some of them days old
		Map<Long, Instant> before = new HashMap<>();
		for (long id = 9_001; id <= 9_100; id++) {
			before.put(id, T0.minus(Duration.ofHours(id % 72)));
		}
		sim.resume(before, T0);
		sim.seed(fleet, T0);
		List<Instant> recoveries = sim.failed().values().stream().map(FleetHealthSimulation.Failure::recoversAt)
			.filter(java.util.Objects::nonNull).toList();
		assertThat(recoveries).hasSizeGreaterThan(120).allSatisfy(at -> assertThat(at).isAfter(T0));
		assertThat(recoveries.stream().filter(at -> !at.isAfter(T0.plusSeconds(60))).count())
			.as("recoveries due at the first tick").isLessThanOrEqualTo(3);
		assertThat(recoveries.stream().filter(at -> at.isAfter(T0.plus(Duration.ofHours(1)))).count())
			.as("most come back hours later").isGreaterThan(recoveries.size() / 2);
		int down = sim.failed().size();
		sim.tick(fleet, T0.plusSeconds(60), Set.of(), Set.of());
		assertThat(down - sim.failed().size()).as("no burst of recoveries").isLessThanOrEqualTo(3);
	}

	@Test
	void openOutagesItDidNotCauseStayDownUntilTheirOrderIsRestored() {
		FleetHealthSimulation sim = new FleetHealthSimulation(settings, new Random(5));
		List<FleetHealthSimulation.Camera> fleet = fleet(20);
		sim.resumeStuck(Map.of(4L, T0.minus(Duration.ofDays(3)), 9L, T0.minus(Duration.ofMinutes(30))));
		for (int minute = 1; minute <= 24 * 60; minute++) {
			List<Observation> out = sim.tick(fleet, T0.plus(Duration.ofMinutes(minute)), Set.of(), Set.of());
			assertThat(out).noneSatisfy(o -> {
				assertThat(o.assetTag()).isIn("SIM4", "SIM9");
				assertThat(o.up()).isTrue();
			});
		}
		assertThat(sim.failed()).containsKeys(4L, 9L);
		List<Observation> out = sim.tick(fleet, T0.plus(Duration.ofDays(1)).plusSeconds(60), Set.of(4L), Set.of());
		assertThat(out).anySatisfy(o -> {
			assertThat(o.assetTag()).isEqualTo("SIM4");
			assertThat(o.up()).isTrue();
		});
		assertThat(sim.failed()).doesNotContainKey(4L).containsKey(9L);
	}

	@Test
	void camerasLastReportedByAnotherSourceAreLeftAlone() {
		HealthProperties.Simulator busy = new HealthProperties.Simulator(true, Duration.ofMinutes(1), 0.5,
				Duration.ofMinutes(10), 0.0, Duration.ofMinutes(5));
		FleetHealthSimulation sim = new FleetHealthSimulation(busy, new Random(9));
		List<FleetHealthSimulation.Camera> fleet = fleet(10);
		sim.resume(Map.of(3L, T0.minus(Duration.ofMinutes(5))), T0);
		Set<Long> foreign = Set.of(3L, 6L);
		Set<String> reported = new HashSet<>();
		for (int minute = 1; minute <= 60; minute++) {
			sim.tick(fleet, T0.plus(Duration.ofMinutes(minute)), Set.of(), foreign)
				.forEach(o -> reported.add(o.assetTag()));
			assertThat(sim.failed()).doesNotContainKeys(3L, 6L);
		}
		assertThat(reported).contains("SIM1", "SIM2", "SIM4", "SIM10").doesNotContain("SIM3", "SIM6");
	}
}
