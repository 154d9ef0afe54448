package io.watchkeeper.maintenance;

/**
 * Where a work order stands: {@code NEW → ASSIGNED → IN_PROGRESS → RESTORED → CLOSED}, plus {@code ON_HOLD}
 * (resumes to the state it left) and {@code CANCELLED}. The allowed moves are {@link WorkOrderAction}'s.
 */
public enum WorkOrderState {
	NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESTORED, CLOSED, CANCELLED;

	/** Closed and cancelled orders are history: nothing changes them any more. */
	public boolean isFinal() {
		return this == CLOSED || this == CANCELLED;
	}

	/** The SLA clock runs until the camera is restored (and pauses while on hold). */
	boolean clockRuns() {
		return this == NEW || this == ASSIGNED || this == IN_PROGRESS;
	}
}
