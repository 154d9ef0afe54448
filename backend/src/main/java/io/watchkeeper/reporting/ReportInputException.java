package io.watchkeeper.reporting;

import io.watchkeeper.shared.InvalidInputException;

/** A bad report parameter: the API answers with the English message, the page with {@code code} in its language. */
class ReportInputException extends InvalidInputException {

	private final String code;
	private final Object[] args;

	ReportInputException(String field, String code, String message, Object... args) {
		super(field, message);
		this.code = code;
		this.args = args;
	}

	String field() {
		return fieldErrors().get(0).field();
	}

	String code() {
		return code;
	}

	Object[] args() {
		return args.clone();
	}
}
