package io.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.watchkeeper.shared.InvalidInputException;

/**
 * A work order: the aggregate that guards its own life. It changes only through the methods below, each
 * checking who may (see {@link WorkOrderAction}) and from which state, and each writing one line of history.
 * <p>
 * The SLA clock: due times are {@code opened + target + time spent on hold}; while on hold the clock stands
 * still ({@link #overdue} looks at the moment the hold began) and resuming pushes both due times by the time
 * held. Response is met by starting the work; restore by restoring the camera.
 * <p>
 * Optimistic locking: {@link #version()} is the version loaded; {@link WorkOrderStore} writes only if nobody
 * changed the order since.
 */
public class WorkOrder {

	static final int MAX_NOTE = 2000;
	static final int MAX_HOLD_REASON = 500;

	private final Long id;
	private final WorkOrderKind kind;
	private final long cameraId;
	private final WorkOrderOrigin origin;
	private final Long outageId;
	private final WorkOrderPriority priority;
	private WorkOrderState state;
	private Assignee assignee;
	private String holdReason;
	private WorkOrderState stateBeforeHold;
	private Instant onHoldSince;
	private long heldSeconds;
	private final Instant openedAt;
	private Instant assignedAt;
	private Instant startedAt;
	private Instant restoredAt;
	private Instant closedAt;
	private Instant cancelledAt;
	private Instant responseDueAt;
	private Instant restoreDueAt;
	private Resolution resolution;
	private String resolutionNote;
	private final long version;

	private final List<HistoryEntry> history = new ArrayList<>();

	/** Rebuilds an order as stored; every field as in {@code work_order}. */
	WorkOrder(Long id, WorkOrderKind kind, long cameraId, WorkOrderOrigin origin, Long outageId,
			WorkOrderPriority priority, WorkOrderState state, Assignee assignee, String holdReason,
			WorkOrderState stateBeforeHold, Instant onHoldSince, long heldSeconds, Instant openedAt, Instant assignedAt,
			Instant startedAt, Instant restoredAt, Instant closedAt, Instant cancelledAt, Instant responseDueAt,
			Instant restoreDueAt, Resolution resolution, String resolutionNote, long version) {
		this.id = id;
		this.kind = Objects.requireNonNull(kind);
		this.cameraId = cameraId;
		this.origin = Objects.requireNonNull(origin);
		this.outageId = outageId;
		this.priority = priority == null ? WorkOrderPriority.NORMAL : priority;
		this.state = Objects.requireNonNull(state);
		this.assignee = assignee;
		this.holdReason = holdReason;
		this.stateBeforeHold = stateBeforeHold;
		this.onHoldSince = onHoldSince;
		this.heldSeconds = heldSeconds;
		this.openedAt = Objects.requireNonNull(openedAt);
		this.assignedAt = assignedAt;
		this.startedAt = startedAt;
		this.restoredAt = restoredAt;
		this.closedAt = closedAt;
		this.cancelledAt = cancelledAt;
		this.responseDueAt = responseDueAt;
		this.restoreDueAt = restoreDueAt;
		this.resolution = resolution;
		this.resolutionNote = resolutionNote;
		this.version = version;
	}

	// --- who may -------------------------------------------------------------------------------------------

	/** True when the caller is the one holding the order: a technician of its vendor, a member of its squad. */
	boolean isAssignee(Caller caller) {
		if (assignee == null) {
			return false;
		}
		if (assignee.isSquad()) {
			return caller.squadId() != null && caller.squadId().equals(assignee.squadId());
		}
		return caller.vendorId() != null && caller.vendorId().equals(assignee.vendorId());
	}

	/** True when the caller may see this order at all (else it does not exist for them). */
	boolean visibleTo(Caller caller) {
		return caller.dispatches() || isAssignee(caller);
	}

	/** What this caller may do now, in the order of {@link WorkOrderAction}: the forms a page offers. */
	public List<WorkOrderAction> actionsFor(Caller caller) {
		List<WorkOrderAction> actions = new ArrayList<>();
		boolean holder = isAssignee(caller);
		for (WorkOrderAction action : WorkOrderAction.values()) {
			if (allowedFrom(action) && allowedTo(action, caller, holder)) {
				actions.add(action);
			}
		}
		return actions;
	}

	/**
	 * Closing a replacement is its delivery: the new camera on the pole is the evidence, so the assignee (the
	 * project's vendor) closes it too, and a replacement or decommission order closes from ASSIGNED or IN_PROGRESS
	 * as well as RESTORED (there is nothing to restore). Every other order follows {@link WorkOrderAction}'s table.
	 */
	private static final java.util.Set<WorkOrderState> DELIVERED_FROM = java.util.EnumSet.of(WorkOrderState.ASSIGNED,
			WorkOrderState.IN_PROGRESS, WorkOrderState.RESTORED);

	private boolean allowedFrom(WorkOrderAction action) {
		if (action == WorkOrderAction.CLOSE && (kind == WorkOrderKind.REPLACEMENT || kind == WorkOrderKind.DECOMMISSION)) {
			return DELIVERED_FROM.contains(state);
		}
		return action.allowedFrom(state);
	}

	private boolean allowedTo(WorkOrderAction action, Caller caller, boolean holder) {
		if (action == WorkOrderAction.CLOSE && kind == WorkOrderKind.REPLACEMENT) {
			return caller.dispatches() || holder;
		}
		return action.allowedTo(caller, holder);
	}

	/** Refuses (403 or 409) unless the caller may take the action now; nothing changes. */
	void check(WorkOrderAction action, Caller caller) {
		require(action, caller);
	}

	private void require(WorkOrderAction action, Caller caller) {
		if (!allowedTo(action, caller, isAssignee(caller))) {
			throw switch (action) {
				case ASSIGN -> new WorkOrderRefused("Only a dispatcher assigns or reassigns a work order",
						"maintenance.detail.refused.assign");
				case CLOSE -> new WorkOrderRefused(
						"Only a dispatcher verifies and closes a work order; a technician restores it",
						"maintenance.detail.refused.close");
				case CANCEL -> new WorkOrderRefused("Only a dispatcher cancels a work order",
						"maintenance.detail.refused.cancel");
				case START, RESTORE -> new WorkOrderRefused("Only the assigned vendor's technicians or squad's members "
						+ action.path() + " a work order", "maintenance.detail.refused.assigneeOnly",
						Localized.label("maintenance.action." + action.name()));
				default -> new WorkOrderRefused("You may not " + action.path() + " this work order",
						"maintenance.detail.refused.other", Localized.label("maintenance.action." + action.name()));
			};
		}
		if (!allowedFrom(action)) {
			throw new Localized.Conflict("Work order " + id + " is " + state + "; " + action.path()
					+ " is possible only when it is " + String.join(" or ", action.from().stream().map(Enum::name).toList()),
					"maintenance.detail.wrongState", String.valueOf(id), Localized.label("maintenance.state." + state.name()),
					Localized.label("maintenance.action." + action.name()));
		}
	}

	// --- transitions ---------------------------------------------------------------------------------------

	/**
	 * Assigns or reassigns the order to a contract, the supplying vendor or a squad, with the due times that
	 * follow from the new assignee's targets (counted from when the order was opened, plus time held). An order
	 * being worked on goes back to ASSIGNED (the new assignee starts it); an order on hold stays on hold and
	 * resumes as ASSIGNED.
	 */
	void assign(Caller caller, Assignee to, SlaTargets targets, String note, Instant now) {
		require(WorkOrderAction.ASSIGN, caller);
		Objects.requireNonNull(to, "assignee");
		if (to.equals(assignee)) {
			throw new Localized.Conflict("Work order " + id + " is already assigned to them",
					"maintenance.detail.alreadyAssigned", String.valueOf(id));
		}
		String cleanNote = optionalNote(note);
		WorkOrderState from = state;
		Assignee previous = assignee;
		assignee = to;
		assignedAt = now;
		responseDueAt = openedAt.plusSeconds(targets.responseHours() * 3600L + heldSeconds);
		restoreDueAt = openedAt.plusSeconds(targets.restoreHours() * 3600L + heldSeconds);
		if (state == WorkOrderState.ON_HOLD) {
			stateBeforeHold = WorkOrderState.ASSIGNED;
		}
		else {
			state = WorkOrderState.ASSIGNED;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("assigneeKind", to.kind().name());
		putIfNotNull(details, "contractId", to.contractId());
		putIfNotNull(details, "vendorId", to.vendorId());
		putIfNotNull(details, "squadId", to.squadId());
		if (previous != null) {
			details.put("previousAssigneeKind", previous.kind().name());
			putIfNotNull(details, "previousContractId", previous.contractId());
			putIfNotNull(details, "previousVendorId", previous.vendorId());
			putIfNotNull(details, "previousSquadId", previous.squadId());
		}
		record(now, caller, previous == null ? "ASSIGNED" : "REASSIGNED", from, cleanNote, details);
	}

	/** The assignee starts the work: the response target is met. */
	void start(Caller caller, String note, Instant now) {
		require(WorkOrderAction.START, caller);
		String cleanNote = optionalNote(note);
		WorkOrderState from = state;
		state = WorkOrderState.IN_PROGRESS;
		if (startedAt == null) {
			startedAt = now;
		}
		record(now, caller, "STARTED", from, cleanNote, Map.of());
	}

	/** Puts the order on hold (waiting for a part, no access to the pole): the SLA clock stops. */
	void hold(Caller caller, String reason, Instant now) {
		require(WorkOrderAction.HOLD, caller);
		String cleanReason = requiredText("reason", reason, MAX_HOLD_REASON, "A reason is required to put an order on hold");
		WorkOrderState from = state;
		stateBeforeHold = state;
		state = WorkOrderState.ON_HOLD;
		holdReason = cleanReason;
		onHoldSince = now;
		record(now, caller, "PUT_ON_HOLD", from, cleanReason, Map.of());
	}

	/** Resumes to the state the order was in; both due times move on by the time held. */
	void resume(Caller caller, String note, Instant now) {
		require(WorkOrderAction.RESUME, caller);
		String cleanNote = optionalNote(note);
		long held = endHold(now);
		WorkOrderState to = stateBeforeHold == null ? (assignee == null ? WorkOrderState.NEW : WorkOrderState.ASSIGNED)
				: stateBeforeHold;
		state = to;
		stateBeforeHold = null;
		holdReason = null; // the history keeps it
		record(now, caller, "RESUMED", WorkOrderState.ON_HOLD, cleanNote, Map.of("heldSeconds", held));
	}

	/**
	 * The assignee reports the camera restored, with a note. The proposed resolution (for the dispatcher who
	 * verifies) defaults by kind and assignee: a replacement is REPLACED, a decommission DECOMMISSIONED, a
	 * squad's repair RESTORED_IN_HOUSE, a vendor's RESTORED_BY_VENDOR.
	 */
	void restore(Caller caller, String note, Resolution proposed, Instant now) {
		require(WorkOrderAction.RESTORE, caller);
		String cleanNote = requiredText("note", note, MAX_NOTE, "A note is required: what was wrong and what was done");
		if (proposed != null && !restoreResolutions().contains(proposed)) {
			boolean squad = assignee != null && assignee.isSquad();
			throw new Localized.Invalid("resolution", (squad ? "A repair squad restores in-house; "
					+ proposed + " is for orders held by a vendor" : "A vendor's technician restores as the vendor; "
					+ proposed + " is for orders held by a repair squad") + ". Choose one of "
					+ String.join(", ", restoreResolutions().stream().map(Enum::name).toList()),
					squad ? "maintenance.detail.resolutionSquad" : "maintenance.detail.resolutionVendor",
					Localized.label("maintenance.resolution." + proposed.name()));
		}
		WorkOrderState from = state;
		state = WorkOrderState.RESTORED;
		restoredAt = now;
		resolution = proposed != null ? proposed : defaultResolution();
		resolutionNote = cleanNote;
		record(now, caller, "RESTORED", from, cleanNote, Map.of("resolution", resolution.name()));
	}

	/** The resolutions the assignee may propose on restoring: a squad never "by the vendor", a vendor never "in-house". */
	List<Resolution> restoreResolutions() {
		return Resolution.forRestore(assignee != null && assignee.isSquad());
	}

	/** The resolution a restore proposes when the technician names none. */
	Resolution defaultResolution() {
		return switch (kind) {
			case REPLACEMENT -> Resolution.REPLACED;
			case DECOMMISSION -> Resolution.DECOMMISSIONED;
			default -> assignee != null && assignee.isSquad() ? Resolution.RESTORED_IN_HOUSE : Resolution.RESTORED_BY_VENDOR;
		};
	}

	/** The dispatcher verifies the restore and closes the order, with a resolution and a note. */
	void close(Caller caller, Resolution closingResolution, String note, Instant now) {
		require(WorkOrderAction.CLOSE, caller);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (closingResolution == null) {
			errors.add(new InvalidInputException.FieldError("resolution",
					"A resolution is required: RESTORED_BY_VENDOR, RESTORED_IN_HOUSE, REPLACED, DECOMMISSIONED or NO_FAULT_FOUND"));
		}
		if (note == null || note.isBlank()) {
			errors.add(new InvalidInputException.FieldError("note", "A note is required to close a work order"));
		}
		else if (note.strip().length() > MAX_NOTE) {
			errors.add(new InvalidInputException.FieldError("note", "The note is longer than " + MAX_NOTE + " characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Closing needs a resolution and a note", errors);
		}
		String cleanNote = note.strip();
		WorkOrderState from = state;
		state = WorkOrderState.CLOSED;
		closedAt = now;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("resolution", closingResolution.name());
		if (resolution != null && resolution != closingResolution) {
			details.put("proposedResolution", resolution.name());
		}
		resolution = closingResolution;
		resolutionNote = resolutionNote == null ? cleanNote : resolutionNote + "\n" + cleanNote;
		record(now, caller, "CLOSED", from, cleanNote, details);
	}

	/** The dispatcher cancels the order (raised by mistake, the camera came back by itself), with a note. */
	void cancel(Caller caller, String note, Instant now) {
		require(WorkOrderAction.CANCEL, caller);
		String cleanNote = requiredText("note", note, MAX_NOTE, "A note is required to cancel a work order");
		WorkOrderState from = state;
		if (state == WorkOrderState.ON_HOLD) {
			endHold(now);
			stateBeforeHold = null;
			holdReason = null;
		}
		state = WorkOrderState.CANCELLED;
		cancelledAt = now;
		record(now, caller, "CANCELLED", from, cleanNote, Map.of());
	}

	/** Records a photo in the history (the photo itself is stored by {@link WorkOrderStore}). */
	void attachPhoto(Caller caller, String fileName, String contentType, int size, Instant now) {
		require(WorkOrderAction.PHOTO, caller);
		Map<String, Object> details = new LinkedHashMap<>();
		putIfNotNull(details, "fileName", fileName);
		details.put("contentType", contentType);
		details.put("sizeBytes", size);
		record(now, caller, "PHOTO_ADDED", state, null, details);
	}

	private long endHold(Instant now) {
		long held = onHoldSince == null ? 0 : Math.max(0, Duration.between(onHoldSince, now).toSeconds());
		heldSeconds += held;
		if (responseDueAt != null && startedAt == null) {
			responseDueAt = responseDueAt.plusSeconds(held);
		}
		if (restoreDueAt != null) {
			restoreDueAt = restoreDueAt.plusSeconds(held);
		}
		onHoldSince = null;
		return held;
	}

	// --- SLA -----------------------------------------------------------------------------------------------

	/**
	 * True when a target is missed at {@code now}: not started by the response due time, or not restored by the
	 * restore due time. While on hold the clock stands at the moment the hold began. Restored, closed and
	 * cancelled orders are never overdue.
	 */
	public boolean overdue(Instant now) {
		return overdue(state, stateBeforeHold, startedAt, onHoldSince, responseDueAt, restoreDueAt, now);
	}

	/** The same rule for a row read by a query (see {@link WorkOrderQueries#OVERDUE}). */
	static boolean overdue(WorkOrderState state, WorkOrderState stateBeforeHold, Instant startedAt,
			Instant onHoldSince, Instant responseDueAt, Instant restoreDueAt, Instant now) {
		if (!state.clockRuns() && state != WorkOrderState.ON_HOLD) {
			return false;
		}
		Instant clock = state == WorkOrderState.ON_HOLD && onHoldSince != null ? onHoldSince : now;
		boolean restoreLate = restoreDueAt != null && clock.isAfter(restoreDueAt);
		boolean responseLate = startedAt == null && responseDueAt != null && clock.isAfter(responseDueAt);
		return restoreLate || responseLate;
	}

	// --- history -------------------------------------------------------------------------------------------

	private void record(Instant now, Caller caller, String action, WorkOrderState from, String note,
			Map<String, Object> details) {
		history.add(new HistoryEntry(now, caller.username(), action, from, state, note, details));
	}

	/** The history lines written by the transitions since this object was loaded, oldest first. */
	List<HistoryEntry> newHistory() {
		return List.copyOf(history);
	}

	private static String optionalNote(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String clean = note.strip();
		if (clean.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "The note is longer than " + MAX_NOTE + " characters");
		}
		return clean;
	}

	private static String requiredText(String field, String text, int max, String missing) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, missing);
		}
		String clean = text.strip();
		if (clean.length() > max) {
			throw new InvalidInputException(field, "The " + field + " is longer than " + max + " characters");
		}
		return clean;
	}

	private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	// --- state, read-only ----------------------------------------------------------------------------------

	public Long id() { return id; }
	public WorkOrderKind kind() { return kind; }
	public long cameraId() { return cameraId; }
	public WorkOrderOrigin origin() { return origin; }
	public Long outageId() { return outageId; }
	public WorkOrderPriority priority() { return priority; }
	public WorkOrderState state() { return state; }
	Assignee assignee() { return assignee; }
	public String holdReason() { return holdReason; }
	public WorkOrderState stateBeforeHold() { return stateBeforeHold; }
	public Instant onHoldSince() { return onHoldSince; }
	public long heldSeconds() { return heldSeconds; }
	public Instant openedAt() { return openedAt; }
	public Instant assignedAt() { return assignedAt; }
	public Instant startedAt() { return startedAt; }
	public Instant restoredAt() { return restoredAt; }
	public Instant closedAt() { return closedAt; }
	public Instant cancelledAt() { return cancelledAt; }
	public Instant responseDueAt() { return responseDueAt; }
	public Instant restoreDueAt() { return restoreDueAt; }
	public Resolution resolution() { return resolution; }
	public String resolutionNote() { return resolutionNote; }
	public long version() { return version; }
}
