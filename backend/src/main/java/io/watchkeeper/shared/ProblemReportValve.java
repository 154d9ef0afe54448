package io.watchkeeper.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's host error report, for the errors it answers itself before any filter or servlet runs (a request line
 * or headers too long, an unparseable request): a problem detail for the API and every client that does not ask
 * for HTML, Tomcat's bare page (without stack trace or server version) for browsers.
 */
class ProblemReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSize maxHeaderSize;

	ProblemReportValve(DataSize maxHeaderSize) {
		this.maxHeaderSize = maxHeaderSize;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0) {
			return;
		}
		if (!wantsProblem(request)) {
			super.report(request, response, throwable);
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		String title = status == null ? "Error" : status.getReasonPhrase();
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://watchkeeper.example/problems/" + title.toLowerCase().replace(' ', '-'));
		problem.put("title", title);
		problem.put("status", code);
		problem.put("detail", detail(code));
		String uri = request.getRequestURI();
		if (uri != null && !uri.isEmpty() && uri.length() <= 200) {
			problem.put("instance", uri);
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(JSON.writeValueAsString(problem));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response cannot take a body any more: nothing else to do
		}
	}

	private String detail(int code) {
		return switch (code) {
			case 400 -> "The request cannot be read: its URL and headers may be at most " + maxHeaderSize.toKilobytes()
					+ " KB together, and must be well formed";
			case 413 -> "The request is too large";
			case 414 -> "The URL is too long";
			case 431 -> "The request headers are too large";
			default -> code >= 500 ? "Something went wrong on our side; the error has been logged"
					: HttpStatus.resolve(code) == null ? "The request was refused" : HttpStatus.resolve(code).getReasonPhrase();
		};
	}

	private static boolean wantsProblem(Request request) {
		String uri = request.getRequestURI();
		if (uri != null && uri.startsWith("/api/")) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept == null || !accept.contains("text/html");
	}
}
