package io.watchkeeper.maintenance;

import java.time.Instant;

/** One row of the work order list. */
public record WorkOrderListItem(long id, WorkOrderKind kind, WorkOrderState state, WorkOrderPriority priority,
		long cameraId, String assetTag, String address, Named precinct, AssigneeKind assigneeKind, Named contract,
		Named vendor, Named squad, Instant openedAt, Instant responseDueAt, Instant restoreDueAt, boolean overdue,
		String holdReason, long version) {
}
