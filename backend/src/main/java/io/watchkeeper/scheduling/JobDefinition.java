package io.watchkeeper.scheduling;

import java.util.Objects;

import org.quartz.Job;

/**
 * A job the cluster runs: its name (also its Quartz job and trigger name), class, schedule, and what to do after a
 * misfire. Registered idempotently by {@link JobRegistrar} on every node's start.
 *
 * @param name the job's name, e.g. {@code lifecycle}
 * @param jobClass a {@link ThinJob}
 * @param description shown on the admin page
 * @param schedule when it runs
 * @param misfire what to do when a fire time was missed (all nodes down, or the job still running)
 * @param requestsRecovery when the node running it dies, another node runs it again
 */
public record JobDefinition(String name, Class<? extends Job> jobClass, String description,
		SchedulingProperties.Schedule schedule, Misfire misfire, boolean requestsRecovery) {

	public JobDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(jobClass, "jobClass");
		Objects.requireNonNull(schedule, "schedule");
		Objects.requireNonNull(misfire, "misfire");
	}

	/** Misfire policies, chosen per job explicitly rather than left to Quartz's "smart" default. */
	public enum Misfire {
		/** Run once as soon as possible for all the missed fire times, then keep the schedule. */
		FIRE_ONCE_NOW,
		/** Skip the missed fire times and wait for the next one. */
		SKIP_TO_NEXT
	}
}
