package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The same batch sent concurrently: one outage per camera, no error, over real HTTP from several threads. */
class HealthConcurrencyIT extends HealthHttpSupport {

	@Test
	void theSameBatchSentConcurrentlyOpensOneOutagePerCamera() throws Exception {
		String token = issueToken("ith-concurrency");
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.MINUTES);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 5; round++) {
				List<Object[]> observations = new ArrayList<>();
				List<Long> cameras = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					String tag = "ITHCONC" + round + "-" + String.format("%02d", i);
					cameras.add(camera(tag));
					observations.add(obs(tag, true, base));
					observations.add(obs(tag, false, base.plusSeconds(60 + i)));
				}
				String body = batch("nvr-race", observations);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (int t = 0; t < 4; t++) {
					answers.add(pool.submit(() -> {
						start.await();
						return postBatch(token, body);
					}));
				}
				start.countDown();
				int accepted = 0;
				for (Future<HttpResponse<String>> answer : answers) {
					HttpResponse<String> r = answer.get();
					assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
					accepted += read(r).get("accepted").asInt();
				}
				assertThat(accepted).as("each observation stored once, by whichever request came first").isEqualTo(20);
				for (long camera : cameras) {
					assertThat(outages(camera)).as("camera " + camera).isEqualTo(1);
					assertThat(openOutages(camera)).isEqualTo(1);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void overlappingBatchesForTheSameCamerasInterleaveWithoutDuplicates() throws Exception {
		String token = issueToken("ith-concurrency-2");
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(40, ChronoUnit.MINUTES);
		List<Long> cameras = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			cameras.add(camera("ITHOVER-" + String.format("%02d", i)));
		}
		// batch k reports every camera down at minute 2k+1 and up at minute 2k+2: three outages per camera in all
		for (int k = 0; k < 3; k++) {
			List<Object[]> observations = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String tag = "ITHOVER-" + String.format("%02d", i);
				observations.add(obs(tag, false, base.plus(2 * k + 1, ChronoUnit.MINUTES)));
				observations.add(obs(tag, true, base.plus(2 * k + 2, ChronoUnit.MINUTES)));
			}
			bodies.add(batch("nvr-overlap", observations));
		}
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (String body : bodies) {
				answers.add(pool.submit(() -> {
					start.await();
					return postBatch(token, body);
				}));
			}
			start.countDown();
			for (Future<HttpResponse<String>> answer : answers) {
				assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (long camera : cameras) {
			assertThat(openOutages(camera)).isZero();
			assertThat(jdbc.queryForObject("SELECT up FROM camera_health WHERE camera_id = ?", Boolean.class, camera)).isTrue();
			// whatever the order of arrival, no two outages of one camera overlap
			assertThat(jdbc.queryForObject("""
					SELECT count(*) FROM outage a JOIN outage b ON a.camera_id = b.camera_id AND a.id < b.id
					 WHERE a.camera_id = ? AND tstzrange(a.started_at, a.ended_at) && tstzrange(b.started_at, b.ended_at)""",
					Integer.class, camera)).isZero();
			assertThat(outages(camera)).as("one outage per down spell, late or not").isEqualTo(3);
		}
	}
}
