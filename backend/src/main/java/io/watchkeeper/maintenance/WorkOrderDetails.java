package io.watchkeeper.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A work order with what its page shows: the camera's facts, the assignee, the SLA due times and whether one is
 * missed, the history, the photos, and the actions the caller may take now.
 */
public record WorkOrderDetails(long id, WorkOrderKind kind, WorkOrderState state, WorkOrderPriority priority,
		WorkOrderOrigin origin, String title, String description, CameraFacts camera, AssigneeKind assigneeKind,
		Named contract, Named vendor, Named squad, Long outageId, Instant outageStartedAt, Instant outageEndedAt,
		String holdReason, WorkOrderState stateBeforeHold, Instant onHoldSince, long heldSeconds, Instant openedAt,
		Instant assignedAt, Instant startedAt, Instant restoredAt, Instant closedAt, Instant cancelledAt,
		Instant responseDueAt, Instant restoreDueAt, boolean overdue, Resolution resolution, String resolutionNote,
		int escalationLevel, String createdBy, long version, List<WorkOrderAction> actions,
		List<HistoryEntry> history, List<PhotoInfo> photos) {

	/**
	 * The camera as the technician needs it: where it is, what it is, whose warranty; {@code state} by the camera
	 * module's one rule ({@code io.watchkeeper.camera.CameraState}: OUTAGE, FAULTY, PAST_EOL, WORKING ...).
	 */
	public record CameraFacts(long id, String assetTag, String address, Named precinct, Named district, String status,
			String state, String make, String model, String lpr, LocalDate installDate, LocalDate endOfLife, LocalDate warrantyEnd,
			Named supplier, Double longitude, Double latitude) {
	}

	/** A photo's facts; the image itself is at {@code /api/work-orders/{id}/photos/{photoId}}. */
	public record PhotoInfo(long id, Instant uploadedAt, String uploadedBy, String fileName, String contentType,
			int sizeBytes) {
	}

	public boolean may(String action) {
		return actions.stream().anyMatch(a -> a.name().equalsIgnoreCase(action));
	}

	/** The resolutions the restore form offers: a squad's never "by the vendor", a vendor's never "in-house". */
	public List<Resolution> restoreResolutions() {
		return Resolution.forRestore(assigneeKind == AssigneeKind.SQUAD);
	}

	/** True when this repair order's outage is still open: closing it is possible, but worth a second look. */
	public boolean outageStillOpen() {
		return kind == WorkOrderKind.REPAIR && outageId != null && outageStartedAt != null && outageEndedAt == null;
	}
}
