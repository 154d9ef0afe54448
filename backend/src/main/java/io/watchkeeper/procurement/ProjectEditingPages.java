package io.watchkeeper.procurement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.shared.InvalidInputException;

/** /procurement/projects/new: add a procurement project; the project page's upkeep form (ADMIN and PROCUREMENT, see AccessRules). */
@Controller
@RequestMapping("/procurement/projects")
class ProjectEditingPages {

	private final Projects projects;
	private final ProcurementQueries queries;
	private final ProcurementProjects upkeep;

	ProjectEditingPages(Projects projects, ProcurementQueries queries, ProcurementProjects upkeep) {
		this.projects = projects;
		this.queries = queries;
		this.upkeep = upkeep;
	}

	/** The project page's upkeep form (milestones, vendor, warranty years); back to the page with the fields at fault. */
	@PostMapping("/{id:\\d+}/upkeep")
	String keep(@PathVariable long id, @ModelAttribute("upkeep") ProjectUpkeepForm form, RedirectAttributes redirect) {
		try {
			upkeep.update(id, form.upkeep());
			redirect.addFlashAttribute("notice", "planning.project.upkeepSaved");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("upkeep", form);
			redirect.addFlashAttribute("upkeepErrors", e.fieldErrors());
		}
		return "redirect:/procurement/projects/" + id + "#upkeep";
	}

	@InitBinder
	void refuseId(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("purposes", ProjectDraft.PURPOSES);
		model.addAttribute("sources", queries.fundingSources());
	}

	/** {@code ?code=P2024-CITY-NEW}: the code an import did not know, from the import's error list. */
	@GetMapping("/new")
	String newProject(@RequestParam(required = false) String code, Model model) {
		ProjectForm form = new ProjectForm();
		form.setCode(code);
		model.addAttribute("form", form);
		return "procurement/project-new";
	}

	@PostMapping
	String create(@ModelAttribute("form") ProjectForm form, BindingResult binding, RedirectAttributes redirect) {
		try {
			ProjectDraft project = ProjectDraft.parse(form);
			long id = projects.create(project);
			redirect.addFlashAttribute("notice", "procurement.projectForm.created");
			redirect.addFlashAttribute("noticeCode", project.code());
			return "redirect:/procurement/projects/" + id;
		}
		catch (ProcurementInputRefused e) {
			for (ProcurementInputRefused.Violation v : e.violations()) {
				binding.rejectValue(v.field(), v.code(), v.args(), v.english());
			}
			return "procurement/project-new";
		}
	}
}
