package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.camera.CameraStatusFollowUp;

/** Camera status: the cameras a bulk outage or repair-order change queued get the status maintenance says. */
@DisallowConcurrentExecution
class CameraStatusJob extends ThinJob {

	private final CameraStatusFollowUp followUp;

	CameraStatusJob(CameraStatusFollowUp followUp) {
		this.followUp = followUp;
	}

	@Override
	public Object run() {
		return followUp.applyQueued();
	}
}
