package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.watchkeeper.support.TcpProxy;

/**
 * The database away (restart, stop) and back, without touching the machine's PostgreSQL: this application talks
 * to it through a {@link TcpProxy} that the test cuts and reopens. While it is away the API answers 503 with
 * Retry-After and a problem detail, pages a polite "temporarily unavailable" page in the layout, readiness is
 * DOWN within a few seconds; once it is back, everything works again within 10 s by itself.
 */
class DatabaseAwayIT extends SecurityHttpSupport {

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)");

	private static final TcpProxy proxy;

	private static final String database;

	static {
		String url = System.getenv().getOrDefault("WK_TEST_DB_URL", "jdbc:postgresql://localhost:5432/watchkeeper_test");
		Matcher m = JDBC_URL.matcher(url);
		if (!m.matches()) {
			throw new IllegalStateException("unexpected test database URL " + url);
		}
		proxy = new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
		database = m.group(3);
	}

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database);
	}

	@AfterAll
	static void closeProxy() {
		proxy.reopen(); // the context stays cached for later tests; leave it a database
	}

	private HttpResponse<String> page(Browser browser, String path) {
		return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").GET());
	}

	private HttpResponse<String> readiness() {
		return send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).header("Accept", "application/json").GET());
	}

	@Test
	void whileTheDatabaseIsAwayTheApiAndPagesSayTemporarilyUnavailableAndAllComesBackByItself() throws Exception {
		String address = newAddress();
		String dispatcher = user(Role.DISPATCHER);
		Browser viewer = loggedIn(user(Role.VIEWER));
		assertThat(api("GET", "/api/cameras", dispatcher, PASSWORD, address).statusCode()).isEqualTo(200);
		assertThat(page(viewer, "/cameras").statusCode()).isEqualTo(200);
		assertThat(readiness().statusCode()).isEqualTo(200);

		proxy.cut();
		try {
			long started = System.nanoTime();
			HttpResponse<String> api = api("GET", "/api/cameras", dispatcher, PASSWORD, address);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no long hang").isLessThan(Duration.ofSeconds(8));
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
			assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(api.body()).containsIgnoringCase("\"title\":\"Service unavailable\"")
				.contains("\"status\":503", "The database cannot be reached")
				.doesNotContain("Exception", "at io.watchkeeper", "\"trace\"");

			started = System.nanoTime();
			HttpResponse<String> zh = page(viewer, "/cameras");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the page does not wait twice")
				.isLessThan(Duration.ofSeconds(5));
			assertThat(zh.statusCode()).isEqualTo(503);
			assertThat(zh.headers().firstValue("Retry-After")).isPresent();
			assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
			assertThat(zh.body()).contains("class=\"topbar\"", "服務暫時無法使用", "id=\"error-status\">503<")
				.doesNotContain("Exception", "Whitelabel");
			HttpResponse<String> en = page(viewer, "/cameras?lang=en");
			assertThat(en.statusCode()).isEqualTo(503);
			assertThat(en.body()).contains("Temporarily unavailable", "reload the page");

			started = System.nanoTime();
			HttpResponse<String> ready = readiness();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("readiness answers within a few seconds")
				.isLessThan(Duration.ofSeconds(5));
			assertThat(ready.statusCode()).isEqualTo(503);
			assertThat(ready.body()).contains("DOWN");
		}
		finally {
			proxy.reopen();
		}

		long back = System.nanoTime();
		Duration limit = Duration.ofSeconds(10);
		int status = 0;
		while (Duration.ofNanos(System.nanoTime() - back).compareTo(limit) < 0
				&& (status = api("GET", "/api/cameras", dispatcher, PASSWORD, address).statusCode()) != 200) {
			Thread.sleep(250);
		}
		assertThat(status).as("the API answers again within %s of the database", limit).isEqualTo(200);
		assertThat(page(viewer, "/cameras").statusCode()).as("the same session's pages work again").isEqualTo(200);
		HttpResponse<String> ready = readiness();
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("UP");
	}
}
