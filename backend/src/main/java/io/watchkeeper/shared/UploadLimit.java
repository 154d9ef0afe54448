package io.watchkeeper.shared;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Refuses an upload larger than {@code spring.servlet.multipart.max-request-size} by its Content-Length, before
 * anything reads the body (Spring Security's CSRF filter would otherwise make Tomcat parse it and answer with its
 * own bare "HTTP Status 413" page). The refusal: problem details ("the file is larger than 60 MB") for the API and
 * any non-HTML client, for pages a redirect to the error page with the same sentence and a link back (Tomcat would
 * not forward a 413 with an unread body to {@code /error}). Tomcat reads and drops the unread body up to {@code server.tomcat.max-swallow-size}, so that
 * the browser gets to see the answer.
 */
@Configuration
class UploadLimit {

	static final String TOO_LARGE_PAGE = "/upload-too-large";

	@Bean
	FilterRegistrationBean<Filter> uploadLimitFilter(
			@Value("${spring.servlet.multipart.max-request-size:60MB}") String maxRequestSize) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new LimitFilter(DataSize.parse(maxRequestSize).toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20); // before Spring Security (-100)
		registration.addUrlPatterns("/*");
		return registration;
	}

	static final class LimitFilter implements Filter {

		private final long limit;

		LimitFilter(long limit) {
			this.limit = limit;
		}

		@Override
		public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest request = (HttpServletRequest) servletRequest;
			String contentType = request.getContentType();
			if (request.getDispatcherType() == DispatcherType.REQUEST && contentType != null
					&& contentType.toLowerCase().startsWith("multipart/") && request.getContentLengthLong() > limit) {
				long limitMb = Math.max(1, limit / (1024 * 1024));
				HttpServletResponse response = (HttpServletResponse) servletResponse;
				String accept = request.getHeader(HttpHeaders.ACCEPT);
				if (request.getRequestURI().startsWith("/api/") || accept == null || !accept.contains("text/html")) {
					response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
					response.setContentType("application/problem+json");
					response.setCharacterEncoding("UTF-8");
					response.getWriter().write("{\"type\":\"https://watchkeeper.example/problems/payload-too-large\","
							+ "\"title\":\"Payload too large\",\"status\":413,\"detail\":\"The file is larger than " + limitMb
							+ " MB, the largest upload\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
				}
				else {
					// a page: show the error page (a GET, so nothing tries to read the unread body again)
					response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + TOO_LARGE_PAGE + "?back="
							+ ErrorPages.back(request.getRequestURI()));
					response.setStatus(HttpStatus.SEE_OTHER.value());
				}
				return;
			}
			chain.doFilter(servletRequest, servletResponse);
		}
	}
}
