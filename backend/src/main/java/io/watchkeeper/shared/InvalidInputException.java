package io.watchkeeper.shared;

import java.util.List;

/** User input that breaks a domain rule, with the fields at fault; answered with 400 and field errors. */
public class InvalidInputException extends RuntimeException {

	public record FieldError(String field, String message) {
	}

	private final List<FieldError> fieldErrors;

	public InvalidInputException(String message, List<FieldError> fieldErrors) {
		super(message);
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	public InvalidInputException(String field, String message) {
		this(message, List.of(new FieldError(field, message)));
	}

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}
}
