package io.watchkeeper.gazetteer;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * The review page of address matches (ADMIN, DISPATCHER): run the matching, see the matches by quality with the
 * address, the door plate matched and how far off, accept a proposal, reject a match, reject all a filter selects.
 */
@Controller
@RequestMapping("/placement/matches")
class MatchPageController {

	private final AddressMatching matching;

	private final MatchReview review;

	private final MessageSource messages;

	MatchPageController(AddressMatching matching, MatchReview review, MessageSource messages) {
		this.matching = matching;
		this.review = review;
		this.messages = messages;
	}

	@GetMapping
	String page(@RequestParam(required = false) String quality, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset, Model model,
			Locale locale) {
		MatchReview.Filter f;
		try {
			f = MatchApiController.filter(quality, status, null, q);
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", messages.getMessage("match.badFilter", null, locale));
			f = new MatchReview.Filter(null, null, null, null);
		}
		model.addAttribute("filter", f);
		model.addAttribute("counts", review.counts());
		model.addAttribute("total", review.count(f));
		model.addAttribute("offset", Math.max(0, offset));
		model.addAttribute("page", MatchReview.PAGE);
		model.addAttribute("matches", review.list(f, offset));
		model.addAttribute("qualities", List.of(MatchQuality.values()));
		model.addAttribute("statuses", List.of("PROPOSED", "APPLIED", "REJECTED", "UNMATCHED"));
		return "gazetteer/matches";
	}

	@PostMapping("/run")
	String run(@RequestParam(name = "autoApply", required = false) List<String> autoApply, RedirectAttributes redirect) {
		var auto = autoApply == null ? java.util.EnumSet.noneOf(MatchQuality.class)
				: MatchApiController.qualities(autoApply, "autoApply");
		redirect.addFlashAttribute("run", matching.run(auto, AuditLog.currentActor(), AuditLog.currentRemoteAddress()));
		return "redirect:/placement/matches";
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect,
			Locale locale) {
		try {
			review.accept(id, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
			redirect.addFlashAttribute("notice", messages.getMessage("match.accepted", new Object[] { id }, locale));
		}
		catch (ConflictException | NotFoundException e) {
			redirect.addFlashAttribute("error", messages.getMessage("match.notPossible", new Object[] { id }, locale));
		}
		return "redirect:" + back(back);
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect,
			Locale locale) {
		try {
			review.reject(id, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
			redirect.addFlashAttribute("notice", messages.getMessage("match.rejected", new Object[] { id }, locale));
		}
		catch (ConflictException | NotFoundException e) {
			redirect.addFlashAttribute("error", messages.getMessage("match.notPossible", new Object[] { id }, locale));
		}
		return "redirect:" + back(back);
	}

	@PostMapping("/reject")
	String rejectWhere(@RequestParam(required = false) String quality, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, RedirectAttributes redirect, Locale locale) {
		MatchReview.Filter f = MatchApiController.filter(quality, status, null, q);
		if (!MatchApiController.anyCriterion(f)) {
			redirect.addFlashAttribute("error", messages.getMessage("match.bulkNeedsFilter", null, locale));
		}
		else {
			int n = review.rejectWhere(f, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
			redirect.addFlashAttribute("notice", messages.getMessage("match.bulkRejected", new Object[] { n }, locale));
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/placement/matches")
			.queryParamIfPresent("quality", java.util.Optional.ofNullable(f.quality()))
			.queryParamIfPresent("status", java.util.Optional.ofNullable(f.status()))
			.queryParamIfPresent("q", java.util.Optional.ofNullable(f.q())).encode().build().toUriString();
	}

	/** Only a path of this page is followed back, never an address elsewhere. */
	private static String back(String back) {
		return back != null && back.startsWith("/placement/matches") && !back.startsWith("//") && !back.contains("\\")
				&& back.codePoints().noneMatch(Character::isISOControl) ? back : "/placement/matches";
	}
}
