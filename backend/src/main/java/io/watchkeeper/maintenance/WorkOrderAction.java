package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.WorkOrderState.ASSIGNED;
import static io.watchkeeper.maintenance.WorkOrderState.IN_PROGRESS;
import static io.watchkeeper.maintenance.WorkOrderState.NEW;
import static io.watchkeeper.maintenance.WorkOrderState.ON_HOLD;
import static io.watchkeeper.maintenance.WorkOrderState.RESTORED;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what to a work order, and from which states: the one table of the rules.
 *
 * <pre>
 * action   from                                         by
 * ASSIGN   NEW, ASSIGNED, IN_PROGRESS, ON_HOLD          dispatcher (assign, reassign, hand to a squad)
 * START    ASSIGNED                                     the assignee (technician of its vendor, member of its squad)
 * HOLD     NEW, ASSIGNED, IN_PROGRESS                   dispatcher or the assignee, with a reason
 * RESUME   ON_HOLD (back to the state it left)          dispatcher or the assignee
 * RESTORE  IN_PROGRESS                                  the assignee, with a note (and a photo if they like)
 * CLOSE    RESTORED                                     dispatcher: verifies the repair, with resolution and note
 * CANCEL   NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESTORED dispatcher, with a note
 * PHOTO    any state but CLOSED and CANCELLED           dispatcher or the assignee
 * </pre>
 *
 * Restoring is the technician's word that the camera works; closing is the dispatcher's verification, so
 * nobody closes their own repair. Administrators count as dispatchers.
 */
public enum WorkOrderAction {

	ASSIGN(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, ON_HOLD), true, false),
	START(EnumSet.of(ASSIGNED), false, true),
	HOLD(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS), true, true),
	RESUME(EnumSet.of(ON_HOLD), true, true),
	RESTORE(EnumSet.of(IN_PROGRESS), false, true),
	CLOSE(EnumSet.of(RESTORED), true, false),
	CANCEL(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESTORED), true, false),
	PHOTO(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESTORED), true, true);

	private final Set<WorkOrderState> from;
	private final boolean byDispatcher;
	private final boolean byAssignee;

	WorkOrderAction(Set<WorkOrderState> from, boolean byDispatcher, boolean byAssignee) {
		this.from = from;
		this.byDispatcher = byDispatcher;
		this.byAssignee = byAssignee;
	}

	/** True when the action may start from this state. */
	public boolean allowedFrom(WorkOrderState state) {
		return from.contains(state);
	}

	/** True when a caller in this capacity may take the action (state aside). */
	boolean allowedTo(Caller caller, boolean isAssignee) {
		return (byDispatcher && caller.dispatches()) || (byAssignee && isAssignee);
	}

	Set<WorkOrderState> from() {
		return from;
	}

	/** Lower-case name as used in paths ({@code /start}) and message keys. */
	public String path() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
