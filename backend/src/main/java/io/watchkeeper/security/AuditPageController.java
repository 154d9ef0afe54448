package io.watchkeeper.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;


/** The audit log for administrators: filter, page through, read. Looking is itself recorded ({@code audit.viewed}). */
@Controller
class AuditPageController {

	static final int PAGE_SIZE = 50;

	/** Offered in the action field; any other action can be typed. */
	static final List<String> KNOWN_ACTIONS = AuditAction.filterChoices();

	record Row(AuditEvent event, String time, List<AuditDetails.Line> details, String actorUrl, String objectUrl,
			String objectPageUrl) {
	}

	private final AuditSearch search;
	private final AuditLog audit;
	private final DateTimeFormatter time;
	private final ZoneId zone;

	AuditPageController(AuditSearch search, AuditLog audit, SecuritySettings settings) {
		this.search = search;
		this.audit = audit;
		this.zone = settings.zone();
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Map<String, String> entered = new LinkedHashMap<>();
		entered.put("actor", actor);
		entered.put("action", action);
		entered.put("objectType", objectType);
		entered.put("objectId", objectId);
		entered.put("from", from);
		entered.put("to", to);
		model.addAttribute("entered", entered);
		model.addAttribute("knownActions", KNOWN_ACTIONS);
		model.addAttribute("zone", zone.getId());
		AuditFilter filter;
		try {
			filter = AuditFilter.parse(actor, action, objectType, objectId, from, to);
		}
		catch (InvalidRequest e) {
			model.addAttribute("filterErrors", e.violations());
			model.addAttribute("rows", List.of());
			return "admin/audit";
		}
		AuditSearch.Page result = search.find(filter, Math.max(0, page), PAGE_SIZE);
		model.addAttribute("rows", result.events().stream().map(this::row).toList());
		model.addAttribute("page", result.page());
		model.addAttribute("previousUrl", result.page() > 0 ? url(filter.asParameters(), result.page() - 1) : null);
		model.addAttribute("nextUrl", result.hasNext() ? url(filter.asParameters(), result.page() + 1) : null);

		Map<String, Object> viewed = new LinkedHashMap<>(filter.asParameters());
		viewed.put("page", result.page());
		viewed.put("shown", result.events().size());
		audit.record(AuditAction.AUDIT_VIEWED, "audit", null, viewed);
		return "admin/audit";
	}

	private Row row(AuditEvent event) {
		String actorUrl = event.actor() == null ? null : url(Map.of("actor", event.actor()), 0);
		String objectUrl = null;
		String objectPageUrl = null;
		if (event.objectType() != null && event.objectId() != null) {
			objectUrl = url(Map.of("objectType", event.objectType(), "objectId", event.objectId()), 0);
			if ("camera".equals(event.objectType()) && event.objectId().matches("\\d+")) {
				objectPageUrl = "/cameras/" + event.objectId();
			}
		}
		return new Row(event, time.format(event.occurredAt()), AuditDetails.lines(event.details()), actorUrl,
				objectUrl, objectPageUrl);
	}

	private static String url(Map<String, String> parameters, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/audit");
		parameters.forEach(uri::queryParam);
		if (page > 0) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}
}
