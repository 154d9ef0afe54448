package io.watchkeeper.procurement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /procurement/projects/new: add a procurement project (ADMIN and PROCUREMENT, see AccessRules). */
@Controller
@RequestMapping("/procurement/projects")
class ProjectEditingPages {

	private final Projects projects;
	private final ProcurementQueries queries;

	ProjectEditingPages(Projects projects, ProcurementQueries queries) {
		this.projects = projects;
		this.queries = queries;
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
