package io.watchkeeper.camera.boundary;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * A boundary file refused as a whole: a summary and the problems (each at a feature and field), as message
 * codes of {@code messages/boundary*.properties} with arguments, so the page says them in the reader's
 * language. {@code conflict} marks a file that is fine in itself but would remove areas still in use.
 */
class BoundaryFileException extends RuntimeException {

	private final String code;

	private final List<Object> args;

	private final List<GeoJsonPolygons.Problem> problems;

	private final boolean conflict;

	BoundaryFileException(String code, List<Object> args, List<GeoJsonPolygons.Problem> problems, boolean conflict) {
		super(code + " " + args + " " + problems);
		this.code = code;
		this.args = List.copyOf(args);
		this.problems = List.copyOf(problems);
		this.conflict = conflict;
	}

	boolean conflict() {
		return conflict;
	}

	String summary(MessageSource messages, Locale locale) {
		return messages.getMessage(code, args.toArray(), code, locale);
	}

	List<FieldError> fieldErrors(MessageSource messages, Locale locale) {
		return problems.stream()
			.map(p -> new FieldError(p.field(), messages.getMessage(p.code(), p.args().toArray(), p.code(), locale)))
			.toList();
	}

	/** The same, as the exceptions the API answers with (400 with field errors, or 409). */
	RuntimeException forApi(MessageSource messages, Locale locale) {
		if (conflict) {
			StringBuilder message = new StringBuilder(summary(messages, locale));
			for (FieldError e : fieldErrors(messages, locale)) {
				message.append(message.charAt(message.length() - 1) == ':' ? " " : "; ").append(e.field()).append(": ").append(e.message());
			}
			return new ConflictException(message.toString());
		}
		return new InvalidInputException(summary(messages, locale), fieldErrors(messages, locale));
	}
}
