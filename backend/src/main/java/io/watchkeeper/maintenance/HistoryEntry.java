package io.watchkeeper.maintenance;

import java.time.Instant;
import java.util.Map;

/** One line of a work order's history ({@code work_order_event}): who did what, when, from which state to which. */
public record HistoryEntry(Instant occurredAt, String actor, String action, WorkOrderState fromState,
		WorkOrderState toState, String note, Map<String, Object> details) {
}
