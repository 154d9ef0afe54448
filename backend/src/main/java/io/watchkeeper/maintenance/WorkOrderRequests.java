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

	@Schema(description = "Close: the dispatcher's verification")
	record Close(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long version,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Resolution resolution,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String note) {
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
