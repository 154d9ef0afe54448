package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Errors end on a real page (zh-TW or English, in the layout, with a link home) or, for the API, in RFC 9457
 * problem details; never on Boot's whitelabel page, its {"timestamp": ...} JSON or Tomcat's bare status page.
 * Also: the API never starts a session for Basic or anonymous requests.
 */
class ErrorAnswersIT extends SecurityHttpSupport {

	private static final int OVER_LIMIT = 61 * 1024 * 1024;

	private HttpResponse<String> page(Browser browser, String path) {
		return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").GET());
	}

	private static void assertErrorPage(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(response.body()).doesNotContain("Whitelabel", "HTTP Status")
			.contains("id=\"error-home\"", "class=\"topbar\"", "id=\"error-status\">" + status + "<");
	}

	@Test
	void aViewerOnAnAdminPageGetsAForbiddenPageInChinese() {
		HttpResponse<String> response = page(loggedIn(user(Role.VIEWER)), "/admin/users");
		assertErrorPage(response, 403);
		assertThat(response.body()).contains("沒有權限");
	}

	@Test
	void unknownPagesAndCamerasAreNotFoundPagesInEnglishToo() {
		Browser viewer = loggedIn(user(Role.VIEWER));
		assertErrorPage(page(viewer, "/nope?lang=en"), 404);
		HttpResponse<String> camera = page(viewer, "/cameras/abc");
		assertErrorPage(camera, 404);
		assertThat(camera.body()).contains("Page not found").contains("lang=\"en\"");
	}

	@Test
	void aFormPostWithAnExpiredCsrfTokenSaysTheSessionExpired() {
		Browser admin = loggedIn(user(Role.ADMIN));
		HttpResponse<String> response = admin.send(HttpRequest.newBuilder(uri("/admin/users"))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(Map.of("username", "x", "_csrf", "expired-token")))));
		assertErrorPage(response, 403);
		assertThat(response.body()).contains("工作階段已逾時", "請重新載入頁面", "id=\"error-reload\"");
	}

	@Test
	void unknownApiPathsAreNotFoundProblemsForAnyLoggedInUserAndUnauthorizedForStrangers() {
		HttpResponse<String> viewer = api("GET", "/api/nope", user(Role.VIEWER), PASSWORD);
		assertThat(viewer.statusCode()).isEqualTo(404);
		assertProblem(viewer, 404);
		HttpResponse<String> admin = api("GET", "/api/cameras/1/nothing/here", user(Role.ADMIN), PASSWORD);
		assertThat(admin.statusCode()).isEqualTo(404);
		assertProblem(admin, 404);
		assertThat(api("GET", "/api/nope", null, null).statusCode()).as("strangers learn nothing").isEqualTo(401);
		assertThat(api("GET", "/api/unlisted/access-probe", user(Role.VIEWER), PASSWORD).statusCode())
			.as("an endpoint that exists without a rule stays ADMIN only").isEqualTo(403);
	}

	@Test
	void anUnsupportedContentTypeIsAProblem() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/cameras"))
			.header("Authorization", basic(user(Role.DISPATCHER), PASSWORD))
			.header("X-Forwarded-For", newAddress())
			.header("Content-Type", "text/plain")
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofString("hello")));
		assertThat(response.statusCode()).isEqualTo(415);
		assertProblem(response, 415);
		assertThat(response.body()).contains("text/plain");
	}

	@Test
	void anUploadOverTheLimitIsAProblemForTheApiAndAPageForTheBrowser() {
		byte[] body = multipart(OVER_LIMIT);
		HttpResponse<String> apiResponse = send(HttpRequest.newBuilder(uri("/api/imports"))
			.header("Authorization", basic(user(Role.DISPATCHER), PASSWORD))
			.header("X-Forwarded-For", newAddress())
			.header("Content-Type", "multipart/form-data; boundary=XYZ")
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofByteArray(body)));
		assertThat(apiResponse.statusCode()).isEqualTo(413);
		assertProblem(apiResponse, 413);
		assertThat(apiResponse.body()).contains("The file is larger than 60 MB");

		Browser dispatcher = loggedIn(user(Role.DISPATCHER));
		HttpResponse<String> pageResponse = dispatcher.send(HttpRequest.newBuilder(uri("/imports"))
			.header("Content-Type", "multipart/form-data; boundary=XYZ")
			.header("Accept", "text/html")
			.POST(BodyPublishers.ofByteArray(body)));
		assertThat(pageResponse.statusCode()).isEqualTo(303);
		String location = pageResponse.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/upload-too-large?back=/imports");
		HttpResponse<String> errorPage = page(dispatcher, location.replaceFirst("^https?://[^/]+", ""));
		assertErrorPage(errorPage, 413);
		assertThat(errorPage.body()).contains("檔案超過 60 MB", "href=\"/imports\"");
	}

	@Test
	void apiRequestsWithBasicOrWithoutCredentialsStartNoSession() {
		HttpResponse<String> anonymous = api("GET", "/api/cameras", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().allValues("Set-Cookie")).as("no JSESSIONID on a 401").isEmpty();
		HttpResponse<String> basic = api("GET", "/api/cameras", user(Role.VIEWER), PASSWORD);
		assertThat(basic.statusCode()).isEqualTo(200);
		assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
		HttpResponse<String> wrong = api("GET", "/api/cameras", user(Role.VIEWER), "wrong password");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();

		Browser viewer = loggedIn(user(Role.VIEWER));
		HttpResponse<String> fromPage = viewer.send(HttpRequest.newBuilder(uri("/api/cameras"))
			.header("Accept", "application/json").header("X-Requested-With", "XMLHttpRequest").GET());
		assertThat(fromPage.statusCode()).as("the page's session still works for its scripts").isEqualTo(200);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status, "\"title\":", "\"detail\":")
			.doesNotContain("\"timestamp\"");
	}

	private static byte[] multipart(int size) {
		byte[] head = ("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[size];
		java.util.Arrays.fill(body, (byte) 'a');
		System.arraycopy(head, 0, body, 0, head.length);
		byte[] tail = "\r\n--XYZ--\r\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(tail, 0, body, size - tail.length, tail.length);
		return body;
	}
}
