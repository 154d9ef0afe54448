package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Errors that Tomcat raises before Spring MVC sees the request (a request line or header too long, too many
 * parameters, a multipart part it cannot parse) still reach the API's client as RFC 9457 problem details, never as
 * Tomcat's HTML status page or an empty body.
 */
class ContainerErrorsIT extends SecurityHttpSupport {

	private HttpRequest.Builder apiRequest(String path) {
		return HttpRequest.newBuilder(uri(path))
			.header("Authorization", basic(user(Role.DISPATCHER), PASSWORD))
			.header("X-Forwarded-For", newAddress())
			.header("Accept", "application/json");
	}

	@Test
	void aTenThousandCharacterQueryParameterIsAProblem() {
		HttpResponse<String> response = send(apiRequest("/api/cameras?q=" + "a".repeat(10_000)).GET());
		assertProblem(response, 414, 400, 431);
	}

	@Test
	void fiftyThousandQueryParametersAreAProblem() {
		String query = IntStream.range(0, 50_000).mapToObj(i -> "m" + i + "=x").collect(Collectors.joining("&"));
		HttpResponse<String> response = send(apiRequest("/api/cameras?" + query).GET());
		assertProblem(response, 414, 400, 431);
	}

	@Test
	void fiftyThousandFormParametersAreAProblem() {
		String body = IntStream.range(0, 50_000).mapToObj(i -> "m" + i + "=x").collect(Collectors.joining("&"));
		HttpResponse<String> response = send(apiRequest("/api/cameras")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body)));
		assertProblem(response, 400, 413, 415);
		assertThat(response.body()).containsIgnoringCase("parameters");
	}

	@Test
	void fiftyThousandFormParametersToAPageGetTheErrorPage() {
		String body = IntStream.range(0, 50_000).mapToObj(i -> "m" + i + "=x").collect(Collectors.joining("&"));
		HttpResponse<String> response = loggedIn(user(Role.DISPATCHER)).send(HttpRequest.newBuilder(uri("/cameras"))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("id=\"error-status\">400<").doesNotContain("HTTP Status");
	}

	@Test
	void aThousandCharacterFileNameIsAProblem() {
		String name = "a".repeat(1_000) + ".csv";
		byte[] body = ("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nasset_tag\r\nLAAA001-01\r\n--XYZ--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = send(apiRequest("/api/imports")
			.header("Content-Type", "multipart/form-data; boundary=XYZ")
			.POST(BodyPublishers.ofByteArray(body)));
		assertProblem(response, 400, 413);
		assertThat(response.body()).containsIgnoringCase("header");
	}

	@Test
	void aHeaderTooLargeIsAProblem() {
		HttpResponse<String> response = send(apiRequest("/api/cameras").header("X-Padding", "p".repeat(20_000)).GET());
		assertProblem(response, 400, 431);
	}

	@Test
	void aMalformedMultipartBodyIsAProblem() {
		byte[] body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = send(apiRequest("/api/imports")
			.header("Content-Type", "multipart/form-data; boundary=XYZ")
			.POST(BodyPublishers.ofByteArray(body)));
		assertProblem(response, 400);
	}

	private static void assertProblem(HttpResponse<String> response, int... statuses) {
		assertThat(response.statusCode()).as(response.body()).isIn(IntStream.of(statuses).boxed().toList());
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
			.startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + response.statusCode(), "\"title\":", "\"detail\":")
			.doesNotContain("<html", "\"timestamp\"");
	}
}
