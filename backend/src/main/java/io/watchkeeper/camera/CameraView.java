package io.watchkeeper.camera;

import java.time.Instant;
import java.time.LocalDate;

/** Everything the registry knows about one camera, with the names of what it refers to. */
public record CameraView(long id, String assetTag, Long siteId, String siteCode, Integer siteIndex, String siteAddress,
		Double longitude, Double latitude, String address, Reference precinct, Reference district,
		boolean areaOverridden, Integer heading, Integer fovDeg, Integer rangeM, LocalDate installDate,
		int serviceLifeYears, LocalDate endOfLife, LocalDate warrantyEnd, LprCapability lpr, String make, String model,
		CameraStatus status, Reference fundingSource, Reference project, Reference contract, Reference supplierVendor,
		LocalDate decommissionedOn, String decommissionReason, String notes, Instant createdAt, Instant updatedAt,
		long version) {

	public boolean placed() {
		return longitude != null && latitude != null;
	}

	public boolean decommissioned() {
		return status == CameraStatus.DECOMMISSIONED;
	}
}
