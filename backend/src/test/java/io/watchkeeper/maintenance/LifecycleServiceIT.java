package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The lifecycle service at a fixed date in 1999 (so that only this test's cameras, installed around 1990, are at
 * end of life; the shared test database's other cameras are far younger).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "watchkeeper.notification.webhook.url=http://127.0.0.1:9/itj-unused")
class LifecycleServiceIT {

	static final LocalDate TODAY = LocalDate.of(1999, 6, 1);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	WorkOrderQueries queries;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	javax.sql.DataSource dataSource;

	LifecycleService service(LocalDate day) {
		return new LifecycleService(named, new MaintenanceProperties(0, 0, null, Duration.ofDays(365)),
				Clock.fixed(JobFixtures.noonTaipei(day), JobFixtures.TAIPEI), JobFixtures.TAIPEI, transactions);
	}

	@Test
	void camerasAtOrPastEndOfLifeGetOneReplacementOrderEachAndASecondRunCreatesNone() {
		long precinct = JobFixtures.anyPrecinct(jdbc);
		long past = JobFixtures.camera(jdbc, LocalDate.of(1990, 1, 10), precinct, null, null, null);
		long exactlyToday = JobFixtures.camera(jdbc, TODAY.minusYears(8), precinct, null, null, null);
		long tomorrow = JobFixtures.camera(jdbc, TODAY.minusYears(8).plusDays(1), precinct, null, null, null);
		long decommissioned = JobFixtures.camera(jdbc, LocalDate.of(1990, 1, 10), precinct, null, null, null);
		jdbc.update("UPDATE camera SET status = 'DECOMMISSIONED', decommissioned_on = DATE '1998-01-01' WHERE id = ?",
				decommissioned);

		int created = service(TODAY).raiseReplacementOrders();

		assertThat(created).isGreaterThanOrEqualTo(2);
		assertThat(replacementOrders(past)).isEqualTo(1);
		assertThat(replacementOrders(exactlyToday)).isEqualTo(1);
		assertThat(replacementOrders(tomorrow)).isZero();
		assertThat(replacementOrders(decommissioned)).isZero();
		Map<String, Object> order = jdbc.queryForMap("""
				SELECT w.id, w.state, w.origin, w.assignee_kind, w.response_due_at, w.created_by
				  FROM work_order w WHERE w.camera_id = ? AND w.kind = 'REPLACEMENT'""", past);
		assertThat(order).containsEntry("state", "NEW")
			.containsEntry("origin", "LIFECYCLE")
			.containsEntry("assignee_kind", null)
			.containsEntry("response_due_at", null)
			.containsEntry("created_by", "system");
		assertThat(queries.history(((Number) order.get("id")).longValue())).as("the order's own row is its first history line")
			.singleElement()
			.satisfies(h -> {
				assertThat(h.action()).isEqualTo("OPENED");
				assertThat(h.actor()).isEqualTo("system");
				assertThat(h.toState()).isEqualTo(WorkOrderState.NEW);
				assertThat(h.occurredAt()).isEqualTo(JobFixtures.noonTaipei(TODAY));
				assertThat(h.details()).containsEntry("origin", "LIFECYCLE");
			});

		assertThat(service(TODAY).raiseReplacementOrders()).isZero();
		assertThat(replacementOrders(past)).isEqualTo(1);

		// the next day the camera that reached end of life then gets its order
		assertThat(service(TODAY.plusDays(1)).raiseReplacementOrders()).isGreaterThanOrEqualTo(1);
		assertThat(replacementOrders(tomorrow)).isEqualTo(1);
	}

	@Test
	void aCancelledReplacementOrderIsNotRaisedAgain() {
		long camera = JobFixtures.camera(jdbc, LocalDate.of(1990, 2, 1), JobFixtures.anyPrecinct(jdbc), null, null,
				null);
		service(TODAY).raiseReplacementOrders();
		jdbc.update("UPDATE work_order SET state = 'CANCELLED', cancelled_at = now() WHERE camera_id = ? AND kind = 'REPLACEMENT'",
				camera);

		service(TODAY.plusDays(1)).raiseReplacementOrders();

		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order WHERE camera_id = ? AND kind = 'REPLACEMENT'",
				Integer.class, camera)).isEqualTo(1);
	}

	@Test
	void anOrderMadeElsewhereAtTheSameMomentDoesNotMakeASecondOrFailTheRun() throws Exception {
		long camera = JobFixtures.camera(jdbc, LocalDate.of(1990, 3, 1), JobFixtures.anyPrecinct(jdbc), null, null, null);
		try (java.sql.Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (var insert = other.prepareStatement("""
					INSERT INTO work_order (kind, camera_id, origin, priority, state, opened_at, created_by)
					VALUES ('REPLACEMENT', ?, 'MANUAL', 'NORMAL', 'NEW', now(), 'it-dispatcher')""")) {
				insert.setLong(1, camera);
				insert.executeUpdate();
			}
			// the job's insert waits on the uncommitted order's index entry, then collides with it once it commits
			var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> service(TODAY).raiseReplacementOrders());
			Thread.sleep(1500);
			assertThat(run).as("the job waits for the other transaction").isNotDone();
			other.commit();
			assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS)).isGreaterThanOrEqualTo(0);
		}
		assertThat(jdbc.queryForList("SELECT origin FROM work_order WHERE camera_id = ? AND kind = 'REPLACEMENT'",
				String.class, camera)).containsExactly("MANUAL");
	}

	@Test
	void upcomingListsCamerasReachingEndOfLifeWithinTheHorizonSoonestFirst() {
		long precinct = jdbc.queryForObject("SELECT max(id) FROM precinct", Long.class);
		long soon = JobFixtures.camera(jdbc, TODAY.minusYears(8).plusDays(10), precinct, null, null, null);
		long later = JobFixtures.camera(jdbc, TODAY.minusYears(8).plusDays(300), precinct, null, null, null);
		long beyond = JobFixtures.camera(jdbc, TODAY.minusYears(8).plusDays(400), precinct, null, null, null);
		long alreadyPast = JobFixtures.camera(jdbc, TODAY.minusYears(9), precinct, null, null, null);

		LifecycleService.UpcomingPage page = service(TODAY).upcoming(precinct, 1000, 0);

		assertThat(page.from()).isEqualTo(TODAY);
		assertThat(page.until()).isEqualTo(TODAY.plusDays(365));
		assertThat(page.cameras()).extracting(LifecycleService.UpcomingCamera::id)
			.containsSubsequence(soon, later)
			.doesNotContain(beyond, alreadyPast);
		assertThat(page.cameras().get(0).endOfLife()).isAfter(TODAY);
		assertThat(service(TODAY).upcoming(precinct, 1, 0).cameras()).hasSize(1);
	}

	int replacementOrders(long cameraId) {
		return jdbc.queryForObject("SELECT count(*) FROM work_order WHERE camera_id = ? AND kind = 'REPLACEMENT'",
				Integer.class, cameraId);
	}
}
