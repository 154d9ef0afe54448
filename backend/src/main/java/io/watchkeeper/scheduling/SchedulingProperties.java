package io.watchkeeper.scheduling;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the jobs run ({@code watchkeeper.scheduling.*}). Each job has either a cron expression (seconds first,
 * Quartz syntax, in {@code zone}) or a fixed interval, and can be switched off (its trigger is then removed from
 * the cluster's store; "run now" on the admin page still works).
 *
 * @param zone the zone cron expressions are read in
 * @param outageDetection finds silent cameras, opens and closes outages, raises repair orders
 * @param lifecycle replacement orders for cameras at or past end of life
 * @param warrantyExpiry moves warranty orders of cameras whose warranty ended to the maintenance contract
 * @param slaEscalation escalates orders past their due times
 * @param notificationDigest the daily digest of unread notifications
 * @param webhookDelivery delivers queued webhook events and retries failed ones
 * @param observationRetention purges raw health observations older than their retention
 * @param mapCells brings the map's kept per-cell counts up to date with queued changes
 * @param cameraStatus applies the camera statuses queued by bulk outage and repair-order changes
 * @param priorityFacts today's replacement priority facts (planning), read by plan previews
 * @param dailySums folds the queued changes into the reports' kept per-day sums
 * @param dailySumsRecount recounts the reports' kept per-day sums from the raw records
 * @param runAndExit when set to a job name, run that job's work once in this process, print its duration and
 * exit (benchmarks); the scheduler is not started
 */
@ConfigurationProperties("watchkeeper.scheduling")
public record SchedulingProperties(ZoneId zone, Schedule outageDetection, Schedule lifecycle, Schedule warrantyExpiry,
		Schedule slaEscalation, Schedule notificationDigest, Schedule webhookDelivery, Schedule observationRetention, Schedule mapCells, Schedule cameraStatus,
		Schedule priorityFacts, Schedule dailySums, Schedule dailySumsRecount, String runAndExit) {

	public SchedulingProperties {
		zone = zone != null ? zone : ZoneId.of("Asia/Taipei");
		outageDetection = Schedule.orDefault(outageDetection, null, Duration.ofMinutes(1));
		lifecycle = Schedule.orDefault(lifecycle, "0 30 2 * * ?", null);
		warrantyExpiry = Schedule.orDefault(warrantyExpiry, "0 15 2 * * ?", null);
		slaEscalation = Schedule.orDefault(slaEscalation, null, Duration.ofMinutes(5));
		notificationDigest = Schedule.orDefault(notificationDigest, "0 0 7 * * ?", null);
		webhookDelivery = Schedule.orDefault(webhookDelivery, null, Duration.ofSeconds(30));
		observationRetention = Schedule.orDefault(observationRetention, "0 45 3 * * ?", null);
		mapCells = Schedule.orDefault(mapCells, null, Duration.ofMinutes(1));
		cameraStatus = Schedule.orDefault(cameraStatus, null, Duration.ofSeconds(10));
		priorityFacts = Schedule.orDefault(priorityFacts, "0 30 2 * * ?", null);
		dailySums = Schedule.orDefault(dailySums, null, Duration.ofMinutes(1));
		dailySumsRecount = Schedule.orDefault(dailySumsRecount, "0 20 3 * * ?", null);
		runAndExit = runAndExit == null || runAndExit.isBlank() ? null : runAndExit.strip();
	}

	/**
	 * One job's schedule: {@code cron} wins over {@code interval} when both are set.
	 *
	 * @param enabled false removes the job's trigger
	 * @param cron a Quartz cron expression, e.g. {@code 0 30 2 * * ?} (02:30 every day)
	 * @param interval a fixed interval, e.g. {@code 1m}
	 */
	public record Schedule(Boolean enabled, String cron, Duration interval) {

		public Schedule {
			enabled = enabled == null || enabled;
			cron = cron == null || cron.isBlank() ? null : cron.strip();
			if (cron == null && interval != null && (interval.isZero() || interval.isNegative())) {
				throw new IllegalArgumentException("a job's interval must be positive, was " + interval);
			}
		}

		static Schedule orDefault(Schedule given, String cron, Duration interval) {
			if (given == null) {
				return new Schedule(true, cron, interval);
			}
			if (given.cron() == null && given.interval() == null) {
				return new Schedule(given.enabled(), cron, interval);
			}
			return given;
		}

		public boolean isEnabled() {
			return enabled;
		}
	}
}
