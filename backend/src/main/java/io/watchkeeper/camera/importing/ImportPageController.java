package io.watchkeeper.camera.importing;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The import pages: upload, check and change the detected column mapping, dry run or import, watch the
 * progress (a small ES module polls the API) and read the report.
 */
@Controller
@RequestMapping("/imports")
class ImportPageController {

	/** The page lists this many problems of each kind; the CSV report has them all. */
	static final int LISTED_ON_PAGE = 500;

	private final CameraImporter importer;

	private final IssueMessages messages;

	private final ImportProperties properties;

	ImportPageController(CameraImporter importer, IssueMessages messages, ImportProperties properties) {
		this.importer = importer;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("recent", importer.recent(20));
		model.addAttribute("fields", ImportField.values());
		model.addAttribute("maxMegabytes", properties.maxFileSize().toMegabytes());
		model.addAttribute("maxRows", properties.maxRows());
		return "imports/index";
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "AUTO") TextEncoding.Choice encoding,
			@RequestParam(required = false) String format, Model model, Locale locale, HttpServletResponse response)
			throws IOException {
		try {
			importer.refuseIfTooLarge(file == null ? 0 : file.getSize());
			byte[] bytes = file == null ? new byte[0] : file.getBytes();
			SourceFile.Format chosen = format == null || format.isBlank() ? null : SourceFile.Format.valueOf(format);
			CameraImporter.Upload upload = importer.upload(file == null ? null : file.getOriginalFilename(), bytes,
					new CameraImporter.UploadOptions(chosen, encoding, null), AuditLog.currentActor(), true, true);
			return "redirect:/imports/" + upload.jobId();
		}
		catch (ImportFileException e) {
			response.setStatus(e.status());
			model.addAttribute("error", messages.render(e.code(), e.args(), locale));
			return index(model);
		}
	}

	@GetMapping("/{id}")
	String job(@PathVariable long id, @RequestParam(defaultValue = "false") boolean strict,
			@RequestParam(defaultValue = "false") boolean createStations, Model model, Locale locale) {
		model.addAttribute("strict", strict);
		model.addAttribute("createStations", createStations);
		return job(id, model, locale);
	}

	private String job(long id, Model model, Locale locale) {
		ImportJob job = importer.job(id, true);
		model.addAttribute("job", job);
		model.addAttribute("fields", ImportField.values());
		ColumnMapping mapping = job.columnMapping();
		Map<Integer, String> chosen = new LinkedHashMap<>();
		for (ColumnMapping.Column c : job.columns()) {
			ImportField f = mapping.field(c.index());
			chosen.put(c.index(), f == null ? "" : f.name());
		}
		model.addAttribute("chosen", chosen);
		// what the mapping still lacks: named above the table, and marked in every column's choice list
		List<String> missing = job.isRunnable() ? mapping.missing() : List.of();
		model.addAttribute("missing", missing);
		model.addAttribute("missingLabels", missing.stream().map(m -> messages.fieldLabel(m, locale)).toList());
		model.addAttribute("notices", job.notices().stream()
			.map(n -> messages.render(n.code(), n.args(), locale)).toList());
		model.addAttribute("errors", ImportJobView.issues(first(job.errors()), messages, locale));
		model.addAttribute("warnings", ImportJobView.issues(first(job.warnings()), messages, locale));
		model.addAttribute("listed", LISTED_ON_PAGE);
		model.addAttribute("failure", job.failure() == null ? null : messages.render(job.failure().code(), job.failure().args(), locale));
		model.addAttribute("total", Math.max(job.estimatedRows(), job.rowsRead()));
		return "imports/job";
	}

	@PostMapping("/{id}/run")
	String run(@PathVariable long id, @RequestParam(name = "target", required = false) List<String> targets,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(defaultValue = "false") boolean strict,
			@RequestParam(defaultValue = "false") boolean createStations, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("strict", strict);
		model.addAttribute("createStations", createStations);
		try {
			ImportJob job = importer.job(id, false);
			ColumnMapping mapping = null;
			if (targets != null) {
				Map<Integer, ImportField> chosen = new LinkedHashMap<>();
				for (int i = 0; i < Math.min(targets.size(), job.columns().size()); i++) {
					chosen.put(i, CameraImporter.field(targets.get(i)));
				}
				mapping = CameraImporter.checked(job.columns().size(), chosen);
			}
			importer.run(id, mapping, dryRun, new ImportOptions(strict, createStations), null, AuditLog.currentActor(),
					request.getRemoteAddr(), true);
			// the choices stay ticked on the job's page, for the real run after a dry run
			return "redirect:/imports/" + id + (strict || createStations
					? "?strict=" + strict + "&createStations=" + createStations : "");
		}
		catch (ImportFileException e) {
			response.setStatus(e.status());
			model.addAttribute("error", messages.render(e.code(), e.args(), locale));
			return job(id, model, locale);
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("error", e.getMessage());
			return job(id, model, locale);
		}
	}

	/**
	 * The whole report as CSV (UTF-8 with BOM, for spreadsheets). Cells that a spreadsheet would run as a
	 * formula are prefixed with an apostrophe, so a hostile value in an import stays text.
	 */
	@GetMapping("/{id}/report.csv")
	ResponseEntity<byte[]> report(@PathVariable long id, Locale locale) throws IOException {
		ImportJob job = importer.job(id, true);
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (var csv = org.apache.commons.csv.CSVFormat.DEFAULT.print(out)) {
			csv.printRecord(Arrays.asList(
					messages.render("import.report.kind", List.of(), locale),
					messages.render(job.format() == SourceFile.Format.GEOJSON ? "import.report.feature" : "import.report.line", List.of(), locale),
					messages.render("import.report.column", List.of(), locale),
					messages.render("import.report.field", List.of(), locale),
					messages.render("import.report.value", List.of(), locale),
					messages.render("import.report.reason", List.of(), locale)));
			for (var kind : List.of(Map.entry("import.report.error", job.errors()), Map.entry("import.report.warning", job.warnings()))) {
				String label = messages.render(kind.getKey(), List.of(), locale);
				for (ImportIssue i : kind.getValue()) {
					csv.printRecord(label, i.line(), safe(i.column()), messages.fieldLabel(i.field(), locale), safe(i.value()),
							safe(messages.render(i.code(), i.args(), locale)));
				}
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("import-" + id + "-report.csv", StandardCharsets.UTF_8).build().toString())
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	static String safe(String cell) {
		if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
			return "'" + cell;
		}
		return cell;
	}

	private static List<ImportIssue> first(List<ImportIssue> issues) {
		return issues.size() <= LISTED_ON_PAGE ? issues : issues.subList(0, LISTED_ON_PAGE);
	}
}
