package io.watchkeeper.camera;

import java.time.Instant;
import java.util.Map;

/** One line of a camera's audit trail: who did what, when, from where, and which fields changed. */
public record AuditEntry(Instant occurredAt, String actor, String action, Map<String, Object> details,
		String remoteAddress) {
}
