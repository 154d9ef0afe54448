package io.watchkeeper.security;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit log: who ({@code actor}), when, what ({@code action}, e.g. {@code camera.updated}),
 * which object ({@code objectType}, {@code objectId}), the details (for changes {@code {field: [old, new]}})
 * and from which address.
 */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String objectType,
		String objectId, Map<String, Object> details, String remoteAddress) {
}
