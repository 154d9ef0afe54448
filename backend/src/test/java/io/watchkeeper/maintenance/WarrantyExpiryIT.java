package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "watchkeeper.notification.webhook.url=http://127.0.0.1:9/itj-unused")
class WarrantyExpiryIT {

	static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	WarrantyExpiry service(LocalDate day) {
		return new WarrantyExpiry(named, new MaintenanceProperties(0, 0, null, null),
				Clock.fixed(JobFixtures.noonTaipei(day), JobFixtures.TAIPEI), JobFixtures.TAIPEI);
	}

	@Test
	void openWarrantyOrdersMoveToTheContractTheDayAfterTheWarrantyEnds() {
		long supplier = JobFixtures.vendor(jdbc);
		long contractVendor = JobFixtures.vendor(jdbc);
		long contract = JobFixtures.contract(jdbc, contractVendor, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
		Long precinct = JobFixtures.anyPrecinct(jdbc);
		LocalDate installed = LocalDate.of(2021, 3, 1);
		Instant opened = Instant.parse("2024-02-20T02:00:00Z");
		long ended = JobFixtures.camera(jdbc, installed, precinct, supplier, TODAY.minusDays(1), contract);
		long endsToday = JobFixtures.camera(jdbc, installed, precinct, supplier, TODAY, contract);
		long inProgressCamera = JobFixtures.camera(jdbc, installed, precinct, supplier, TODAY.minusDays(5), contract);
		long restoredCamera = JobFixtures.camera(jdbc, installed, precinct, supplier, TODAY.minusDays(5), contract);
		long assigned = JobFixtures.warrantyOrder(jdbc, ended, "ASSIGNED", supplier, opened);
		long stillUnderWarranty = JobFixtures.warrantyOrder(jdbc, endsToday, "ASSIGNED", supplier, opened);
		long inProgress = JobFixtures.warrantyOrder(jdbc, inProgressCamera, "IN_PROGRESS", supplier, opened);
		long restored = JobFixtures.warrantyOrder(jdbc, restoredCamera, "RESTORED", supplier, opened);

		assertThat(service(TODAY).transferExpiredWarranties()).isGreaterThanOrEqualTo(2);

		assertThat(order(assigned)).containsEntry("assignee_kind", "CONTRACT")
			.containsEntry("contract_id", contract)
			.containsEntry("vendor_id", contractVendor)
			.containsEntry("state", "ASSIGNED")
			.containsEntry("version", 1L);
		assertThat(order(inProgress)).containsEntry("assignee_kind", "CONTRACT").containsEntry("state", "IN_PROGRESS");
		assertThat(order(stillUnderWarranty)).containsEntry("assignee_kind", "WARRANTY_VENDOR")
			.containsEntry("vendor_id", supplier);
		assertThat(order(restored)).containsEntry("assignee_kind", "WARRANTY_VENDOR");
		Map<String, Object> event = jdbc.queryForMap(
				"SELECT action, actor, details->>'reason' AS reason, (details->>'previousVendorId')::bigint AS previous "
						+ "FROM work_order_event WHERE work_order_id = ?", assigned);
		assertThat(event).containsEntry("action", "REROUTED")
			.containsEntry("actor", "system")
			.containsEntry("reason", "WARRANTY_ENDED")
			.containsEntry("previous", supplier);

		// idempotent: a second run the same day moves nothing more; the next day the other camera's warranty has ended
		service(TODAY).transferExpiredWarranties();
		assertThat(events(assigned)).isEqualTo(1);
		assertThat(order(stillUnderWarranty)).containsEntry("assignee_kind", "WARRANTY_VENDOR");
		service(TODAY.plusDays(1)).transferExpiredWarranties();
		assertThat(order(stillUnderWarranty)).containsEntry("assignee_kind", "CONTRACT").containsEntry("contract_id", contract);
		assertThat(events(assigned)).isEqualTo(1);
	}

	@Test
	void anOrderNoContractCoversStaysWithTheSupplier() {
		long supplier = JobFixtures.vendor(jdbc);
		long camera = JobFixtures.camera(jdbc, LocalDate.of(2021, 3, 1), null, supplier, TODAY.minusDays(1), null);
		long order = JobFixtures.warrantyOrder(jdbc, camera, "ASSIGNED", supplier, Instant.parse("2024-02-20T02:00:00Z"));

		service(TODAY).transferExpiredWarranties();

		assertThat(order(order)).containsEntry("assignee_kind", "WARRANTY_VENDOR").containsEntry("vendor_id", supplier);
		assertThat(events(order)).isZero();
	}

	Map<String, Object> order(long id) {
		return jdbc.queryForMap("SELECT assignee_kind, contract_id, vendor_id, state, version FROM work_order WHERE id = ?", id);
	}

	int events(long orderId) {
		return jdbc.queryForObject("SELECT count(*) FROM work_order_event WHERE work_order_id = ? AND action = 'REROUTED'",
				Integer.class, orderId);
	}
}
