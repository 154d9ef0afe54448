package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** CSRF, session fixation, logout and the security headers, over real HTTP. */
class WebProtectionIT extends SecurityHttpSupport {

	@Test
	void aPagePostWithoutTheCsrfTokenIsRefused() {
		Browser admin = loggedIn(user(Role.ADMIN));
		HttpResponse<String> forged = admin.post("/admin/users", Map.of("username", "forged-user",
				"displayName", "Forged", "roles", "ADMIN", "password", "forged password 1", "passwordRepeat",
				"forged password 1"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = 'forged-user'", Integer.class))
			.as("nothing was created").isZero();

		HttpResponse<String> logoutWithoutToken = admin.post("/logout", Map.of());
		assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
		assertThat(admin.get("/admin/access-probe").statusCode()).as("still logged in").isEqualTo(200);
	}

	@Test
	void theSessionIdChangesAtLoginAndTheOldOneIsWorthNothing() {
		Browser browser = new Browser();
		String token = browser.csrfToken("/login");
		String before = browser.sessionId();
		assertThat(before).as("the login page starts a session for its CSRF token").isNotNull();

		HttpResponse<String> login = browser.post("/login",
				Map.of("username", user(Role.VIEWER), "password", PASSWORD, "_csrf", token));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		String after = browser.sessionId();
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(browser.get("/cameras/access-probe").statusCode()).isEqualTo(200);

		HttpResponse<String> withOldId = send(HttpRequest.newBuilder(uri("/cameras/access-probe"))
			.header("Cookie", "JSESSIONID=" + before).GET());
		assertThat(withOldId.statusCode()).as("the pre-login session id is not logged in").isEqualTo(302);
	}

	@Test
	void logoutEndsTheSession() {
		Browser browser = loggedIn(user(Role.INVESTIGATOR));
		HttpResponse<String> logout = browser.submit("/login", "/logout", Map.of());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
		HttpResponse<String> after = browser.get("/cameras/access-probe");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicyAndTheOtherHeaders() {
		HttpResponse<String> page = new Browser().get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
				"frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'");
		assertThat(csp).as("no inline code anywhere").doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(csp).as("tile servers for the map").contains("img-src 'self' data: https://tile.openstreetmap.org",
				"https://wmts.nlsc.gov.tw");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
				policy -> assertThat(policy).contains("camera=()"));
		assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not on plain HTTP").isEmpty();
		assertThat(page.body()).as("the login page itself has no inline script or style")
			.doesNotContain("<script>", "style=\"", "<style");
	}

	@Test
	void swaggerUiAloneMayUseInlineStylesButNeverInlineScripts() {
		HttpResponse<String> swagger = loggedIn(user(Role.VIEWER)).get("/swagger-ui/index.html");
		assertThat(swagger.statusCode()).isEqualTo(200);
		String csp = swagger.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("style-src 'self' 'unsafe-inline';", "script-src 'self';");
		assertThat(swagger.headers().allValues("Content-Security-Policy")).hasSize(1);
	}

	@Test
	void apiAnswersCarryTheHeadersToo() {
		HttpResponse<String> response = api("GET", "/api/cameras/access-probe", user(Role.VIEWER), PASSWORD);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
	}

	@Test
	void hstsWhenATrustedProxySaysTheRequestCameOverHttps() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
			.header("X-Forwarded-For", newAddress()).header("X-Forwarded-Proto", "https").GET());
		assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
	}
}
