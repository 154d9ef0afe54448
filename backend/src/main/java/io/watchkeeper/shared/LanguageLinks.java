package io.watchkeeper.shared;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The header's language links ({@code @languageLinks.to('en')} in the layout): the page being read with its
 * query kept (filters, paging) and only {@code lang} replaced, so that switching language does not lose the view.
 */
@Component("languageLinks")
public class LanguageLinks {

	/** The current page's path and query with {@code lang} set to {@code language}; "?lang=..." outside a request. */
	public String to(String language) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return "?lang=" + language;
		}
		HttpServletRequest request = attributes.getRequest();
		// on an error page the request is the error dispatch: link the page that failed
		Object failedPath = request.getAttribute("jakarta.servlet.error.request_uri");
		String path = failedPath instanceof String p ? p : request.getRequestURI();
		try {
			return UriComponentsBuilder.fromPath(path)
				.query("GET".equals(request.getMethod()) && failedPath == null ? request.getQueryString() : null)
				.replaceQueryParam("lang", language)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException e) {
			// a query that is not properly encoded: keep the page, drop the query
			return UriComponentsBuilder.fromPath(path).replaceQueryParam("lang", language).build().encode().toUriString();
		}
	}
}
