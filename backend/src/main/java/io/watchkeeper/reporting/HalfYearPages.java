package io.watchkeeper.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The half-year report page (form, text with each figure linked to its records, figures beside the previous period,
 * projects, maintenance table, charts, definitions, exports) and its A4 print page.
 */
@Controller
@RequestMapping("/reports/half-year")
class HalfYearPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HalfYearReports reports;
	private final MaintenanceFigures figures;
	private final MessageSource messages;
	private final Clock clock;

	HalfYearPages(HalfYearReports reports, MaintenanceFigures figures, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.figures = figures;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam Map<String, String> params, Locale locale, Model model, HttpServletResponse response) {
		LocalDate today = LocalDate.now(clock.withZone(figures.zone()));
		HalfYear last = HalfYear.of(today).previous();
		List<Integer> years = new ArrayList<>();
		// every year a half year may be asked for (HalfYear.parse: from 1990) that has begun
		for (int year = today.getYear(); year >= 1990; year--) {
			years.add(year);
		}
		model.addAttribute("years", years);
		model.addAttribute("groupings", Grouping.values());
		model.addAttribute("params", params);
		model.addAttribute("last", last);
		model.addAttribute("seed", new HalfYear(2023, 1));
		HalfYearReport report = report(params, today, locale, model);
		if (report == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		else {
			model.addAttribute("chartData", chartData(report));
		}
		return "reporting/half-year";
	}

	@GetMapping("/print")
	String print(@RequestParam Map<String, String> params, Locale locale, Model model, HttpServletResponse response) {
		LocalDate today = LocalDate.now(clock.withZone(figures.zone()));
		if (report(params, today, locale, model) == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "reporting/half-year-print";
	}

	/**
	 * The charts' data for static/js/reporting/half-year-charts.js: availability as the six months of the period beside
	 * the previous half year's (January beside July), the other two as the report has them. "</" escaped so a name
	 * cannot end the script element.
	 */
	static String chartData(HalfYearReport report) {
		List<HalfYearReport.MonthValue> current = HalfYearExport.months(report.charts().availability(), report.period());
		List<HalfYearReport.MonthValue> previous = HalfYearExport.months(report.charts().availability(), report.previous());
		Map<String, Object> availability = new LinkedHashMap<>();
		availability.put("months", current.stream().map(m -> m.month().getMonthValue()).toList());
		availability.put("current", current.stream().map(HalfYearReport.MonthValue::value).toList());
		availability.put("previous", previous.stream().map(HalfYearReport.MonthValue::value).toList());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("availability", availability);
		data.put("restoredByPrecinct", report.charts().restoredByPrecinct());
		data.put("lprOverTime", report.charts().lprOverTime());
		return JSON.writeValueAsString(data).replace("</", "<\\/");
	}

	/** The report the parameters ask for, with the page's attributes; null (and the errors by field) on bad input. */
	private HalfYearReport report(Map<String, String> params, LocalDate today, Locale locale, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		model.addAttribute("errors", errors);
		Grouping grouping = null;
		HalfYear period = null;
		try {
			grouping = Grouping.parse(params.get("groupBy"));
		}
		catch (ReportInputException e) {
			errors.put(e.field(), message(e, locale));
		}
		try {
			period = HalfYear.parse(params.get("year"), params.get("half"), today);
		}
		catch (ReportInputException e) {
			errors.put(e.field(), message(e, locale));
		}
		model.addAttribute("period", period);
		model.addAttribute("groupBy", grouping == null ? "precinct" : grouping.param());
		if (period == null || grouping == null) {
			return null;
		}
		HalfYearReport report = reports.report(period, grouping);
		model.addAttribute("report", report);
		model.addAttribute("text", linkedText(report, "zh".equals(locale.getLanguage())));
		List<HalfYearExport.Section> sections = HalfYearExport.sections(report);
		model.addAttribute("sections", sections);
		model.addAttribute("projectCount", sections.stream().mapToInt(s -> s.projects().size()).sum());
		String query = "year=" + period.year() + "&half=" + period.half();
		model.addAttribute("query", query);
		model.addAttribute("exportQuery", query + "&groupBy=" + grouping.param() + "&lang="
				+ ("zh".equals(locale.getLanguage()) ? "zh-TW" : "en"));
		return report;
	}

	private String message(ReportInputException e, Locale locale) {
		return messages.getMessage(e.code(), e.args(), e.getMessage(), locale);
	}

	/** A piece of the text: a figure's piece carries the path of its records. */
	record Piece(String text, String figure, String href) {
	}

	record LinkedParagraph(int item, int level, String number, List<Piece> pieces) {
	}

	/**
	 * The text in the page's language, numbered as the report numbers it (1. and (1); the wording leaves the numbers
	 * out), every piece that names a figure
	 * linked to that figure's records; a project ({@code project:<id>}) to the records page of that project.
	 */
	static List<LinkedParagraph> linkedText(HalfYearReport report, boolean zh) {
		if (report.text() == null) {
			return List.of();
		}
		Map<String, String> records = new LinkedHashMap<>();
		for (HalfYearReport.Figure f : report.figures()) {
			if (f.records() != null) {
				records.put(f.key(), f.records());
			}
		}
		List<LinkedParagraph> result = new ArrayList<>();
		int item = -1;
		int sub = 0;
		for (HalfYearReport.Paragraph p : zh ? report.text().zh() : report.text().en()) {
			if (p.item() != item) {
				item = p.item();
				sub = 0;
			}
			String number = "";
			if (p.level() == 0) {
				number = p.item() + ".";
			}
			else if (p.level() == 1) {
				number = "(" + ++sub + ")";
			}
			if (!zh && !number.isEmpty()) {
				number += " ";
			}
			List<Piece> pieces = new ArrayList<>();
			for (HalfYearReport.Segment s : p.segments()) {
				pieces.add(new Piece(s.text(), s.figure(), s.figure() == null ? null : href(report.period(), s.figure(), records)));
			}
			result.add(new LinkedParagraph(p.item(), p.level(), number, pieces));
		}
		return result;
	}

	static String href(HalfYear period, String figure, Map<String, String> records) {
		String path = records.get(figure);
		if (path != null) {
			return path;
		}
		if (figure.startsWith("project:")) {
			return UriComponentsBuilder.fromPath("/reports/half-year/records").queryParam("year", period.year())
				.queryParam("half", period.half()).queryParam("figure", figure).build().toUriString();
		}
		return null;
	}
}
