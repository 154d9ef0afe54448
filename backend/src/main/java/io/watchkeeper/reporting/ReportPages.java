package io.watchkeeper.reporting;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.watchkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

/** The maintenance figures page with its period picker, grouping switch and CSV export. */
@Controller
@RequestMapping("/reports")
class ReportPages {

	static final List<String> SPANS = List.of("Y", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "M01", "M02", "M03", "M04", "M05",
			"M06", "M07", "M08", "M09", "M10", "M11", "M12");

	private final MaintenanceFigures figures;
	private final MessageSource messages;
	private final Clock clock;

	ReportPages(MaintenanceFigures figures, MessageSource messages, Clock clock) {
		this.figures = figures;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String index() {
		return "redirect:/reports/maintenance";
	}

	@GetMapping("/maintenance")
	String maintenance(@RequestParam Map<String, String> params, Locale locale, Model model, HttpServletResponse response) {
		LocalDate today = LocalDate.now(clock.withZone(figures.zone()));
		model.addAttribute("params", params);
		model.addAttribute("groupings", Grouping.values());
		model.addAttribute("spans", SPANS);
		List<Integer> years = new ArrayList<>();
		for (int year = today.getYear(); year >= Math.min(2023, today.getYear()) - 3; year--) {
			years.add(year);
		}
		model.addAttribute("years", years);
		model.addAttribute("quick", quickLinks(today));
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			Grouping grouping = grouping(params, errors, locale);
			ReportPeriod period = period(params, today);
			if (grouping != null) {
				MaintenanceReport report = figures.figures(period, grouping);
				model.addAttribute("report", report);
				model.addAttribute("csvQuery", "from=" + period.from() + "&to=" + period.to() + "&groupBy=" + grouping.param());
			}
			model.addAttribute("period", period);
		}
		catch (ReportInputException e) {
			errors.putIfAbsent(e.field(), messages.getMessage(e.code(), e.args(), e.getMessage(), locale));
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("errors", errors);
		return "reporting/maintenance";
	}

	@GetMapping("/maintenance.csv")
	void csv(@RequestParam Map<String, String> params, Locale locale, HttpServletResponse response) throws IOException {
		LocalDate today = LocalDate.now(clock.withZone(figures.zone()));
		Grouping grouping = Grouping.parse(params.get("groupBy"));
		ReportPeriod period = period(params, today);
		MaintenanceReport report = figures.figures(period, grouping);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"maintenance-" + period.from() + "-" + period.to()
				+ "-" + grouping.param() + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF'); // spreadsheets read UTF-8 only with the byte-order mark
		List<String> header = new ArrayList<>();
		header.add(message("reporting.col.code", locale));
		header.add(message("reporting.group." + grouping.param(), locale));
		for (String column : List.of("cameras", "outages", "downtime", "availability", "mttr", "outageMttr", "opened",
				"closed", "byVendors", "inHouse", "decommissioned", "replaced")) {
			header.add(message("reporting.col." + column, locale));
		}
		line(out, header);
		for (MaintenanceReport.Row row : report.rows()) {
			line(out, cells(row, locale));
		}
		line(out, cells(report.totals(), locale));
		out.flush();
	}

	private List<String> cells(MaintenanceReport.Row row, Locale locale) {
		return java.util.Arrays.asList(row.code(), "zh".equals(locale.getLanguage()) ? row.nameZh() : row.nameEn(),
				text(row.camerasInService()), String.valueOf(row.outages()), text(row.downtimeHours()),
				text(row.availabilityPercent()), text(row.mttrHours()), text(row.outageMttrHours()),
				String.valueOf(row.ordersOpened()), String.valueOf(row.ordersClosed()), String.valueOf(row.restoredByVendors()),
				String.valueOf(row.restoredInHouse()), String.valueOf(row.decommissioned()), String.valueOf(row.replaced()));
	}

	private static String text(Object value) {
		return value == null ? "" : value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString();
	}

	private static void line(Writer out, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(csvCell(cells.get(i)));
		}
		out.write("\r\n");
	}

	/** Quotes where needed; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
	static String csvCell(String value) {
		if (value == null) {
			return "";
		}
		String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+") ? "'" + value : value;
		return v.matches(".*[\",\r\n].*") || v.contains(",") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
	}

	/** year + span (the picker), else from + to, else the current month. */
	private ReportPeriod period(Map<String, String> params, LocalDate today) {
		String year = params.get("year");
		String span = params.get("span");
		if (year != null && !year.isBlank() && span != null && !span.isBlank()) {
			int y;
			try {
				y = Integer.parseInt(year.strip());
			}
			catch (NumberFormatException e) {
				throw new ReportInputException("year", "reporting.error.year", "year must be a year such as 2023, not '" + year + "'", year);
			}
			ReportPeriod preset = ReportPeriod.preset(y, span.strip());
			// the same checks as typed dates (not in the future)
			return ReportPeriod.parse(preset.from().toString(), preset.to().toString(), preset, clock, figures.zone());
		}
		return ReportPeriod.parse(params.get("from"), params.get("to"), ReportPeriod.monthOf(today), clock, figures.zone());
	}

	private Grouping grouping(Map<String, String> params, Map<String, String> errors, Locale locale) {
		try {
			return Grouping.parse(params.get("groupBy"));
		}
		catch (ReportInputException e) {
			errors.put("groupBy", messages.getMessage(e.code(), e.args(), e.getMessage(), locale));
			return null;
		}
	}

	record QuickLink(String key, LocalDate from, LocalDate to) {
	}

	private static List<QuickLink> quickLinks(LocalDate today) {
		LocalDate month = today.withDayOfMonth(1);
		LocalDate quarter = month.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
		LocalDate half = month.withMonth(today.getMonthValue() <= 6 ? 1 : 7);
		LocalDate year = today.withDayOfYear(1);
		return List.of(new QuickLink("thisMonth", month, month.plusMonths(1).minusDays(1)),
				new QuickLink("lastMonth", month.minusMonths(1), month.minusDays(1)),
				new QuickLink("thisQuarter", quarter, quarter.plusMonths(3).minusDays(1)),
				new QuickLink("thisHalf", half, half.plusMonths(6).minusDays(1)),
				new QuickLink("thisYear", year, year.plusYears(1).minusDays(1)),
				new QuickLink("lastYear", year.minusYears(1), year.minusDays(1)),
				new QuickLink("seedHalf", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)));
	}

	/** A bad parameter of the CSV export: 400 with the reason as text (the page shows them next to the fields). */
	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<String> invalid(InvalidInputException e) {
		return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(e.getMessage());
	}

	private String message(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}
}
