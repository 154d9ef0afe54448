package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.watchkeeper.support.TestUsers;

/**
 * Page routes with an id answer an unknown id (or one that is not a number at all) with the layout's "no such
 * page" (404) or, for a malformed id, "bad request" (400), never with 500; over real HTTP, as a browser sends them.
 */
class UnknownIdPagesIT extends SecurityHttpSupport {

	private static final String UNKNOWN = "987654321";

	private HttpResponse<String> page(Browser browser, String path) {
		return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").GET());
	}

	/** Posts a form as the page's browser does: with its CSRF token, asking for HTML. */
	private HttpResponse<String> submit(Browser browser, String pageWithForm, String action, Map<String, String> fields) {
		Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
		withToken.put("_csrf", browser.csrfToken(pageWithForm));
		return browser.send(HttpRequest.newBuilder(uri(action)).header("Accept", "text/html,*/*;q=0.8")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(withToken))));
	}

	private static void assertNotFoundPage(HttpResponse<String> response, String what) {
		assertThat(response.statusCode()).as(what).isEqualTo(404);
		assertLayoutErrorPage(response, what);
	}

	private static void assertClientErrorPage(HttpResponse<String> response, String what) {
		assertThat(response.statusCode()).as(what).isIn(400, 404);
		assertLayoutErrorPage(response, what);
	}

	private static void assertLayoutErrorPage(HttpResponse<String> response, String what) {
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
		assertThat(response.body()).as(what).doesNotContain("Whitelabel", "HTTP Status")
			.contains("class=\"topbar\"");
	}

	@Test
	void unknownImportsAreNotFoundPages() {
		Browser admin = loggedIn(user(Role.ADMIN));
		assertNotFoundPage(page(admin, "/imports/" + UNKNOWN), "GET /imports/{unknown}");
		assertNotFoundPage(page(admin, "/imports/" + UNKNOWN + "/report.csv"), "GET /imports/{unknown}/report.csv");
		assertNotFoundPage(submit(admin, "/imports", "/imports/" + UNKNOWN + "/run", Map.of("dryRun", "true")),
				"POST /imports/{unknown}/run");
		assertClientErrorPage(page(admin, "/imports/abc"), "GET /imports/abc");
		assertClientErrorPage(page(admin, "/imports/abc/report.csv"), "GET /imports/abc/report.csv");
		assertClientErrorPage(submit(admin, "/imports", "/imports/abc/run", Map.of("dryRun", "true")),
				"POST /imports/abc/run");
	}

	@Test
	void unknownAndOtherUsersNotificationsAreNotFoundPages() {
		TestUsers.ensure(jdbc, "it-notice-owner", PASSWORD, "VIEWER");
		long othersNotice = jdbc.queryForObject("""
				INSERT INTO notification (user_id, recipient_role, kind, dedup_key, created_at)
				SELECT id, 'VIEWER', 'ORDER_ESCALATED', 'unknown-id-pages-' || clock_timestamp(), now()
				  FROM app_user WHERE username = 'it-notice-owner'
				RETURNING id""", Long.class);
		Browser viewer = loggedIn(user(Role.VIEWER));
		assertNotFoundPage(submit(viewer, "/notifications", "/notifications/" + UNKNOWN + "/read", Map.of()),
				"POST /notifications/{unknown}/read");
		assertNotFoundPage(submit(viewer, "/notifications", "/notifications/" + othersNotice + "/read", Map.of()),
				"POST /notifications/{another user's}/read");
		assertThat(jdbc.queryForObject("SELECT read_at IS NULL FROM notification WHERE id = ?", Boolean.class, othersNotice))
			.as("another user's notification stays unread").isTrue();
		assertClientErrorPage(submit(viewer, "/notifications", "/notifications/abc/read", Map.of()),
				"POST /notifications/abc/read");
	}

	@Test
	void everyOtherPageWithAnIdAnswersAnUnknownIdWithNotFound() {
		Browser admin = loggedIn(user(Role.ADMIN));
		for (String path : new String[] { "/cameras/" + UNKNOWN, "/cameras/" + UNKNOWN + "/edit",
				"/cameras/" + UNKNOWN + "/decommission", "/work-orders/" + UNKNOWN, "/work-orders/" + UNKNOWN + "/photos/1",
				"/projects/" + UNKNOWN, "/admin/users/" + UNKNOWN }) {
			assertNotFoundPage(page(admin, path), "GET " + path);
		}
		for (String path : new String[] { "/cameras/abc", "/cameras/99999999999999999999", "/work-orders/abc",
				"/projects/abc", "/projects/99999999999999999999", "/admin/users/abc", "/imports/99999999999999999999" }) {
			assertClientErrorPage(page(admin, path), "GET " + path);
		}
		for (String path : new String[] { "/admin/users/" + UNKNOWN + "/enabled", "/admin/users/" + UNKNOWN + "/unlock",
				"/admin/users/" + UNKNOWN + "/password", "/admin/tokens/" + UNKNOWN + "/revoke",
				"/work-orders/" + UNKNOWN + "/start" }) {
			assertNotFoundPage(submit(admin, "/admin/users", path, Map.of("enabled", "false", "password", "x".repeat(16), "version", "0")),
					"POST " + path);
		}
		for (String path : new String[] { "/admin/users/abc/enabled", "/admin/tokens/abc/revoke" }) {
			assertClientErrorPage(submit(admin, "/admin/users", path, Map.of("enabled", "false")), "POST " + path);
		}
	}
}
