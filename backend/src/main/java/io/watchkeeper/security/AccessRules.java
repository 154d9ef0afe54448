package io.watchkeeper.security;

import static io.watchkeeper.security.Role.ADMIN;
import static io.watchkeeper.security.Role.DISPATCHER;

import java.util.Arrays;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may do what, in one place. {@link SecurityConfig} applies these rules to its two filter chains and
 * {@code AccessRulesIT} checks them per role over real HTTP. First match wins.
 *
 * <pre>
 * API (/api/**, HTTP Basic or the page session)       who
 * /api/admin/**, /api/audit/**, /api/users/**          ADMIN
 * GET registry and reference data (cameras, sites,     every role
 *     precincts, districts, funding sources, projects)
 * any other method on /api/cameras/**, /api/imports/** ADMIN, DISPATCHER
 * /v3/api-docs/**                                      any logged-in user
 * anything else under /api/**                          ADMIN (closed until a rule opens it); a path no
 *                                                      controller serves: any logged-in user, who gets 404
 *
 * Pages (form login, session, CSRF)
 * /login, static resources, /error, /actuator/health   everyone, also anonymous
 * /admin/**                                            ADMIN
 * /cameras/new, /cameras/{id}/edit, /cameras/{id}/decommission, /imports/**,
 *     and any non-GET request under /cameras/**        ADMIN, DISPATCHER
 * Swagger UI                                           any logged-in user
 * everything else (camera list, camera page, ...)      every role
 * </pre>
 */
final class AccessRules {

	/** Everyone who works with the camera registry reads it. */
	static final Role[] EVERY_ROLE = Role.values();

	/** Who creates, edits, decommissions and imports cameras. */
	static final Role[] REGISTRY_EDITORS = { ADMIN, DISPATCHER };

	static final String[] PUBLIC_PAGES = { SecurityConfig.LOGIN_PAGE, "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/favicon.ico", "/error", "/actuator/health" };

	static final String[] REGISTRY_API = { "/api/cameras/**", "/api/sites/**", "/api/precincts/**",
			"/api/districts/**", "/api/funding-sources/**", "/api/projects/**" };

	private AccessRules() {
	}

	static void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
			UnknownApiPaths unknownPaths) {
		auth.requestMatchers("/api/admin/**", "/api/audit/**", "/api/users/**").hasRole(ADMIN.name())
			.requestMatchers(HttpMethod.GET, REGISTRY_API).hasAnyRole(names(EVERY_ROLE))
			.requestMatchers(HttpMethod.HEAD, REGISTRY_API).hasAnyRole(names(EVERY_ROLE))
			.requestMatchers("/api/cameras/**", "/api/imports/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/v3/api-docs/**").authenticated()
			.anyRequest().access(unknownPaths);
	}

	static void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(PUBLIC_PAGES).permitAll()
			.requestMatchers("/admin/**").hasRole(ADMIN.name())
			.requestMatchers("/cameras/new", "/cameras/*/edit", "/cameras/*/decommission", "/imports/**")
			.hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.POST, "/cameras/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.PUT, "/cameras/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.PATCH, "/cameras/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.DELETE, "/cameras/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/swagger-ui.html", "/swagger-ui/**").authenticated()
			.anyRequest().hasAnyRole(names(EVERY_ROLE));
	}

	static String[] names(Role... roles) {
		return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
	}
}
