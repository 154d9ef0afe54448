package io.watchkeeper.procurement;

import java.util.List;

import io.watchkeeper.shared.InvalidInputException;

/**
 * A funding source or project that cannot be saved as given: each violation names its field, a message code for the page
 * and the English text for the API. {@code duplicate}: another source or project has the code, or is the same.
 */
class ProcurementInputRefused extends InvalidInputException {

	record Violation(String field, String code, Object[] args, String english) {
	}

	private final List<Violation> violations;
	private final boolean duplicate;

	ProcurementInputRefused(List<Violation> violations, boolean duplicate) {
		super(duplicate ? "It exists already" : "Some fields are not valid", violations.stream()
			.map(v -> new FieldError(v.field(), v.english()))
			.toList());
		this.violations = List.copyOf(violations);
		this.duplicate = duplicate;
	}

	List<Violation> violations() {
		return violations;
	}

	boolean duplicate() {
		return duplicate;
	}
}
