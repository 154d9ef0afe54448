package io.watchkeeper.maintenance;

import java.time.Instant;

/** One open outage on the dispatcher's board, with its camera's open repair order if there is one. */
public record OutageRow(long outageId, Instant startedAt, String cause, long ageMinutes, long cameraId,
		String assetTag, String address, Named precinct, Long workOrderId, WorkOrderState workOrderState,
		Long workOrderVersion, AssigneeKind assigneeKind, Named contract, Named vendor, Named squad,
		Instant restoreDueAt, boolean overdue) {
}
