package io.watchkeeper.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the audit log for administrators, with the filters of the audit page. */
@RestController
class AuditApiController {

	private final AuditSearch search;
	private final AuditLog audit;

	AuditApiController(AuditSearch search, AuditLog audit) {
		this.search = search;
		this.audit = audit;
	}

	/**
	 * Events newest first. {@code action} matches exactly, or as a prefix when it ends with {@code *};
	 * {@code from}/{@code to} are ISO dates, both included; {@code size} is at most 200.
	 */
	@GetMapping("/api/audit")
	AuditSearch.Page list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		AuditFilter filter = AuditFilter.parse(actor, action, objectType, objectId, from, to);
		AuditSearch.Page result = search.find(filter, page, size);
		Map<String, Object> viewed = new LinkedHashMap<>(filter.asParameters());
		viewed.put("page", page);
		viewed.put("shown", result.events().size());
		viewed.put("via", "api");
		audit.record("audit.viewed", "audit", null, viewed);
		return result;
	}
}
