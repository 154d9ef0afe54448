package io.watchkeeper.camera;

import java.time.LocalDate;

/**
 * A camera as a person or client describes it when registering or editing it. Precinct and district are
 * chosen by hand when either is given, and derived from the location when both are empty. The police station
 * must belong to the camera's precinct; where the area follows the location, a station boundary holding it decides.
 */
public record CameraCommand(String assetTag, Double longitude, Double latitude, String address, Long precinctId,
		Long districtId, Integer heading, Integer fovDeg, Integer rangeM, LocalDate installDate, Integer serviceLifeYears,
		LocalDate warrantyEnd, LprCapability lpr, String make, String model, CameraStatus status, Long fundingSourceId,
		Long projectId, Long contractId, Long supplierVendorId, String notes, Integer retentionDays, Long stationId) {

	/** A command without a police station. */
	public CameraCommand(String assetTag, Double longitude, Double latitude, String address, Long precinctId,
			Long districtId, Integer heading, Integer fovDeg, Integer rangeM, LocalDate installDate,
			Integer serviceLifeYears, LocalDate warrantyEnd, LprCapability lpr, String make, String model,
			CameraStatus status, Long fundingSourceId, Long projectId, Long contractId, Long supplierVendorId,
			String notes, Integer retentionDays) {
		this(assetTag, longitude, latitude, address, precinctId, districtId, heading, fovDeg, rangeM, installDate,
				serviceLifeYears, warrantyEnd, lpr, make, model, status, fundingSourceId, projectId, contractId,
				supplierVendorId, notes, retentionDays, null);
	}

	/** A command without footage retention (the city default). */
	public CameraCommand(String assetTag, Double longitude, Double latitude, String address, Long precinctId,
			Long districtId, Integer heading, Integer fovDeg, Integer rangeM, LocalDate installDate,
			Integer serviceLifeYears, LocalDate warrantyEnd, LprCapability lpr, String make, String model,
			CameraStatus status, Long fundingSourceId, Long projectId, Long contractId, Long supplierVendorId,
			String notes) {
		this(assetTag, longitude, latitude, address, precinctId, districtId, heading, fovDeg, rangeM, installDate,
				serviceLifeYears, warrantyEnd, lpr, make, model, status, fundingSourceId, projectId, contractId,
				supplierVendorId, notes, null, null);
	}

	public boolean areaChosenByHand() {
		return precinctId != null || districtId != null;
	}
}
