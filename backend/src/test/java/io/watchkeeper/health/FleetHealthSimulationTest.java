package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
			List<Observation> out = sim.tick(fleet, now, Set.of());
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
		sim.tick(fleet, T0.plus(Duration.ofDays(2)), Set.of());
		assertThat(sim.failed().keySet()).containsAll(down);
		long repaired = down.iterator().next();
		List<Observation> out = sim.tick(fleet, T0.plus(Duration.ofDays(2)).plusSeconds(60), Set.of(repaired));
		assertThat(sim.failed()).doesNotContainKey(repaired);
		assertThat(out).anySatisfy(o -> {
			assertThat(o.assetTag()).isEqualTo("SIM" + repaired);
			assertThat(o.up()).isTrue();
		});
	}
}
