package io.watchkeeper.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.watchkeeper.planning.PlanViews.PlanView;
import io.watchkeeper.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/** The plan pages: saved plans and the new-plan form (preview, then save), one plan, two plans compared. */
@Controller
class PlanPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Plans plans;
	private final ImportantSites importantSites;
	private final NamedParameterJdbcTemplate jdbc;

	PlanPages(Plans plans, ImportantSites importantSites, NamedParameterJdbcTemplate jdbc) {
		this.plans = plans;
		this.importantSites = importantSites;
		this.jdbc = jdbc;
	}

	record Precinct(long id, String name) {
	}

	/** The new-plan form as typed (strings, so that a wrong value comes back to its field). */
	record PlanForm(String name, String firstYear, String years, String budgetPerYear, String budgets, String asOf,
			String precinctId, String wYearsPastEol, String wDowntime, String wRepairs, String wLpr,
			String wUsefulFootage, String wCovered, String wImportant) {

		PlanInputs.Request request() {
			return new PlanInputs.Request(name, integer(firstYear, "firstYear"), integer(years, "years"),
					number(budgetPerYear, "budgetPerYear"), budgetList(), new PlanInputs.WeightsRequest(
							decimal(wYearsPastEol, "weights.yearsPastEol"), decimal(wDowntime, "weights.downtime"),
							decimal(wRepairs, "weights.repairs"), decimal(wLpr, "weights.lpr"),
							decimal(wUsefulFootage, "weights.usefulFootage"), decimal(wCovered, "weights.covered"),
							decimal(wImportant, "weights.important")),
					asOf, number(precinctId, "precinctId"));
		}

		/** "2027=30000000, 2028=25000000": a budget per year (one line or comma separated). */
		private List<PlanInputs.Budget> budgetList() {
			if (budgets == null || budgets.isBlank()) {
				return null;
			}
			List<PlanInputs.Budget> list = new ArrayList<>();
			for (String part : budgets.split("[,\\n;]")) {
				if (part.isBlank()) {
					continue;
				}
				String[] kv = part.split("=");
				if (kv.length != 2) {
					throw new InvalidInputException("budgets", "budgets: write each year as 2027=30000000");
				}
				list.add(new PlanInputs.Budget(integer(kv[0], "budgets"), number(kv[1], "budgets")));
			}
			return list;
		}

		private static Integer integer(String s, String field) {
			Long n = number(s, field);
			return n == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
		}

		private static Long number(String s, String field) {
			if (s == null || s.isBlank()) {
				return null;
			}
			try {
				return Long.parseLong(s.strip().replace(",", ""));
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException(field, field + " must be a whole number");
			}
		}

		private static Double decimal(String s, String field) {
			if (s == null || s.isBlank()) {
				return null;
			}
			try {
				return Double.parseDouble(s.strip());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException(field, field + " must be a number");
			}
		}
	}

	static boolean editor(Authentication auth) {
		return auth != null && auth.getAuthorities().stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_PROCUREMENT"));
	}

	private List<Precinct> precincts(Locale locale) {
		boolean zh = "zh".equals(locale.getLanguage());
		return jdbc.query("SELECT id, name_zh, name_en FROM precinct ORDER BY code", Map.of(),
				(rs, n) -> new Precinct(rs.getLong(1), rs.getString(zh ? 2 : 3)));
	}

	private String listPage(Model model, Authentication auth, Locale locale, PlanForm form) {
		model.addAttribute("plans", plans.list());
		model.addAttribute("editor", editor(auth));
		model.addAttribute("precincts", precincts(locale));
		model.addAttribute("defaults", plans.properties().defaultWeights());
		model.addAttribute("form", form);
		model.addAttribute("today", plans.today());
		return "planning/plans";
	}

	@GetMapping("/planning/plans")
	String list(Model model, Authentication auth, Locale locale) {
		return listPage(model, auth, locale, null);
	}

	@PostMapping("/planning/plans/preview")
	String preview(PlanForm form, Model model, Authentication auth, Locale locale) {
		try {
			PlanView preview = plans.preview(form.request());
			model.addAttribute("preview", preview);
			model.addAttribute("chartData", chartData(preview));
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("errorField", e.fieldErrors().isEmpty() ? null : e.fieldErrors().get(0).field());
		}
		return listPage(model, auth, locale, form);
	}

	@PostMapping("/planning/plans")
	String save(PlanForm form, Model model, Authentication auth, Locale locale) {
		try {
			return "redirect:/planning/plans/" + plans.save(form.request()).id();
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("errorField", e.fieldErrors().isEmpty() ? null : e.fieldErrors().get(0).field());
			return listPage(model, auth, locale, form);
		}
	}

	@GetMapping("/planning/plans/{id}")
	String plan(@PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false, defaultValue = "0") int offset, Model model, Authentication auth,
			Locale locale) {
		PlanView plan = plans.get(id);
		int fy = year != null ? year : plan.firstYear();
		int limit = Math.min(100, plans.properties().listLimit());
		model.addAttribute("plan", plan);
		model.addAttribute("chartData", chartData(plan));
		model.addAttribute("year", fy);
		model.addAttribute("offset", Math.max(0, offset));
		model.addAttribute("limit", limit);
		model.addAttribute("cameras", plans.cameras(id, fy, null, limit, Math.max(0, offset), locale));
		model.addAttribute("editor", editor(auth));
		model.addAttribute("precinctName", precincts(locale).stream()
			.filter(p -> plan.precinctId() != null && p.id() == plan.precinctId()).map(Precinct::name).findFirst()
			.orElse(null));
		return "planning/plan";
	}

	@PostMapping("/planning/plans/{id}/important/{cameraId}")
	String toggleImportant(@PathVariable long id, @PathVariable long cameraId, @RequestParam boolean important,
			@RequestParam(required = false) Integer year) {
		if (important) {
			importantSites.set(cameraId, null);
		}
		else {
			importantSites.clear(cameraId);
		}
		return "redirect:/planning/plans/" + id + (year != null ? "?year=" + year : "");
	}

	@PostMapping("/planning/plans/{id}/delete")
	String delete(@PathVariable long id) {
		plans.delete(id);
		return "redirect:/planning/plans";
	}

	@GetMapping("/planning/plans/compare")
	String compare(@RequestParam long a, @RequestParam long b, Model model) {
		model.addAttribute("comparison", plans.compare(a, b));
		return "planning/compare";
	}

	/** The chart's data for static/js/plan-chart.js: years (with ROC), budget, cost, backlog with and without cap. */
	static String chartData(PlanView plan) {
		return JSON.writeValueAsString(plan.yearRows());
	}
}
