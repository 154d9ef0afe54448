package io.watchkeeper.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchkeeper.health.tokens.*}: machine tokens of the health feed (kept in the security module because a
 * token is a credential; configured beside the rest of the health feed).
 *
 * @param cacheTtl how long a node trusts what it last read about a token (valid, unknown or revoked) without asking
 *        the database again; a revocation takes effect on every node within this time (at once on the node that
 *        revoked it). Zero: ask the database on every request.
 */
@ConfigurationProperties("watchkeeper.health.tokens")
record MachineTokenSettings(@DefaultValue("5s") Duration cacheTtl) {

	MachineTokenSettings {
		if (cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("watchkeeper.health.tokens.cache-ttl must be between 0 and 1 minute");
		}
	}
}
