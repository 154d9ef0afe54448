package io.watchkeeper.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.procurement.ProcurementProjects;
import io.watchkeeper.procurement.ProjectMilestones;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;
import io.watchkeeper.shared.NotFoundException;

/**
 * /planning/plans/{id}/years/{fy}/project: "make a project of this year", the form (GET, plan readers) and its
 * submission (POST, ADMIN and PROCUREMENT), which makes the project and goes to its page.
 */
@Controller
@RequestMapping("/planning/plans/{id:\\d+}/years/{fy:\\d{4}}/project")
class PlanProjectPages {

	private final PlanProjects projects;
	private final NamedParameterJdbcTemplate jdbc;

	PlanProjectPages(PlanProjects projects, NamedParameterJdbcTemplate jdbc) {
		this.projects = projects;
		this.jdbc = jdbc;
	}

	/** What the form holds, as typed; one funding source on the page (the API takes several). */
	record ProjectForm(String code, String nameZh, String nameEn, String budgetNtd, String precinctId,
			String fundingSourceCode, String fundingAmountNtd, String warrantyYears, String budgetedOn,
			String tenderingOn, String awardedOn, String startedOn, String completionDueOn, String vendorCode) {

		static final ProjectForm EMPTY = new ProjectForm(null, null, null, null, null, null, null, "5", null, null, null,
				null, null, null);

		PlanProjects.ProjectRequest request() {
			List<FieldError> errors = new ArrayList<>();
			Long budget = number("budgetNtd", budgetNtd, errors);
			Long precinct = number("precinctId", precinctId, errors);
			Long amount = number("fundingAmountNtd", fundingAmountNtd, errors);
			Long years = number("warrantyYears", warrantyYears, errors);
			ProjectMilestones m = new ProjectMilestones(date("budgetedOn", budgetedOn, errors),
					date("tenderingOn", tenderingOn, errors), date("awardedOn", awardedOn, errors),
					date("startedOn", startedOn, errors), date("completionDueOn", completionDueOn, errors), null, null);
			if (!errors.isEmpty()) {
				throw new InvalidInputException("Some fields are not valid", errors);
			}
			List<ProcurementProjects.Share> shares = fundingSourceCode == null || fundingSourceCode.isBlank() ? List.of()
					: List.of(new ProcurementProjects.Share(fundingSourceCode, amount));
			return new PlanProjects.ProjectRequest(code, nameZh, nameEn, budget, shares, precinct, null,
					years == null ? null : years.intValue(), m, vendorCode);
		}

		private static Long number(String field, String raw, List<FieldError> errors) {
			if (raw == null || raw.isBlank()) {
				return null;
			}
			try {
				return Long.valueOf(raw.strip().replace(",", ""));
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError(field, "not a whole number: " + raw));
				return null;
			}
		}

		private static java.time.LocalDate date(String field, String raw, List<FieldError> errors) {
			if (raw == null || raw.isBlank()) {
				return null;
			}
			try {
				return java.time.LocalDate.parse(raw.strip());
			}
			catch (java.time.format.DateTimeParseException e) {
				errors.add(new FieldError(field, "not a date (YYYY-MM-DD): " + raw));
				return null;
			}
		}
	}

	@ModelAttribute
	void year(@PathVariable long id, @PathVariable int fy, Model model) {
		Map<String, Object> plan = jdbc.queryForList("SELECT id, name FROM replacement_plan WHERE id = :id", Map.of("id", id))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Replacement plan", id));
		model.addAttribute("plan", plan);
		model.addAttribute("fiscalYear", String.valueOf(fy));
		model.addAttribute("rocYear", String.valueOf(fy - 1911));
		model.addAttribute("summary", jdbc.queryForMap("""
				SELECT count(*) AS cameras, coalesce(sum(unit_price_ntd), 0) AS cost
				  FROM replacement_plan_camera WHERE plan_id = :id AND fiscal_year = :fy""", Map.of("id", id, "fy", fy)));
		model.addAttribute("precincts", jdbc.queryForList("""
				SELECT p.id, p.name_zh, p.name_en, count(*) AS cameras
				  FROM replacement_plan_camera pc JOIN camera c ON c.id = pc.camera_id JOIN precinct p ON p.id = c.precinct_id
				 WHERE pc.plan_id = :id AND pc.fiscal_year = :fy GROUP BY p.id ORDER BY p.code""", Map.of("id", id, "fy", fy)));
		model.addAttribute("sources", jdbc.queryForList(
				"SELECT code, name_zh, amount_ntd FROM funding_source ORDER BY fiscal_year DESC, code", Map.of()));
		model.addAttribute("vendors", jdbc.queryForList("SELECT code, name_zh FROM vendor ORDER BY code", Map.of()));
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", ProjectForm.EMPTY);
		return "planning/plan-project";
	}

	@PostMapping
	String make(@PathVariable long id, @PathVariable int fy, @ModelAttribute("form") ProjectForm form, Model model,
			RedirectAttributes redirect) {
		try {
			PlanProjects.MadeProject made = projects.make(id, fy, form.request());
			redirect.addFlashAttribute("notice", "planning.fromPlan.madeShort");
			redirect.addFlashAttribute("noticeCode", made.code());
			return "redirect:/procurement/projects/" + made.projectId();
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", e.fieldErrors());
		}
		catch (ConflictException e) {
			model.addAttribute("errors", List.of(new FieldError("cameras", e.getMessage())));
		}
		return "planning/plan-project";
	}
}
