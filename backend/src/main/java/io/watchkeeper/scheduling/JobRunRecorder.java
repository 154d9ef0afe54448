package io.watchkeeper.scheduling;

import java.sql.Timestamp;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records every execution of a job, on whichever node, in {@code job_run}: when it was scheduled and started,
 * how long it took, the outcome and the result (what the service returned). The admin page shows them; the
 * cluster test counts them. A failure to record is logged and never fails the job.
 */
@Component
class JobRunRecorder implements JobListener, SchedulerFactoryBeanCustomizer {

	private static final Logger log = LoggerFactory.getLogger(JobRunRecorder.class);

	private final JdbcTemplate jdbc;

	JobRunRecorder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void customize(org.springframework.scheduling.quartz.SchedulerFactoryBean factory) {
		factory.setGlobalJobListeners(this);
	}

	@Override
	public String getName() {
		return "watchkeeper-job-runs";
	}

	@Override
	public void jobToBeExecuted(JobExecutionContext context) {
		try {
			jdbc.update("""
					INSERT INTO job_run (job_name, fire_id, instance_id, scheduled_at, started_at, recovering)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fire_id) DO NOTHING""",
					context.getJobDetail().getKey().getName(), context.getFireInstanceId(), instanceId(context),
					context.getScheduledFireTime() == null ? null : new Timestamp(context.getScheduledFireTime().getTime()),
					new Timestamp(context.getFireTime().getTime()), context.isRecovering());
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the start of job {}", context.getJobDetail().getKey(), ex);
		}
	}

	@Override
	public void jobExecutionVetoed(JobExecutionContext context) {
	}

	@Override
	public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
		try {
			String error = failure == null ? null : abbreviate(String.valueOf(
					failure.getCause() != null ? failure.getCause() : failure));
			jdbc.update("""
					UPDATE job_run SET finished_at = ?, duration_ms = ?, outcome = ?, result = ?, error = ?
					 WHERE fire_id = ?""", new Timestamp(context.getFireTime().getTime() + context.getJobRunTime()),
					context.getJobRunTime(), failure == null ? "SUCCEEDED" : "FAILED",
					context.getResult() == null ? null : abbreviate(String.valueOf(context.getResult())), error,
					context.getFireInstanceId());
			if (failure != null) {
				log.warn("Job {} failed", context.getJobDetail().getKey(), failure);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the end of job {}", context.getJobDetail().getKey(), ex);
		}
	}

	private static String instanceId(JobExecutionContext context) {
		try {
			return context.getScheduler().getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			return "unknown";
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 480 ? text : text.substring(0, 480);
	}
}
