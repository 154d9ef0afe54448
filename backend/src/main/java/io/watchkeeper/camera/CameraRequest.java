package io.watchkeeper.camera;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A camera as the API receives it (create, replace, and the result of a merge patch). Leave precinct and
 * district out to have them derived from the location; give either to choose them by hand.
 */
@Schema(description = "A camera to register or the new state of an existing one")
public record CameraRequest(
		@Schema(example = "LAAA001-01", description = "Unique label; SITE-NN puts the camera on site SITE as index NN")
		@NotBlank @Size(max = AssetTag.MAX_LENGTH) @Pattern(regexp = "^\\s*[A-Za-z0-9][A-Za-z0-9._/-]*\\s*$",
				message = "may only contain letters, digits and . _ / -") String assetTag,
		@Schema(example = "120.30153", description = "WGS84 longitude; leave out with latitude for an unplaced camera")
		Double longitude,
		@Schema(example = "22.63982") Double latitude,
		@Schema(example = "博愛一路/九如二路口") @Size(max = 300) String address,
		@Schema(description = "Choose the precinct by hand (otherwise derived from the location)") Long precinctId,
		@Schema(description = "Choose the district by hand (otherwise derived from the location)") Long districtId,
		@Schema(example = "90", description = "Compass direction in degrees, 0 to under 360; rounded to whole degrees (359.6 is 0)")
		@DecimalMin("0") @DecimalMax(value = "360", inclusive = false) Double heading,
		@Schema(example = "90") @Min(1) @Max(360) Integer fovDeg,
		@Schema(example = "60") @Min(1) @Max(2000) Integer rangeM,
		@Schema(example = "2015-03-30") LocalDate installDate,
		@Schema(example = "8", description = "Years until end of life; default 8") @Min(1) @Max(30) Integer serviceLifeYears,
		LocalDate warrantyEnd,
		LprCapability lpr,
		@Size(max = 80) String make,
		@Size(max = 80) String model,
		@Schema(description = "PLANNED or in service (ACTIVE); decommission with the decommission action. In service, ACTIVE and FAULTY follow maintenance: FAULTY while the camera has an open outage or an open repair order, whatever is sent") CameraStatus status,
		Long fundingSourceId,
		Long projectId,
		Long contractId,
		Long supplierVendorId,
		@Size(max = CameraDetails.MAX_NOTES_LENGTH) String notes,
		@Schema(example = "30", description = "Days the camera's footage is kept before it is overwritten; leave out for the city default (watchkeeper.investigation.default-retention-days)")
		@Min(1) @Max(CameraDetails.MAX_RETENTION_DAYS) Integer retentionDays,
		@Schema(description = "The version you loaded; required when changing a camera", example = "0") Long version,
		@Schema(description = "Police station id (see /api/stations); must belong to the camera's precinct. Where the "
				+ "precinct follows the location and a station boundary holds the location, that station is taken")
		Long stationId) {

	/** A request without a police station. */
	public CameraRequest(String assetTag, Double longitude, Double latitude, String address, Long precinctId,
			Long districtId, Double heading, Integer fovDeg, Integer rangeM, LocalDate installDate, Integer serviceLifeYears,
			LocalDate warrantyEnd, LprCapability lpr, String make, String model, CameraStatus status, Long fundingSourceId,
			Long projectId, Long contractId, Long supplierVendorId, String notes, Integer retentionDays, Long version) {
		this(assetTag, longitude, latitude, address, precinctId, districtId, heading, fovDeg, rangeM, installDate,
				serviceLifeYears, warrantyEnd, lpr, make, model, status, fundingSourceId, projectId, contractId,
				supplierVendorId, notes, retentionDays, version, null);
	}

	CameraCommand toCommand() {
		return new CameraCommand(assetTag, longitude, latitude, address, precinctId, districtId, Heading.rounded(heading), fovDeg,
				rangeM, installDate, serviceLifeYears, warrantyEnd, lpr, make, model, status, fundingSourceId, projectId,
				contractId, supplierVendorId, notes, retentionDays, stationId);
	}

	/** The camera as it is now, as a request that would leave it unchanged (the base of a merge patch). */
	static CameraRequest of(CameraView c) {
		return new CameraRequest(c.assetTag(), c.longitude(), c.latitude(), c.address(),
				c.areaOverridden() && c.precinct() != null ? c.precinct().id() : null,
				c.areaOverridden() && c.district() != null ? c.district().id() : null,
				c.heading() == null ? null : c.heading().doubleValue(), c.fovDeg(),
				c.rangeM(), c.installDate(), c.serviceLifeYears(), c.warrantyEnd(), c.lpr(), c.make(), c.model(),
				c.status(), id(c.fundingSource()), id(c.project()), id(c.assignedContract()), id(c.supplierVendor()), c.notes(),
				c.retentionDays(), c.version(), id(c.station()));
	}

	private static Long id(Reference r) {
		return r == null ? null : r.id();
	}
}
