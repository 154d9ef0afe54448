package io.watchkeeper.maintenance;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON bodies of the work order API. Every change names the {@code version} of the order the client loaded. */
final class WorkOrderRequests {

	private WorkOrderRequests() {
	}

	@Schema(description = "A work order opened by hand; give cameraId or assetTag")
	record Create(Long cameraId, String assetTag,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) WorkOrderKind kind, WorkOrderPriority priority,
			String title, @Schema(description = "What is wrong; kept as the order's description") String note) {
	}

	@Schema(description = "Start, resume or cancel (cancel needs a note)")
	record Change(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long version, String note) {
	}

	@Schema(description = "Put on hold: the SLA clock stops until the order resumes")
	record Hold(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long version,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "waiting for a replacement lens") String reason) {
	}

	@Schema(description = "Restore: the technician's word that the camera works again")
	record Restore(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long version,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String note,
			@Schema(description = "Proposed resolution; by default RESTORED_BY_VENDOR for a vendor, RESTORED_IN_HOUSE for a squad") Resolution resolution) {
	}

	@Schema(description = """
			Close: the dispatcher's verification. A replacement order closes by its delivery (the dispatcher or the \
			assignee): make, model, serialNumber, installDate (YYYY-MM-DD, 1950-2100, not in the future) and lpr (NONE, \
			LPR, REALTIME_LPR) of the new camera are required, heading optional (else the old camera's), warrantyEnd \
			required only when the order's project sets no warranty years; resolution REPLACED and note optional. A \
			decommission order needs decommissionKind (END_OF_LIFE_FAULTY, NOT_NEEDED, NOT_WORTH_REPAIRING, OTHER) and \
			reason.""")
	record Close(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long version,
			@Schema(description = "Required except for replacement and decommission orders") Resolution resolution,
			@Schema(description = "Required except for replacement and decommission orders") String note,
			String make, String model, String serialNumber, String installDate, String lpr, String heading,
			String warrantyEnd, String decommissionKind, String reason) {

		Delivery delivery() {
			return new Delivery(make, model, serialNumber, installDate, lpr, heading, warrantyEnd, decommissionKind,
					reason);
		}
	}

	@Schema(description = "Assign or reassign: exactly one of contractId, squadId or automatic: true")
	record Assign(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long version, Long contractId, Long squadId,
			Boolean automatic, String note) {

		AssignTarget target() {
			return new AssignTarget(contractId, squadId, Boolean.TRUE.equals(automatic));
		}
	}

	@Schema(description = "Bulk assignment from the outage board: each outage's open repair order goes to the target")
	record BulkAssign(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) java.util.List<Long> outageIds,
			Long contractId, Long squadId, String note) {
	}
}
