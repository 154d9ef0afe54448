package io.watchkeeper.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The budget split page: the form (fiscal year, total, reference date), the preview with its sum line, the Apply
 * button for plan editors, the applied splits and the exports.
 */
@Controller
@RequestMapping("/planning/budget-split")
class BudgetSplitPages {

	private static final ZoneId CITY = ZoneId.of("Asia/Taipei");

	private final BudgetSplits splits;
	private final Clock clock;

	BudgetSplitPages(BudgetSplits splits, Clock clock) {
		this.splits = splits;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam Map<String, String> params, @RequestParam(required = false) Long applied, Model model,
			HttpServletResponse response) {
		int year = LocalDate.now(clock.withZone(CITY)).getYear();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("fiscalYear", params.getOrDefault("fiscalYear", String.valueOf(year)));
		form.put("totalNtd", params.getOrDefault("totalNtd", ""));
		form.put("referenceDate", params.getOrDefault("referenceDate", form.get("fiscalYear").strip() + "-01-01"));
		Map<String, String> errors = new LinkedHashMap<>();
		if (applied != null) {
			splits.find(applied).ifPresent(split -> {
				model.addAttribute("split", split);
				form.put("fiscalYear", String.valueOf(split.fiscalYear()));
				form.put("totalNtd", String.valueOf(split.totalNtd()));
				form.put("referenceDate", split.referenceDate().toString());
			});
		}
		else if (params.containsKey("totalNtd")) {
			try {
				BudgetSplitInput input = BudgetSplitInput.parse(form.get("fiscalYear"), form.get("totalNtd"),
						form.get("referenceDate"));
				model.addAttribute("split", splits.preview(input));
				model.addAttribute("exportQuery", "fiscalYear=" + input.fiscalYear() + "&totalNtd=" + input.totalNtd()
						+ "&referenceDate=" + input.referenceDate());
			}
			catch (InvalidInputException e) {
				e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), "planning.split.error." + f.field()));
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("history", splits.history(50));
		return "planning/budget-split";
	}

	@PostMapping
	String apply(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		try {
			BudgetSplitInput input = BudgetSplitInput.parse(params.get("fiscalYear"), params.get("totalNtd"),
					params.get("referenceDate"));
			BudgetSplit split = splits.apply(input.fiscalYear(), input.totalNtd(), input.referenceDate(),
					AuditLog.currentActor());
			redirect.addAttribute("applied", split.id());
			redirect.addFlashAttribute("notice", "applied");
			return "redirect:/planning/budget-split";
		}
		catch (InvalidInputException | PrecinctsWithoutContract e) {
			redirect.addFlashAttribute("refusedFields", e instanceof InvalidInputException invalid
					? invalid.fieldErrors().stream().map(InvalidInputException.FieldError::field).distinct().toList() : List.of());
			redirect.addFlashAttribute("uncovered", e instanceof PrecinctsWithoutContract p ? String.join(", ", p.precinctCodes()) : null);
			params.forEach((k, v) -> {
				if (!k.startsWith("_")) {
					redirect.addAttribute(k, v);
				}
			});
			return "redirect:/planning/budget-split";
		}
	}
}
