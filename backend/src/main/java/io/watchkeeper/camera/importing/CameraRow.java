package io.watchkeeper.camera.importing;

import java.time.LocalDate;

import io.watchkeeper.shared.GeoPoint;

/**
 * A record that passed every check, in the registry's terms; what goes into the staging table. {@code namedStationId}
 * is the station the list named when the registry knows it; {@code newStation} the name of one to create under
 * {@code namedPrecinctId} (only when the run creates stations).
 */
record CameraRow(int line, String assetTag, String siteCode, Integer siteIndex, GeoPoint location, String address,
		Long namedPrecinctId, String namedPrecinct, Long namedDistrictId, String namedDistrict, Integer headingDeg,
		Integer fovDeg, Integer rangeM, LocalDate installDate, LocalDate warrantyEnd, Integer serviceLifeYears, String lpr,
		String make, String model, String status, String notes, Long fundingSourceId, Long projectId, Long contractId,
		Long namedStationId, String newStation) {
}
