package io.watchkeeper.camera;

import java.time.LocalDate;

/** One row of the camera list. */
public record CameraListItem(long id, String assetTag, String siteCode, String address, Reference precinct,
		Reference district, CameraStatus status, LprCapability lpr, LocalDate installDate, LocalDate endOfLife,
		boolean placed) {
}
