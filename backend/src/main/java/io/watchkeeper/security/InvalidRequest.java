package io.watchkeeper.security;

import java.util.List;

import io.watchkeeper.shared.InvalidInputException;

/**
 * A request that breaks a rule, with every violation. Each carries a message code of the security bundle,
 * so a page shows it in the user's language, and an English text for the API and the log.
 */
class InvalidRequest extends InvalidInputException {

	/** {@code field} is null for a rule about the whole request (e.g. "you cannot disable yourself"). */
	record Violation(String field, String code, Object[] args, String english) {
	}

	private final List<Violation> violations;

	InvalidRequest(String summary, List<Violation> violations) {
		super(summary, violations.stream()
			.map(v -> new FieldError(v.field() == null ? "request" : v.field(), v.english()))
			.toList());
		this.violations = List.copyOf(violations);
	}

	static InvalidRequest of(String field, String code, String english, Object... args) {
		return new InvalidRequest(english, List.of(new Violation(field, code, args, english)));
	}

	List<Violation> violations() {
		return violations;
	}
}
