package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.health.ObservationRetention;

/** Observation retention: raw health observations older than their retention are purged (one statement). */
@DisallowConcurrentExecution
class ObservationRetentionJob extends ThinJob {

	private final ObservationRetention retention;

	ObservationRetentionJob(ObservationRetention retention) {
		this.retention = retention;
	}

	@Override
	public Object run() {
		return retention.run();
	}
}
