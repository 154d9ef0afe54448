package io.watchkeeper.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of notifications ({@code watchkeeper.notification.*}).
 *
 * @param webhook the outgoing webhook
 */
@ConfigurationProperties("watchkeeper.notification")
public record NotificationProperties(Webhook webhook) {

	public NotificationProperties {
		webhook = webhook != null ? webhook : new Webhook(null, null, null, 0, null, 0, null);
	}

	/**
	 * The outgoing webhook: each event is POSTed as JSON to {@code url}.
	 *
	 * @param url where to POST; blank turns the webhook off (no events are queued)
	 * @param secret when set, each request carries {@code X-Watchkeeper-Signature: sha256=<hex HMAC-SHA256 of the
	 * body>}
	 * @param timeout connect and response timeout of one attempt
	 * @param maxAttempts attempts before an event is given up (kept, marked failed)
	 * @param retryBackoff wait after the first failed attempt; doubles after each further failure (at most 1 hour)
	 * @param batchSize events delivered per run of the delivery job
	 * @param lease how long a node that took an event for delivery holds it before another may retry it
	 */
	public record Webhook(String url, String secret, Duration timeout, int maxAttempts, Duration retryBackoff,
			int batchSize, Duration lease) {

		public Webhook {
			url = url == null ? "" : url.strip();
			secret = secret == null ? "" : secret;
			timeout = timeout != null ? timeout : Duration.ofSeconds(5);
			maxAttempts = maxAttempts > 0 ? maxAttempts : 8;
			retryBackoff = retryBackoff != null ? retryBackoff : Duration.ofMinutes(1);
			batchSize = batchSize > 0 ? batchSize : 50;
			lease = lease != null ? lease : Duration.ofMinutes(2);
		}

		public boolean enabled() {
			return !url.isEmpty();
		}
	}
}
