package io.watchkeeper.investigation;

import java.util.regex.Pattern;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.TextInput;

/**
 * A case number as the police write it ("1120330-0001", "KH-2023-000123", "高市警刑偵字第1120012345號"): never blank,
 * no control characters, at most 40 characters, surrounding spaces dropped. Unique case-insensitively (the database
 * index on {@code upper(case_number)}). The format a force uses is checked by {@link #parse} against
 * {@code watchkeeper.investigation.case-number-pattern}.
 */
public record CaseNumber(String value) {

	public static final int MAX_LENGTH = 40;

	/** Letters (CJK included), digits and hyphens, starting with a letter or digit, 3 to 40 characters. */
	public static final String DEFAULT_PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N}-]{2,39}";

	public CaseNumber {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("caseNumber", "caseNumber is required");
		}
		String problem = TextInput.problem(value);
		if (problem != null) {
			throw new InvalidInputException("caseNumber", "caseNumber " + problem);
		}
		value = value.strip();
		if (value.length() > MAX_LENGTH) {
			throw new InvalidInputException("caseNumber", "caseNumber is longer than " + MAX_LENGTH + " characters");
		}
	}

	/** A case number in the configured format; 400 naming {@code caseNumber} otherwise. */
	public static CaseNumber parse(String raw, Pattern format) {
		CaseNumber number = new CaseNumber(raw);
		if (!format.matcher(number.value).matches()) {
			throw new InvalidInputException("caseNumber", "caseNumber '" + number.value
					+ "' is not in the case-number format (letters, digits and hyphens, 3 to 40 characters)");
		}
		return number;
	}

	@Override
	public String toString() {
		return value;
	}
}
