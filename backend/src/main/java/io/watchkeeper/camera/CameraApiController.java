package io.watchkeeper.camera;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/cameras")
@Tag(name = "Cameras", description = "The camera registry: list, read, register, edit, decommission, export")
class CameraApiController {

	private static final String EDITORS = "hasAnyRole('ADMIN','DISPATCHER')";

	private static final String CONFIRM_OUTSIDE_AREA = "true to save a position farther than "
			+ "`watchkeeper.camera.outside-area-tolerance-km` (2 km by default) from every precinct; without it such a "
			+ "position is refused with 422. Saved, the camera carries the OUTSIDE_PRECINCTS warning. A position that "
			+ "does not change is not asked about again.";

	private static final String FAR_OUTSIDE_AREA = "The new position is far outside the department's area and was not "
			+ "confirmed: `errors` names the field, `distanceKm` the distance to the nearest precinct; send it again with "
			+ "`?confirmOutsideArea=true` if it is right";

	private final CameraCatalog catalog;
	private final CameraRegistry registry;
	private final CameraExport export;
	private final JsonMapper json;
	private final Validator validator;

	CameraApiController(CameraCatalog catalog, CameraRegistry registry, CameraExport export, JsonMapper json,
			Validator validator) {
		this.catalog = catalog;
		this.registry = registry;
		this.export = export;
		this.json = json;
		this.validator = validator;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List cameras", description = """
			Filters combine with AND. The page has `hasNext` (one row more is fetched to know). `total` is exact when \
			`totalExact` is true; for very broad filters on a very large registry (more than \
			watchkeeper.camera.exact-count-limit expected matches, or a count slower than count-timeout) it is the \
			database's estimate with `totalExact: false`, `totalKind: ESTIMATE` (show it as "about N"); a text search \
			with more matches than watchkeeper.camera.count-cap gives that cap with `totalKind: AT_LEAST`. `lastPage` is the zero-based last page; \
			`pastEnd` is true when the requested page lies beyond it.""")
	CameraPage list(@ParameterObject @Valid CameraListParams params) {
		return catalog.list(params.toFilter(), params.sortColumn(), params.descending(), params.getPage(),
				params.getSize());
	}

	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One camera with its site, area, money and version")
	@ApiResponse(responseCode = "404", description = "No such camera", content = @Content(mediaType = "application/problem+json"))
	CameraView get(@PathVariable long id) {
		return catalog.get(id);
	}

	@GetMapping(path = "/by-asset-tag/{assetTag}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One camera, found by its asset tag (case-insensitive)")
	CameraView byAssetTag(@PathVariable String assetTag) {
		return catalog.getByAssetTag(assetTag);
	}

	@GetMapping(path = "/{id}/neighbours", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The other cameras on the same site")
	List<CameraListItem> neighbours(@PathVariable long id) {
		catalog.get(id);
		return catalog.neighbours(id);
	}

	@GetMapping(path = "/{id}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The camera's audit trail, newest first", description = "`remoteAddress` is given to administrators only.")
	List<AuditEntry> audit(@PathVariable long id, org.springframework.security.core.Authentication caller) {
		catalog.get(id);
		boolean admin = caller != null && caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
		return catalog.auditTrail(id).stream()
			.map(e -> admin ? e : new AuditEntry(e.occurredAt(), e.actor(), e.action(), e.details(), null))
			.toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(EDITORS)
	@Operation(summary = "Register a camera", description = "A tag SITE-NN puts the camera on site SITE (created if missing).")
	@ApiResponse(responseCode = "201", description = "Registered")
	@ApiResponse(responseCode = "400", description = "Invalid fields, listed under `errors`", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "The asset tag is taken", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = FAR_OUTSIDE_AREA, content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<CameraView> create(@Valid @RequestBody CameraRequest request, @Parameter(description = CONFIRM_OUTSIDE_AREA) @RequestParam(defaultValue = "false") boolean confirmOutsideArea) {
		long id = registry.register(request.toCommand(), confirmOutsideArea);
		return ResponseEntity.created(URI.create("/api/cameras/" + id)).body(catalog.get(id));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(EDITORS)
	@Operation(summary = "Replace a camera's data", description = "Send every field; `version` must be the one you loaded.")
	@ApiResponse(responseCode = "409", description = "Stale version, taken asset tag or decommissioned camera", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = FAR_OUTSIDE_AREA, content = @Content(mediaType = "application/problem+json"))
	CameraView replace(@PathVariable long id, @Valid @RequestBody CameraRequest request, @Parameter(description = CONFIRM_OUTSIDE_AREA) @RequestParam(defaultValue = "false") boolean confirmOutsideArea) {
		registry.update(id, requireVersion(request.version()), request.toCommand(), confirmOutsideArea);
		return catalog.get(id);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(EDITORS)
	@Operation(summary = "Change some of a camera's fields (JSON merge patch, RFC 7396)",
			description = "Fields left out stay as they are; `null` clears a field. `version` is required.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CameraRequest.class)))
	@ApiResponse(responseCode = "422", description = FAR_OUTSIDE_AREA, content = @Content(mediaType = "application/problem+json"))
	CameraView patch(@PathVariable long id, @RequestBody JsonNode patch, @Parameter(description = CONFIRM_OUTSIDE_AREA) @RequestParam(defaultValue = "false") boolean confirmOutsideArea) {
		if (!(patch instanceof ObjectNode changes)) {
			throw new InvalidInputException("body", "a merge patch must be a JSON object");
		}
		JsonNode version = changes.get("version");
		if (version == null || !version.canConvertToLong()) {
			throw new InvalidInputException("version", "version is required: the version you loaded");
		}
		ObjectNode merged = (ObjectNode) json.valueToTree(CameraRequest.of(catalog.get(id)));
		mergePatch(merged, changes);
		CameraRequest request;
		try {
			request = json.treeToValue(merged, CameraRequest.class);
		}
		catch (JacksonException e) {
			String field = e.getPath().isEmpty() || e.getPath().get(0).getPropertyName() == null ? "body"
					: e.getPath().get(0).getPropertyName();
			String message = e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException ? "unknown field"
					: e.getOriginalMessage().lines().findFirst().orElse("invalid value");
			throw new InvalidInputException("The patch is not valid for a camera: " + field + ": " + message,
					List.of(new FieldError(field, message)));
		}
		validate(request);
		registry.update(id, version.asLong(), request.toCommand(), confirmOutsideArea);
		return catalog.get(id);
	}

	@PostMapping(path = "/{id}/decommission", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(EDITORS)
	@Operation(summary = "Take a camera out of service for good")
	@ApiResponse(responseCode = "409", description = "Already decommissioned, or stale version", content = @Content(mediaType = "application/problem+json"))
	CameraView decommission(@PathVariable long id, @Valid @RequestBody DecommissionRequest request) {
		registry.decommission(id, request.version(), request.reason(), request.on());
		return catalog.get(id);
	}

	@GetMapping(path = "/export.csv", produces = "text/csv")
	@Operation(summary = "The filtered list as CSV", description = "UTF-8 with a byte-order mark; headers in the caller's language (zh-TW by default, ?lang=en).")
	void exportCsv(@ParameterObject @Valid CameraListParams params, Locale locale, HttpServletResponse response)
			throws IOException {
		params.toFilter(); // reject bad filters before the response starts
		params.sortColumn();
		params.descending();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"cameras-" + LocalDate.now(CameraRegistry.TAIWAN) + ".csv\"");
		export.csv(params, locale, response.getOutputStream());
	}

	@GetMapping(path = "/export.geojson", produces = "application/geo+json")
	@Operation(summary = "The filtered list as a GeoJSON FeatureCollection (unplaced cameras have a null geometry)")
	void exportGeoJson(@ParameterObject @Valid CameraListParams params, Locale locale, HttpServletResponse response)
			throws IOException {
		params.toFilter();
		params.sortColumn();
		params.descending();
		response.setContentType("application/geo+json;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"cameras-" + LocalDate.now(CameraRegistry.TAIWAN) + ".geojson\"");
		export.geoJson(params, locale, response.getOutputStream());
	}

	private static long requireVersion(Long version) {
		if (version == null) {
			throw new InvalidInputException("version", "version is required: the version you loaded");
		}
		return version;
	}

	private void validate(CameraRequest request) {
		Set<ConstraintViolation<CameraRequest>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			List<FieldError> errors = new ArrayList<>();
			violations.forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
			errors.sort(java.util.Comparator.comparing(FieldError::field));
			throw new InvalidInputException("Some fields are not valid", errors);
		}
	}

	/** RFC 7396: objects merge, {@code null} removes, anything else replaces. */
	private static void mergePatch(ObjectNode target, ObjectNode patch) {
		patch.properties().forEach(e -> {
			if (e.getValue().isNull()) {
				target.putNull(e.getKey());
			}
			else if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode inner) {
				mergePatch(inner, (ObjectNode) e.getValue());
			}
			else {
				target.set(e.getKey(), e.getValue());
			}
		});
	}
}
