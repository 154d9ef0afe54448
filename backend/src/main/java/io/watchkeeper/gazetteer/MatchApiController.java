package io.watchkeeper.gazetteer;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;

/** Address matching over the API (ADMIN, DISPATCHER): run it, list the matches, accept or reject them. */
@RestController
@RequestMapping("/api/placement/matches")
@Tag(name = "Address matching", description = "Cameras without coordinates placed by their address against the door plates")
class MatchApiController {

	/** Options of a run: the qualities applied at once (default EXACT, NEAREST, INTERSECTION; ROAD stays a proposal). */
	record RunRequest(List<String> autoApply) {
	}

	static final Set<MatchQuality> DEFAULT_AUTO = EnumSet.of(MatchQuality.EXACT, MatchQuality.NEAREST,
			MatchQuality.INTERSECTION);

	private final AddressMatching matching;

	private final MatchReview review;

	MatchApiController(AddressMatching matching, MatchReview review) {
		this.matching = matching;
		this.review = review;
	}

	@PostMapping("/run")
	@Operation(summary = "Match every camera without a position but with an address (ADMIN, DISPATCHER)", description = """
			One match per pole (site). `autoApply` lists the qualities placed at once (EXACT, NEAREST, INTERSECTION, ROAD;
			default EXACT, NEAREST, INTERSECTION; an empty list places nothing); the rest stay proposals for review.""")
	AddressMatching.RunResult run(@RequestBody(required = false) RunRequest request) {
		Set<MatchQuality> auto = request == null || request.autoApply() == null ? DEFAULT_AUTO
				: qualities(request.autoApply(), "autoApply");
		return matching.run(auto, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
	}

	@GetMapping
	@Operation(summary = "Matches, best quality first, 200 at a time (ADMIN, DISPATCHER)", description = """
			Filters: `quality` (EXACT, NEAREST, INTERSECTION, ROAD, NONE), `status` (PROPOSED, APPLIED, REJECTED, UNMATCHED),
			`run`, `q` (text in the address or door plate); `offset` pages.""")
	Map<String, Object> list(@RequestParam(required = false) String quality, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long run, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int offset) {
		MatchReview.Filter f = filter(quality, status, run, q);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total", review.count(f));
		body.put("counts", review.counts());
		body.put("matches", review.list(f, offset));
		return body;
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept a proposal: its cameras still without a position are placed at its point (ADMIN, DISPATCHER)")
	MatchReview.MatchView accept(@PathVariable long id) {
		return review.accept(id, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject a match; an applied one's cameras return to the unplaced list (ADMIN, DISPATCHER)")
	MatchReview.MatchView reject(@PathVariable long id) {
		return review.reject(id, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
	}

	@PostMapping("/reject")
	@Operation(summary = "Reject every match a filter selects (ADMIN, DISPATCHER)", description = """
			At least one of `quality`, `status`, `run` or `q` is required. Returns how many were rejected.""")
	Map<String, Integer> rejectWhere(@RequestParam(required = false) String quality,
			@RequestParam(required = false) String status, @RequestParam(required = false) Long run,
			@RequestParam(required = false) String q) {
		MatchReview.Filter f = filter(quality, status, run, q);
		if (!anyCriterion(f)) {
			throw new InvalidInputException("quality", "give at least one of quality, status, run or q");
		}
		return Map.of("rejected", review.rejectWhere(f, AuditLog.currentActor(),
				AuditLog.currentRemoteAddress()));
	}

	/** A filter for the list or a bulk rejection; the bulk rejection needs at least one criterion. */
	static MatchReview.Filter filter(String quality, String status, Long run, String q) {
		MatchQuality qual = blank(quality) ? null : quality(quality, "quality");
		String st = blank(status) ? null : status.strip().toUpperCase(Locale.ROOT);
		if (st != null && !List.of("PROPOSED", "APPLIED", "REJECTED", "UNMATCHED").contains(st)) {
			throw new InvalidInputException("status", "status must be one of PROPOSED, APPLIED, REJECTED, UNMATCHED");
		}
		String text = blank(q) ? null : q.strip();
		if (text != null && text.length() > 100) {
			throw new InvalidInputException("q", "q must be at most 100 characters");
		}
		return new MatchReview.Filter(qual, st, run, text);
	}

	static boolean anyCriterion(MatchReview.Filter f) {
		return f.quality() != null || f.status() != null || f.runId() != null || f.q() != null;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static MatchQuality quality(String value, String field) {
		try {
			return MatchQuality.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, field + " must be one of EXACT, NEAREST, INTERSECTION, ROAD, NONE");
		}
	}

	static Set<MatchQuality> qualities(List<String> values, String field) {
		Set<MatchQuality> set = EnumSet.noneOf(MatchQuality.class);
		for (String v : values) {
			if (v == null) {
				throw new InvalidInputException(field, field + " must not contain null");
			}
			MatchQuality q = quality(v, field);
			if (q == MatchQuality.NONE) {
				throw new InvalidInputException(field, "NONE has no position to apply");
			}
			set.add(q);
		}
		return set;
	}
}
