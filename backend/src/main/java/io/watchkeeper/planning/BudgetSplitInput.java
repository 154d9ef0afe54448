package io.watchkeeper.planning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * What a budget split is asked for, checked: a fiscal year 1990..2100, a total above zero and at most
 * {@link #MAX_TOTAL_NTD}, a reference date (ISO) within 1990..2100. Refused with 400 naming every field at fault.
 */
record BudgetSplitInput(int fiscalYear, long totalNtd, LocalDate referenceDate) {

	/** Far above any city's maintenance budget (the 2023 one is NT$69,769,000): a typo, not a budget. */
	static final long MAX_TOTAL_NTD = 10_000_000_000L;
	static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
	static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	BudgetSplitInput {
		List<FieldError> errors = new ArrayList<>();
		check(errors, fiscalYear >= 1990 && fiscalYear <= 2100, "fiscalYear", "The fiscal year must be between 1990 and 2100");
		check(errors, totalNtd > 0 && totalNtd <= MAX_TOTAL_NTD, "totalNtd",
				"The total must be a whole number of NT dollars above 0 and at most " + MAX_TOTAL_NTD);
		check(errors, referenceDate != null && !referenceDate.isBefore(EARLIEST) && !referenceDate.isAfter(LATEST),
				"referenceDate", "The reference date must be a date (YYYY-MM-DD) between 1990-01-01 and 2100-12-31");
		refuse(errors);
	}

	/** From request texts (query parameters or JSON), naming every field that is missing or malformed. */
	static BudgetSplitInput parse(Object fiscalYear, Object totalNtd, Object referenceDate) {
		List<FieldError> errors = new ArrayList<>();
		Long year = number(fiscalYear, "fiscalYear", "The fiscal year must be a western year such as 2023", errors);
		Long total = number(totalNtd, "totalNtd", "The total must be a whole number of NT dollars", errors);
		LocalDate day = null;
		String dayText = referenceDate == null ? null : referenceDate.toString().strip();
		if (dayText == null || dayText.isEmpty()) {
			errors.add(new FieldError("referenceDate", "The reference date is required (YYYY-MM-DD)"));
		}
		else {
			try {
				day = LocalDate.parse(dayText);
			}
			catch (DateTimeParseException e) {
				errors.add(new FieldError("referenceDate", "The reference date must be a date (YYYY-MM-DD)"));
			}
		}
		refuse(errors);
		if (year < Integer.MIN_VALUE || year > Integer.MAX_VALUE) {
			year = 0L; // refused by the constructor's range check
		}
		return new BudgetSplitInput(year.intValue(), total, day);
	}

	private static Long number(Object value, String field, String message, List<FieldError> errors) {
		if (value instanceof Number n && (n instanceof Integer || n instanceof Long || n instanceof Short)) {
			return n.longValue();
		}
		String text = value == null ? "" : value.toString().strip().replace(",", "");
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, text.isEmpty() ? message + " (required)" : message));
			return null;
		}
	}

	private static void check(List<FieldError> errors, boolean ok, String field, String message) {
		if (!ok) {
			errors.add(new FieldError(field, message));
		}
	}

	private static void refuse(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.size() == 1 ? errors.get(0).message()
					: "Some fields are not valid: " + String.join(", ", errors.stream().map(FieldError::field).toList()), errors);
		}
	}
}
