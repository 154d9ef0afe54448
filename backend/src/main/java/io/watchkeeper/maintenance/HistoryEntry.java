package io.watchkeeper.maintenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One line of a work order's history ({@code work_order_event}): who did what, when, from which state to which. */
public record HistoryEntry(Instant occurredAt, String actor, String action, WorkOrderState fromState,
		WorkOrderState toState, String note, Map<String, Object> details) {

	/** True when the event changed the order's state (an escalation or a re-routing leaves it as it was). */
	@JsonIgnore
	public boolean stateChanged() {
		return fromState != toState;
	}

	/** A detail as text, or null. */
	@JsonIgnore
	public String detail(String key) {
		Object value = details == null ? null : details.get(key);
		return value == null ? null : value.toString();
	}

	/** The due time an escalation found passed (its {@code dueAt} detail), or null. */
	@JsonIgnore
	public Instant dueAt() {
		String due = detail("dueAt");
		if (due == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(due).toInstant();
		}
		catch (java.time.DateTimeException e) {
			return null;
		}
	}

	/** The roles an escalation notified (its {@code notified} detail), none for older events. */
	@JsonIgnore
	public List<String> notified() {
		Object value = details == null ? null : details.get("notified");
		return value instanceof List<?> roles ? roles.stream().map(String::valueOf).toList() : List.of();
	}
}
