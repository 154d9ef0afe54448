package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.health.OutageDetection;

/**
 * Outage detection: cameras silent for longer than the threshold get an outage, and every open outage
 * without one gets its routed repair order (the health module's {@link OutageDetection}).
 */
@DisallowConcurrentExecution
class OutageDetectionJob extends ThinJob {

	private final OutageDetection detection;

	OutageDetectionJob(OutageDetection detection) {
		this.detection = detection;
	}

	@Override
	public Object run() {
		return detection.run();
	}
}
