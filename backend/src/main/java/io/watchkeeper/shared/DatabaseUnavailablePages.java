package io.watchkeeper.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages whose database cannot be reached: 503 with Retry-After, rendered by the error page as "temporarily
 * unavailable" ({@link ErrorPages}), logged as one line instead of the container's stack trace per request. Runs
 * after Spring MVC's own resolvers, so the API's {@link ApiExceptionHandler} and a page's own handlers come first.
 */
@Component
class DatabaseUnavailablePages implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailablePages.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!DatabaseUnavailable.isCause(ex) || response.isCommitted()) {
			return null;
		}
		log.warn("Database unavailable at {}: {}", request.getRequestURI(), ApiExceptionHandler.rootMessage(ex));
		try {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return new ModelAndView();
		}
		catch (IOException e) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
