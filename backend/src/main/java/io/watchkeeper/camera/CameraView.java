package io.watchkeeper.camera;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Everything the registry knows about one camera, with the names of what it refers to. {@code contract} is the
 * maintenance contract that looks after the camera today (the one its repair orders are routed to, unless its
 * supplier's warranty runs); {@code assignedContract} is the one chosen for the camera, which may have ended.
 */
public record CameraView(long id, String assetTag, Long siteId, String siteCode, Integer siteIndex, String siteAddress,
		Double longitude, Double latitude, String address, Reference precinct, Reference district,
		boolean areaOverridden, Integer heading, Integer fovDeg, Integer rangeM, LocalDate installDate,
		int serviceLifeYears, LocalDate endOfLife, LocalDate warrantyEnd, LprCapability lpr, String make, String model,
		CameraStatus status, CameraState state, Reference fundingSource, Reference project, Reference contract, Reference assignedContract,
		Reference supplierVendor,
		LocalDate decommissionedOn, String decommissionReason, String notes, Integer retentionDays, Instant createdAt,
		Instant updatedAt,
		long version, String serialNumber, Long replacesCameraId, String replacesCameraTag, Long replacedByCameraId,
		String replacedByCameraTag, String decommissionKind, Reference station) {

	/** The camera with its serial number, kind of decommission and lineage (the camera page and the API show them). */
	CameraView withLineage(String serial, Long replacesId, String replacesTag, Long replacedById, String replacedByTag,
			String kind) {
		return new CameraView(id, assetTag, siteId, siteCode, siteIndex, siteAddress, longitude, latitude, address,
				precinct, district, areaOverridden, heading, fovDeg, rangeM, installDate, serviceLifeYears, endOfLife,
				warrantyEnd, lpr, make, model, status, state, fundingSource, project, contract, assignedContract, supplierVendor,
				decommissionedOn, decommissionReason, notes, retentionDays, createdAt, updatedAt, version, serial,
				replacesId, replacesTag, replacedById, replacedByTag, kind, station);
	}

	public boolean placed() {
		return longitude != null && latitude != null;
	}

	/** Something about the camera a person should look at, e.g. a location outside every precinct. */
	public record Warning(String code, String message) {
	}

	/**
	 * Warnings about this camera: a placed camera outside every precinct (or district) has none assigned,
	 * which the registry accepts but nobody should miss.
	 */
	@com.fasterxml.jackson.annotation.JsonProperty("warnings")
	public java.util.List<Warning> warnings() {
		java.util.List<Warning> warnings = new java.util.ArrayList<>();
		if (placed() && precinct == null) {
			warnings.add(new Warning("OUTSIDE_PRECINCTS",
					"The location is outside the Kaohsiung precincts: no precinct assigned"));
		}
		if (placed() && district == null) {
			warnings.add(new Warning("OUTSIDE_DISTRICTS",
					"The location is outside the Kaohsiung districts: no district assigned"));
		}
		return warnings;
	}

	public boolean decommissioned() {
		return status == CameraStatus.DECOMMISSIONED;
	}
}
