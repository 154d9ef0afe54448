package io.watchkeeper.security;

import static io.watchkeeper.security.Role.ADMIN;
import static io.watchkeeper.security.Role.DISPATCHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of {@link AccessRules}, for every role, over real HTTP. "Allowed" means the security layer let the
 * request through (neither 401 nor 403: the endpoint may still answer 200, 400 or 404); "refused" means 403.
 * The {@code access-probe} endpoints exist only in tests and always answer 200; the real paths check the
 * same decision whether or not their controller exists on this branch.
 */
class AccessRulesIT extends SecurityHttpSupport {

	static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
	static final Set<Role> EDITORS = EnumSet.of(ADMIN, DISPATCHER);
	static final Set<Role> ADMINS = EnumSet.of(ADMIN);
	static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
	static final Set<Role> MAINTAINERS = EnumSet.of(ADMIN, DISPATCHER, Role.VENDOR_TECHNICIAN, Role.SQUAD_MEMBER);
	static final Set<Role> OUTAGE_WATCHERS = EnumSet.of(ADMIN, DISPATCHER, Role.INVESTIGATOR, Role.VIEWER);
	static final Set<Role> REPORT_READERS = EnumSet.of(ADMIN, DISPATCHER, Role.PROCUREMENT, Role.VIEWER);
	static final Set<Role> MAP_READERS = EnumSet.of(ADMIN, DISPATCHER, Role.INVESTIGATOR, Role.VIEWER,
			Role.PROCUREMENT);
	static final Set<Role> CASE_WORKERS = EnumSet.of(ADMIN, Role.INVESTIGATOR);
	static final Set<Role> FUNDING_READERS = EnumSet.of(ADMIN, DISPATCHER, Role.PROCUREMENT, Role.INVESTIGATOR,
			Role.VIEWER);

	record Rule(String method, String path, Set<Role> allowed, boolean probe) {

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	static final List<Rule> API = List.of(
			new Rule("GET", "/api/cameras/access-probe", EVERYONE, true),
			new Rule("GET", "/api/cameras", EVERYONE, false),
			new Rule("GET", "/api/cameras/1", EVERYONE, false),
			new Rule("GET", "/api/precincts/access-probe", EVERYONE, true),
			new Rule("GET", "/api/districts", EVERYONE, false),
			new Rule("GET", "/api/cameras/export.csv", EVERYONE, false),
			new Rule("GET", "/api/funding-sources", FUNDING_READERS, false),
			new Rule("GET", "/api/projects", FUNDING_READERS, false),
			new Rule("POST", "/api/cameras/access-probe", EDITORS, true),
			new Rule("POST", "/api/cameras", EDITORS, false),
			new Rule("PUT", "/api/cameras/1", EDITORS, false),
			new Rule("POST", "/api/cameras/1/decommission", EDITORS, false),
			new Rule("GET", "/api/imports/access-probe", EDITORS, true),
			new Rule("POST", "/api/imports/access-probe", EDITORS, true),
			new Rule("POST", "/api/imports", EDITORS, false),
			new Rule("POST", "/api/imports/preview", EDITORS, false),
			new Rule("GET", "/api/imports/derive-presets", EDITORS, false),
			new Rule("GET", "/api/import-profiles", EDITORS, false),
			new Rule("GET", "/api/import-profiles/999999999", EDITORS, false),
			new Rule("POST", "/api/import-profiles", EDITORS, false),
			new Rule("PUT", "/api/import-profiles/999999999", EDITORS, false),
			new Rule("DELETE", "/api/import-profiles/999999999", EDITORS, false),
			new Rule("POST", "/api/precincts/access-probe", ADMINS, true),
			new Rule("GET", "/api/audit", ADMINS, false),
			new Rule("GET", "/api/admin/access-probe", ADMINS, true),
			new Rule("POST", "/api/admin/boundaries/precincts", ADMINS, false),
			new Rule("GET", "/api/stations", EVERYONE, false),
			new Rule("GET", "/api/stations?precinct=XINXING", EVERYONE, false),
			new Rule("GET", "/api/stations/999999999", EVERYONE, false),
			new Rule("POST", "/api/stations", ADMINS, false),
			new Rule("PUT", "/api/stations/999999999", ADMINS, false),
			new Rule("DELETE", "/api/stations/999999999", ADMINS, false),
			new Rule("PUT", "/api/stations/999999999/boundary", ADMINS, false),
			new Rule("DELETE", "/api/stations/999999999/boundary", ADMINS, false),
			new Rule("POST", "/api/stations/upload", ADMINS, false),
			new Rule("GET", "/api/unlisted/access-probe", ADMINS, true),
			new Rule("GET", "/api/work-orders", MAINTAINERS, false),
			new Rule("POST", "/api/work-orders", MAINTAINERS, false),
			new Rule("GET", "/api/work-orders/assignees", EDITORS, false),
			new Rule("GET", "/api/outages", OUTAGE_WATCHERS, false),
			new Rule("POST", "/api/outages/assign", EDITORS, false),
			new Rule("GET", "/api/reports/maintenance", REPORT_READERS, false),
			new Rule("GET", "/api/notifications", EVERYONE, false),
			new Rule("GET", "/api/map/cameras?bbox=120.3,22.6,120.31,22.61&zoom=16", MAP_READERS, false),
			new Rule("GET", "/api/map/cameras/1", MAP_READERS, false),
			new Rule("GET", "/api/map/boundaries", MAP_READERS, false),
			new Rule("GET", "/api/map/areas", MAP_READERS, false),
			new Rule("GET", "/api/map/outages/changes?since=2026-01-01T00:00:00Z", MAP_READERS, false),
			// the placement queue (issue 13)
			new Rule("GET", "/api/placement/queue/next", EDITORS, false),
			new Rule("POST", "/api/placement/queue/site/999999999/place", EDITORS, false),
			new Rule("POST", "/api/placement/queue/camera/999999999/skip", EDITORS, false),
			new Rule("GET", "/api/cases", CASE_WORKERS, false),
			new Rule("POST", "/api/cases", CASE_WORKERS, false),
			new Rule("GET", "/api/cases/999999999", CASE_WORKERS, false),
			new Rule("POST", "/api/cases/999999999/canvasses", CASE_WORKERS, false),
			new Rule("POST", "/api/cases/999999999/routes", CASE_WORKERS, false),
			new Rule("GET", "/api/cases/999999999/canvasses/1/csv", CASE_WORKERS, false),
			new Rule("POST", "/api/cases/999999999/footage-requests", CASE_WORKERS, false),
			new Rule("POST", "/api/cases/999999999/close", CASE_WORKERS, false),
			new Rule("GET", "/api/investigation/figures", CASE_WORKERS, false),
			// machine tokens only: a person's login is refused
			new Rule("POST", "/api/health/observations", NOBODY, false),
			new Rule("GET", "/api/admin/tokens", ADMINS, false),
			new Rule("GET", "/api/gazetteer/datasets", EDITORS, false),
			new Rule("POST", "/api/gazetteer/datasets", ADMINS, false),
			new Rule("DELETE", "/api/gazetteer/datasets/999999999", ADMINS, false),
			new Rule("GET", "/api/placement/matches", EDITORS, false),
			new Rule("POST", "/api/placement/matches/999999999/accept", EDITORS, false),
			new Rule("POST", "/api/placement/matches/999999999/reject", EDITORS, false),
			new Rule("POST", "/api/placement/matches/reject", EDITORS, false),
			new Rule("GET", "/v3/api-docs", EVERYONE, false));

	static final List<Rule> PAGES = List.of(
			new Rule("GET", "/cameras/access-probe", EVERYONE, true),
			new Rule("GET", "/cameras", EVERYONE, false),
			new Rule("POST", "/cameras/access-probe", EDITORS, true),
			new Rule("GET", "/cameras/new", EDITORS, false),
			new Rule("GET", "/cameras/1/edit", EDITORS, false),
			new Rule("GET", "/imports/access-probe", EDITORS, true),
			new Rule("GET", "/admin/access-probe", ADMINS, true),
			new Rule("GET", "/admin/audit", ADMINS, false),
			new Rule("GET", "/admin/users", ADMINS, false),
			new Rule("GET", "/admin/boundaries", ADMINS, false),
			new Rule("GET", "/admin/stations", ADMINS, false),
			new Rule("POST", "/admin/stations", ADMINS, false),
			new Rule("POST", "/admin/stations/999999999/delete", ADMINS, false),
			new Rule("POST", "/admin/stations/upload", ADMINS, false),
			new Rule("GET", "/admin/tokens", ADMINS, false),
			new Rule("GET", "/admin/gazetteer", ADMINS, false),
			new Rule("POST", "/admin/gazetteer/999999999/remove", ADMINS, false),
			new Rule("GET", "/placement/matches", EDITORS, false),
			new Rule("POST", "/placement/matches/999999999/reject", EDITORS, false),
			new Rule("GET", "/work-orders", MAINTAINERS, false),
			new Rule("GET", "/my-work-orders", EnumSet.of(Role.VENDOR_TECHNICIAN, Role.SQUAD_MEMBER), false),
			new Rule("GET", "/outages/cameras/1", OUTAGE_WATCHERS, false),
			new Rule("GET", "/outages", OUTAGE_WATCHERS, false),
			new Rule("GET", "/reports/maintenance", REPORT_READERS, false),
			new Rule("GET", "/map", MAP_READERS, false),
			new Rule("GET", "/placement", EDITORS, false),
			new Rule("GET", "/admin/setup", ADMINS, false),
			new Rule("GET", "/procurement", FUNDING_READERS, false),
			new Rule("GET", "/procurement/projects/1", FUNDING_READERS, false),
			new Rule("GET", "/notifications", EVERYONE, false),
			new Rule("GET", "/cases", CASE_WORKERS, false),
			new Rule("GET", "/cases/new", CASE_WORKERS, false),
			new Rule("POST", "/cases", CASE_WORKERS, false),
			new Rule("GET", "/cases/999999999", CASE_WORKERS, false),
			new Rule("GET", "/cases/999999999/canvasses/1/print", CASE_WORKERS, false),
			new Rule("GET", "/cases/figures", CASE_WORKERS, false));

	@TestFactory
	Stream<DynamicTest> apiRulesPerRole() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Rule rule : API) {
			tests.add(DynamicTest.dynamicTest(rule + " without credentials: 401 problem", () -> {
				HttpResponse<String> response = api(rule.method(), rule.path(), null, null);
				assertThat(response.statusCode()).isEqualTo(401);
				assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(response.body()).contains("\"status\":401");
			}));
			for (Role role : Role.values()) {
				tests.add(DynamicTest.dynamicTest(rule + " as " + role, () -> {
					HttpResponse<String> response = api(rule.method(), rule.path(), user(role), PASSWORD);
					assertDecision(rule, role, response);
				}));
			}
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> pageRulesPerRole() {
		Map<Role, Browser> sessions = new HashMap<>();
		List<DynamicTest> tests = new ArrayList<>();
		for (Rule rule : PAGES) {
			tests.add(DynamicTest.dynamicTest(rule + " anonymous: to the login page", () -> {
				Browser anonymous = new Browser();
				HttpResponse<String> response = rule.method().equals("GET") ? anonymous.get(rule.path())
						: anonymous.submit("/login", rule.path(), Map.of());
				assertThat(response.statusCode()).isEqualTo(302);
				assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
						location -> assertThat(location).endsWith("/login"));
			}));
			for (Role role : Role.values()) {
				tests.add(DynamicTest.dynamicTest(rule + " as " + role, () -> {
					Browser browser = sessions.computeIfAbsent(role, r -> loggedIn(user(r)));
					HttpResponse<String> response = rule.method().equals("GET") ? browser.get(rule.path())
							: browser.submit("/login", rule.path(), Map.of());
					assertDecision(rule, role, response);
				}));
			}
		}
		return tests.stream();
	}

	private static void assertDecision(Rule rule, Role role, HttpResponse<String> response) {
		int status = response.statusCode();
		if (rule.allowed().contains(role)) {
			assertThat(status).as("%s may %s", role, rule).isNotIn(401, 403);
			if (rule.probe()) {
				assertThat(status).as("the probe answers").isEqualTo(200);
			}
		}
		else {
			assertThat(status).as("%s may not %s", role, rule).isEqualTo(403);
		}
	}

	@Test
	void refusalsOnTheApiAreProblemDetailsNotLoginPages() {
		HttpResponse<String> anonymous = api("GET", "/api/cameras", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Basic realm=\"Watchkeeper\""));
		assertThat(anonymous.body()).contains("\"title\":\"Unauthorized\"").doesNotContain("<html");

		HttpResponse<String> forbidden = api("POST", "/api/cameras", user(Role.VIEWER), PASSWORD);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(forbidden.body()).contains("\"title\":\"Forbidden\"", "\"instance\":\"/api/cameras\"");

		HttpResponse<String> wrongPassword = api("GET", "/api/cameras", user(Role.VIEWER), "not the password");
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(wrongPassword.body()).contains("password is wrong");
	}

	@Test
	void pageScriptsGetNoBasicChallengeSoTheBrowserShowsNoDialog() {
		HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(uri("/api/cameras"))
			.header("X-Requested-With", "XMLHttpRequest").header("X-Forwarded-For", newAddress()).GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void theApiAcceptsThePageSessionAndThenWantsTheCsrfTokenForWrites() {
		Browser dispatcher = loggedIn(user(Role.DISPATCHER));
		assertThat(dispatcher.get("/api/cameras/access-probe").statusCode()).isEqualTo(200);

		HttpResponse<String> withoutToken = dispatcher.send(java.net.http.HttpRequest
			.newBuilder(uri("/api/cameras/access-probe")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.body()).contains("CSRF");

		String token = dispatcher.csrfToken("/login");
		HttpResponse<String> withToken = dispatcher.send(java.net.http.HttpRequest
			.newBuilder(uri("/api/cameras/access-probe")).header("X-CSRF-TOKEN", token)
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(withToken.statusCode()).isEqualTo(200);
	}
}
