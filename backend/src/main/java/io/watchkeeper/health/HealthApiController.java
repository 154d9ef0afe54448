package io.watchkeeper.health;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.watchkeeper.shared.ApiExceptionHandler;
import io.watchkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/health/observations}: a batch of observations from a video management system or NVR poller,
 * authenticated with a machine token ({@code Authorization: Bearer wkh_...}).
 */
@RestController
class HealthApiController {

	private final HealthIngestion ingestion;
	private final HealthProperties properties;
	private final JsonMapper json = JsonMapper.builder().build();

	HealthApiController(HealthIngestion ingestion, HealthProperties properties) {
		this.ingestion = ingestion;
		this.properties = properties;
	}

	/** The body is larger than watchkeeper.health.max-batch-bytes. */
	static class BodyTooLarge extends RuntimeException {

		BodyTooLarge(String message) {
			super(message);
		}
	}

	@Operation(summary = "Ingest a batch of camera health observations",
			description = "Body: {\"source\": \"nvr-07\", \"observations\": [{\"assetTag\": \"LAAA001-01\", \"up\": false, "
					+ "\"observedAt\": \"2026-11-28T08:00:00Z\"}]}. Idempotent; out-of-order tolerant; unknown tags, "
					+ "future times and malformed items are rejected per item and listed with their index.")
	@PostMapping("/api/health/observations")
	IngestResult ingest(HttpServletRequest request, Principal principal) throws IOException {
		String contentType = request.getContentType();
		if (contentType == null || !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
			throw new InvalidInputException("Content-Type", "Send the batch as application/json");
		}
		long limit = properties.maxBatchBytes().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw new BodyTooLarge(tooLarge(limit));
		}
		byte[] body = readAtMost(request.getInputStream(), limit);
		if (body.length == 0) {
			throw new MalformedBody("The request body is empty; send {\"source\": ..., \"observations\": [...]}");
		}
		JsonNode tree;
		try {
			tree = json.readTree(body);
		}
		catch (JacksonException e) {
			String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
			throw new MalformedBody("The request body is not valid JSON: " + message);
		}
		String source = principal == null ? "unknown" : principal.getName();
		return ingestion.ingest(tree, source.length() > ObservationBatch.MAX_SOURCE_LENGTH
				? source.substring(0, ObservationBatch.MAX_SOURCE_LENGTH) : source);
	}

	static class MalformedBody extends RuntimeException {

		MalformedBody(String message) {
			super(message);
		}
	}

	@ExceptionHandler(MalformedBody.class)
	ProblemDetail malformed(MalformedBody e) {
		return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Malformed request", e.getMessage());
	}

	@ExceptionHandler({ BodyTooLarge.class, ObservationBatch.TooLarge.class })
	ResponseEntity<ProblemDetail> tooLarge(RuntimeException e) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(ApiExceptionHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", e.getMessage()));
	}

	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (body.length > limit) {
			throw new BodyTooLarge(tooLarge(limit));
		}
		return body;
	}

	private static String tooLarge(long limit) {
		return "The batch is larger than " + (limit / (1024 * 1024)) + " MB; send smaller batches (at most "
				+ "watchkeeper.health.max-batch-size observations each)";
	}
}
