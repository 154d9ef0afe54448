package io.watchkeeper.scheduling;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --watchkeeper.scheduling.run-and-exit=<job>}: runs that job's work once in this process, prints the
 * service's run time and result, and exits (status 0, or 1 when the job failed). The benchmarks use it to time
 * the real service, not a copy of its SQL. Start it with {@code --spring.quartz.auto-startup=false}.
 */
@Component
class RunAndExit implements ApplicationRunner {

	private final SchedulingProperties properties;

	private final List<JobDefinition> definitions;

	private final ConfigurableApplicationContext context;

	RunAndExit(SchedulingProperties properties, List<JobDefinition> definitions,
			ConfigurableApplicationContext context) {
		this.properties = properties;
		this.definitions = definitions;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		String name = properties.runAndExit();
		if (name == null) {
			return;
		}
		JobDefinition definition = definitions.stream()
			.filter(d -> d.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no job named '" + name + "'; jobs: "
					+ definitions.stream().map(JobDefinition::name).toList()));
		AutowireCapableBeanFactory factory = context.getAutowireCapableBeanFactory();
		ThinJob job = (ThinJob) factory.createBean(definition.jobClass());
		int status = 0;
		long started = System.nanoTime();
		Object result;
		try {
			result = job.run();
		}
		catch (RuntimeException ex) {
			result = ex;
			status = 1;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.println(String.format(Locale.ROOT, "job %s: result %s in %.3f s", name, result, seconds));
		int exit = status;
		System.exit(SpringApplication.exit(context, () -> exit));
	}
}
