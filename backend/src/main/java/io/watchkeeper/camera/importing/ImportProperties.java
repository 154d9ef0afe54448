package io.watchkeeper.camera.importing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code watchkeeper.import.*}: limits of one camera import.
 *
 * @param maxFileSize the largest file one import takes (the servlet's upload limit is higher, so that a
 *        larger file gets this clear answer instead of a generic one); 30 MB is about 150,000 rows
 * @param maxRows the most data rows one import takes
 * @param maxListedIssues how many errors (and, separately, warnings) a report lists; all are counted
 * @param siteSpreadMetres cameras of one site further apart than this get a warning
 * @param runners imports that run at the same time on one node; more wait in a queue
 * @param heartbeat how often a node touches the heartbeat of the runs it holds (queued or running, in every
 *        phase), and looks for runs of other nodes that stopped
 * @param interruptedAfter a queued or running import whose heartbeat is older than this was interrupted (its node
 *        stopped): any node marks it INTERRUPTED, and it can be run again. Keep it several heartbeats long.
 */
@ConfigurationProperties("watchkeeper.import")
record ImportProperties(@DefaultValue("30MB") DataSize maxFileSize, @DefaultValue("200000") int maxRows,
		@DefaultValue("20000") int maxListedIssues, @DefaultValue("200") int siteSpreadMetres,
		@DefaultValue("2") int runners, @DefaultValue("5s") Duration heartbeat,
		@DefaultValue("20s") Duration interruptedAfter) {

	ImportProperties {
		if (heartbeat.isZero() || heartbeat.isNegative() || interruptedAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("watchkeeper.import.interrupted-after (" + interruptedAfter
					+ ") must be at least twice watchkeeper.import.heartbeat (" + heartbeat + ")");
		}
	}
}
