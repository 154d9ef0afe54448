package io.watchkeeper.maintenance;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.shared.InvalidInputException;

/** The dispatcher's outage board page and its bulk assignment form. */
@Controller
class OutagePages {

	private final OutageBoard board;
	private final Callers callers;
	private final Assignables assignables;
	private final WorkOrderService service;
	private final MessageSource messages;

	OutagePages(OutageBoard board, Callers callers, Assignables assignables, WorkOrderService service,
			MessageSource messages) {
		this.board = board;
		this.callers = callers;
		this.assignables = assignables;
		this.service = service;
		this.messages = messages;
	}

	@GetMapping("/outages")
	String board(@RequestParam(required = false) String precinct, @RequestParam(required = false) String contract,
			@RequestParam(required = false) String minAgeHours, @RequestParam(required = false) String page,
			Authentication auth, Model model) {
		Long precinctId = parseLong(precinct);
		Integer minAge = parseLong(minAgeHours) == null ? null : (int) Math.min(87_600, Math.max(0, parseLong(minAgeHours)));
		int pageNumber = parseLong(page) == null ? 0 : (int) Math.max(0, Math.min(100_000, parseLong(page)));
		OutageBoard.Filter filter;
		try {
			filter = OutageBoard.Filter.of(precinctId, contract, minAge);
		}
		catch (InvalidInputException e) {
			model.addAttribute("filterError", true);
			filter = OutageBoard.Filter.of(precinctId, null, minAge);
			contract = null;
		}
		model.addAttribute("board", board.open(filter, pageNumber, 100));
		model.addAttribute("precinct", precinctId);
		model.addAttribute("contract", contract);
		model.addAttribute("minAgeHours", minAge);
		model.addAttribute("precincts", assignables.precincts());
		model.addAttribute("allContracts", assignables.allContracts());
		model.addAttribute("contracts", assignables.contractsOn(service.today()));
		// the squads a bulk assignment may use: HQ's for any camera, a precinct's for its own precinct's cameras
		model.addAttribute("hqSquads", assignables.squads().stream().filter(Assignables.Squad::headquarters).toList());
		model.addAttribute("precinctSquads", assignables.squads().stream().filter(s -> !s.headquarters()).toList());
		model.addAttribute("caller", callers.of(auth));
		WorkOrderPages.localize(model, "bulkError", messages);
		if (model.getAttribute("bulkResult") instanceof OutageBoard.BulkResult result) {
			model.addAttribute("bulkFailures", result.items().stream().filter(i -> !i.assigned())
				.map(i -> new BulkFailure(i.outageId(),
						i.refusal() == null ? i.message() : WorkOrderPages.message(i.refusal(), messages)))
				.toList());
		}
		model.addAttribute("ageChoices", List.of(1, 4, 24, 72, 168));
		StringBuilder back = new StringBuilder();
		if (precinctId != null) {
			back.append("&precinct=").append(precinctId);
		}
		if (contract != null && contract.matches("none|\\d{1,18}")) {
			back.append("&contract=").append(contract);
		}
		if (minAge != null) {
			back.append("&minAgeHours=").append(minAge);
		}
		model.addAttribute("backQuery", back.isEmpty() ? "" : "?" + back.substring(1));
		return "maintenance/outages";
	}

	@PostMapping("/outages/assign")
	String assign(@RequestParam(required = false) List<Long> outageIds, @RequestParam(required = false) String target,
			@RequestParam(required = false) String note, @RequestParam(required = false) String back,
			Authentication auth, RedirectAttributes redirect) {
		try {
			OutageBoard.BulkResult result = board.assign(outageIds, AssignTarget.parse(target), note, callers.of(auth));
			redirect.addFlashAttribute("bulkResult", result);
		}
		catch (InvalidInputException | WorkOrderRefused e) {
			redirect.addFlashAttribute("bulkError", WorkOrderPages.describe(e));
		}
		return "redirect:/outages" + (back != null && back.matches("\\?[A-Za-z0-9=&%._-]{0,300}") ? back : "");
	}

	/** A bulk item that was not assigned, with the reason in the reader's language. */
	record BulkFailure(long outageId, String message) {
	}

	private static Long parseLong(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
