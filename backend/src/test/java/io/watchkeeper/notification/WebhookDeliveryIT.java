package io.watchkeeper.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.sun.net.httpserver.HttpServer;

import io.watchkeeper.maintenance.JobFixtures;

/** Webhook delivery against a small local HTTP server that answers what each test tells it to. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "watchkeeper.notification.webhook.url=http://127.0.0.1:9/itj-unused")
class WebhookDeliveryIT {

	static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	record Received(String delivery, String event, String signature, String body) {
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	HttpServer server;

	volatile String failFirstAttemptOf;

	final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	volatile long delayMillis;

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(exchange.getRequestHeaders().getFirst("X-Watchkeeper-Delivery"),
					exchange.getRequestHeaders().getFirst("X-Watchkeeper-Event"),
					exchange.getRequestHeaders().getFirst("X-Watchkeeper-Signature"), body));
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			String delivery = exchange.getRequestHeaders().getFirst("X-Watchkeeper-Delivery");
			boolean fail = delivery != null && delivery.equals(failFirstAttemptOf) && mine(Long.parseLong(delivery)).size() == 1;
			exchange.sendResponseHeaders(fail ? 503 : 200, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	WebhookDelivery delivery(Instant now, int maxAttempts, Duration timeout) {
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
		return new WebhookDelivery(named, new NotificationProperties(new NotificationProperties.Webhook(url,
				"itj-secret", timeout, maxAttempts, Duration.ofMinutes(1), 500, Duration.ofMinutes(2))),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	long queue(String dedup) {
		return jdbc.queryForObject("""
				INSERT INTO webhook_outbox (event_type, dedup_key, payload, created_at, next_attempt_at)
				VALUES ('itj.test', ?, jsonb_build_object('event', 'itj.test', 'key', CAST(? AS text)), ?, ?) RETURNING id""",
				Long.class, dedup, dedup, java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW));
	}

	List<Received> mine(long id) {
		return received.stream().filter(r -> String.valueOf(id).equals(r.delivery())).toList();
	}

	@Test
	void aFailedDeliveryIsRetriedAfterTheBackOffAndEveryAttemptIsRecorded() {
		long id = queue(JobFixtures.code("wh"));
		failFirstAttemptOf = String.valueOf(id);

		delivery(NOW, 5, Duration.ofSeconds(5)).deliverDue();

		assertThat(outbox(id)).containsEntry("attempts", 1)
			.containsEntry("last_status", 503)
			.containsEntry("delivered_at", null)
			.containsEntry("failed_at", null)
			.containsEntry("next_attempt_at", java.sql.Timestamp.from(NOW.plus(Duration.ofMinutes(1))));
		Received first = mine(id).get(0);
		assertThat(first.event()).isEqualTo("itj.test");
		assertThat(first.signature()).isEqualTo("sha256=" + WebhookDelivery.sign(first.body(), "itj-secret"));
		assertThat(first.body()).contains("\"event\"").contains("itj.test");

		// not due yet: nothing is sent
		delivery(NOW.plusSeconds(30), 5, Duration.ofSeconds(5)).deliverDue();
		assertThat(mine(id)).hasSize(1);

		delivery(NOW.plusSeconds(61), 5, Duration.ofSeconds(5)).deliverDue();
		assertThat(mine(id)).hasSize(2);
		assertThat(outbox(id)).containsEntry("attempts", 2)
			.containsEntry("last_status", 200)
			.containsEntry("delivered_at", java.sql.Timestamp.from(NOW.plusSeconds(61)));
		assertThat(jdbc.queryForList("SELECT coalesce(status, 0) FROM webhook_attempt WHERE outbox_id = ? ORDER BY id",
				Integer.class, id)).containsExactly(503, 200);

		// delivered: never sent again
		delivery(NOW.plus(Duration.ofHours(3)), 5, Duration.ofSeconds(5)).deliverDue();
		assertThat(mine(id)).hasSize(2);
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeFailsTheAttemptAndAfterMaxAttemptsTheEventIsGivenUp() {
		long id = queue(JobFixtures.code("wh"));
		delayMillis = 1500;

		delivery(NOW, 2, Duration.ofMillis(300)).deliverDue();
		Map<String, Object> afterFirst = outbox(id);
		assertThat(afterFirst).containsEntry("attempts", 1).containsEntry("last_status", null).containsEntry("failed_at", null);
		assertThat((String) afterFirst.get("last_error")).containsIgnoringCase("timed out");

		delivery(NOW.plus(Duration.ofMinutes(2)), 2, Duration.ofMillis(300)).deliverDue();
		assertThat(outbox(id)).containsEntry("attempts", 2)
			.containsEntry("delivered_at", null)
			.containsEntry("failed_at", java.sql.Timestamp.from(NOW.plus(Duration.ofMinutes(2))));

		delayMillis = 0;
		delivery(NOW.plus(Duration.ofHours(5)), 2, Duration.ofMillis(300)).deliverDue();
		assertThat(outbox(id)).containsEntry("attempts", 2);
	}

	Map<String, Object> outbox(long id) {
		return jdbc.queryForMap("SELECT attempts, last_status, last_error, delivered_at, failed_at, next_attempt_at "
				+ "FROM webhook_outbox WHERE id = ?", id);
	}
}
