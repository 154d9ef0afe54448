package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.maintenance.LifecycleService;

/** Lifecycle: one replacement order for each camera at or past end of life. */
@DisallowConcurrentExecution
class LifecycleJob extends ThinJob {

	private final LifecycleService lifecycle;

	LifecycleJob(LifecycleService lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public Object run() {
		return lifecycle.raiseReplacementOrders();
	}
}
