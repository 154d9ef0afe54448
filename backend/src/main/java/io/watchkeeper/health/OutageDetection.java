package io.watchkeeper.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.watchkeeper.maintenance.RepairOrders;

/**
 * The periodic outage check (the scheduling module's job calls {@link #run()} every minute): cameras that have
 * reported at least once, were last seen up, and have been silent for longer than
 * {@code watchkeeper.health.silence-threshold} get an outage (cause {@code SILENT}, starting when they were last
 * seen); then every open outage without an open repair order gets one, routed
 * ({@link RepairOrders#raiseForOpenOutages(Instant)}). Outages of cameras reported down are opened by the
 * ingestion itself. Both steps are single statements and idempotent: a second run, or a run on another node at
 * the same time, opens nothing twice (unique indexes {@code outage_one_open_per_camera} and
 * {@code work_order_one_open_repair}); a camera whose observations are being ingested at that moment is skipped
 * and looked at again in the next run.
 */
@Service
public class OutageDetection {

	private static final Logger log = LoggerFactory.getLogger(OutageDetection.class);

	/** What one run did. */
	public record Result(Instant at, int silentOutagesOpened, int repairOrdersRaised, Duration took) {
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final RepairOrders repairOrders;
	private final Clock clock;
	private final HealthProperties properties;

	/** Silence is not judged before this moment: the node's start plus {@link HealthProperties#silenceCheckAfterStart()}. */
	private final Instant judgeSilenceFrom;

	OutageDetection(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, RepairOrders repairOrders,
			Clock clock, HealthProperties properties) {
		this.judgeSilenceFrom = clock.instant().plus(properties.silenceCheckAfterStart());
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.repairOrders = repairOrders;
		this.clock = clock;
		this.properties = properties;
	}

	/** One run at the clock's current time. */
	public Result run() {
		return detect(clock.instant());
	}

	/** One run as of {@code now}: silent cameras get outages, open outages get repair orders. */
	public Result detect(Instant now) {
		long start = System.nanoTime();
		Integer opened = now.isBefore(judgeSilenceFrom) ? Integer.valueOf(0)
				: transactions.execute(status -> openSilentOutages(now));
		int raised = repairOrders.raiseForOpenOutages(now);
		Result result = new Result(now, opened == null ? 0 : opened, raised, Duration.ofNanos(System.nanoTime() - start));
		if (result.silentOutagesOpened() > 0 || result.repairOrdersRaised() > 0) {
			log.info("Outage detection: {} silent cameras got outages, {} repair orders raised, in {} ms",
					result.silentOutagesOpened(), result.repairOrdersRaised(), result.took().toMillis());
		}
		return result;
	}

	private int openSilentOutages(Instant now) {
		Timestamp cutoff = Timestamp.from(now.minus(properties.silenceThreshold()));
		// FOR UPDATE ... SKIP LOCKED: a camera whose batch is being ingested right now is left for the next run,
		// and a row changed since this statement began is checked again on its newest version (seen up lately:
		// no longer silent).
		return jdbc.update("""
				WITH silent AS (
				    SELECT h.camera_id, h.last_seen_at
				      FROM camera_health h
				     WHERE h.up AND h.last_seen_at < ?
				       AND NOT EXISTS (SELECT 1 FROM outage o WHERE o.camera_id = h.camera_id AND o.ended_at IS NULL)
				       AND EXISTS (SELECT 1 FROM camera c WHERE c.id = h.camera_id AND c.status <> 'DECOMMISSIONED')
				     ORDER BY h.camera_id
				       FOR UPDATE OF h SKIP LOCKED)
				INSERT INTO outage (camera_id, started_at, cause, detected_at, source)
				SELECT camera_id, last_seen_at, 'SILENT', ?, 'silence-check' FROM silent
				ON CONFLICT (camera_id) WHERE ended_at IS NULL DO NOTHING""", cutoff, Timestamp.from(now));
	}
}
