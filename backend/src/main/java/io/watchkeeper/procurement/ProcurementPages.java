package io.watchkeeper.procurement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.watchkeeper.shared.NotFoundException;

/** Funding, projects and maintenance contracts: read-only pages for every role but vendors and squads (AccessRules). */
@Controller
@RequestMapping("/procurement")
class ProcurementPages {

	private static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");

	private final ProcurementReport report;
	private final Clock clock;

	private final ProcurementQueries queries;

	ProcurementPages(ProcurementReport report, ProcurementQueries queries, ObjectProvider<Clock> clock) {
		this.report = report;
		this.queries = queries;
		this.clock = clock.getIfAvailable(() -> Clock.system(TAIWAN));
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("overview", report.overview());
		model.addAttribute("today", LocalDate.now(clock));
		return "procurement/index";
	}

	@GetMapping("/projects/{id}")
	String project(@PathVariable long id, Model model) {
		Project project = report.project(id).orElseThrow(() -> new NotFoundException("Procurement project", id));
		model.addAttribute("project", project);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("progress", report.progress(id));
		if (!model.containsAttribute("upkeep")) {
			Map<String, Object> terms = queries.terms(id);
			model.addAttribute("upkeep", ProjectUpkeepForm.of(project, (String) terms.get("vendor_code"),
					(Integer) terms.get("warranty_years")));
		}
		model.addAttribute("vendors", queries.vendors());
		return "procurement/project";
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "procurement/not-found";
	}
}
