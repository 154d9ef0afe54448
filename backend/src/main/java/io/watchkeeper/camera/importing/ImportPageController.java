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

	private final ImportProfileService profiles;

	private final DerivationPreview previews;

	/** Blank rows the derivation form offers beyond the chosen ones (more after each preview). */
	static final int BLANK_DERIVE_ROWS = 2;

	ImportPageController(CameraImporter importer, IssueMessages messages, ImportProperties properties,
			ImportProfileService profiles, DerivationPreview previews) {
		this.importer = importer;
		this.messages = messages;
		this.properties = properties;
		this.profiles = profiles;
		this.previews = previews;
	}

	/** One row of the derivation form: a column header, a ready-made pattern's id or an own pattern. */
	record DeriveRow(String column, String preset, String pattern) {

		static DeriveRow of(Derivations.Derivation d) {
			DerivationPresets.Preset preset = DerivationPresets.ALL.stream()
				.filter(p -> p.pattern().equals(d.pattern()))
				.findFirst()
				.orElse(null);
			return preset != null ? new DeriveRow(d.column(), preset.id(), "") : new DeriveRow(d.column(), "", d.pattern());
		}
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("recent", importer.recent(20));
		model.addAttribute("fields", ImportField.values());
		model.addAttribute("maxMegabytes", properties.maxFileSize().toMegabytes());
		model.addAttribute("maxRows", properties.maxRows());
		model.addAttribute("profiles", profiles.all());
		return "imports/index";
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "AUTO") TextEncoding.Choice encoding,
			@RequestParam(required = false) String format, @RequestParam(required = false) String profile, Model model,
			Locale locale, HttpServletResponse response) throws IOException {
		try {
			importer.refuseIfTooLarge(file == null ? 0 : file.getSize());
			byte[] bytes = file == null ? new byte[0] : file.getBytes();
			SourceFile.Format chosen = format == null || format.isBlank() ? null : SourceFile.Format.valueOf(format);
			ImportProfile applied = profiles.named(profile);
			CameraImporter.Upload upload = importer.upload(file == null ? null : file.getOriginalFilename(), bytes,
					new CameraImporter.UploadOptions(chosen, encoding, null), applied, null, AuditLog.currentActor(), true, true);
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
		return job(id, null, null, model, locale);
	}

	/** The job page; with the mapping and derivations of a submitted form when it is shown again. */
	private String job(long id, ColumnMapping formMapping, List<Derivations.Derivation> formDerivations, Model model,
			Locale locale) {
		ImportJob job = importer.job(id, true);
		model.addAttribute("job", job);
		model.addAttribute("fields", ImportField.values());
		ColumnMapping mapping = formMapping != null ? formMapping : job.columnMapping();
		List<DeriveRow> deriveRows = new java.util.ArrayList<>(
				(formDerivations != null ? formDerivations : job.derivationList()).stream().map(DeriveRow::of).toList());
		for (int i = 0; i < BLANK_DERIVE_ROWS; i++) {
			deriveRows.add(new DeriveRow("", "", ""));
		}
		model.addAttribute("deriveRows", deriveRows);
		model.addAttribute("presets", DerivationPresets.ALL);
		Map<Integer, String> chosen = new LinkedHashMap<>();
		for (ColumnMapping.Column c : job.columns()) {
			ImportField f = mapping.field(c.index());
			chosen.put(c.index(), f == null ? "" : f.name());
		}
		model.addAttribute("chosen", chosen);
		// what the mapping still lacks: named above the table, and marked in every column's choice list
		List<String> missing = job.isRunnable() ? missing(job, mapping, formDerivations) : List.of();
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
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(defaultValue = "false") boolean confirmUnmatched,
			@RequestParam(defaultValue = "false") boolean strict, @RequestParam(defaultValue = "false") boolean createStations,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("strict", strict);
		model.addAttribute("createStations", createStations);
		ColumnMapping mapping = null;
		List<Derivations.Derivation> derivations = null;
		try {
			ImportJob job = importer.job(id, false);
			mapping = formMapping(job, targets);
			derivations = formDerivations(request);
			importer.run(id, mapping, derivations, confirmUnmatched, dryRun, new ImportOptions(strict, createStations), null,
					AuditLog.currentActor(), request.getRemoteAddr(), true);
			// the choices stay ticked on the job's page, for the real run after a dry run
			return "redirect:/imports/" + id + (strict || createStations
					? "?strict=" + strict + "&createStations=" + createStations : "");
		}
		catch (ImportFileException e) {
			response.setStatus(e.status());
			model.addAttribute("error", messages.render(e.code(), e.args(), locale));
			model.addAttribute("askConfirmUnmatched", e.code().equals("import.derive.matchesNothing"));
			return job(id, mapping, derivations, model, locale);
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("error", e.getMessage());
			return job(id, mapping, derivations, model, locale);
		}
	}

	/** The derivation form's preview: what the patterns find in the first rows; nothing runs. */
	@PostMapping("/{id}/preview")
	String preview(@PathVariable long id, @RequestParam(name = "target", required = false) List<String> targets, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		ColumnMapping mapping = null;
		List<Derivations.Derivation> derivations = null;
		try {
			ImportJob job = importer.job(id, false);
			mapping = formMapping(job, targets);
			derivations = formDerivations(request);
			if (derivations.isEmpty()) {
				throw new ImportFileException("import.derive.preview.nothing");
			}
			DerivationPreview.Preview preview = previews.preview(importer.file(job), mapping != null ? mapping : job.columnMapping(),
					derivations, List.of(), locale);
			model.addAttribute("preview", preview);
			model.addAttribute("askConfirmUnmatched",
					preview.problems().stream().anyMatch(p -> p.code().equals("import.derive.matchesNothing")));
		}
		catch (ImportFileException e) {
			response.setStatus(e.status());
			model.addAttribute("error", messages.render(e.code(), e.args(), locale));
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("error", e.getMessage());
		}
		return job(id, mapping, derivations, model, locale);
	}

	/** Saves the form's mapping (by header) and derivations as a profile. */
	@PostMapping("/{id}/profile")
	String saveProfile(@PathVariable long id, @RequestParam(name = "target", required = false) List<String> targets,
			@RequestParam(required = false) String profileName, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		ColumnMapping mapping = null;
		List<Derivations.Derivation> derivations = null;
		try {
			ImportJob job = importer.job(id, false);
			mapping = formMapping(job, targets);
			derivations = formDerivations(request);
			ColumnMapping chosen = mapping != null ? mapping : job.columnMapping();
			Map<String, String> byHeader = new LinkedHashMap<>();
			for (ColumnMapping.Column c : job.columns()) {
				ImportField f = chosen.field(c.index());
				byHeader.put(c.header(), f == null ? "IGNORE" : f.name());
			}
			ImportProfile saved = profiles.create(ImportProfileDraft.parse(new ImportProfileDraft.Form(profileName, byHeader,
					derivations, new ImportProfile.Options(encodingChoice(job.encoding()), job.format(), null, null), null),
					messages, locale));
			model.addAttribute("profileSaved", saved.name());
		}
		catch (ImportFileException e) {
			response.setStatus(e.status());
			model.addAttribute("error", messages.render(e.code(), e.args(), locale));
		}
		catch (io.watchkeeper.shared.InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("error", e.fieldErrors().stream().map(f -> f.field() + ": " + f.message())
				.collect(java.util.stream.Collectors.joining("; ")));
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("error", e.getMessage());
		}
		return job(id, mapping, derivations, model, locale);
	}

	/** What the mapping lacks, counting what the derivations fill (a road gives an address). */
	private static List<String> missing(ImportJob job, ColumnMapping mapping, List<Derivations.Derivation> formDerivations) {
		try {
			return Derivations.bind(formDerivations != null ? formDerivations : job.derivationList(), job.columns(), mapping,
					DerivedValue.Programmes.none()).mapping().missing();
		}
		catch (ImportFileException e) {
			// the derivations are at fault, and the page says so already
			return mapping.missing();
		}
	}

	private static TextEncoding.Choice encodingChoice(String label) {
		return switch (label) {
			case "Big5" -> TextEncoding.Choice.BIG5;
			case "UTF-8" -> TextEncoding.Choice.UTF_8;
			default -> null;
		};
	}

	private static ColumnMapping formMapping(ImportJob job, List<String> targets) {
		if (targets == null) {
			return null;
		}
		Map<Integer, ImportField> chosen = new LinkedHashMap<>();
		for (int i = 0; i < Math.min(targets.size(), job.columns().size()); i++) {
			chosen.put(i, CameraImporter.field(targets.get(i)));
		}
		return CameraImporter.checked(job.columns().size(), chosen);
	}

	/**
	 * The derivation rows of the form, in order: a column and an own pattern, or else a ready-made one; rows
	 * without a column or without any pattern are left out. Read as raw parameter values: Spring would split a
	 * single pattern such as {@code \d{2,3}} at its comma.
	 */
	static List<Derivations.Derivation> formDerivations(HttpServletRequest request) {
		String[] columns = values(request, "deriveColumn");
		String[] presets = values(request, "derivePreset");
		String[] patterns = values(request, "derivePattern");
		List<Derivations.Derivation> derivations = new java.util.ArrayList<>();
		for (int i = 0; i < columns.length; i++) {
			String column = columns[i] == null ? "" : columns[i].strip();
			String pattern = i < patterns.length && patterns[i] != null && !patterns[i].isBlank() ? patterns[i].strip() : null;
			if (pattern == null && i < presets.length && presets[i] != null && !presets[i].isBlank()) {
				DerivationPresets.Preset preset = DerivationPresets.find(presets[i]);
				if (preset == null) {
					throw new ImportFileException("import.derive.unknownPreset", Values.forReport(presets[i]),
							DerivationPresets.ALL.stream().map(DerivationPresets.Preset::id).toList());
				}
				pattern = preset.pattern();
			}
			if (!column.isEmpty() && pattern != null) {
				derivations.add(new Derivations.Derivation(column, pattern));
			}
		}
		if (derivations.size() > Derivations.MAX_DERIVATIONS) {
			throw new ImportFileException("import.derive.tooMany", derivations.size(), Derivations.MAX_DERIVATIONS);
		}
		return derivations;
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
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
