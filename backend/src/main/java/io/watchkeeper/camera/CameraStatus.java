package io.watchkeeper.camera;

/**
 * Where a camera is in its life. {@link #DECOMMISSIONED} is final and is reached only through
 * {@link Camera#decommission}, never by editing the status.
 */
public enum CameraStatus {
	PLANNED, ACTIVE, FAULTY, DECOMMISSIONED;

	/** The statuses a person may set by editing a camera. */
	public static final java.util.List<CameraStatus> EDITABLE = java.util.List.of(PLANNED, ACTIVE, FAULTY);

	public boolean isFinal() {
		return this == DECOMMISSIONED;
	}
}
