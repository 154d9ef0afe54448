package io.watchkeeper.camera.boundary;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.watchkeeper.shared.InvalidInputException;

/**
 * Replaces precinct or district boundaries (admins only). The body is a GeoJSON FeatureCollection, sent as
 * JSON or as the {@code file} part of a multipart form.
 */
@RestController
@RequestMapping("/api/admin/boundaries")
class BoundaryApiController {

	private static final Locale API_LOCALE = Locale.ENGLISH;

	private final Boundaries boundaries;

	private final MessageSource messages;

	BoundaryApiController(Boundaries boundaries, MessageSource messages) {
		this.boundaries = boundaries;
		this.messages = messages;
	}

	@GetMapping("/{kind}")
	@Operation(summary = "List the current precinct or district boundaries with camera counts")
	List<Boundaries.AreaSummary> list(@PathVariable String kind) {
		return boundaries.list(BoundaryKind.of(kind));
	}

	@PostMapping(path = "/{kind}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/geo+json" })
	@Operation(summary = "Replace precinct or district boundaries with a GeoJSON FeatureCollection in the body")
	Boundaries.Replacement replaceFromBody(@PathVariable String kind, @RequestBody(required = false) byte[] body) {
		return replace(BoundaryKind.of(kind), body, "request body");
	}

	@PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Replace precinct or district boundaries with an uploaded GeoJSON file (part 'file')")
	Boundaries.Replacement replaceFromUpload(@PathVariable String kind,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", messages.getMessage("boundary.chooseFile", null, API_LOCALE));
		}
		return replace(BoundaryKind.of(kind), file.getBytes(), file.getOriginalFilename());
	}

	/** Problems in English, as the rest of the API says them. */
	private Boundaries.Replacement replace(BoundaryKind kind, byte[] content, String fileName) {
		try {
			return boundaries.replace(kind, content, fileName);
		}
		catch (BoundaryFileException e) {
			throw e.forApi(messages, API_LOCALE);
		}
	}
}
