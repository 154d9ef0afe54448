package io.watchkeeper.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors from the REST API into RFC 9457 problem details. Field errors are listed under
 * {@code errors} as {@code {field, message}} so a client can put each message next to its field.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	public static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://watchkeeper.example/problems/" + title.toLowerCase().replace(' ', '-')));
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail staleVersion(OptimisticLockingFailureException e) {
		return problem(HttpStatus.CONFLICT, "Stale version",
				"Someone else changed this object since you loaded it; reload and try again");
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
		problem.setProperty("errors", e.fieldErrors().stream()
				.map(f -> Map.of("field", f.field(), "message", f.message())).toList());
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		String refusal = TextInput.refusal(e);
		String detail = refusal != null ? "Parameter '" + e.getName() + "' " + refusal
				: "Parameter '" + e.getName() + "' has an invalid value: " + e.getValue();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
		problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", detail)));
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegalArgument(IllegalArgumentException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are not valid");
		problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
				.map(f -> Map.of("field", f.getField(), "message", message(f))).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	private static String message(org.springframework.validation.FieldError f) {
		String refusal = f.isBindingFailure() && f.contains(Exception.class) ? TextInput.refusal(f.unwrap(Exception.class)) : null;
		return refusal != null ? f.getField() + " " + refusal : String.valueOf(f.getDefaultMessage());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Jackson's message names the unknown or mistyped field and where in the document it is.
		String cause = ex.getMostSpecificCause().getMessage();
		String detail = cause != null && cause.startsWith("Required request body is missing")
				? "The request body is missing: send a JSON document"
				: "The request body is not valid JSON for this endpoint: "
						+ withoutJavaNames(cause == null ? "unreadable" : cause.lines().findFirst().orElse(cause));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed request", detail);
		// An unknown field or a value of the wrong type: name the field so a client can show it there.
		tools.jackson.core.JacksonException jackson = null;
		for (Throwable t = ex.getCause(); t != null && jackson == null; t = t.getCause()) {
			if (t instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
				jackson = j;
			}
		}
		if (jackson != null) {
			String field = jackson.getPath().stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
				.collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
			String message = jackson instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
					? "unknown field" : jackson.getOriginalMessage().lines().findFirst().orElse("invalid value");
			problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		long max = ex.getMaxUploadSize();
		String detail = max > 0 ? "The file is larger than " + Math.max(1, max / (1024 * 1024)) + " MB, the largest upload"
				: "The file is larger than the largest upload allowed";
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", detail));
	}

	@Override
	protected ResponseEntity<Object> handleAsyncRequestNotUsableException(AsyncRequestNotUsableException ex,
			WebRequest request) {
		log.debug("Client went away: {}", ex.toString());
		return null;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
		if (e instanceof org.springframework.security.access.AccessDeniedException
				|| e instanceof org.springframework.security.core.AuthenticationException) {
			throw e; // Spring Security answers these with 401/403
		}
		if (isClientAbort(e)) {
			// e.g. `curl .../export.csv | head`: nobody is left to read an answer, and the response may already be
			// committed as text/csv. Nothing to log above debug and nothing to write.
			log.debug("Client closed the connection: {}", e.toString());
			return null;
		}
		if (DatabaseUnavailable.isCause(e)) {
			return unavailable(e);
		}
		log.error("Unexpected error in API", e);
		return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; the error has been logged"));
	}

	/** The database cannot be reached: 503 with Retry-After; one line in the log, not a stack trace per request. */
	static ResponseEntity<ProblemDetail> unavailable(Exception e) {
		log.warn("Database unavailable: {}", rootMessage(e));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", UNAVAILABLE_DETAIL));
	}

	static final String UNAVAILABLE_DETAIL = "The database cannot be reached at the moment; try again in a few seconds";

	static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/** Tomcat's ClientAbortException, Spring's AsyncRequestNotUsableException, or a broken pipe / reset anywhere in the chain. */
	static boolean isClientAbort(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			String name = t.getClass().getName();
			if (t instanceof AsyncRequestNotUsableException || name.endsWith(".ClientAbortException")
					|| name.endsWith(".EofException")) {
				return true;
			}
			if (t instanceof java.io.IOException && t.getMessage() != null) {
				String message = t.getMessage().toLowerCase(java.util.Locale.ROOT);
				if (message.contains("broken pipe") || message.contains("connection reset")
						|| message.contains("connection was aborted") || message.contains("an established connection")) {
					return true;
				}
			}
		}
		return false;
	}

	private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile(
			"(?:java|javax|jakarta|io\\.watchkeeper|tools\\.jackson|org\\.springframework)(?:\\.[A-Za-z_$][\\w$]*)+(?:<[^>]*>+)?");

	/** A parser's message without the application's class and method names (a client needs the field, not our code). */
	static String withoutJavaNames(String message) {
		return JAVA_NAME.matcher(message).replaceAll("a value");
	}
}
