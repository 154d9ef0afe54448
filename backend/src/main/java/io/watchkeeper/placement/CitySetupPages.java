package io.watchkeeper.placement;

import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;

/** The city set-up checklist (/admin/setup) and the department's name form on it. ADMIN only. */
@Controller
@RequestMapping("/admin/setup")
@PreAuthorize("hasRole('ADMIN')")
class CitySetupPages {

	private final CitySetup setup;
	private final CitySettings settings;

	CitySetupPages(CitySetup setup, CitySettings settings) {
		this.setup = setup;
		this.settings = settings;
	}

	@GetMapping
	String checklist(Model model) {
		model.addAttribute("steps", setup.steps());
		if (!model.containsAttribute("departmentZh")) {
			settings.department().ifPresent(d -> {
				model.addAttribute("departmentZh", d.nameZh());
				model.addAttribute("departmentEn", d.nameEn());
			});
		}
		return "admin/setup";
	}

	@PostMapping("/department")
	String rename(@RequestParam(required = false) String departmentZh, @RequestParam(required = false) String departmentEn,
			Principal principal, Model model, RedirectAttributes redirect) {
		try {
			settings.rename(departmentZh, departmentEn, principal.getName(), AuditLog.currentRemoteAddress());
		}
		catch (InvalidInputException e) {
			model.addAttribute("departmentError", e.fieldErrors().get(0).field());
			model.addAttribute("departmentZh", departmentZh);
			model.addAttribute("departmentEn", departmentEn);
			model.addAttribute("steps", setup.steps());
			return "admin/setup";
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/setup";
	}
}
