package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.map.MapCounts;

/** Map cells: the map's kept per-cell counts brought up to date with the queued camera and outage changes. */
@DisallowConcurrentExecution
class MapCellsJob extends ThinJob {

	private final MapCounts counts;

	MapCellsJob(MapCounts counts) {
		this.counts = counts;
	}

	@Override
	public Object run() {
		return counts.bringUpToDate();
	}
}
