package io.watchkeeper.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The records behind one figure of the half-year report: what "120支" was counted from, each linked to its page. */
@Controller
class HalfYearRecordsPage {

	private final HalfYearReports reports;
	private final MaintenanceFigures figures;
	private final MessageSource messages;
	private final Clock clock;

	HalfYearRecordsPage(HalfYearReports reports, MaintenanceFigures figures, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.figures = figures;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/reports/half-year/records")
	String records(@RequestParam Map<String, String> params, Locale locale, Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		model.addAttribute("params", params);
		try {
			HalfYear period = HalfYear.parse(params.get("year"), params.get("half"), LocalDate.now(clock.withZone(figures.zone())));
			model.addAttribute("period", period);
			model.addAttribute("records", reports.records(period, params.get("figure"), HalfYearApiController.limit(params.get("limit"))));
		}
		catch (ReportInputException e) {
			errors.put(e.field(), messages.getMessage(e.code(), e.args(), e.getMessage(), locale));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("errors", errors);
		return "reporting/half-year-records";
	}
}
