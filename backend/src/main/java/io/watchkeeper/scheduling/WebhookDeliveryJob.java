package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.notification.WebhookDelivery;

/** Webhook delivery: sends queued webhook events, retrying failed ones. */
@DisallowConcurrentExecution
class WebhookDeliveryJob extends ThinJob {

	private final WebhookDelivery delivery;

	WebhookDeliveryJob(WebhookDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	public Object run() {
		return delivery.deliverDue();
	}
}
