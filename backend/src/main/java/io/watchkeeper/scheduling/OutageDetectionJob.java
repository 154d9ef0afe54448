package io.watchkeeper.scheduling;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.maintenance.RepairOrders;

/**
 * Outage detection: for now raises repair orders for open outages; becomes the health module's detection (silent
 * cameras, opening and closing outages, then the repair orders) when that is merged.
 */
@DisallowConcurrentExecution
class OutageDetectionJob extends ThinJob {

	private final RepairOrders repairOrders;

	private final Clock clock;

	OutageDetectionJob(RepairOrders repairOrders, Clock clock) {
		this.repairOrders = repairOrders;
		this.clock = clock;
	}

	@Override
	public Object run() {
		// TODO(lead, on merging the health module): call the health module's outage detection service here instead
		return repairOrders.raiseForOpenOutages(clock.instant());
	}
}
