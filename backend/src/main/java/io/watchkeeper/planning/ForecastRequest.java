package io.watchkeeper.planning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * What a forecast is asked for: {@code years} fiscal years (1 to 10) from {@code asOf}'s year, grouped by
 * {@code grouping}. {@link #parse} names every parameter at fault at once.
 */
record ForecastRequest(LocalDate asOf, int years, ForecastGrouping grouping) {

	static final int MAX_YEARS = 10;
	static final int DEFAULT_YEARS = 10;

	ForecastRequest {
		if (asOf == null || grouping == null || years < 1 || years > MAX_YEARS) {
			throw new IllegalArgumentException("an incomplete forecast request");
		}
		if (asOf.getYear() < 1990 || asOf.getYear() > 2100 - MAX_YEARS) {
			throw new IllegalArgumentException("asOf out of range");
		}
	}

	int firstYear() {
		return asOf.getYear();
	}

	/** Jan 1 of the first year: end of life before it is the backlog. */
	LocalDate firstDay() {
		return LocalDate.of(firstYear(), 1, 1);
	}

	/** Jan 1 after the last year (excluded). */
	LocalDate endDay() {
		return LocalDate.of(firstYear() + years, 1, 1);
	}

	static ForecastRequest parse(String years, String groupBy, String asOf, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		int y = DEFAULT_YEARS;
		if (years != null && !years.isBlank()) {
			try {
				y = Integer.parseInt(years.strip());
			}
			catch (NumberFormatException e) {
				y = -1;
			}
			if (y < 1 || y > MAX_YEARS) {
				errors.add(new FieldError("years", "years must be a whole number from 1 to " + MAX_YEARS));
			}
		}
		ForecastGrouping grouping = null;
		try {
			grouping = ForecastGrouping.parse(groupBy);
		}
		catch (InvalidInputException e) {
			errors.addAll(e.fieldErrors());
		}
		LocalDate day = today;
		if (asOf != null && !asOf.isBlank()) {
			try {
				day = LocalDate.parse(asOf.strip());
				if (day.getYear() < 1990 || day.getYear() > 2100 - MAX_YEARS) {
					errors.add(new FieldError("asOf", "asOf must lie between 1990-01-01 and " + (2100 - MAX_YEARS) + "-12-31"));
				}
			}
			catch (DateTimeParseException e) {
				errors.add(new FieldError("asOf", "asOf must be a date as YYYY-MM-DD"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The forecast cannot be made: " + String.join("; ",
					errors.stream().map(FieldError::message).toList()), errors);
		}
		return new ForecastRequest(day, y, grouping);
	}
}
