package io.watchkeeper.shared;

/** A request that is well-formed but not allowed in the object's current state; answered with 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
