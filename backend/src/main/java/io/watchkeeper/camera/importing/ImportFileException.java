package io.watchkeeper.camera.importing;

import java.util.List;

/**
 * The file as a whole cannot be imported (empty, too large, wrong encoding, missing columns, not
 * GeoJSON...): nothing was read into the registry. Carries a message code and arguments so the page and
 * the API can say it in the user's language; the API answers with a problem detail of {@link #status()}.
 */
final class ImportFileException extends RuntimeException {

	private final String code;

	private final List<Object> args;

	private final int status;

	ImportFileException(String code, Object... args) {
		this(400, code, args);
	}

	ImportFileException(int status, String code, Object... args) {
		super(code + " " + List.of(args), null, false, false);
		this.status = status;
		this.code = code;
		this.args = List.of(args);
	}

	String code() {
		return code;
	}

	List<Object> args() {
		return args;
	}

	int status() {
		return status;
	}
}
