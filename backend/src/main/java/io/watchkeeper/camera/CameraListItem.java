package io.watchkeeper.camera;

import java.time.LocalDate;

/** One row of the camera list; {@code state} is the one rule of {@link CameraState}. */
public record CameraListItem(long id, String assetTag, String siteCode, String address, Reference precinct,
		Reference district, CameraStatus status, CameraState state, LprCapability lpr, LocalDate installDate, LocalDate endOfLife,
		boolean placed, Reference station) {

	/** A row without its station (where it is not shown). */
	public CameraListItem(long id, String assetTag, String siteCode, String address, Reference precinct,
			Reference district, CameraStatus status, CameraState state, LprCapability lpr, LocalDate installDate,
			LocalDate endOfLife, boolean placed) {
		this(id, assetTag, siteCode, address, precinct, district, status, state, lpr, installDate, endOfLife, placed, null);
	}
}
