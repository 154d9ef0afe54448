package io.watchkeeper.scheduling;

import java.util.List;
import java.util.Objects;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.watchkeeper.scheduling.JobDefinition.Misfire;

/**
 * Puts the {@link JobDefinition}s into the cluster's job store on every node's start, before the scheduler
 * starts, so that several nodes starting with the same definitions end with one job and one trigger each:
 * <ul>
 * <li>a job detail is written only when missing or different;</li>
 * <li>a missing trigger is added; a node that loses the race to add it ({@link ObjectAlreadyExistsException})
 * keeps the winner's;</li>
 * <li>an existing trigger with the same schedule and misfire policy is left alone (its next fire time is kept:
 * restarting a node does not shift or repeat a run); one with another schedule is replaced (configuration
 * changed); a disabled job's trigger is removed.</li>
 * </ul>
 */
@Component
class JobRegistrar implements SmartInitializingSingleton {

	static final String GROUP = "watchkeeper";

	private static final Logger log = LoggerFactory.getLogger(JobRegistrar.class);

	private final Scheduler scheduler;

	private final List<JobDefinition> definitions;

	private final SchedulingProperties properties;

	JobRegistrar(Scheduler scheduler, List<JobDefinition> definitions, SchedulingProperties properties) {
		this.scheduler = scheduler;
		this.definitions = definitions;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			for (JobDefinition definition : definitions) {
				register(definition);
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not register the jobs", ex);
		}
	}

	void register(JobDefinition definition) throws SchedulerException {
		JobDetail detail = jobDetail(definition);
		JobDetail stored = scheduler.getJobDetail(detail.getKey());
		if (stored == null || !sameJob(stored, detail)) {
			scheduler.addJob(detail, true);
		}
		TriggerKey key = triggerKey(definition.name());
		Trigger existing = scheduler.getTrigger(key);
		if (!definition.schedule().isEnabled()) {
			if (existing != null) {
				scheduler.unscheduleJob(key);
				log.info("Job {} is disabled: its trigger was removed", definition.name());
			}
			return;
		}
		Trigger trigger = trigger(definition);
		if (existing == null) {
			try {
				scheduler.scheduleJob(trigger);
				log.info("Job {} scheduled ({})", definition.name(), describe(definition.schedule()));
			}
			catch (ObjectAlreadyExistsException raced) {
				log.debug("Job {}: another node added the trigger first", definition.name());
			}
		}
		else if (!sameSchedule(existing, trigger)) {
			scheduler.rescheduleJob(key, trigger);
			log.info("Job {} rescheduled ({})", definition.name(), describe(definition.schedule()));
		}
	}

	static JobKey jobKey(String name) {
		return JobKey.jobKey(name, GROUP);
	}

	static TriggerKey triggerKey(String name) {
		return TriggerKey.triggerKey(name, GROUP);
	}

	static String describe(SchedulingProperties.Schedule schedule) {
		return schedule.cron() != null ? "cron " + schedule.cron() : "every " + schedule.interval();
	}

	private JobDetail jobDetail(JobDefinition definition) {
		return JobBuilder.newJob(definition.jobClass())
			.withIdentity(jobKey(definition.name()))
			.withDescription(definition.description())
			.storeDurably()
			.requestRecovery(definition.requestsRecovery())
			.build();
	}

	private Trigger trigger(JobDefinition definition) {
		SchedulingProperties.Schedule schedule = definition.schedule();
		TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger()
			.withIdentity(triggerKey(definition.name()))
			.forJob(jobKey(definition.name()));
		if (schedule.cron() != null) {
			CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron())
				.inTimeZone(TimeZone.getTimeZone(properties.zone()));
			cron = definition.misfire() == Misfire.FIRE_ONCE_NOW ? cron.withMisfireHandlingInstructionFireAndProceed()
					: cron.withMisfireHandlingInstructionDoNothing();
			return builder.withSchedule(cron).startNow().build();
		}
		SimpleScheduleBuilder simple = SimpleScheduleBuilder.simpleSchedule()
			.withIntervalInMilliseconds(schedule.interval().toMillis())
			.repeatForever();
		simple = definition.misfire() == Misfire.FIRE_ONCE_NOW ? simple.withMisfireHandlingInstructionNowWithExistingCount()
				: simple.withMisfireHandlingInstructionNextWithRemainingCount();
		return builder.withSchedule(simple).startNow().build();
	}

	private static boolean sameJob(JobDetail a, JobDetail b) {
		return a.getJobClass().equals(b.getJobClass()) && a.requestsRecovery() == b.requestsRecovery()
				&& a.isDurable() == b.isDurable() && Objects.equals(a.getDescription(), b.getDescription());
	}

	private static boolean sameSchedule(Trigger existing, Trigger wanted) {
		if (existing.getMisfireInstruction() != wanted.getMisfireInstruction()) {
			return false;
		}
		if (existing instanceof CronTrigger a && wanted instanceof CronTrigger b) {
			return a.getCronExpression().equals(b.getCronExpression())
					&& a.getTimeZone().getID().equals(b.getTimeZone().getID());
		}
		if (existing instanceof SimpleTrigger a && wanted instanceof SimpleTrigger b) {
			return a.getRepeatInterval() == b.getRepeatInterval() && a.getRepeatCount() == b.getRepeatCount();
		}
		return false;
	}
}
