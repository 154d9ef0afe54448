package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.notification.NotificationDigest;

/** Notification digest: one digest per user and day of their unread notifications. */
@DisallowConcurrentExecution
class NotificationDigestJob extends ThinJob {

	private final NotificationDigest digest;

	NotificationDigestJob(NotificationDigest digest) {
		this.digest = digest;
	}

	@Override
	public Object run() {
		return digest.writeDailyDigests();
	}
}
