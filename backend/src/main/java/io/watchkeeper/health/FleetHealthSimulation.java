package io.watchkeeper.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo's failures and recoveries, as a state machine without I/O (so it is tested with a seeded random and
 * fixed times). Each tick some cameras fail, at a rate that keeps about {@code downShare} of the fleet down in the
 * steady state given the mean recovery time; most come back by themselves after an exponentially distributed
 * time (mean {@code meanRecovery}), {@code stuckShare} of them stay down until their repair order is restored.
 * Every camera also reports its state at least every {@code heartbeat}, so that silence detection sees a living
 * fleet.
 * <p>
 * Cameras down when it starts: an open outage the simulator did not cause (the demo's maintenance history) stays
 * down until its repair order is restored ({@link #resumeStuck}); the simulator's own failures from before a
 * restart, and the failures {@link #seed} makes, come back at times spread into the future (the recovery time is
 * exponential, so the time left is too), never all at once. Cameras whose latest observation came from another
 * source (a real video management system) are left alone: the simulator neither fails, recovers nor reports them.
 */
final class FleetHealthSimulation {

	/** A camera of the fleet. */
	record Camera(long id, String assetTag) {
	}

	/** A failed camera: since when, and when it comes back by itself (null: only when repaired). */
	record Failure(Instant since, Instant recoversAt) {
	}

	private final HealthProperties.Simulator settings;
	private final Random random;
	private final Map<Long, Failure> failed = new HashMap<>();
	private long tickNumber;

	FleetHealthSimulation(HealthProperties.Simulator settings, Random random) {
		this.settings = settings;
		this.random = random;
	}

	Map<Long, Failure> failed() {
		return failed;
	}

	/**
	 * The simulator's own failures from before a restart (the camera's last report, the simulator's, said down):
	 * they come back by themselves at times spread into the future, or stay down ({@code stuckShare}).
	 */
	void resume(Map<Long, Instant> downSince, Instant now) {
		downSince.forEach((id, since) -> failed.put(id, failure(since, now)));
	}

	/**
	 * Open outages the simulator did not cause (the demo history's, on cameras it never reported): down until
	 * their repair order is restored or closed.
	 */
	void resumeStuck(Map<Long, Instant> downSince) {
		downSince.forEach((id, since) -> failed.put(id, new Failure(since, null)));
	}

	/**
	 * A fleet that never reported starts with its steady-state share down, failed at times spread over the past
	 * {@code meanRecovery}, so that lists and the map have outages of different ages at once.
	 */
	List<Observation> seed(List<Camera> fleet, Instant now) {
		List<Observation> out = new ArrayList<>();
		int count = (int) Math.round(fleet.size() * settings.downShare());
		long spread = Math.max(1, settings.meanRecovery().toSeconds());
		for (int i = 0; i < count && !fleet.isEmpty(); i++) {
			Camera camera = fleet.get(random.nextInt(fleet.size()));
			if (failed.containsKey(camera.id())) {
				continue;
			}
			Instant since = now.minusSeconds(1 + (long) (random.nextDouble() * spread));
			Failure f = failure(since, now);
			failed.put(camera.id(), f);
			out.add(new Observation(out.size(), camera.assetTag(), false, since));
		}
		return out;
	}

	/**
	 * One tick at {@code now}: new failures, recoveries (by themselves, or {@code repaired} by a restored order),
	 * and the heartbeat of one slice of the fleet. Cameras in {@code foreign} (their latest observation came from
	 * another source) are forgotten and get no observation.
	 */
	List<Observation> tick(List<Camera> fleet, Instant now, Set<Long> repaired, Set<Long> foreign) {
		tickNumber++;
		List<Observation> out = new ArrayList<>();
		failed.keySet().removeAll(foreign);
		if (fleet.isEmpty()) {
			return out;
		}
		Map<Long, Camera> byId = new HashMap<>();
		for (Camera c : fleet) {
			byId.put(c.id(), c);
		}
		long tickSeconds = Math.max(1, settings.tick().toSeconds());
		// recoveries
		for (var it = failed.entrySet().iterator(); it.hasNext();) {
			var entry = it.next();
			Camera camera = byId.get(entry.getKey());
			Failure f = entry.getValue();
			Instant back = f.recoversAt() != null && !f.recoversAt().isAfter(now) ? f.recoversAt()
					: repaired.contains(entry.getKey()) ? now : null;
			if (back != null) {
				it.remove();
				if (camera != null) {
					out.add(new Observation(out.size(), camera.assetTag(), true, back));
				}
			}
		}
		// new failures: expected downShare * N * tick / meanRecovery per tick
		double expected = settings.downShare() * fleet.size() * tickSeconds
				/ Math.max(1, settings.meanRecovery().toSeconds());
		int failures = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
		for (int i = 0; i < failures; i++) {
			Camera camera = fleet.get(random.nextInt(fleet.size()));
			if (failed.containsKey(camera.id()) || foreign.contains(camera.id())) {
				continue;
			}
			Instant since = now.minusSeconds(1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, tickSeconds)));
			failed.put(camera.id(), failure(since, now));
			out.add(new Observation(out.size(), camera.assetTag(), false, since));
		}
		// heartbeat of one slice: every camera once per heartbeat period
		long slices = Math.max(1, settings.heartbeat().toSeconds() / tickSeconds);
		long slice = tickNumber % slices;
		for (Camera camera : fleet) {
			if (Math.floorMod(camera.id(), slices) == slice && !foreign.contains(camera.id())) {
				out.add(new Observation(out.size(), camera.assetTag(), !failed.containsKey(camera.id()), now));
			}
		}
		return out;
	}

	private Failure failure(Instant since, Instant now) {
		if (random.nextDouble() < settings.stuckShare()) {
			return new Failure(since, null);
		}
		double mean = Math.max(60, settings.meanRecovery().toSeconds());
		Instant at = since.plus(Duration.ofSeconds(60 + exponential(mean)));
		// already past (a failure from before now): what is left of an exponential time is exponential with the
		// same mean, so the recoveries stay spread over the hours ahead instead of all falling on the next tick
		return new Failure(since, at.isAfter(now) ? at : now.plusSeconds(1 + exponential(mean)));
	}

	private long exponential(double mean) {
		return (long) (-Math.log(1 - random.nextDouble()) * mean);
	}
}
