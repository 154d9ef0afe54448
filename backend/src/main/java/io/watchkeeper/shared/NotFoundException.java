package io.watchkeeper.shared;

/** Thrown when an object does not exist or the caller may not know that it exists; answered with 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
