package io.watchkeeper.investigation;

import java.time.Instant;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;

/**
 * A request for one camera's footage in a case: answered once (DELIVERED, NOT_AVAILABLE with a reason, REFUSED),
 * and for delivered footage, an outcome (USEFUL / NOT_USEFUL). Saved with optimistic locking on {@link #version()}.
 */
public class FootageRequest {

	static final int MAX_NOTE = 1000;

	public enum State {
		REQUESTED, DELIVERED, NOT_AVAILABLE, REFUSED
	}

	public enum NotAvailableReason {
		OVERWRITTEN, CAMERA_DOWN, NO_SUCH_VIEW
	}

	public enum Outcome {
		USEFUL, NOT_USEFUL
	}

	private final long id;
	private final long caseId;
	private State state;
	private NotAvailableReason reason;
	private String answeredBy;
	private Instant answeredAt;
	private String note;
	private Outcome outcome;
	private String outcomeBy;
	private Instant outcomeAt;
	private final long version;

	FootageRequest(long id, long caseId, State state, NotAvailableReason reason, Outcome outcome, String note,
			long version) {
		this.id = id;
		this.caseId = caseId;
		this.state = state;
		this.reason = reason;
		this.outcome = outcome;
		this.note = note;
		this.version = version;
	}

	/** Records the answer; a NOT_AVAILABLE answer names why. Answered requests are not answered again (409). */
	void answer(State answer, NotAvailableReason why, String note, String by, Instant at) {
		if (answer == null || answer == State.REQUESTED) {
			throw new InvalidInputException("state", "state is required: DELIVERED, NOT_AVAILABLE or REFUSED");
		}
		if (answer == State.NOT_AVAILABLE && why == null) {
			throw new InvalidInputException("reason", "reason is required for NOT_AVAILABLE: OVERWRITTEN, CAMERA_DOWN or NO_SUCH_VIEW");
		}
		if (answer != State.NOT_AVAILABLE && why != null) {
			throw new InvalidInputException("reason", "a reason goes only with NOT_AVAILABLE");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "the note is longer than " + MAX_NOTE + " characters");
		}
		if (state != State.REQUESTED) {
			throw new ConflictException("Footage request " + id + " is answered already (" + state + ")");
		}
		state = answer;
		reason = why;
		this.note = text != null ? text : this.note;
		answeredBy = by;
		answeredAt = at;
	}

	/** Records whether delivered footage helped; only delivered footage has an outcome (400 naming outcome). */
	void recordOutcome(Outcome result, String by, Instant at) {
		if (result == null) {
			throw new InvalidInputException("outcome", "outcome is required: USEFUL or NOT_USEFUL");
		}
		if (state != State.DELIVERED) {
			throw new InvalidInputException("outcome", "only delivered footage has an outcome; this request is " + state);
		}
		outcome = result;
		outcomeBy = by;
		outcomeAt = at;
	}

	long id() {
		return id;
	}

	long caseId() {
		return caseId;
	}

	State state() {
		return state;
	}

	NotAvailableReason reason() {
		return reason;
	}

	String answeredBy() {
		return answeredBy;
	}

	Instant answeredAt() {
		return answeredAt;
	}

	String note() {
		return note;
	}

	Outcome outcome() {
		return outcome;
	}

	String outcomeBy() {
		return outcomeBy;
	}

	Instant outcomeAt() {
		return outcomeAt;
	}

	long version() {
		return version;
	}
}
