package io.watchkeeper.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.watchkeeper.WatchkeeperApplication;
import io.watchkeeper.maintenance.JobFixtures;
import io.watchkeeper.maintenance.LifecycleService;
import io.watchkeeper.scheduling.JobDefinition.Misfire;

/**
 * Two application instances on one database, each with its scheduler running (the other tests keep theirs off):
 * every trigger fires once per period cluster-wide, and when the instance running the lifecycle job dies in the
 * middle of it, the other runs it again and completes the work with no duplicate orders.
 * <p>
 * The instances' clock is fixed in 2001, so the lifecycle job sees only this test's cameras (installed in 1990)
 * at end of life; the other jobs are switched off so that they do not touch other tests' rows.
 */
class SchedulerClusterIT {

	static final Instant CLOCK = Instant.parse("2001-01-01T04:00:00Z");

	/** The node that took the lifecycle job first and was held in it. */
	static final AtomicReference<String> heldOn = new AtomicReference<>();

	static volatile CountDownLatch heldStarted = new CountDownLatch(1);

	static volatile CountDownLatch release = new CountDownLatch(1);

	final List<ConfigurableApplicationContext> nodes = new java.util.ArrayList<>();

	/** Fires every second; does nothing but be counted in job_run. */
	@DisallowConcurrentExecution
	static class ProbeJob extends ThinJob {

		@Override
		public Object run() {
			return "probe";
		}
	}

	/**
	 * The lifecycle service inside a transaction that, on its first (not recovered) execution, stops after the
	 * orders were inserted and before the commit, until the test has killed the node.
	 */
	@DisallowConcurrentExecution
	static class HeldLifecycleJob implements org.quartz.Job {

		private final LifecycleService lifecycle;

		private final TransactionTemplate transactions;

		HeldLifecycleJob(LifecycleService lifecycle, TransactionTemplate transactions) {
			this.lifecycle = lifecycle;
			this.transactions = transactions;
		}

		@Override
		public void execute(org.quartz.JobExecutionContext context) throws org.quartz.JobExecutionException {
			boolean hold = !context.isRecovering() && heldOn.compareAndSet(null, instance(context));
			Integer created = transactions.execute(status -> {
				int n = lifecycle.raiseReplacementOrders();
				if (hold) {
					heldStarted.countDown();
					try {
						release.await(60, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					throw new IllegalStateException("node killed mid-job");
				}
				return n;
			});
			context.setResult(created);
		}

		private static String instance(org.quartz.JobExecutionContext context) {
			try {
				return context.getScheduler().getSchedulerInstanceId();
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ClusterTestJobs {

		@Bean
		@Primary
		Clock clusterTestClock() {
			return Clock.fixed(CLOCK, ZoneOffset.UTC);
		}

		@Bean
		JobDefinition probeJob() {
			return new JobDefinition("itj-probe", ProbeJob.class, "cluster test probe",
					new SchedulingProperties.Schedule(true, null, Duration.ofSeconds(1)), Misfire.SKIP_TO_NEXT, false);
		}

		@Bean
		JobDefinition heldLifecycleJob() {
			// a nightly cron that will not fire during the test: the test fires it by hand
			return new JobDefinition("itj-held-lifecycle", HeldLifecycleJob.class, "cluster test lifecycle",
					new SchedulingProperties.Schedule(true, "0 0 3 1 1 ? 2099", null), Misfire.SKIP_TO_NEXT, true);
		}
	}

	ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext node = new SpringApplicationBuilder(WatchkeeperApplication.class,
				ClusterTestJobs.class)
			.run("--server.port=0", "--spring.main.banner-mode=off", "--spring.quartz.auto-startup=true",
					"--spring.quartz.properties.org.quartz.scheduler.instanceId=" + name,
					"--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
					"--spring.quartz.properties.org.quartz.threadPool.threadCount=2",
					"--spring.quartz.wait-for-jobs-to-complete-on-shutdown=false",
					"--watchkeeper.scheduling.outage-detection.enabled=false",
					"--watchkeeper.scheduling.lifecycle.enabled=false",
					"--watchkeeper.scheduling.warranty-expiry.enabled=false",
					"--watchkeeper.scheduling.sla-escalation.enabled=false",
					"--watchkeeper.scheduling.notification-digest.enabled=false",
					"--watchkeeper.scheduling.webhook-delivery.enabled=false",
					"--watchkeeper.scheduling.map-cells.enabled=false",
					"--watchkeeper.scheduling.priority-facts.enabled=false",
					"--watchkeeper.scheduling.daily-sums.enabled=false",
					"--watchkeeper.scheduling.daily-sums-recount.enabled=false");
		nodes.add(node);
		return node;
	}

	@AfterEach
	void stopNodesAndForgetTestJobs() throws Exception {
		release.countDown();
		for (ConfigurableApplicationContext node : nodes) {
			if (node.isActive()) {
				Scheduler scheduler = node.getBean(Scheduler.class);
				scheduler.deleteJob(JobKey.jobKey("itj-probe", JobRegistrar.GROUP));
				scheduler.deleteJob(JobKey.jobKey("itj-held-lifecycle", JobRegistrar.GROUP));
			}
		}
		for (ConfigurableApplicationContext node : nodes) {
			node.close();
		}
	}

	@Test
	void eachTriggerFiresOncePerPeriodAndADeadNodesJobIsCompletedByTheOther() throws Exception {
		ConfigurableApplicationContext a = start("itj-node-a");
		ConfigurableApplicationContext b = start("itj-node-b");
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		long precinct = JobFixtures.anyPrecinct(jdbc);
		List<Long> cameras = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			cameras.add(JobFixtures.camera(jdbc, LocalDate.of(1990, 3, 1 + i), precinct, null, null, null));
		}

		// both nodes registered the same definitions: one job and one trigger each in the shared store
		assertThat(jdbc.queryForObject("SELECT count(*) FROM qrtz_triggers WHERE sched_name = 'watchkeeper' "
				+ "AND trigger_name = 'itj-probe'", Integer.class)).isEqualTo(1);

		// the probe fires every second for a few seconds: each scheduled fire time ran once, on either node
		Thread.sleep(6000);
		List<Map<String, Object>> probeRuns = jdbc.queryForList("""
				SELECT scheduled_at, count(*) AS runs, min(instance_id) AS node FROM job_run
				 WHERE job_name = 'itj-probe' GROUP BY scheduled_at""");
		assertThat(probeRuns).hasSizeGreaterThanOrEqualTo(4);
		assertThat(probeRuns).allSatisfy(r -> assertThat(((Number) r.get("runs")).intValue()).isEqualTo(1));

		// the lifecycle job starts on one node and is held after inserting its orders, before committing
		Scheduler scheduler = a.getBean(Scheduler.class);
		scheduler.triggerJob(JobKey.jobKey("itj-held-lifecycle", JobRegistrar.GROUP));
		assertThat(heldStarted.await(30, TimeUnit.SECONDS)).isTrue();
		ConfigurableApplicationContext victim = heldOn.get().equals("itj-node-a") ? a : b;
		ConfigurableApplicationContext survivor = victim == a ? b : a;
		JdbcTemplate survivorJdbc = survivor.getBean(JdbcTemplate.class);

		// kill it: the scheduler stops without waiting and the connection pool goes, rolling the work back
		victim.getBean(Scheduler.class).shutdown(false);
		victim.close();
		release.countDown();

		// the survivor notices the dead node (check-in 1 s + Quartz's 7.5 s grace) and runs the job again
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
		Integer recovered = 0;
		while (System.nanoTime() < deadline) {
			recovered = survivorJdbc.queryForObject("""
					SELECT count(*) FROM job_run WHERE job_name = 'itj-held-lifecycle' AND recovering
					   AND outcome = 'SUCCEEDED'""", Integer.class);
			if (recovered > 0) {
				break;
			}
			Thread.sleep(500);
		}
		assertThat(recovered).isEqualTo(1);
		assertThat(survivorJdbc.queryForObject(
				"SELECT instance_id FROM job_run WHERE job_name = 'itj-held-lifecycle' AND recovering", String.class))
			.isNotEqualTo(heldOn.get());
		for (long camera : cameras) {
			assertThat(survivorJdbc.queryForObject(
					"SELECT count(*) FROM work_order WHERE camera_id = ? AND kind = 'REPLACEMENT'", Integer.class, camera))
				.as("replacement orders of camera %d", camera)
				.isEqualTo(1);
		}
	}
}
