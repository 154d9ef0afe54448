package io.watchkeeper.shared;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What the error page ({@code templates/error.html}) and the API's error answers know beyond Boot's defaults:
 * {@code messageKey} (which explanation to show: a refused CSRF token reads "your session expired, reload and
 * try again", a 404 "no such page"), {@code detail} (a message set by whoever refused the request, for the
 * API's problem details), {@code limitMb} for a too-large upload and {@code back} (where the page's "back"
 * link goes).
 */
@Configuration
public class ErrorPages {

	/** Request attribute: a sentence for the client, shown as the problem's {@code detail}. */
	public static final String DETAIL = ErrorPages.class.getName() + ".detail";

	/** Request attribute: the upload limit in MB that a refused upload exceeded. */
	public static final String LIMIT_MB = ErrorPages.class.getName() + ".limitMb";

	@Bean
	ErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request, options);
				Throwable error = getError(request);
				if (error != null && DatabaseUnavailable.isCause(error)) {
					// the database is away for a moment: no defect, a polite "try again shortly"
					attributes.put("status", 503);
					attributes.put("error", "Service Unavailable");
					// the layout then skips what would wait for the database again (the notification count)
					attributes.put("databaseUnavailable", true);
				}
				int status = attributes.get("status") instanceof Integer s ? s : 500;
				boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403,
						RequestAttributes.SCOPE_REQUEST) instanceof CsrfException
						|| getError(request) instanceof CsrfException;
				attributes.put("csrf", csrf);
				attributes.put("messageKey", messageKey(status, csrf));
				Object detail = request.getAttribute(DETAIL, RequestAttributes.SCOPE_REQUEST);
				if (detail != null) {
					attributes.put("detail", detail);
				}
				Object limit = request.getAttribute(LIMIT_MB, RequestAttributes.SCOPE_REQUEST);
				if (limit != null) {
					attributes.put("limitMb", limit);
				}
				Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
				attributes.put("back", back(uri instanceof String s ? s : null));
				return attributes;
			}
		};
	}

	static String messageKey(int status, boolean csrf) {
		if (csrf) {
			return "error.csrf";
		}
		return switch (status) {
			case 400, 403, 404, 405, 413, 415, 503 -> "error." + status;
			default -> status >= 500 ? "error.5xx" : "error.4xx";
		};
	}

	/** The first path segment of the failed request (e.g. {@code /imports}), a page a "back" link can open. */
	static String back(String uri) {
		if (uri == null || !uri.startsWith("/") || uri.startsWith("/api/") || uri.length() < 2) {
			return "/";
		}
		int end = uri.indexOf('/', 1);
		String first = end < 0 ? uri : uri.substring(0, end);
		return first.matches("/[a-z-]+") ? first : "/";
	}
}
