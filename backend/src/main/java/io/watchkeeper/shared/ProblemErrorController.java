package io.watchkeeper.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Boot's error controller, with RFC 9457 problem details instead of its {@code {"timestamp": ...}} JSON for
 * every request that does not ask for HTML: unknown API paths (404), unsupported content types (415), wrong
 * methods (405), too-large uploads (413) and whatever else ends at {@code /error}. Pages get
 * {@code templates/error.html} (through Boot's view resolution).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

	private final ErrorAttributes errorAttributes;

	ProblemErrorController(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> resolvers) {
		super(errorAttributes, new ErrorProperties(), resolvers.orderedStream().toList());
		this.errorAttributes = errorAttributes;
	}

	@Override
	@RequestMapping
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> attributes = getErrorAttributes(request, ErrorAttributeOptions.defaults());
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String title = status.getReasonPhrase();
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", URI.create("https://watchkeeper.example/problems/" + title.toLowerCase().replace(' ', '-')));
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail(request, status, attributes));
		problem.put("instance", uri instanceof String s ? s : request.getRequestURI());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
		}
		return answer.body(problem);
	}

	/** Pages: as Boot's, with 503 and Retry-After (and the "temporarily unavailable" text) when the database is away. */
	@Override
	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (databaseUnavailable(request)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
		}
		return super.errorHtml(request, response);
	}

	/** A request that failed because the database cannot be reached answers 503, whatever the container said. */
	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		return databaseUnavailable(request) ? HttpStatus.SERVICE_UNAVAILABLE : super.getStatus(request);
	}

	private boolean databaseUnavailable(HttpServletRequest request) {
		Throwable error = errorAttributes.getError(new ServletWebRequest(request));
		return error != null && DatabaseUnavailable.isCause(error);
	}

	private String detail(HttpServletRequest request, HttpStatus status, Map<String, Object> attributes) {
		if (attributes.get("detail") instanceof String detail) {
			return detail;
		}
		Throwable error = errorAttributes.getError(new ServletWebRequest(request));
		if (error instanceof ErrorResponse response && response.getBody().getDetail() != null
				&& status != HttpStatus.NOT_FOUND) {
			return response.getBody().getDetail();
		}
		return switch (status) {
			case NOT_FOUND -> "There is no such resource; see /swagger-ui.html for the API";
			case UNAUTHORIZED -> "Log in, or send HTTP Basic credentials";
			case FORBIDDEN -> "You may not do this";
			case METHOD_NOT_ALLOWED -> "This method is not allowed here";
			case UNSUPPORTED_MEDIA_TYPE -> "This content type is not supported here; send application/json";
			case PAYLOAD_TOO_LARGE -> "The request is too large";
			case SERVICE_UNAVAILABLE -> ApiExceptionHandler.UNAVAILABLE_DETAIL;
			default -> status.is5xxServerError() ? "Something went wrong on our side; the error has been logged"
					: status.getReasonPhrase();
		};
	}
}
