package io.watchkeeper.camera;

import java.time.LocalDate;

/**
 * A camera as a person or client describes it when registering or editing it. Precinct and district are
 * chosen by hand when either is given, and derived from the location when both are empty.
 */
public record CameraCommand(String assetTag, Double longitude, Double latitude, String address, Long precinctId,
		Long districtId, Integer heading, Integer fovDeg, Integer rangeM, LocalDate installDate, Integer serviceLifeYears,
		LocalDate warrantyEnd, LprCapability lpr, String make, String model, CameraStatus status, Long fundingSourceId,
		Long projectId, Long contractId, Long supplierVendorId, String notes, Integer retentionDays) {

	/** A command without footage retention (the city default). */
	public CameraCommand(String assetTag, Double longitude, Double latitude, String address, Long precinctId,
			Long districtId, Integer heading, Integer fovDeg, Integer rangeM, LocalDate installDate,
			Integer serviceLifeYears, LocalDate warrantyEnd, LprCapability lpr, String make, String model,
			CameraStatus status, Long fundingSourceId, Long projectId, Long contractId, Long supplierVendorId,
			String notes) {
		this(assetTag, longitude, latitude, address, precinctId, districtId, heading, fovDeg, rangeM, installDate,
				serviceLifeYears, warrantyEnd, lpr, make, model, status, fundingSourceId, projectId, contractId,
				supplierVendorId, notes, null);
	}

	public boolean areaChosenByHand() {
		return precinctId != null || districtId != null;
	}
}
