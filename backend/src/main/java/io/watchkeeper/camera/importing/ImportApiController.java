package io.watchkeeper.camera.importing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ApiExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Camera import", description = "Import cameras from CSV (UTF-8 or Big5) or GeoJSON; dry run or all-or-nothing")
class ImportApiController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CameraImporter importer;

	private final IssueMessages messages;

	private final ImportProfileService profiles;

	private final DerivationPreview previews;

	ImportApiController(CameraImporter importer, IssueMessages messages, ImportProfileService profiles,
			DerivationPreview previews) {
		this.importer = importer;
		this.messages = messages;
		this.profiles = profiles;
		this.previews = previews;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import cameras from a file",
			description = """
					CSV (comma, tab or semicolon; UTF-8 with or without BOM, or Big5) with zh-TW or English headers, or a \
					GeoJSON FeatureCollection of Points with the same properties. Coordinates as WGS84 longitude/latitude or \
					TWD97 TM2 (EPSG:3826) X/Y; dates ISO or ROC (112/03/30, 民國112年3月30日); directions as degrees or \
					compass points (東北, NE). A dry run (the default) checks everything and writes nothing. A real run writes \
					every row or, if any row is rejected, nothing; the report lists every rejected row with line, field, value \
					and reason. Errors about the request or the file as a whole (empty, too large, wrong encoding, missing \
					columns) are problem details.""")
	@ApiResponse(responseCode = "200", description = "The run finished (wait=true); see status and the report")
	@ApiResponse(responseCode = "202", description = "The run started (wait=false); poll the Location")
	@ApiResponse(responseCode = "400", description = "The file cannot be imported at all, or a parameter is wrong",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "The file is larger than one import takes",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ImportJobView> importCameras(
			@Parameter(description = "the CSV or GeoJSON file") @RequestPart("file") MultipartFile file,
			@Parameter(description = "check only and write nothing") @RequestParam(defaultValue = "true") boolean dryRun,
			@Parameter(description = "AUTO (UTF-8 if valid, else Big5), UTF_8 or BIG5") @RequestParam(defaultValue = "AUTO") TextEncoding.Choice encoding,
			@Parameter(description = "CSV or GEOJSON; by default from the file name and content") @RequestParam(required = false) SourceFile.Format format,
			@Parameter(description = "JSON object changing the detected mapping: {\"column header\": \"FIELD\"}, with an empty "
					+ "field or IGNORE to ignore a column. Fields: ASSET_TAG, SITE_CODE, ADDRESS, PRECINCT, UNIT, STATION, "
					+ "DISTRICT, LONGITUDE, LATITUDE, COORDINATES, TWD97_X, TWD97_Y, HEADING, FOV, RANGE, INSTALL_DATE, "
					+ "WARRANTY_END, SERVICE_LIFE, LPR, MAKE, MODEL, STATUS, NOTES") @RequestParam(required = false) String mapping,
			@Parameter(description = "wait for the run to finish and return its report; false returns 202 at once") @RequestParam(defaultValue = "true") boolean wait,
			@Parameter(description = "refuse rows whose direction cannot be read (by default they are kept without a heading, with a warning; default: the profile's choice, else false)") @RequestParam(required = false) Boolean strict,
			@Parameter(description = "create the stations (派出所) a unit or station column names under a known precinct and the registry lacks (by default the camera is kept without a station, with a warning; default: the profile's choice, else false)") @RequestParam(required = false) Boolean createStations,
			@Parameter(description = "an import profile (name or id): its mapping applied by header, its derivations and "
					+ "options; `mapping`, `derive`, `encoding` and `format` given here take precedence. A header the profile "
					+ "needs and the file lacks is a 400 naming it") @RequestParam(required = false) String profile,
			@Parameter(description = DERIVE_DESCRIPTION) @RequestParam(required = false) String derive,
			@Parameter(description = "run although a derivation matches nothing in the first 200 rows (else 400 saying which)") @RequestParam(defaultValue = "false") boolean confirmUnmatched,
			HttpServletRequest request) throws IOException {
		Map<String, String> changes = parseMapping(mapping);
		List<Derivations.Derivation> derivations = parseDerive(derive);
		ImportProfile chosenProfile = profiles.named(profile);
		String actor = AuditLog.currentActor();
		importer.refuseIfTooLarge(file.getSize());
		CameraImporter.Upload upload = importer.upload(file.getOriginalFilename(), file.getBytes(),
				new CameraImporter.UploadOptions(format, encoding, changes), chosenProfile, derivations, actor, true, false);
		ImportProfile.Options kept = chosenProfile == null ? ImportProfile.Options.none() : chosenProfile.options();
		ImportOptions options = new ImportOptions(strict != null ? strict : Boolean.TRUE.equals(kept.strict()),
				createStations != null ? createStations : Boolean.TRUE.equals(kept.createStations()));
		importer.run(upload.jobId(), upload.mapping(), null, confirmUnmatched, dryRun, options, upload.file(), actor,
				request.getRemoteAddr(), !wait);
		ImportJobView view = ImportJobView.of(importer.job(upload.jobId(), wait), messages, locale(request));
		if (!wait) {
			return ResponseEntity.accepted().location(URI.create("/api/imports/" + upload.jobId())).body(view);
		}
		return ResponseEntity.ok(view);
	}

	@PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Preview the fields derived from columns",
			description = """
					For the first 20 rows: the text of each derivation's column, each derived field's text and what it 					becomes (year 112 -> install date 2023-01-01), and problems: a column that wins over a derived value, 					a pattern that matches nothing in the first 200 rows (a warning: a run then needs confirmUnmatched) 					or is too slow on a cell (an error). Give the file, or the id of an upload the import page has. 					Nothing is written.""")
	@ApiResponse(responseCode = "200", description = "The preview")
	@ApiResponse(responseCode = "400", description = "A pattern does not compile (with the position), names a group that is no field, "
			+ "is too long or too slow; a column or profile is unknown; neither file nor upload given",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	DerivationPreview.Preview preview(
			@Parameter(description = "the CSV or GeoJSON file (or give `upload`)") @RequestPart(name = "file", required = false) MultipartFile file,
			@Parameter(description = "the id of an upload (import job) whose file is kept") @RequestParam(required = false) Long upload,
			@RequestParam(defaultValue = "AUTO") TextEncoding.Choice encoding,
			@RequestParam(required = false) SourceFile.Format format,
			@Parameter(description = "changes to the mapping, as for POST /api/imports") @RequestParam(required = false) String mapping,
			@Parameter(description = "an import profile (name or id)") @RequestParam(required = false) String profile,
			@Parameter(description = DERIVE_DESCRIPTION) @RequestParam(required = false) String derive,
			HttpServletRequest request) throws IOException {
		Map<String, String> changes = parseMapping(mapping);
		List<Derivations.Derivation> derivations = parseDerive(derive);
		ImportProfile chosenProfile = profiles.named(profile);
		SourceFile source;
		ColumnMapping chosen;
		List<ColumnMapping.Notice> notices = List.of();
		if (upload != null) {
			ImportJob job = importer.job(upload, false);
			source = importer.file(job);
			chosen = changes.isEmpty() ? job.columnMapping() : CameraImporter.adjust(job.columns(), job.columnMapping(), changes);
			if (derivations == null && chosenProfile != null) {
				ImportProfile.Fitted fitted = chosenProfile.fit(job.columns());
				derivations = fitted.derivations();
				if (!fitted.missingHeaders().isEmpty()) {
					notices = List.of(new ColumnMapping.Notice(0, "import.profile.missingColumns", List.of(chosenProfile.name(),
							fitted.missingHeaders(), job.columns().stream().map(ColumnMapping.Column::header).toList())));
				}
			}
			else if (derivations == null) {
				derivations = job.derivationList();
			}
		}
		else if (file != null && !file.isEmpty()) {
			importer.refuseIfTooLarge(file.getSize());
			CameraImporter.Analysis analysis = importer.analyze(file.getOriginalFilename(), file.getBytes(),
					new CameraImporter.UploadOptions(format, encoding, changes), chosenProfile, derivations);
			source = analysis.file();
			chosen = analysis.mapping();
			derivations = analysis.derivations();
			notices = analysis.notices();
		}
		else {
			throw new ImportFileException("import.derive.preview.noFile");
		}
		if (derivations == null || derivations.isEmpty()) {
			throw new ImportFileException("import.derive.preview.nothing");
		}
		return previews.preview(source, chosen, derivations, notices, locale(request));
	}

	/** A ready-made pattern: its id, its name in the reader's language and the pattern. */
	record PresetView(String id, String label, String pattern) {
	}

	@GetMapping("/derive-presets")
	@Operation(summary = "Ready-made patterns for fields hidden in names", description = "Use the pattern in `derive`, or the id as {\"column\": ..., \"preset\": id}.")
	List<PresetView> presets(HttpServletRequest request) {
		Locale locale = locale(request);
		return DerivationPresets.ALL.stream()
			.map(p -> new PresetView(p.id(), messages.render(p.labelKey(), List.of(), locale), p.pattern()))
			.toList();
	}

	static final String DERIVE_DESCRIPTION = "JSON array of derivations: [{\"column\": \"column header\", \"pattern\": \"Java regex\"}] "
			+ "or {\"column\": ..., \"preset\": \"rocYearAtStart\"}; the regex's named groups are the fields they fill: year "
			+ "(ROC 2-3 digits or western 4: install date 1 January of it unless a column gives a date), programme (a funding "
			+ "source or project by code or name, else a note), lpr (any text: LPR; 即時/real-time: REALTIME_LPR), view "
			+ "(全景/360/魚眼/fisheye: field of view 360, no heading; else a note), heading (a direction) and road (a note, and "
			+ "the address when the row has none). A value in a mapped column always wins over a derived one.";

	@GetMapping("/{id}")
	@Operation(summary = "An import's state, progress and report")
	@ApiResponse(responseCode = "404", description = "No such import",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ImportJobView job(@PathVariable long id,
			@Parameter(description = "include the lists of errors and warnings (false for light progress polling)") @RequestParam(defaultValue = "true") boolean issues,
			HttpServletRequest request) {
		return ImportJobView.of(importer.job(id, issues), messages, locale(request));
	}

	@ExceptionHandler(ImportFileException.class)
	ResponseEntity<ProblemDetail> fileRefused(ImportFileException e, HttpServletRequest request) {
		HttpStatus status = HttpStatus.valueOf(e.status());
		String title = status == HttpStatus.PAYLOAD_TOO_LARGE ? "Payload too large" : "File not importable";
		ProblemDetail problem = ApiExceptionHandler.problem(status, title, messages.render(e.code(), e.args(), locale(request)));
		problem.setProperty("code", e.code());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> notMultipart(MultipartException e) {
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Malformed request",
				"Send the file as multipart/form-data in a part named 'file': " + e.getMostSpecificCause().getMessage());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static Map<String, String> parseMapping(String mapping) {
		if (mapping == null || mapping.isBlank()) {
			return Map.of();
		}
		try {
			return JSON.readValue(mapping, new TypeReference<Map<String, String>>() {
			});
		}
		catch (JacksonException e) {
			throw new ImportFileException("import.mapping.json", e.getOriginalMessage());
		}
	}

	/** The derivations of a {@code derive} parameter, null when it is absent; presets by id. */
	static List<Derivations.Derivation> parseDerive(String derive) {
		if (derive == null || derive.isBlank()) {
			return null;
		}
		List<Map<String, Object>> given;
		try {
			given = JSON.readValue(derive, new TypeReference<List<Map<String, Object>>>() {
			});
		}
		catch (JacksonException e) {
			throw new ImportFileException("import.derive.json", e.getOriginalMessage());
		}
		if (given.size() > Derivations.MAX_DERIVATIONS) {
			throw new ImportFileException("import.derive.tooMany", given.size(), Derivations.MAX_DERIVATIONS);
		}
		List<Derivations.Derivation> derivations = new java.util.ArrayList<>();
		for (Map<String, Object> d : given) {
			Object column = d == null ? null : d.get("column");
			Object pattern = d == null ? null : d.get("pattern");
			Object preset = d == null ? null : d.get("preset");
			if (!(column instanceof String c) || c.isBlank()) {
				throw new ImportFileException("import.derive.json", "each derivation needs a \"column\" (a column header)");
			}
			if (pattern == null && preset instanceof String id) {
				DerivationPresets.Preset p = DerivationPresets.find(id);
				if (p == null) {
					throw new ImportFileException("import.derive.unknownPreset", Values.forReport(id),
							DerivationPresets.ALL.stream().map(DerivationPresets.Preset::id).toList());
				}
				pattern = p.pattern();
			}
			if (!(pattern instanceof String text)) {
				throw new ImportFileException("import.derive.json", "each derivation needs a \"pattern\" or a \"preset\"");
			}
			derivations.add(new Derivations.Derivation(c, text));
		}
		return derivations;
	}

	/** The API answers in English unless the client asks for another language. */
	static Locale locale(HttpServletRequest request) {
		return request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale();
	}
}
