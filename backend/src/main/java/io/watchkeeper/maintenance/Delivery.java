package io.watchkeeper.maintenance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;
import io.watchkeeper.shared.TextInput;

/**
 * What closing a replacement or decommission order needs besides the note, as typed (page or API): the new camera's
 * facts for a replacement, the kind and reason for a decommission. {@link #camera} and {@link #decommission} check
 * every field at once and name each one at fault.
 */
public record Delivery(String make, String model, String serialNumber, String installDate, String lpr, String heading,
		String warrantyEnd, String decommissionKind, String reason) {

	static final Delivery NONE = new Delivery(null, null, null, null, null, null, null, null, null);

	private static final Set<String> LPR = Set.of("NONE", "LPR", "REALTIME_LPR");
	private static final LocalDate FIRST = LocalDate.of(1950, 1, 1);
	private static final LocalDate LAST = LocalDate.of(2100, 12, 31);

	/** The new camera of a replacement; installed no later than {@code today}. */
	ReplacementCameras.NewCamera camera(LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		String mk = text("make", make, 80, true, errors);
		String md = text("model", model, 80, true, errors);
		String serial = text("serialNumber", serialNumber, 80, true, errors);
		LocalDate installed = date("installDate", installDate, true, errors);
		if (installed != null && installed.isAfter(today)) {
			errors.add(new FieldError("installDate", "the install date " + installed + " lies in the future"));
		}
		String kind = lpr == null || lpr.isBlank() ? null : lpr.strip().toUpperCase(Locale.ROOT);
		if (kind == null) {
			errors.add(new FieldError("lpr", "the new camera's plate recognition is required: NONE, LPR or REALTIME_LPR"));
		}
		else if (!LPR.contains(kind)) {
			errors.add(new FieldError("lpr", "not one of NONE, LPR, REALTIME_LPR: " + lpr));
		}
		Integer deg = null;
		if (heading != null && !heading.isBlank()) {
			try {
				deg = Integer.valueOf(heading.strip());
				if (deg < 0 || deg >= 360) {
					errors.add(new FieldError("heading", "a heading is 0 to 359 degrees: " + heading));
				}
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError("heading", "not a heading in whole degrees: " + heading));
			}
		}
		LocalDate warranty = date("warrantyEnd", warrantyEnd, false, errors);
		if (warranty != null && installed != null && warranty.isBefore(installed)) {
			errors.add(new FieldError("warrantyEnd", "the warranty ends before the install date"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The new camera's facts are missing or wrong", errors);
		}
		return new ReplacementCameras.NewCamera(mk, md, serial, installed, kind, deg, warranty);
	}

	/** The kind and reason of a decommission. */
	Decommission decommission() {
		List<FieldError> errors = new ArrayList<>();
		DecommissionKind kind = null;
		if (decommissionKind == null || decommissionKind.isBlank()) {
			errors.add(new FieldError("decommissionKind",
					"the kind is required: END_OF_LIFE_FAULTY, NOT_NEEDED, NOT_WORTH_REPAIRING or OTHER"));
		}
		else {
			try {
				kind = DecommissionKind.valueOf(decommissionKind.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				kind = null;
			}
			if (kind == null || !DecommissionKind.CHOSEN.contains(kind)) {
				errors.add(new FieldError("decommissionKind",
						"not one of END_OF_LIFE_FAULTY, NOT_NEEDED, NOT_WORTH_REPAIRING, OTHER: " + decommissionKind));
			}
		}
		String why = text("reason", reason, 500, true, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("A decommission needs a kind and a reason", errors);
		}
		return new Decommission(kind, why);
	}

	record Decommission(DecommissionKind kind, String reason) {
	}

	private static String text(String field, String raw, int max, boolean required, List<FieldError> errors) {
		if (raw == null || raw.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, field + " is required"));
			}
			return null;
		}
		String value = raw.strip();
		String problem = TextInput.problem(value);
		if (problem != null) {
			errors.add(new FieldError(field, problem));
		}
		else if (value.length() > max) {
			errors.add(new FieldError(field, field + " is longer than " + max + " characters"));
		}
		return value;
	}

	private static LocalDate date(String field, String raw, boolean required, List<FieldError> errors) {
		if (raw == null || raw.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, field + " is required (YYYY-MM-DD)"));
			}
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(raw.strip());
			if (d.isBefore(FIRST) || d.isAfter(LAST)) {
				errors.add(new FieldError(field, field + " must lie between 1950-01-01 and 2100-12-31: " + raw));
				return null;
			}
			return d;
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError(field, "not a date (YYYY-MM-DD): " + raw));
			return null;
		}
	}
}
