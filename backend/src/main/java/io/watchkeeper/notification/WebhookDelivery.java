package io.watchkeeper.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Delivers queued webhook events: takes a batch of due events (a short statement of its own that leases them,
 * so no transaction is open during the HTTP calls and two nodes never send the same event at once), POSTs each
 * as JSON, then records the attempt. A failed attempt (no answer within the timeout, or a status outside 2xx) is
 * retried after a back-off that doubles each time, until {@code maxAttempts}; then the event is marked failed
 * and kept. Receivers should de-duplicate by the {@code X-Watchkeeper-Delivery} header: an event whose answer
 * was lost is sent again.
 */
@Service
public class WebhookDelivery {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	static final String SIGNATURE_HEADER = "X-Watchkeeper-Signature";

	private final NamedParameterJdbcTemplate jdbc;

	private final NotificationProperties.Webhook webhook;

	private final Clock clock;

	private final HttpClient http;

	WebhookDelivery(NamedParameterJdbcTemplate jdbc, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.webhook = properties.webhook();
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(webhook.timeout()).build();
	}

	/**
	 * Delivers the events that are due now.
	 *
	 * @return the number delivered successfully
	 */
	public int deliverDue() {
		if (!webhook.enabled()) {
			return 0;
		}
		Instant now = clock.instant();
		List<Event> batch = jdbc.query("""
				UPDATE webhook_outbox o SET next_attempt_at = :leaseUntil
				 WHERE o.id IN (SELECT id FROM webhook_outbox
				                 WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
				                 ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
				RETURNING o.id, o.event_type, o.payload::text AS payload, o.attempts""",
				new MapSqlParameterSource().addValue("now", Timestamp.from(now))
					.addValue("leaseUntil", Timestamp.from(now.plus(webhook.lease())))
					.addValue("batch", webhook.batchSize()),
				(rs, i) -> new Event(rs.getLong("id"), rs.getString("event_type"), rs.getString("payload"),
						rs.getInt("attempts")));
		int delivered = 0;
		for (Event event : batch.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList()) {
			if (attempt(event)) {
				delivered++;
			}
		}
		return delivered;
	}

	private boolean attempt(Event event) {
		long started = System.nanoTime();
		Integer status = null;
		String error = null;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url()))
				.timeout(webhook.timeout())
				.header("Content-Type", "application/json")
				.header("X-Watchkeeper-Event", event.type())
				.header("X-Watchkeeper-Delivery", String.valueOf(event.id()))
				.POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8));
			if (!webhook.secret().isEmpty()) {
				request.header(SIGNATURE_HEADER, "sha256=" + sign(event.payload(), webhook.secret()));
			}
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (status / 100 != 2) {
				error = "HTTP " + status;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception ex) {
			error = abbreviate(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		record(event, status, error, Duration.ofNanos(System.nanoTime() - started));
		return error == null;
	}

	private void record(Event event, Integer status, String error, Duration took) {
		Instant now = clock.instant();
		int attempts = event.attempts() + 1;
		boolean giveUp = error != null && attempts >= webhook.maxAttempts();
		Duration backoff = webhook.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
		if (backoff.compareTo(Duration.ofHours(1)) > 0) {
			backoff = Duration.ofHours(1);
		}
		if (error != null) {
			log.warn("Webhook event {} ({}) attempt {} failed: {}{}", event.id(), event.type(), attempts, error,
					giveUp ? "; giving up" : "");
		}
		jdbc.update("""
				WITH attempt AS (
				    INSERT INTO webhook_attempt (outbox_id, attempted_at, status, error, duration_ms)
				    VALUES (:id, :now, :status, :error, :ms))
				UPDATE webhook_outbox SET attempts = :attempts, last_status = :status, last_error = :error,
				       delivered_at = CASE WHEN CAST(:ok AS boolean) THEN CAST(:now AS timestamptz) END,
				       failed_at = CASE WHEN CAST(:giveUp AS boolean) THEN CAST(:now AS timestamptz) END,
				       next_attempt_at = :next
				 WHERE id = :id""",
				new MapSqlParameterSource().addValue("id", event.id())
					.addValue("now", Timestamp.from(now))
					.addValue("status", status, java.sql.Types.INTEGER)
					.addValue("error", error, java.sql.Types.VARCHAR)
					.addValue("ms", took.toMillis())
					.addValue("attempts", attempts)
					.addValue("ok", error == null)
					.addValue("giveUp", giveUp)
					.addValue("next", Timestamp.from(now.plus(backoff))));
	}

	static String sign(String body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 480 ? text : text.substring(0, 480);
	}

	private record Event(long id, String type, String payload, int attempts) {
	}
}
