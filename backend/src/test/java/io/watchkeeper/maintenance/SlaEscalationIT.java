package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.watchkeeper.notification.Notifications;
import io.watchkeeper.support.TestUsers;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "watchkeeper.notification.webhook.url=http://127.0.0.1:9/itj-unused")
class SlaEscalationIT {

	static final Instant NOW = Instant.parse("2024-05-01T02:00:00Z");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	Notifications notifications;

	SlaEscalation at(Instant now) {
		return new SlaEscalation(named, notifications, Clock.fixed(now, ZoneOffset.UTC));
	}

	long order(String state, String priority, Instant responseDue, Instant restoreDue, long heldSeconds, long vendorId) {
		long camera = JobFixtures.camera(jdbc, LocalDate.of(2022, 1, 1), JobFixtures.anyPrecinct(jdbc), null, null, null);
		return jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, priority, assignee_kind, vendor_id, opened_at,
				                        response_due_at, restore_due_at, held_seconds, hold_reason, on_hold_since, state_before_hold)
				VALUES ('REPAIR', ?, 'MANUAL', ?, ?, 'WARRANTY_VENDOR', ?, ?, ?, ?, ?,
				        CASE WHEN ? = 'ON_HOLD' THEN 'part' END, CASE WHEN ? = 'ON_HOLD' THEN CAST(? AS timestamptz) END,
				        CASE WHEN ? = 'ON_HOLD' THEN 'IN_PROGRESS' END)
				RETURNING id""", Long.class, camera, state, priority, vendorId, Timestamp.from(NOW.minus(Duration.ofDays(2))),
				Timestamp.from(responseDue), Timestamp.from(restoreDue), heldSeconds, state, state,
				Timestamp.from(NOW.minus(Duration.ofDays(1))), state);
	}

	@Test
	void eachBreachEscalatesOnceAndNotifiesDispatchersAndTheAssigneesUsers() {
		long vendor = JobFixtures.vendor(jdbc);
		long otherVendor = JobFixtures.vendor(jdbc);
		String dispatcher = JobFixtures.code("disp").toLowerCase();
		String technician = JobFixtures.code("tech").toLowerCase();
		String otherTechnician = JobFixtures.code("tech").toLowerCase();
		TestUsers.ensure(jdbc, dispatcher, "secret password 1", "DISPATCHER");
		TestUsers.ensure(jdbc, technician, "secret password 1", "VENDOR_TECHNICIAN");
		TestUsers.ensure(jdbc, otherTechnician, "secret password 1", "VENDOR_TECHNICIAN");
		jdbc.update("UPDATE app_user SET vendor_id = ? WHERE username = ?", vendor, technician);
		jdbc.update("UPDATE app_user SET vendor_id = ? WHERE username = ?", otherVendor, otherTechnician);
		long late = order("ASSIGNED", "NORMAL", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(10)), 0, vendor);

		at(NOW).escalateOverdueOrders();

		assertThat(state(late)).containsEntry("priority", "HIGH")
			.containsEntry("escalation_level", 1)
			.containsEntry("version", 1L)
			.containsEntry("escalated_at", Timestamp.from(NOW));
		assertThat(escalations(late)).isEqualTo(1);
		assertThat(notified(dispatcher, late)).isEqualTo(1);
		assertThat(notified(technician, late)).isEqualTo(1);
		assertThat(notified(otherTechnician, late)).isZero();
		assertThat(jdbc.queryForObject("SELECT payload->'data'->>'breach' FROM webhook_outbox WHERE dedup_key = ?",
				String.class, "sla:RESPONSE:" + late)).isEqualTo("RESPONSE");

		// the same breach again, later: nothing changes and nobody is told twice
		at(NOW.plus(Duration.ofHours(1))).escalateOverdueOrders();
		assertThat(state(late)).containsEntry("priority", "HIGH").containsEntry("escalation_level", 1);
		assertThat(notified(dispatcher, late)).isEqualTo(1);

		// the restore target passes too: a second breach, one more step
		at(NOW.plus(Duration.ofHours(11))).escalateOverdueOrders();
		assertThat(state(late)).containsEntry("priority", "URGENT").containsEntry("escalation_level", 2);
		assertThat(escalations(late)).isEqualTo(2);
		assertThat(notified(dispatcher, late)).isEqualTo(2);
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM work_order_event WHERE work_order_id = ? AND action = 'ESCALATED'", Integer.class,
				late)).isEqualTo(2);
	}

	@Test
	void bothBreachesAtOnceRaiseTwoStepsCappedAtUrgent() {
		long vendor = JobFixtures.vendor(jdbc);
		long normal = order("ASSIGNED", "NORMAL", NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(1)), 0, vendor);
		long high = order("NEW", "HIGH", NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(1)), 0, vendor);

		at(NOW).escalateOverdueOrders();

		assertThat(state(normal)).containsEntry("priority", "URGENT").containsEntry("escalation_level", 2);
		assertThat(state(high)).containsEntry("priority", "URGENT").containsEntry("escalation_level", 2);
		assertThat(jdbc.queryForList("SELECT priority_from || '>' || priority_to FROM work_order_escalation "
				+ "WHERE work_order_id = ? ORDER BY breach", String.class, normal))
			.containsExactly("NORMAL>HIGH", "HIGH>URGENT");
	}

	@Test
	void timeOnHoldPausesTheClock() {
		long vendor = JobFixtures.vendor(jdbc);
		long onHold = order("ON_HOLD", "NORMAL", NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(1)), 0, vendor);
		// in progress after two hours on hold: restore was due an hour ago, resuming pushed it to an hour from now
		long resumed = order("IN_PROGRESS", "NORMAL", NOW.minus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(1)), 7200,
				vendor);

		at(NOW).escalateOverdueOrders();

		assertThat(state(onHold)).containsEntry("priority", "NORMAL").containsEntry("escalation_level", 0);
		assertThat(state(resumed)).containsEntry("priority", "NORMAL").containsEntry("escalation_level", 0);

		at(NOW.plus(Duration.ofHours(2))).escalateOverdueOrders();
		assertThat(state(resumed)).containsEntry("priority", "HIGH").containsEntry("escalation_level", 1);
		assertThat(jdbc.queryForObject("SELECT breach FROM work_order_escalation WHERE work_order_id = ?", String.class,
				resumed)).isEqualTo("RESTORE");
		assertThat(state(onHold)).containsEntry("escalation_level", 0);
	}

	Map<String, Object> state(long id) {
		return jdbc.queryForMap("SELECT priority, escalation_level::int AS escalation_level, escalated_at, version "
				+ "FROM work_order WHERE id = ?", id);
	}

	int escalations(long id) {
		return jdbc.queryForObject("SELECT count(*) FROM work_order_escalation WHERE work_order_id = ?", Integer.class, id);
	}

	int notified(String username, long orderId) {
		return jdbc.queryForObject("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				 WHERE u.username = ? AND n.work_order_id = ?""", Integer.class, username, orderId);
	}
}
