package io.watchkeeper.reporting;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The half-year report as DOCX (to paste into the council report) and as XLSX (every table). */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Maintenance figures per period and precinct, contract, vendor or squad")
class HalfYearExportApiController {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final HalfYearReports reports;
	private final HalfYearExport export;
	private final MaintenanceFigures figures;
	private final Clock clock;

	HalfYearExportApiController(HalfYearReports reports, HalfYearExport export, MaintenanceFigures figures, Clock clock) {
		this.reports = reports;
		this.export = export;
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/half-year.docx")
	@Operation(summary = "The half-year report as DOCX (ADMIN, DISPATCHER, PROCUREMENT, VIEWER)", description = """
			The camera section of the council report, ready to paste: the title ("(八)強化監錄系統功能（112年上半年）"), \
			the numbered items as the customer's report has them (1. 2. … and (1) (2) … for sub-items), then the figures \
			beside the previous half year's with the change, the projects (items 2–5) and the maintenance table. A4; \
			標楷體 for Chinese, Times New Roman for Latin text. File name watchkeeper-half-year-2023-H1.docx.""")
	@ApiResponse(responseCode = "200", description = "The document", content = @Content(mediaType = DOCX))
	@ApiResponse(responseCode = "400", description = "A bad year, half, groupBy or lang, or a half year that has not begun; "
			+ "`errors` names the parameter", content = @Content(mediaType = "application/problem+json"))
	void docx(@Parameter(description = "western year, e.g. 2023; with half missing too: the last half year that has ended")
	@RequestParam(required = false) String year,
			@Parameter(description = "1 (上半年, January–June) or 2 (下半年, July–December)") @RequestParam(required = false) String half,
			@Parameter(description = "grouping of the maintenance table: precinct (default), contract, vendor or squad")
			@RequestParam(required = false) String groupBy,
			@Parameter(description = "zh-TW (default) or en") @RequestParam(required = false) String lang,
			HttpServletResponse response) throws IOException {
		Request request = request(year, half, groupBy, lang);
		HalfYearReport report = reports.report(request.period(), request.grouping());
		attachment(response, DOCX, HalfYearExport.fileName(report.period()) + ".docx");
		export.docx(report, request.locale(), response.getOutputStream());
	}

	@GetMapping("/half-year.xlsx")
	@Operation(summary = "The half-year report as XLSX (ADMIN, DISPATCHER, PROCUREMENT, VIEWER)", description = """
			Every table of the report, one sheet each: figures (this half year, the previous one, the change, the \
			records' path), projects, their funding, the maintenance rows, availability per month, restored per \
			precinct, cameras with plate recognition per month, and the text. A header row frozen on each; numbers \
			as numeric cells, dates as date cells. File name watchkeeper-half-year-2023-H1.xlsx.""")
	@ApiResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = XLSX))
	@ApiResponse(responseCode = "400", description = "A bad year, half, groupBy or lang, or a half year that has not begun; "
			+ "`errors` names the parameter", content = @Content(mediaType = "application/problem+json"))
	void xlsx(@Parameter(description = "western year, e.g. 2023; with half missing too: the last half year that has ended")
	@RequestParam(required = false) String year,
			@Parameter(description = "1 (上半年, January–June) or 2 (下半年, July–December)") @RequestParam(required = false) String half,
			@Parameter(description = "grouping of the maintenance table: precinct (default), contract, vendor or squad")
			@RequestParam(required = false) String groupBy,
			@Parameter(description = "zh-TW (default) or en") @RequestParam(required = false) String lang,
			HttpServletResponse response) throws IOException {
		Request request = request(year, half, groupBy, lang);
		HalfYearReport report = reports.report(request.period(), request.grouping());
		attachment(response, XLSX, HalfYearExport.fileName(report.period()) + ".xlsx");
		export.xlsx(report, request.locale(), response.getOutputStream());
	}

	private record Request(HalfYear period, Grouping grouping, Locale locale) {
	}

	/** Every parameter checked before anything is computed. */
	private Request request(String year, String half, String groupBy, String lang) {
		Locale locale = language(lang);
		Grouping grouping = Grouping.parse(groupBy);
		HalfYear period = HalfYear.parse(year, half, LocalDate.now(clock.withZone(figures.zone())));
		return new Request(period, grouping, locale);
	}

	/** zh-TW (also zh, zh_TW) or en; missing means zh-TW, anything else is a 400 naming lang. */
	static Locale language(String lang) {
		if (lang == null || lang.isBlank()) {
			return Locale.TAIWAN;
		}
		String tag = lang.strip().replace('_', '-').toLowerCase(Locale.ROOT);
		return switch (tag) {
		case "zh", "zh-tw", "zh-hant", "zh-hant-tw" -> Locale.TAIWAN;
		case "en", "en-us", "en-gb" -> Locale.ENGLISH;
		default -> throw new ReportInputException("lang", "reporting.error.halfYear.lang",
				"lang must be zh-TW or en, not '" + lang + "'", lang);
		};
	}

	/** The file name twice: plain for old clients and as RFC 5987 UTF-8 (filename*). */
	static void attachment(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''"
				+ java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
	}
}
