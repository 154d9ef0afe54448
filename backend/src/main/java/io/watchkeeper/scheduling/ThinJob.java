package io.watchkeeper.scheduling;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * A Quartz job that calls one application service: subclasses only implement {@link #run()}, whose result (a
 * count) is recorded with the run. Subclasses are created by Spring (constructor injection) for each firing
 * and must carry {@code @DisallowConcurrentExecution}.
 */
public abstract class ThinJob implements Job {

	/** Does the job's work; returns what it did (e.g. the number of orders opened), shown on the admin page. */
	public abstract Object run();

	@Override
	public final void execute(JobExecutionContext context) throws JobExecutionException {
		try {
			context.setResult(run());
		}
		catch (RuntimeException ex) {
			throw new JobExecutionException(ex, false);
		}
	}
}
