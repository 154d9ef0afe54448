package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.reporting.DailySums;

/**
 * Reporting: folds the queued deltas into the kept per-day sums (or rebuilds them after a bulk statement) in the
 * background, so that readers rarely do it and the queue never piles up while nobody reads.
 */
@DisallowConcurrentExecution
class DailySumsJob extends ThinJob {

	private final DailySums sums;

	DailySumsJob(DailySums sums) {
		this.sums = sums;
	}

	@Override
	public Object run() {
		sums.ensureCurrent();
		return null;
	}
}
