package io.watchkeeper.shared;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * Errors that Tomcat raises before Spring MVC has the request still end in a problem detail (API and non-HTML
 * clients) or the error page:
 * <ul>
 * <li>a request line or headers longer than {@code server.max-http-request-header-size}: Tomcat answers before any
 * filter runs, through its host's error report valve, which is replaced by {@link ProblemReportValve};</li>
 * <li>more parameters than {@code server.tomcat.max-parameter-count}: Tomcat throws on the first
 * {@code getParameter}, wherever that is (the error page's own locale interceptor too), so a filter parses them
 * first and answers 400, and the error dispatch sees no parameters;</li>
 * <li>a multipart body Tomcat cannot parse (a part header over {@code server.tomcat.max-part-header-size}, e.g. a
 * 1,000-character file name; a truncated body): 400 naming the reason, or 413 for a part over the size limit.
 * Spring resolves multipart before it knows the handler, so the API's advice never sees these.</li>
 * </ul>
 */
@Configuration
class ContainerErrors {

	/** Request attribute: the request's parameters could not be parsed; the error dispatch must not try again. */
	static final String PARAMETERS_FAILED = ContainerErrors.class.getName() + ".parametersFailed";

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(
			@Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
		return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				replaceErrorReportValve(context, maxHeaderSize);
			}
		}));
	}

	private static void replaceErrorReportValve(Context context, DataSize maxHeaderSize) {
		var pipeline = context.getParent().getPipeline();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
				pipeline.removeValve(valve);
			}
		}
		pipeline.addValve(new ProblemReportValve(maxHeaderSize));
	}

	@Bean
	FilterRegistrationBean<Filter> parameterLimitFilter(
			@Value("${server.tomcat.max-parameter-count:1000}") int maxParameterCount) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ParameterLimit(maxParameterCount));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21); // after UploadLimit, before Spring Security
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	HandlerExceptionResolver multipartProblems() {
		return new MultipartProblems();
	}

	static final class ParameterLimit implements Filter {

		private final int maxParameterCount;

		ParameterLimit(int maxParameterCount) {
			this.maxParameterCount = maxParameterCount;
		}

		@Override
		public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest request = (HttpServletRequest) servletRequest;
			if (request.getAttribute(PARAMETERS_FAILED) != null) {
				chain.doFilter(new WithoutParameters(request), servletResponse);
				return;
			}
			String contentType = request.getContentType();
			boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
			if (request.getDispatcherType() == DispatcherType.REQUEST && !multipart) {
				try {
					request.getParameterMap();
				}
				catch (IllegalStateException e) { // Tomcat's InvalidParameterException, or a form over max-http-form-post-size
					request.setAttribute(PARAMETERS_FAILED, Boolean.TRUE);
					request.setAttribute(ErrorPages.DETAIL, "The request has more than " + maxParameterCount
							+ " parameters, or its parameters cannot be read");
					((HttpServletResponse) servletResponse).sendError(HttpStatus.BAD_REQUEST.value());
					return;
				}
			}
			chain.doFilter(servletRequest, servletResponse);
		}
	}

	/** The request as the error page sees it after its parameters failed to parse: none at all. */
	private static final class WithoutParameters extends HttpServletRequestWrapper {

		WithoutParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}
	}

	/**
	 * A multipart body that Tomcat could not parse: 400 with the reason (413 for a part over the size limit), through
	 * the error controller. The exception is left as the request's error so that the error dispatch does not parse
	 * the body again (and fail again, leaving an empty answer).
	 */
	static final class MultipartProblems implements HandlerExceptionResolver, Ordered {

		@Override
		public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
				Exception ex) {
			if (!(ex instanceof MultipartException multipart) || response.isCommitted()) {
				return null;
			}
			try {
				String reason = reason(multipart);
				int status = multipart instanceof MaxUploadSizeExceededException && !reason.contains("header")
						? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value();
				request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
				request.setAttribute(ErrorPages.DETAIL, status == 413
						? "A file in the upload is larger than the largest upload allowed"
						: "The upload cannot be read: " + reason);
				response.sendError(status);
				return new ModelAndView();
			}
			catch (IOException e) {
				return null;
			}
		}

		private static String reason(MultipartException e) {
			Throwable root = e;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String message = root.getMessage() == null ? "" : root.getMessage().toLowerCase(java.util.Locale.ROOT);
			if (message.contains("header")) {
				return "a part's headers are too long (a file name of at most a few hundred characters, please)";
			}
			if (message.contains("count")) {
				return "it has too many parts";
			}
			return "the multipart body is malformed or incomplete";
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}
	}
}
