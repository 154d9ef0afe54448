package io.watchkeeper.procurement;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import io.watchkeeper.shared.ApiExceptionHandler;
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

	/** The API's answer: 409 for a duplicate, 400 otherwise, with the fields at fault. */
	ResponseEntity<ProblemDetail> asProblem() {
		HttpStatus status = duplicate ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ApiExceptionHandler.problem(status, duplicate ? "Conflict" : "Invalid input", getMessage());
		problem.setProperty("errors", fieldErrors().stream()
			.map(f -> Map.of("field", f.field(), "message", f.message())).toList());
		return ResponseEntity.status(status).body(problem);
	}
}
