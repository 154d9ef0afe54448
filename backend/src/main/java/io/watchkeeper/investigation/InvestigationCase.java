package io.watchkeeper.investigation;

import java.time.Instant;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;

/**
 * A case as far as its life goes: open until closed once as SOLVED or UNSOLVED. Whether footage contributed is
 * derived (a request with outcome USEFUL) unless set by hand with a reason when closing.
 */
class InvestigationCase {

	static final int MAX_REASON = 500;

	private final long id;
	private final String caseNumber;
	private final Long precinctId;
	private CaseState state;
	private String closedBy;
	private Instant closedAt;
	private Boolean footageOverride;
	private String footageOverrideReason;
	private final long version;

	InvestigationCase(long id, String caseNumber, Long precinctId, CaseState state, long version) {
		this.id = id;
		this.caseNumber = caseNumber;
		this.precinctId = precinctId;
		this.state = state;
		this.version = version;
	}

	/**
	 * Closes the case as {@code result}; {@code footageByHand} (with its reason) overrides what the requests say.
	 *
	 * @throws ConflictException when the case is closed already
	 */
	void close(CaseState result, Boolean footageByHand, String reason, String by, Instant at) {
		if (result == null || result == CaseState.OPEN) {
			throw new InvalidInputException("result", "result is required: SOLVED or UNSOLVED");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (footageByHand != null && why == null) {
			throw new InvalidInputException("reason", "a reason is required when footage contributed is set by hand");
		}
		if (why != null && why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "the reason is longer than " + MAX_REASON + " characters");
		}
		if (state != CaseState.OPEN) {
			throw new ConflictException("Case " + caseNumber + " is closed already (" + state + ")");
		}
		state = result;
		closedBy = by;
		closedAt = at;
		footageOverride = footageByHand;
		footageOverrideReason = footageByHand == null ? null : why;
	}

	/**
	 * New canvasses and footage requests belong to an open case; a closed case keeps what it has (requests already
	 * made are still answered and their outcome recorded).
	 *
	 * @throws ConflictException when the case is closed
	 */
	void requireOpenFor(String what) {
		if (state != CaseState.OPEN) {
			throw new ConflictException("Case " + caseNumber + " is closed (" + state + "): no new " + what);
		}
	}

	long id() {
		return id;
	}

	String caseNumber() {
		return caseNumber;
	}

	Long precinctId() {
		return precinctId;
	}

	CaseState state() {
		return state;
	}

	String closedBy() {
		return closedBy;
	}

	Instant closedAt() {
		return closedAt;
	}

	Boolean footageOverride() {
		return footageOverride;
	}

	String footageOverrideReason() {
		return footageOverrideReason;
	}

	long version() {
		return version;
	}
}
