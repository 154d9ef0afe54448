package io.watchkeeper.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the health feed ({@code watchkeeper.health.*}).
 *
 * @param maxBatchSize most observations in one batch (a larger batch is refused with 413)
 * @param maxBatchBytes largest request body of one batch (413 beyond, before it is read)
 * @param futureTolerance how far past the server's clock an observation's time may be (clock skew of the
 *        reporting system); later ones are rejected per item
 * @param observationRetention how long raw observations are kept; older observations are rejected per item,
 *        since they could neither be kept nor compared with their neighbours
 * @param silenceThreshold a camera that has reported at least once and has not been heard from for longer than
 *        this gets an outage (cause SILENT) at the next detection run
 * @param silenceCheckAfterStart after the application starts, nobody is judged silent for this long: while it
 *        was down no observation could arrive, so every camera looks silent until the pollers (or the demo
 *        simulator) have reported again, and a restart must not open an outage for the whole fleet
 * @param simulator the demo's health simulator
 */
@ConfigurationProperties("watchkeeper.health")
public record HealthProperties(@DefaultValue("10000") int maxBatchSize, @DefaultValue("16MB") DataSize maxBatchBytes,
		@DefaultValue("5m") Duration futureTolerance, @DefaultValue("7d") Duration observationRetention,
		@DefaultValue("15m") Duration silenceThreshold, @DefaultValue("15m") Duration silenceCheckAfterStart,
		@DefaultValue Simulator simulator) {

	public HealthProperties {
		if (maxBatchSize < 1 || maxBatchSize > 100_000) {
			throw new IllegalArgumentException("watchkeeper.health.max-batch-size must be between 1 and 100000");
		}
		if (futureTolerance.isNegative() || observationRetention.compareTo(Duration.ofHours(1)) < 0
				|| silenceThreshold.compareTo(Duration.ofMinutes(1)) < 0 || silenceCheckAfterStart.isNegative()) {
			throw new IllegalArgumentException("watchkeeper.health: future-tolerance must not be negative, "
					+ "observation-retention at least 1h, silence-threshold at least 1m, silence-check-after-start not negative");
		}
	}

	/**
	 * The demo's health simulator: feeds failures and recoveries across the fleet through the ingestion service.
	 *
	 * @param enabled on only when asked for ({@code WK_DEMO=true} in application.yml); never in tests otherwise
	 * @param tick how often it reports
	 * @param downShare the share of the fleet that is down at any time in the steady state
	 * @param meanRecovery mean time until a failed camera comes back by itself
	 * @param stuckShare the share of failures that stay down until their repair order is restored
	 * @param heartbeat every camera that is up reports at least this often (well inside the silence threshold)
	 */
	public record Simulator(@DefaultValue("false") boolean enabled, @DefaultValue("1m") Duration tick,
			@DefaultValue("0.006") double downShare, @DefaultValue("3h") Duration meanRecovery,
			@DefaultValue("0.2") double stuckShare, @DefaultValue("5m") Duration heartbeat) {
	}
}
