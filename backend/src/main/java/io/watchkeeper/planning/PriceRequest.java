package io.watchkeeper.planning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.watchkeeper.camera.LprCapability;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;
import io.watchkeeper.shared.TextInput;

/**
 * A price the planner sets: the unit price of replacing one camera of a kind (installation included) from a day on.
 * Built by {@link #parse}, which names every field at fault at once.
 */
record PriceRequest(LprCapability kind, LocalDate appliesFrom, long unitPriceNtd, String note) {

	static final long MAX_PRICE = 100_000_000L;
	static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
	static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
	static final int NOTE_MAX = 300;

	/** The form or JSON fields as they came; every field stays text so a bad value is refused by name. */
	record Form(String kind, String appliesFrom, String unitPriceNtd, String note) {
	}

	PriceRequest {
		if (kind == null || appliesFrom == null || unitPriceNtd < 1 || unitPriceNtd > MAX_PRICE) {
			throw new IllegalArgumentException("an incomplete price");
		}
	}

	static PriceRequest parse(Form form) {
		List<FieldError> errors = new ArrayList<>();
		LprCapability kind = null;
		try {
			kind = LprCapability.valueOf(blank(form.kind()) ? "" : form.kind().strip());
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError("kind", "kind must be NONE, LPR or REALTIME_LPR"));
		}
		LocalDate appliesFrom = null;
		try {
			appliesFrom = LocalDate.parse(blank(form.appliesFrom()) ? "" : form.appliesFrom().strip());
			if (appliesFrom.isBefore(EARLIEST) || appliesFrom.isAfter(LATEST)) {
				errors.add(new FieldError("appliesFrom", "appliesFrom must lie between " + EARLIEST + " and " + LATEST));
			}
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError("appliesFrom", "appliesFrom must be a date as YYYY-MM-DD"));
		}
		long price = 0;
		try {
			price = Long.parseLong(blank(form.unitPriceNtd()) ? "" : form.unitPriceNtd().strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			price = -1;
		}
		if (price < 1 || price > MAX_PRICE) {
			errors.add(new FieldError("unitPriceNtd", "unitPriceNtd must be whole New Taiwan dollars from 1 to 100,000,000"));
		}
		String note = blank(form.note()) ? null : form.note().strip();
		if (note != null && TextInput.problem(note) != null) {
			errors.add(new FieldError("note", "note " + TextInput.problem(note)));
		}
		else if (note != null && note.length() > NOTE_MAX) {
			errors.add(new FieldError("note", "note must be at most " + NOTE_MAX + " characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The price is refused: " + String.join("; ",
					errors.stream().map(FieldError::message).toList()), errors);
		}
		return new PriceRequest(kind, appliesFrom, price, note);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
