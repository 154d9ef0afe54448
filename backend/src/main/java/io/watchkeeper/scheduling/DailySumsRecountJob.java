package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.reporting.DailySums;

/** Reporting: the nightly recount of every kept per-day sum from the raw records. */
@DisallowConcurrentExecution
class DailySumsRecountJob extends ThinJob {

	private final DailySums sums;

	DailySumsRecountJob(DailySums sums) {
		this.sums = sums;
	}

	@Override
	public Object run() {
		return sums.recountAll();
	}
}
