package io.watchkeeper.camera.importing;

import java.util.List;

/**
 * A cell value that cannot be imported: a message code in {@code messages/import*.properties} and its
 * arguments. Thrown by the value parsers and turned into a row error; carries no stack trace because a
 * bad file can have a hundred thousand of them.
 */
final class BadValue extends Exception {

	private final String code;

	private final List<Object> args;

	BadValue(String code, Object... args) {
		super(code, null, false, false);
		this.code = code;
		this.args = List.of(args);
	}

	String code() {
		return code;
	}

	List<Object> args() {
		return args;
	}
}
