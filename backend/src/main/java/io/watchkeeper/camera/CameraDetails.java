package io.watchkeeper.camera;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * What a person can change about a camera besides its tag, place and area: optics, dates, capability,
 * status and who paid for and maintains it. Checks the rules that involve more than one field and
 * reports every broken rule at once. {@code retentionDays}: how many days the camera's footage is kept (null: the
 * city default of the investigators' settings).
 */
public record CameraDetails(Heading heading, Integer fovDeg, Integer rangeM, LocalDate installDate,
		int serviceLifeYears, LocalDate warrantyEnd, LprCapability lpr, String make, String model,
		CameraStatus status, Long fundingSourceId, Long projectId, Long contractId, Long supplierVendorId,
		String notes, Integer retentionDays) {

	public static final int DEFAULT_SERVICE_LIFE_YEARS = 8;
	public static final int MAX_RETENTION_DAYS = 3650;
	public static final int MAX_NOTES_LENGTH = 4000;

	public CameraDetails {
		lpr = lpr == null ? LprCapability.NONE : lpr;
		status = status == null ? CameraStatus.ACTIVE : status;
		make = blankToNull(make);
		model = blankToNull(model);
		notes = blankToNull(notes);
		List<FieldError> errors = new ArrayList<>();
		if (fovDeg != null && (fovDeg < 1 || fovDeg > 360)) {
			errors.add(new FieldError("fovDeg", "field of view must be between 1 and 360 degrees, got " + fovDeg));
		}
		if (rangeM != null && (rangeM < 1 || rangeM > 2000)) {
			errors.add(new FieldError("rangeM", "range must be between 1 and 2000 metres, got " + rangeM));
		}
		if (retentionDays != null && (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)) {
			errors.add(new FieldError("retentionDays",
					"footage retention must be between 1 and " + MAX_RETENTION_DAYS + " days, got " + retentionDays));
		}
		if (serviceLifeYears < 1 || serviceLifeYears > 30) {
			errors.add(new FieldError("serviceLifeYears",
					"service life must be between 1 and 30 years, got " + serviceLifeYears));
		}
		if (!CameraDates.inRange(installDate)) {
			errors.add(new FieldError("installDate", CameraDates.problem("install date", installDate)));
		}
		if (!CameraDates.inRange(warrantyEnd)) {
			errors.add(new FieldError("warrantyEnd", CameraDates.problem("warranty end", warrantyEnd)));
		}
		if (installDate != null && warrantyEnd != null && warrantyEnd.isBefore(installDate)) {
			errors.add(new FieldError("warrantyEnd", "warranty cannot end (" + warrantyEnd
					+ ") before the camera was installed (" + installDate + ")"));
		}
		if (status.isFinal()) {
			errors.add(new FieldError("status", "a camera is decommissioned with the decommission action, not by editing"));
		}
		tooLong(errors, "make", make, 80);
		tooLong(errors, "model", model, 80);
		tooLong(errors, "notes", notes, MAX_NOTES_LENGTH);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Some camera details are not valid", errors);
		}
	}

	/** Details without footage retention of their own (the city default). */
	public CameraDetails(Heading heading, Integer fovDeg, Integer rangeM, LocalDate installDate, int serviceLifeYears,
			LocalDate warrantyEnd, LprCapability lpr, String make, String model, CameraStatus status,
			Long fundingSourceId, Long projectId, Long contractId, Long supplierVendorId, String notes) {
		this(heading, fovDeg, rangeM, installDate, serviceLifeYears, warrantyEnd, lpr, make, model, status,
				fundingSourceId, projectId, contractId, supplierVendorId, notes, null);
	}

	/** The end of a camera's service life: install date plus service life (as the database computes it). */
	public LocalDate endOfLife() {
		return installDate == null ? null : installDate.plusYears(serviceLifeYears);
	}

	private static void tooLong(List<FieldError> errors, String field, String value, int max) {
		if (value != null && value.length() > max) {
			errors.add(new FieldError(field, field + " is longer than " + max + " characters"));
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
