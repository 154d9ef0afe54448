package io.watchkeeper.scheduling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.watchkeeper.scheduling.JobDefinition.Misfire;

/**
 * The jobs of the application and their misfire policies:
 * <ul>
 * <li>frequent jobs (outage detection, SLA escalation, webhook delivery) run once right away after missed fire
 * times (their work is "catch up with the present", so one run covers all that were missed);</li>
 * <li>the nightly lifecycle and warranty jobs also run once right away after a miss (e.g. every node was down at
 * 02:30): waiting a whole day would leave a day's replacement orders and re-routing undone;</li>
 * <li>the nightly priority facts of replacement planning run once right away after a miss too: without them the
 * day's first plan preview would compute them itself and wait for it;</li>
 * <li>the reports' kept sums are folded every minute (a missed run is caught up by the next, or by a reader) and
 * recounted every night, once right away after a miss;</li>
 * <li>the daily digest skips a missed morning: a digest sent at noon after an outage is noise, and tomorrow's
 * digest covers the same unread notifications.</li>
 * </ul>
 * The jobs whose work matters if a node dies mid-run ask for recovery (another node runs them again); all of
 * them are idempotent, so re-running is safe.
 */
@Configuration(proxyBeanMethods = false)
class JobCatalog {

	@Bean
	JobDefinition outageDetectionJob(SchedulingProperties p) {
		return new JobDefinition("outage-detection", OutageDetectionJob.class,
				"Finds outages and raises repair orders", p.outageDetection(), Misfire.FIRE_ONCE_NOW, false);
	}

	@Bean
	JobDefinition lifecycleJob(SchedulingProperties p) {
		return new JobDefinition("lifecycle", LifecycleJob.class,
				"Replacement orders for cameras at or past end of life", p.lifecycle(), Misfire.FIRE_ONCE_NOW, true);
	}

	@Bean
	JobDefinition warrantyExpiryJob(SchedulingProperties p) {
		return new JobDefinition("warranty-expiry", WarrantyExpiryJob.class,
				"Moves orders of cameras whose warranty ended to the maintenance contract", p.warrantyExpiry(),
				Misfire.FIRE_ONCE_NOW, true);
	}

	@Bean
	JobDefinition slaEscalationJob(SchedulingProperties p) {
		return new JobDefinition("sla-escalation", SlaEscalationJob.class,
				"Escalates orders past their due times and notifies", p.slaEscalation(), Misfire.FIRE_ONCE_NOW, false);
	}

	@Bean
	JobDefinition notificationDigestJob(SchedulingProperties p) {
		return new JobDefinition("notification-digest", NotificationDigestJob.class,
				"Daily digest of unread notifications", p.notificationDigest(), Misfire.SKIP_TO_NEXT, true);
	}

	@Bean
	JobDefinition webhookDeliveryJob(SchedulingProperties p) {
		return new JobDefinition("webhook-delivery", WebhookDeliveryJob.class, "Delivers webhook events",
				p.webhookDelivery(), Misfire.FIRE_ONCE_NOW, false);
	}

	@Bean
	JobDefinition observationRetentionJob(SchedulingProperties p) {
		return new JobDefinition("observation-retention", ObservationRetentionJob.class,
				"Purges raw health observations past their retention", p.observationRetention(), Misfire.FIRE_ONCE_NOW, false);
	}

	@Bean
	JobDefinition mapCellsJob(SchedulingProperties p) {
		return new JobDefinition("map-cells", MapCellsJob.class,
				"Brings the map's kept per-cell counts up to date with queued changes", p.mapCells(),
				Misfire.FIRE_ONCE_NOW, false);
	}

	@Bean
	JobDefinition cameraStatusJob(SchedulingProperties p) {
		return new JobDefinition("camera-status", CameraStatusJob.class,
				"Applies the camera statuses queued by bulk outage and repair-order changes", p.cameraStatus(),
				Misfire.FIRE_ONCE_NOW, false);
	}

	@Bean
	JobDefinition priorityFactsJob(SchedulingProperties p) {
		return new JobDefinition("planning.priority-facts", PriorityFactsJob.class,
				"Today's replacement priority facts (downtime, repairs, useful footage, coverage)", p.priorityFacts(),
				Misfire.FIRE_ONCE_NOW, true);
	}

	@Bean
	JobDefinition dailySumsJob(SchedulingProperties p) {
		return new JobDefinition("reporting.daily-sums", DailySumsJob.class,
				"Folds queued changes into the reports' kept per-day sums", p.dailySums(), Misfire.FIRE_ONCE_NOW, false);
	}

	@Bean
	JobDefinition dailySumsRecountJob(SchedulingProperties p) {
		return new JobDefinition("reporting.daily-sums-recount", DailySumsRecountJob.class,
				"Recounts the reports' kept per-day sums from the raw records", p.dailySumsRecount(),
				Misfire.FIRE_ONCE_NOW, true);
	}
}
