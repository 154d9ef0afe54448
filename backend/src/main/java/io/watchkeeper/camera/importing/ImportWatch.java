package io.watchkeeper.camera.importing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Keeps import runs honest across nodes. Every {@code watchkeeper.import.heartbeat} this node touches the heartbeat
 * of the runs it holds (queued or running, in every phase: the write phase is one long transaction, so the run
 * itself cannot), then marks INTERRUPTED every run of any node whose heartbeat is older than
 * {@code interrupted-after}. The sweep is one idempotent statement by the database's clock, so every node runs it
 * and a dead node's run is marked within {@code interrupted-after + heartbeat}.
 * <p>
 * Its own small timer rather than a Quartz job: a five-second cluster-wide job would take Quartz's trigger lock
 * every five seconds on every node, for one UPDATE that needs no coordination.
 */
@Component
class ImportWatch {

	private static final Logger log = LoggerFactory.getLogger(ImportWatch.class);

	private final ImportJobs jobs;

	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService timer;

	ImportWatch(ImportJobs jobs, ImportProperties properties) {
		this.jobs = jobs;
		this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "camera-import-watch");
			t.setDaemon(true);
			return t;
		});
		long every = properties.heartbeat().toMillis();
		this.timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		timer.shutdownNow();
	}

	/** This node holds the run from now on (claimed, queued or running) until {@link #release}. */
	void hold(long id) {
		held.add(id);
	}

	void release(long id) {
		held.remove(id);
	}

	/** One tick: the heartbeat of the runs held here, then the sweep. Never throws: a throw would end the timer. */
	void beat() {
		try {
			jobs.heartbeat(List.copyOf(held));
			int interrupted = jobs.markInterrupted();
			if (interrupted > 0) {
				log.warn("{} camera import run(s) had no heartbeat for too long (their node stopped): marked interrupted",
						interrupted);
			}
		}
		catch (RuntimeException e) {
			// e.g. the database is away for a moment: the next tick tries again
			log.warn("Camera import heartbeat and sweep failed: {}", e.toString());
		}
	}
}
