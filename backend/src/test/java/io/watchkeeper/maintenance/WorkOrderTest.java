package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;

/** The work order state machine, who may do what, and the SLA clock, at fixed times. */
class WorkOrderTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);
	static final Instant T0 = CLOCK.instant();
	static final long VENDOR = 7, OTHER_VENDOR = 8, CONTRACT = 70, SQUAD = 3, OTHER_SQUAD = 4;

	static final Caller DISPATCHER = Caller.dispatcher("disp");
	static final Caller TECH = Caller.technician("tech", VENDOR);
	static final Caller OTHER_TECH = Caller.technician("tech2", OTHER_VENDOR);
	static final Caller SQUADDIE = Caller.squadMember("sq", SQUAD);
	static final Caller OTHER_SQUADDIE = Caller.squadMember("sq2", OTHER_SQUAD);
	static final SlaTargets CONTRACT_TARGETS = new SlaTargets(4, 24);

	/** An order as the outage job opens it: assigned to the contract, due from T0. */
	static WorkOrder assignedToContract() {
		return new WorkOrder(1L, WorkOrderKind.REPAIR, 100, WorkOrderOrigin.OUTAGE, 5L, WorkOrderPriority.NORMAL,
				WorkOrderState.ASSIGNED, Assignee.contract(CONTRACT, VENDOR), null, null, null, 0, T0, T0, null, null,
				null, null, T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(24)), null, null, 3);
	}

	static WorkOrder unassigned() {
		return new WorkOrder(2L, WorkOrderKind.REPAIR, 100, WorkOrderOrigin.MANUAL, null, WorkOrderPriority.NORMAL,
				WorkOrderState.NEW, null, null, null, null, 0, T0, null, null, null, null, null,
				T0.plus(Duration.ofHours(24)), T0.plus(Duration.ofHours(72)), null, null, 0);
	}

	@Test
	void theWholeWayFromAssignedToClosedWritesOneHistoryLinePerStep() {
		WorkOrder order = assignedToContract();
		order.start(TECH, null, T0.plusSeconds(600));
		order.restore(TECH, "replaced the power supply", null, T0.plusSeconds(3600));
		order.close(DISPATCHER, Resolution.RESTORED_BY_VENDOR, "image checked on the video wall", T0.plusSeconds(7200));

		assertThat(order.state()).isEqualTo(WorkOrderState.CLOSED);
		assertThat(order.startedAt()).isEqualTo(T0.plusSeconds(600));
		assertThat(order.restoredAt()).isEqualTo(T0.plusSeconds(3600));
		assertThat(order.closedAt()).isEqualTo(T0.plusSeconds(7200));
		assertThat(order.resolution()).isEqualTo(Resolution.RESTORED_BY_VENDOR);
		assertThat(order.newHistory()).extracting(HistoryEntry::action).containsExactly("STARTED", "RESTORED", "CLOSED");
		assertThat(order.newHistory()).extracting(HistoryEntry::actor).containsExactly("tech", "tech", "disp");
		assertThat(order.newHistory()).extracting(HistoryEntry::fromState)
			.containsExactly(WorkOrderState.ASSIGNED, WorkOrderState.IN_PROGRESS, WorkOrderState.RESTORED);
		assertThat(order.newHistory()).extracting(HistoryEntry::toState)
			.containsExactly(WorkOrderState.IN_PROGRESS, WorkOrderState.RESTORED, WorkOrderState.CLOSED);
		assertThat(order.newHistory().get(2).note()).isEqualTo("image checked on the video wall");
	}

	@Test
	void whoMayDoWhatIsOneTable() {
		WorkOrder order = assignedToContract();
		assertThat(order.actionsFor(DISPATCHER)).containsExactly(WorkOrderAction.ASSIGN, WorkOrderAction.HOLD,
				WorkOrderAction.CANCEL, WorkOrderAction.PHOTO);
		assertThat(order.actionsFor(TECH)).containsExactly(WorkOrderAction.START, WorkOrderAction.HOLD,
				WorkOrderAction.PHOTO);
		assertThat(order.actionsFor(OTHER_TECH)).isEmpty();
		assertThat(order.actionsFor(SQUADDIE)).isEmpty();
		assertThat(order.visibleTo(TECH)).isTrue();
		assertThat(order.visibleTo(OTHER_TECH)).isFalse();
		assertThat(order.visibleTo(SQUADDIE)).isFalse();
		assertThat(order.visibleTo(new Caller("viewer", false, null, null))).isFalse();
	}

	@Test
	void aTechnicianMayNotCloseNorAssignAndADispatcherMayNotRestore() {
		WorkOrder order = assignedToContract();
		order.start(TECH, null, T0);
		assertThatThrownBy(() -> order.assign(TECH, Assignee.squad(SQUAD), CONTRACT_TARGETS, null, T0))
			.isInstanceOf(WorkOrderRefused.class).hasMessageContaining("dispatcher");
		assertThatThrownBy(() -> order.restore(DISPATCHER, "done", null, T0))
			.isInstanceOf(WorkOrderRefused.class).hasMessageContaining("assigned");
		order.restore(TECH, "done", null, T0);
		assertThatThrownBy(() -> order.close(TECH, Resolution.RESTORED_BY_VENDOR, "ok", T0))
			.isInstanceOf(WorkOrderRefused.class).hasMessageContaining("Only a dispatcher verifies and closes");
		assertThatThrownBy(() -> order.start(OTHER_TECH, null, T0)).isInstanceOf(WorkOrderRefused.class);
		assertThat(order.state()).isEqualTo(WorkOrderState.RESTORED);
	}

	@ParameterizedTest
	@EnumSource(WorkOrderAction.class)
	void everyActionIsRefusedFromTheStatesItDoesNotStartFrom(WorkOrderAction action) {
		for (WorkOrderState state : EnumSet.complementOf(EnumSet.copyOf(action.from()))) {
			WorkOrder order = inState(state);
			Caller who = action == WorkOrderAction.START || action == WorkOrderAction.RESTORE ? TECH : DISPATCHER;
			if (state == WorkOrderState.NEW && who == TECH) {
				// nobody holds a NEW order, so no technician may act on it at all
				assertThatThrownBy(() -> perform(order, action, who)).isInstanceOf(WorkOrderRefused.class);
				continue;
			}
			assertThatThrownBy(() -> perform(order, action, who))
				.as(action + " from " + state)
				.isInstanceOf(ConflictException.class)
				.hasMessageContaining("is " + state);
			assertThat(order.state()).isEqualTo(state);
			assertThat(order.newHistory()).isEmpty();
		}
	}

	@Test
	void closingNeedsAResolutionAndANote() {
		WorkOrder order = inState(WorkOrderState.RESTORED);
		assertThatThrownBy(() -> order.close(DISPATCHER, null, " ", T0))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.extracting(InvalidInputException.FieldError::field).containsExactly("resolution", "note"));
		assertThat(order.state()).isEqualTo(WorkOrderState.RESTORED);
	}

	@Test
	void restoringNeedsANoteAndHoldingAReason() {
		WorkOrder order = inState(WorkOrderState.IN_PROGRESS);
		assertThatThrownBy(() -> order.restore(TECH, "", null, T0)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("note is required");
		assertThatThrownBy(() -> order.hold(TECH, null, T0)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reason is required");
		assertThatThrownBy(() -> order.hold(TECH, "x".repeat(501), T0)).isInstanceOf(InvalidInputException.class);
		assertThat(order.state()).isEqualTo(WorkOrderState.IN_PROGRESS);
	}

	@Test
	void theRestoreResolutionFollowsTheAssigneeAndTheKind() {
		WorkOrder vendorOrder = inState(WorkOrderState.IN_PROGRESS);
		vendorOrder.restore(TECH, "fixed", null, T0);
		assertThat(vendorOrder.resolution()).isEqualTo(Resolution.RESTORED_BY_VENDOR);

		WorkOrder squadOrder = assignedToContract();
		squadOrder.assign(DISPATCHER, Assignee.squad(SQUAD), new SlaTargets(24, 72), "simple fault", T0);
		squadOrder.start(SQUADDIE, null, T0);
		squadOrder.restore(SQUADDIE, "reseated the cable", null, T0);
		assertThat(squadOrder.resolution()).isEqualTo(Resolution.RESTORED_IN_HOUSE);

		WorkOrder replacement = new WorkOrder(9L, WorkOrderKind.REPLACEMENT, 100, WorkOrderOrigin.LIFECYCLE, null,
				null, WorkOrderState.IN_PROGRESS, Assignee.contract(CONTRACT, VENDOR), null, null, null, 0, T0, T0, T0,
				null, null, null, null, null, null, null, 0);
		replacement.restore(TECH, "new camera mounted", null, T0);
		assertThat(replacement.resolution()).isEqualTo(Resolution.REPLACED);

		// the resolution must fit who restored: a squad never "by the vendor", a vendor never "in-house"
		WorkOrder vendorInHouse = inState(WorkOrderState.IN_PROGRESS);
		assertThatThrownBy(() -> vendorInHouse.restore(TECH, "fixed", Resolution.RESTORED_IN_HOUSE, T0))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("held by a repair squad");
		assertThat(vendorInHouse.state()).isEqualTo(WorkOrderState.IN_PROGRESS);
		assertThat(vendorInHouse.newHistory()).isEmpty();
		WorkOrder squadByVendor = assignedToContract();
		squadByVendor.assign(DISPATCHER, Assignee.squad(SQUAD), new SlaTargets(24, 72), null, T0);
		squadByVendor.start(SQUADDIE, null, T0);
		assertThatThrownBy(() -> squadByVendor.restore(SQUADDIE, "fixed", Resolution.RESTORED_BY_VENDOR, T0))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("held by a vendor");
		assertThat(squadByVendor.restoreResolutions()).doesNotContain(Resolution.RESTORED_BY_VENDOR)
			.contains(Resolution.RESTORED_IN_HOUSE, Resolution.NO_FAULT_FOUND);
		assertThat(vendorInHouse.restoreResolutions()).doesNotContain(Resolution.RESTORED_IN_HOUSE)
			.contains(Resolution.RESTORED_BY_VENDOR, Resolution.REPLACED);

		WorkOrder noFault = inState(WorkOrderState.IN_PROGRESS);
		noFault.restore(TECH, "it works; power came back", Resolution.NO_FAULT_FOUND, T0);
		assertThat(noFault.resolution()).isEqualTo(Resolution.NO_FAULT_FOUND);
	}

	@Test
	void handingToASquadMovesScopeAndDueTimes() {
		WorkOrder order = assignedToContract();
		order.start(TECH, null, T0.plusSeconds(60));
		order.assign(DISPATCHER, Assignee.squad(SQUAD), new SlaTargets(24, 72), "simple fault", T0.plusSeconds(120));

		assertThat(order.state()).as("the squad starts it again").isEqualTo(WorkOrderState.ASSIGNED);
		assertThat(order.visibleTo(TECH)).isFalse();
		assertThat(order.visibleTo(SQUADDIE)).isTrue();
		assertThat(order.visibleTo(OTHER_SQUADDIE)).isFalse();
		assertThat(order.restoreDueAt()).isEqualTo(T0.plus(Duration.ofHours(72)));
		HistoryEntry line = order.newHistory().get(1);
		assertThat(line.action()).isEqualTo("REASSIGNED");
		assertThat(line.details()).containsEntry("squadId", SQUAD).containsEntry("previousContractId", CONTRACT);
		assertThatThrownBy(() -> order.assign(DISPATCHER, Assignee.squad(SQUAD), new SlaTargets(24, 72), null, T0))
			.isInstanceOf(ConflictException.class).hasMessageContaining("already assigned");
	}

	@Test
	void timeOnHoldPausesTheClockAndResumingPushesTheDueTimes() {
		WorkOrder order = assignedToContract(); // response due T0+4h, restore due T0+24h
		order.start(TECH, null, T0.plus(Duration.ofHours(1)));
		order.hold(TECH, "waiting for a replacement lens", T0.plus(Duration.ofHours(2)));
		assertThat(order.state()).isEqualTo(WorkOrderState.ON_HOLD);
		assertThat(order.stateBeforeHold()).isEqualTo(WorkOrderState.IN_PROGRESS);

		// two days later, still on hold: the clock stood still at T0+2h, so not overdue
		assertThat(order.overdue(T0.plus(Duration.ofHours(50)))).isFalse();

		order.resume(TECH, "lens arrived", T0.plus(Duration.ofHours(12)));
		assertThat(order.state()).isEqualTo(WorkOrderState.IN_PROGRESS);
		assertThat(order.heldSeconds()).isEqualTo(Duration.ofHours(10).toSeconds());
		assertThat(order.restoreDueAt()).isEqualTo(T0.plus(Duration.ofHours(34)));
		assertThat(order.responseDueAt()).as("already responded: unchanged").isEqualTo(T0.plus(Duration.ofHours(4)));
		assertThat(order.newHistory().get(2).details()).containsEntry("heldSeconds", 36000L);

		assertThat(order.overdue(T0.plus(Duration.ofHours(33)))).isFalse();
		assertThat(order.overdue(T0.plus(Duration.ofHours(35)))).isTrue();
		order.restore(TECH, "done", null, T0.plus(Duration.ofHours(40)));
		assertThat(order.overdue(T0.plus(Duration.ofHours(41)))).as("restored orders are never overdue").isFalse();
	}

	@Test
	void aMissedResponseIsOverdueUntilTheWorkStarts() {
		WorkOrder order = assignedToContract();
		assertThat(order.overdue(T0.plus(Duration.ofHours(3)))).isFalse();
		assertThat(order.overdue(T0.plus(Duration.ofHours(5)))).isTrue();
		order.start(TECH, null, T0.plus(Duration.ofHours(5)));
		assertThat(order.overdue(T0.plus(Duration.ofHours(6)))).isFalse();
	}

	@Test
	void holdBeforeStartPushesTheResponseDueTimeToo() {
		WorkOrder order = assignedToContract();
		order.hold(DISPATCHER, "no access to the pole", T0.plus(Duration.ofHours(1)));
		order.resume(DISPATCHER, null, T0.plus(Duration.ofHours(3)));
		assertThat(order.state()).isEqualTo(WorkOrderState.ASSIGNED);
		assertThat(order.responseDueAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
		assertThat(order.restoreDueAt()).isEqualTo(T0.plus(Duration.ofHours(26)));
	}

	@Test
	void assigningAfterAHoldCountsTheHeldTimeAndKeepsTheHold() {
		WorkOrder order = unassigned();
		order.hold(DISPATCHER, "waiting for the road works", T0);
		order.resume(DISPATCHER, null, T0.plus(Duration.ofHours(5)));
		order.hold(DISPATCHER, "again", T0.plus(Duration.ofHours(6)));
		order.assign(DISPATCHER, Assignee.contract(CONTRACT, VENDOR), CONTRACT_TARGETS, null, T0.plus(Duration.ofHours(7)));
		assertThat(order.state()).isEqualTo(WorkOrderState.ON_HOLD);
		assertThat(order.restoreDueAt()).as("opened + 24 h + 5 h held").isEqualTo(T0.plus(Duration.ofHours(29)));
		order.resume(TECH, null, T0.plus(Duration.ofHours(8)));
		assertThat(order.state()).isEqualTo(WorkOrderState.ASSIGNED);
		assertThat(order.restoreDueAt()).isEqualTo(T0.plus(Duration.ofHours(31)));
	}

	@Test
	void cancellingNeedsANoteAndEndsAHold() {
		WorkOrder order = assignedToContract();
		order.hold(TECH, "part", T0);
		assertThatThrownBy(() -> order.cancel(TECH, "no", T0)).isInstanceOf(WorkOrderRefused.class);
		assertThatThrownBy(() -> order.cancel(DISPATCHER, null, T0)).isInstanceOf(InvalidInputException.class);
		order.cancel(DISPATCHER, "camera came back by itself", T0.plus(Duration.ofHours(1)));
		assertThat(order.state()).isEqualTo(WorkOrderState.CANCELLED);
		assertThat(order.onHoldSince()).isNull();
		assertThat(order.heldSeconds()).isEqualTo(3600);
		assertThat(order.actionsFor(DISPATCHER)).isEmpty();
	}

	/** An order brought to a state by legal steps. */
	static WorkOrder inState(WorkOrderState state) {
		WorkOrder order = state == WorkOrderState.NEW ? unassigned() : assignedToContract();
		switch (state) {
			case NEW, ASSIGNED -> {
			}
			case IN_PROGRESS -> order.start(TECH, null, T0);
			case ON_HOLD -> order.hold(TECH, "part", T0);
			case RESTORED -> {
				order.start(TECH, null, T0);
				order.restore(TECH, "ok", null, T0);
			}
			case CLOSED -> {
				order.start(TECH, null, T0);
				order.restore(TECH, "ok", null, T0);
				order.close(DISPATCHER, Resolution.RESTORED_BY_VENDOR, "verified", T0);
			}
			case CANCELLED -> order.cancel(DISPATCHER, "duplicate", T0);
		}
		// a fresh copy without the history of the steps above
		return new WorkOrder(order.id(), order.kind(), order.cameraId(), order.origin(), order.outageId(),
				order.priority(), order.state(), order.assignee(), order.holdReason(), order.stateBeforeHold(),
				order.onHoldSince(), order.heldSeconds(), order.openedAt(), order.assignedAt(), order.startedAt(),
				order.restoredAt(), order.closedAt(), order.cancelledAt(), order.responseDueAt(), order.restoreDueAt(),
				order.resolution(), order.resolutionNote(), order.version());
	}

	static void perform(WorkOrder order, WorkOrderAction action, Caller who) {
		switch (action) {
			case ASSIGN -> order.assign(who, Assignee.squad(99), CONTRACT_TARGETS, null, T0);
			case START -> order.start(who, null, T0);
			case HOLD -> order.hold(who, "reason", T0);
			case RESUME -> order.resume(who, null, T0);
			case RESTORE -> order.restore(who, "note", null, T0);
			case CLOSE -> order.close(who, Resolution.NO_FAULT_FOUND, "note", T0);
			case CANCEL -> order.cancel(who, "note", T0);
			case PHOTO -> order.attachPhoto(who, "a.jpg", "image/jpeg", 10, T0);
		}
	}

	@Test
	void photosMayBeAddedByTheAssigneeOrADispatcherWhileTheOrderIsOpen() {
		WorkOrder order = assignedToContract();
		order.attachPhoto(TECH, "pole.jpg", "image/jpeg", 1000, T0);
		assertThat(order.newHistory()).extracting(HistoryEntry::action).isEqualTo(List.of("PHOTO_ADDED"));
		assertThatThrownBy(() -> order.attachPhoto(OTHER_TECH, "x.jpg", "image/jpeg", 1, T0))
			.isInstanceOf(WorkOrderRefused.class);
	}
}
