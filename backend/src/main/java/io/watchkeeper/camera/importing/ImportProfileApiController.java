package io.watchkeeper.camera.importing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.shared.ApiExceptionHandler;
import io.watchkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;

/** Saved import profiles (ADMIN and DISPATCHER, as the import itself): column mapping, derivations and options. */
@RestController
@RequestMapping(path = "/api/import-profiles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Camera import")
class ImportProfileApiController {

	/** A profile as the API shows it, with the ready-made patterns' ids for reference. */
	record ProfileView(long id, String name, Map<String, String> mapping, List<Derivations.Derivation> derivations,
			ImportProfile.Options options, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
			long version) {

		static ProfileView of(ImportProfile p) {
			return new ProfileView(p.id(), p.name(), p.mapping(), p.derivations(), p.options(), p.createdBy(), p.createdAt(),
					p.updatedBy(), p.updatedAt(), p.version());
		}
	}

	private final ImportProfileService profiles;

	private final IssueMessages messages;

	ImportProfileApiController(ImportProfileService profiles, IssueMessages messages) {
		this.profiles = profiles;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "Every import profile, by name")
	List<ProfileView> list() {
		return profiles.all().stream().map(ProfileView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One import profile")
	@ApiResponse(responseCode = "404", description = "No such profile",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ProfileView get(@PathVariable long id) {
		return ProfileView.of(profiles.get(id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save a mapping as an import profile", description = """
			`name` (unique whatever its case, at most 100 characters, not only digits); `mapping` {"column header": \
			"FIELD" or "IGNORE"} as POST /api/imports takes it; `derivations` [{"column": header, "pattern": Java regex \
			whose named groups are year, programme, lpr, view, heading or road}]; `options` {"encoding": AUTO|UTF_8|BIG5, \
			"format": CSV|GEOJSON, "strict": bool, "createStations": bool}. 400 names each field at fault (a pattern that \
			does not compile, with the regex error and its position; a group that is no field; a pattern too slow); \
			409 when the name is taken. Audited as import_profile.saved.""")
	@ApiResponse(responseCode = "201", description = "Saved")
	@ApiResponse(responseCode = "400", description = "A field is not valid; `errors` names each",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The name is taken",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ProfileView> create(@RequestBody ImportProfileDraft.Form form, HttpServletRequest request) {
		ImportProfile saved = profiles.create(ImportProfileDraft.parse(form, messages, ImportApiController.locale(request)));
		return ResponseEntity.created(URI.create("/api/import-profiles/" + saved.id())).body(ProfileView.of(saved));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change an import profile", description = """
			The same fields as saving one, with the `version` last read: 409 when someone changed the profile since.""")
	@ApiResponse(responseCode = "409", description = "The name is taken, or the version is stale",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ProfileView update(@PathVariable long id, @RequestBody ImportProfileDraft.Form form, HttpServletRequest request) {
		if (form == null || form.version() == null) {
			throw new InvalidInputException("version", "version is required: send the version you last read");
		}
		return ProfileView.of(profiles.update(id, form.version(),
				ImportProfileDraft.parse(form, messages, ImportApiController.locale(request))));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an import profile", description = "Audited as import_profile.deleted.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable long id) {
		profiles.delete(id);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(ImportFileException.class)
	ResponseEntity<ProblemDetail> refused(ImportFileException e, HttpServletRequest request) {
		Locale locale = ImportApiController.locale(request);
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.valueOf(e.status()), "Invalid input",
				messages.render(e.code(), e.args(), locale));
		problem.setProperty("code", e.code());
		return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
