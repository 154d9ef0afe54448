package io.watchkeeper.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when an object does not exist or the caller may not know that it exists; answered with 404: a problem
 * detail for the API ({@link ApiExceptionHandler}), the layout's "no such page" for pages (through the status
 * below, wherever a page controller has no handler of its own).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
