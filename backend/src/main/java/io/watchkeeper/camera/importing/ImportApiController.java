package io.watchkeeper.camera.importing;

import java.io.IOException;
import java.net.URI;
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

	ImportApiController(CameraImporter importer, IssueMessages messages) {
		this.importer = importer;
		this.messages = messages;
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
			@Parameter(description = "refuse rows whose direction cannot be read (by default they are kept without a heading, with a warning)") @RequestParam(defaultValue = "false") boolean strict,
			@Parameter(description = "create the stations (派出所) a unit or station column names under a known precinct and the registry lacks (by default the camera is kept without a station, with a warning)") @RequestParam(defaultValue = "false") boolean createStations,
			HttpServletRequest request) throws IOException {
		Map<String, String> changes = parseMapping(mapping);
		String actor = AuditLog.currentActor();
		importer.refuseIfTooLarge(file.getSize());
		CameraImporter.Upload upload = importer.upload(file.getOriginalFilename(), file.getBytes(),
				new CameraImporter.UploadOptions(format, encoding, changes), actor, true);
		importer.run(upload.jobId(), upload.mapping(), dryRun, new ImportOptions(strict, createStations), upload.file(), actor,
				request.getRemoteAddr(), !wait);
		ImportJobView view = ImportJobView.of(importer.job(upload.jobId(), wait), messages, locale(request));
		if (!wait) {
			return ResponseEntity.accepted().location(URI.create("/api/imports/" + upload.jobId())).body(view);
		}
		return ResponseEntity.ok(view);
	}

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

	/** The API answers in English unless the client asks for another language. */
	static Locale locale(HttpServletRequest request) {
		return request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale();
	}
}
