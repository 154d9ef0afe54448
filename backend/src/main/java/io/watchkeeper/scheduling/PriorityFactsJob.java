package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.planning.Plans;

/** Planning: today's priority facts (12 months of downtime, repairs, useful footage, coverage), so previews read them. */
@DisallowConcurrentExecution
class PriorityFactsJob extends ThinJob {

	private final Plans plans;

	PriorityFactsJob(Plans plans) {
		this.plans = plans;
	}

	@Override
	public Object run() {
		return plans.refreshFacts(null);
	}
}
