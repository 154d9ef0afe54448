package io.watchkeeper.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.watchkeeper.shared.ApiExceptionHandler;
import io.watchkeeper.shared.TextInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The camera API's answers to values that cannot be read (a status FOO, precinct=abc, {@code "lpr": "XX"},
 * a date that does not exist): a problem detail whose {@code errors} name the field, the value and what is
 * allowed, in the caller's language, instead of Java conversion or Jackson parser text. Everything else is
 * left to the shared {@link ApiExceptionHandler}.
 */
@RestControllerAdvice(assignableTypes = { CameraApiController.class, ReferenceApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CameraApiErrors {

	private final InputMessages messages;

	CameraApiErrors(InputMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidParameters(MethodArgumentNotValidException e) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError f : e.getBindingResult().getFieldErrors()) {
			String refusal = f.isBindingFailure() && f.contains(Exception.class)
					? TextInput.refusal(f.unwrap(Exception.class)) : null;
			String message = refusal != null ? f.getField() + " " + refusal : f.isBindingFailure()
					? messages.unreadable(f.getField(), f.getRejectedValue(), fieldType(e, f.getField()), true, locale)
					: String.valueOf(f.getDefaultMessage());
			errors.add(Map.of("field", f.getField(), "message", message));
		}
		errors.sort(java.util.Comparator.comparing(m -> m.get("field")));
		return problem(errors);
	}

	@ExceptionHandler(FarOutsideAreaException.class)
	ProblemDetail farOutsideArea(FarOutsideAreaException e) {
		String message = messages.msg("camera.api.farOutsideArea", LocaleContextHolder.getLocale(),
				String.valueOf(e.location().longitude()), String.valueOf(e.location().latitude()),
				FarOutsideAreaException.format(e.kilometres()), FarOutsideAreaException.format(e.toleranceKm()));
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Outside the area", message);
		problem.setProperty("errors", List.of(Map.of("field", "longitude", "message", message)));
		problem.setProperty("distanceKm", e.kilometres());
		problem.setProperty("toleranceKm", e.toleranceKm());
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		String refusal = TextInput.refusal(e);
		String message = refusal != null ? e.getName() + " " + refusal : messages.unreadable(e.getName(), e.getValue(),
				e.getRequiredType(), true, LocaleContextHolder.getLocale());
		return problem(List.of(Map.of("field", e.getName(), "message", message)));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
		Locale locale = LocaleContextHolder.getLocale();
		JacksonException jackson = null;
		for (Throwable t = e.getCause(); t != null && jackson == null; t = t.getCause()) {
			if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
				jackson = j;
			}
		}
		if (jackson == null) {
			ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Malformed request",
					messages.msg("camera.api.notJson", locale));
			return problem;
		}
		String field = jackson.getPath().stream()
			.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
		String message;
		if (TextInput.refusal(jackson) != null) {
			message = field + " " + TextInput.refusal(jackson);
		}
		else if (jackson instanceof UnrecognizedPropertyException) {
			message = messages.msg("camera.api.unknownField", locale, field);
		}
		else if (jackson instanceof InvalidFormatException invalid) {
			message = messages.unreadable(field, invalid.getValue(), invalid.getTargetType(), true, locale);
		}
		else if (jackson instanceof MismatchedInputException mismatched) {
			message = messages.unreadable(field, "…", mismatched.getTargetType(), true, locale);
		}
		else {
			message = messages.msg("camera.api.notJson", locale);
		}
		return problem(List.of(Map.of("field", field, "message", message)));
	}

	private ProblemDetail problem(List<Map<String, String>> errors) {
		String detail = errors.stream().map(m -> m.get("message")).collect(Collectors.joining("; "));
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	private static Class<?> fieldType(MethodArgumentNotValidException e, String field) {
		try {
			return e.getBindingResult().getFieldType(field);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}
