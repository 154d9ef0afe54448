package io.watchkeeper.maintenance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What closing a replacement or decommission order needs of the camera registry, which implements it (the registry
 * already depends on maintenance for its scopes, so maintenance names the port and the registry fills it).
 * Both run in the caller's transaction: a refusal rolls the whole closing back.
 */
public interface ReplacementCameras {

	/**
	 * Records the new camera on the old one's pole and position and decommissions the old one on the install date
	 * with the kind {@link DecommissionKind#REPLACED}; the project's terms (warranty years, main funding source,
	 * vendor) come from {@code projectId} when given. 400 naming the field for a serial in use or a missing warranty
	 * end where no terms apply.
	 */
	Delivered replace(long oldCameraId, Long projectId, NewCamera camera, Instant at);

	/** Decommissions the camera on {@code on} with a kind and a reason (409 when it was already decommissioned). */
	void decommission(long cameraId, DecommissionKind kind, String reason, LocalDate on);

	/** The new camera's facts as the technician typed them, already checked by {@link Delivery}. */
	record NewCamera(String make, String model, String serialNumber, LocalDate installDate, String lpr,
			Integer heading, LocalDate warrantyEnd) {
	}

	/** The camera delivered: its id and asset tag. */
	record Delivered(long cameraId, String assetTag) {
	}
}
