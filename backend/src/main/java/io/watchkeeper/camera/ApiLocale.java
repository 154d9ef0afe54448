package io.watchkeeper.camera;

import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The camera API speaks the caller's language: {@code Accept-Language} (or {@code ?lang=}) chooses between
 * English and Traditional Chinese, and a client that says nothing gets English. The pages keep their own
 * choice (zh-TW by default, cookie). Validation messages and the API's error texts follow this locale; the
 * exports keep the page locale for their column headers.
 */
@Configuration
class ApiLocale implements WebMvcConfigurer {

	static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (!request.getRequestURI().contains("/export.")) {
					LocaleContextHolder.setLocale(resolve(request.getParameter("lang"), request.getHeader("Accept-Language")));
				}
				return true;
			}
		}).addPathPatterns("/api/cameras", "/api/cameras/**", "/api/precincts", "/api/districts",
				"/api/funding-sources", "/api/projects", "/api/planning/**");
	}

	/** zh-TW when the caller prefers Chinese (before any English), English otherwise and by default. */
	static Locale resolve(String lang, String acceptLanguage) {
		String wanted = lang != null && !lang.isBlank() ? lang : acceptLanguage;
		if (wanted == null || wanted.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(wanted.replace('_', '-'))) {
				String tag = range.getRange().toLowerCase(Locale.ROOT);
				if (tag.startsWith("zh")) {
					return ZH_TW;
				}
				if (tag.startsWith("en") || tag.equals("*")) {
					return Locale.ENGLISH;
				}
			}
		}
		catch (IllegalArgumentException e) {
			// an unreadable header: the default
		}
		return Locale.ENGLISH;
	}
}
