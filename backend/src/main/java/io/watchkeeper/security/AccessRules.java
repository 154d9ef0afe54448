package io.watchkeeper.security;

import static io.watchkeeper.security.Role.ADMIN;
import static io.watchkeeper.security.Role.DISPATCHER;
import static io.watchkeeper.security.Role.INVESTIGATOR;
import static io.watchkeeper.security.Role.PROCUREMENT;
import static io.watchkeeper.security.Role.SQUAD_MEMBER;
import static io.watchkeeper.security.Role.VENDOR_TECHNICIAN;
import static io.watchkeeper.security.Role.VIEWER;

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
 * GET registry and reference data (cameras, sites,     every role (vendors and squads only the cameras they
 *     precincts, districts, stations)                  maintain: a camera scope applied by the camera module's
 *                                                      queries; any other camera is not found, 404)
 * any other method on /api/stations/**                 ADMIN (the department's organisation)
 * GET /api/gazetteer/** (door-plate datasets, lookup)  ADMIN, DISPATCHER
 * any other method on /api/gazetteer/**                ADMIN (import and remove door-plate datasets)
 * /api/placement/** (address matching, its review,     ADMIN, DISPATCHER (who places cameras; every placement
 *     the placement queue)                             audited)
 * /api/import-profiles/**                              ADMIN, DISPATCHER (saved column mappings and patterns)
 * GET /api/funding-sources/**, /api/projects/** (money) FUNDING_READERS: every role but VENDOR_TECHNICIAN and
 *                                                      SQUAD_MEMBER (no other company's money)
 * any other method on /api/funding-sources/**,        ADMIN, PROCUREMENT (add and change funding sources,
 *     /api/projects/**                                  add projects)
 * any other method on /api/cameras/**, /api/imports/** ADMIN, DISPATCHER
 * POST /api/health/observations                       a machine token (Bearer) of an active health feed
 * GET /api/work-orders/assignees (the assign-list)     ADMIN, DISPATCHER (who may assign)
 * /api/work-orders/**                                  ADMIN, DISPATCHER, VENDOR_TECHNICIAN, SQUAD_MEMBER
 *                                                      (vendors and squads only their own orders: checked
 *                                                      per object in the maintenance module; which
 *                                                      transition whom: the WorkOrder aggregate's rules)
 * GET /api/outages/**                                  ADMIN, DISPATCHER, INVESTIGATOR, VIEWER
 * any other method on /api/outages/**                  ADMIN, DISPATCHER
 * /api/reports/**                                      ADMIN, DISPATCHER, PROCUREMENT, VIEWER
 * /api/notifications/**                                any logged-in user (their own notifications)
 * GET /api/map/** (the map's data, read-only)          ADMIN, DISPATCHER, INVESTIGATOR, VIEWER, PROCUREMENT
 *                                                      (not vendors and squads: they see their own orders,
 *                                                      not the city's outages; popups show work orders to
 *                                                      ADMIN and DISPATCHER only, in the map module)
 * /v3/api-docs/**                                      any logged-in user
 * anything else under /api/**                          ADMIN (closed until a rule opens it); a path no
 *                                                      controller serves: any logged-in user, who gets 404
 *
 * Pages (form login, session, CSRF)
 * /login, static resources, /error, /actuator/health   everyone, also anonymous
 * /admin/** (users, boundaries, stations, door-plate   ADMIN
 *     datasets, city set-up, audit, tokens)
 * /placement/** (address matching, review, queue)      ADMIN, DISPATCHER
 * /procurement/funding-sources/** (add, change),       ADMIN, PROCUREMENT
 *     /procurement/projects/new, POST /procurement/projects/**
 * /cameras/new, /cameras/{id}/edit, /cameras/{id}/decommission, /imports/**,
 *     and any non-GET request under /cameras/**        ADMIN, DISPATCHER
 * /my-work-orders/** (the assignee's phone page)      VENDOR_TECHNICIAN, SQUAD_MEMBER (others hold no orders; the
 *                                                      navigation offers each role exactly what it may open)
 * /work-orders/**                                      ADMIN, DISPATCHER, VENDOR_TECHNICIAN, SQUAD_MEMBER
 * /outages/** (the outage board)                       ADMIN, DISPATCHER, INVESTIGATOR, VIEWER (changes: ADMIN,
 *                                                      DISPATCHER)
 * /reports/**                                          ADMIN, DISPATCHER, PROCUREMENT, VIEWER
 * /cases/** (cases, canvass lists, print, figures)    ADMIN, INVESTIGATOR (precinct scoping as for /api/cases)
 * /map (the map page)                                  ADMIN, DISPATCHER, INVESTIGATOR, VIEWER, PROCUREMENT
 * /procurement/** (budgets, contracts, funding)        FUNDING_READERS (not vendors and squads)
 * GET /planning/**, GET /api/planning/** (forecast,     PLAN_READERS: ADMIN, PROCUREMENT, DISPATCHER (others do not
 *     price list, plans, budget split preview)          see prices and plans)
 * any other method on /planning/**, /api/planning/**   PLAN_EDITORS: ADMIN, PROCUREMENT (price list, plans, projects
 *                                                      from a plan year, important sites, applying the budget split)
 * Swagger UI                                           any logged-in user
 * everything else (camera list, camera page, ...)      every role (vendors and squads: their cameras only, as above)
 * </pre>
 */
final class AccessRules {

	/** Everyone who works with the camera registry reads it. */
	static final Role[] EVERY_ROLE = Role.values();

	/** Who creates, edits, decommissions and imports cameras. */
	static final Role[] REGISTRY_EDITORS = { ADMIN, DISPATCHER };

	/** Who works on work orders; vendors and squads see only their own (checked per object). */
	static final Role[] MAINTAINERS = { ADMIN, DISPATCHER, VENDOR_TECHNICIAN, SQUAD_MEMBER };

	/** Who holds work orders as assignee and works them from "my work orders": vendors' technicians and squads. */
	static final Role[] ORDER_HOLDERS = { VENDOR_TECHNICIAN, SQUAD_MEMBER };

	/**
	 * Who watches the outage board and asks a camera's outage history ("was it recording at T": investigators);
	 * only dispatchers and admins change anything there.
	 */
	static final Role[] OUTAGE_WATCHERS = { ADMIN, DISPATCHER, INVESTIGATOR, VIEWER };

	/**
	 * Who works on cases, canvasses and footage requests: investigators (a precinct's only its own cases, checked per
	 * object in the investigation module) and administrators; nobody else sees that a case exists.
	 */
	static final Role[] CASE_WORKERS = { ADMIN, INVESTIGATOR };

	/** Who reads the maintenance figures of the whole city. */
	static final Role[] REPORT_READERS = { ADMIN, DISPATCHER, PROCUREMENT, VIEWER };

	/**
	 * Who uses the city map: its states include the city's current outages and its area figures downtime, so the
	 * outage watchers and the report readers; not vendors and squads (their own orders only).
	 */
	static final Role[] MAP_READERS = { ADMIN, DISPATCHER, INVESTIGATOR, VIEWER, PROCUREMENT };

	/**
	 * Who reads funding sources, project budgets and maintenance contracts (/procurement, /api/funding-sources,
	 * /api/projects): not vendor technicians and squad members, who would read other companies' contract budgets and
	 * have no need of them.
	 */
	static final Role[] FUNDING_READERS = { ADMIN, DISPATCHER, PROCUREMENT, INVESTIGATOR, VIEWER };

	/** Who sees the forecast's cost, the price list, replacement plans and the budget split (issue 11). */
	static final Role[] PLAN_READERS = { ADMIN, PROCUREMENT, DISPATCHER };

	/** Who keeps the price list, saves plans, makes projects of plan years and applies the budget split. */
	static final Role[] PLAN_EDITORS = { ADMIN, PROCUREMENT };

	/** Who adds and changes funding sources and adds projects (the camera import names them by code). */
	static final Role[] FUNDING_EDITORS = { ADMIN, PROCUREMENT };

	/** The authority of a machine token that feeds health observations (not a person's role). */
	static final String HEALTH_FEED = "HEALTH_FEED";

	static final String[] PUBLIC_PAGES = { SecurityConfig.LOGIN_PAGE, "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" };

	static final String[] REGISTRY_API = { "/api/cameras/**", "/api/sites/**", "/api/precincts/**",
			"/api/districts/**", "/api/stations", "/api/stations/**" };

	static final String[] FUNDING_API = { "/api/funding-sources/**", "/api/projects/**" };

	private AccessRules() {
	}

	static void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
			UnknownApiPaths unknownPaths) {
		auth.requestMatchers("/api/admin/**", "/api/audit/**", "/api/users/**").hasRole(ADMIN.name())
			.requestMatchers(HttpMethod.GET, REGISTRY_API).hasAnyRole(names(EVERY_ROLE))
			.requestMatchers(HttpMethod.HEAD, REGISTRY_API).hasAnyRole(names(EVERY_ROLE))
			.requestMatchers(HttpMethod.GET, FUNDING_API).hasAnyRole(names(FUNDING_READERS))
			.requestMatchers(HttpMethod.HEAD, FUNDING_API).hasAnyRole(names(FUNDING_READERS))
			.requestMatchers(FUNDING_API).hasAnyRole(names(FUNDING_EDITORS))
			.requestMatchers("/api/stations", "/api/stations/**").hasRole(ADMIN.name())
			.requestMatchers(HttpMethod.GET, "/api/gazetteer", "/api/gazetteer/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/api/gazetteer", "/api/gazetteer/**").hasRole(ADMIN.name())
			.requestMatchers("/api/placement", "/api/placement/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/api/import-profiles", "/api/import-profiles/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/api/cameras/**", "/api/imports/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.POST, "/api/health/observations").hasAuthority(HEALTH_FEED)
			.requestMatchers("/api/work-orders/assignees").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/api/work-orders/**").hasAnyRole(names(MAINTAINERS))
			.requestMatchers(HttpMethod.GET, "/api/outages/**").hasAnyRole(names(OUTAGE_WATCHERS))
			.requestMatchers("/api/outages/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/api/reports/**").hasAnyRole(names(REPORT_READERS))
			.requestMatchers("/api/cases", "/api/cases/**", "/api/investigation/**").hasAnyRole(names(CASE_WORKERS))
			.requestMatchers(HttpMethod.GET, "/api/planning/**").hasAnyRole(names(PLAN_READERS))
			.requestMatchers(HttpMethod.HEAD, "/api/planning/**").hasAnyRole(names(PLAN_READERS))
			.requestMatchers("/api/planning/**").hasAnyRole(names(PLAN_EDITORS))
			.requestMatchers("/api/notifications/**").authenticated()
			.requestMatchers(HttpMethod.GET, "/api/map/**").hasAnyRole(names(MAP_READERS))
			.requestMatchers("/v3/api-docs/**").authenticated()
			.anyRequest().access(unknownPaths);
	}

	static void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(PUBLIC_PAGES).permitAll()
			.requestMatchers("/admin/**").hasRole(ADMIN.name())
			.requestMatchers("/procurement/funding-sources/**", "/procurement/projects/new").hasAnyRole(names(FUNDING_EDITORS))
			.requestMatchers(HttpMethod.POST, "/procurement/projects", "/procurement/projects/**").hasAnyRole(names(FUNDING_EDITORS))
			.requestMatchers("/placement", "/placement/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/cameras/new", "/cameras/*/edit", "/cameras/*/decommission", "/imports/**")
			.hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.POST, "/cameras/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.PUT, "/cameras/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.PATCH, "/cameras/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers(HttpMethod.DELETE, "/cameras/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/my-work-orders", "/my-work-orders/**").hasAnyRole(names(ORDER_HOLDERS))
			.requestMatchers("/work-orders/**").hasAnyRole(names(MAINTAINERS))
			.requestMatchers(HttpMethod.GET, "/outages/**").hasAnyRole(names(OUTAGE_WATCHERS))
			.requestMatchers("/outages/**").hasAnyRole(names(REGISTRY_EDITORS))
			.requestMatchers("/reports/**").hasAnyRole(names(REPORT_READERS))
			.requestMatchers("/cases", "/cases/**").hasAnyRole(names(CASE_WORKERS))
			.requestMatchers(HttpMethod.GET, "/planning", "/planning/**").hasAnyRole(names(PLAN_READERS))
			.requestMatchers(HttpMethod.HEAD, "/planning", "/planning/**").hasAnyRole(names(PLAN_READERS))
			.requestMatchers("/planning", "/planning/**").hasAnyRole(names(PLAN_EDITORS))
			.requestMatchers("/map", "/map/**").hasAnyRole(names(MAP_READERS))
			.requestMatchers("/procurement", "/procurement/**").hasAnyRole(names(FUNDING_READERS))
			.requestMatchers("/swagger-ui.html", "/swagger-ui/**").authenticated()
			.anyRequest().hasAnyRole(names(EVERY_ROLE));
	}

	static String[] names(Role... roles) {
		return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
	}
}
