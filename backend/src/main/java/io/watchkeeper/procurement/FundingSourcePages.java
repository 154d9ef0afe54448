package io.watchkeeper.procurement;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.shared.NotFoundException;

/**
 * /procurement/funding-sources: add a funding source or change one (ADMIN and PROCUREMENT, see AccessRules);
 * mistakes are shown next to their fields.
 */
@Controller
@RequestMapping("/procurement/funding-sources")
class FundingSourcePages {

	private final FundingSources sources;

	FundingSourcePages(FundingSources sources) {
		this.sources = sources;
	}

	@InitBinder
	void refuseId(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute
	void kinds(Model model) {
		model.addAttribute("kinds", ProcurementOverview.KINDS);
	}

	/** {@code ?code=F2024-CITY}: the code an import did not know, from the import's error list. */
	@GetMapping("/new")
	String newSource(@RequestParam(required = false) String code, Model model) {
		FundingSourceForm form = new FundingSourceForm();
		form.setCode(code);
		model.addAttribute("form", form);
		return "procurement/funding-source";
	}

	@PostMapping
	String create(@ModelAttribute("form") FundingSourceForm form, BindingResult binding, RedirectAttributes redirect) {
		try {
			FundingSourceDraft source = FundingSourceDraft.parse(form);
			sources.create(source);
			redirect.addFlashAttribute("notice", "procurement.fundingForm.created");
			redirect.addFlashAttribute("noticeCode", source.code());
			return "redirect:/procurement#funding";
		}
		catch (ProcurementInputRefused e) {
			reject(binding, e);
			return "procurement/funding-source";
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		FundingSourceDraft source = sources.find(id).orElseThrow(() -> new NotFoundException("Funding source", id));
		model.addAttribute("form", FundingSourceForm.of(source));
		model.addAttribute("sourceId", id);
		return "procurement/funding-source";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") FundingSourceForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		sources.find(id).orElseThrow(() -> new NotFoundException("Funding source", id));
		try {
			FundingSourceDraft source = FundingSourceDraft.parse(form);
			sources.update(id, source);
			redirect.addFlashAttribute("notice", "procurement.fundingForm.updated");
			redirect.addFlashAttribute("noticeCode", source.code());
			return "redirect:/procurement#funding";
		}
		catch (ProcurementInputRefused e) {
			reject(binding, e);
			model.addAttribute("sourceId", id);
			return "procurement/funding-source";
		}
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "procurement/not-found";
	}

	private static void reject(BindingResult binding, ProcurementInputRefused e) {
		for (ProcurementInputRefused.Violation v : e.violations()) {
			binding.rejectValue(v.field(), v.code(), v.args(), v.english());
		}
	}
}
