package io.watchkeeper.reporting;

import java.time.Clock;
import java.text.NumberFormat;
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

	/** Administrators may see which cases were solved; other report readers how many per precinct. */
	static boolean isCaseWorker(org.springframework.security.core.Authentication caller) {
		return caller != null && caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	@GetMapping("/reports/half-year/records")
	String records(@RequestParam Map<String, String> params, Locale locale, Model model, HttpServletResponse response,
			org.springframework.security.core.Authentication caller) {
		Map<String, String> errors = new LinkedHashMap<>();
		model.addAttribute("params", params);
		try {
			HalfYear period = HalfYear.parse(params.get("year"), params.get("half"), LocalDate.now(clock.withZone(figures.zone())));
			model.addAttribute("period", period);
			HalfYearRecords records = reports.records(period, params.get("figure"), HalfYearApiController.limit(params.get("limit")),
					isCaseWorker(caller));
			model.addAttribute("records", records);
			model.addAttribute("rows", records.rows().stream().map(r -> new RowView(r, detail(records.figure(), r, locale))).toList());
		}
		catch (ReportInputException e) {
			errors.put(e.field(), messages.getMessage(e.code(), e.args(), e.getMessage(), locale));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("errors", errors);
		return "reporting/half-year-records";
	}

	/** A record with its detail as the page shows it: a kind's name in the page's language, an amount in NT$. */
	record RowView(HalfYearRecords.Row row, String detail) {
	}

	private String detail(String figure, HalfYearRecords.Row row, Locale locale) {
		String detail = row.detail();
		if (detail == null) {
			return "";
		}
		if ("case-count".equals(row.kind())) {
			return "zh".equals(locale.getLanguage()) ? detail + "件" : detail + (detail.equals("1") ? " case" : " cases");
		}
		String prefix = switch (row.kind()) {
		case "camera" -> "decommissioned".equals(figure) ? "planning.decommissionKind." : "camera.lpr.";
		case "work-order" -> "maintenance.resolution.";
		case "project", "contract" -> null;
		default -> "";
		};
		if (prefix == null) {
			String amount = NumberFormat.getIntegerInstance(Locale.US).format(Long.parseLong(detail));
			return "zh".equals(locale.getLanguage()) ? amount + "元" : "NT$" + amount;
		}
		return prefix.isEmpty() ? detail : messages.getMessage(prefix + detail, null, detail, locale);
	}
}
