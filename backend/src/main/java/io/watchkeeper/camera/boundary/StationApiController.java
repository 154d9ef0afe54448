package io.watchkeeper.camera.boundary;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * Police stations: every signed-in role may read them (lists and filters need them); only administrators change
 * them (the department's organisation). Problems name the field, or the line and column of an uploaded file.
 */
@RestController
@RequestMapping("/api/stations")
@Tag(name = "Stations", description = "Police stations (派出所) under their precincts: read by every role, changed by ADMIN")
class StationApiController {

	private static final Locale API_LOCALE = Locale.ENGLISH;

	private static final String ADMIN = "hasRole('ADMIN')";

	private static final String PROBLEM = "application/problem+json";

	private final Stations stations;

	private final MessageSource messages;

	StationApiController(Stations stations, MessageSource messages) {
		this.stations = stations;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "List stations with their precinct and camera counts by state (every role)")
	@ApiResponse(responseCode = "400", description = "Unknown precinct", content = @Content(mediaType = PROBLEM))
	List<Stations.Station> list(
			@Parameter(description = "Only this precinct's stations: its id or its code") @RequestParam(name = "precinct", required = false) String precinct) {
		return stations.list(precinct == null || precinct.isBlank() ? null : precinctId(precinct));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One station (every role)")
	@ApiResponse(responseCode = "404", description = "No such station", content = @Content(mediaType = PROBLEM))
	Stations.Station one(@PathVariable long id) {
		return stations.find(id).orElseThrow(() -> new NotFoundException("Station", id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(ADMIN)
	@Operation(summary = "Create a station (ADMIN)", description = "`code` may be left out: it is generated as the precinct's code, '-' and a number.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid fields, listed under `errors`", content = @Content(mediaType = PROBLEM))
	ResponseEntity<Stations.Station> create(@RequestBody Stations.StationInput input) {
		Stations.Station created = api(() -> stations.create(orEmpty(input)));
		return ResponseEntity.created(URI.create("/api/stations/" + created.id())).body(created);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(ADMIN)
	@Operation(summary = "Rename a station or change its code (ADMIN)", description = "Send every field; a missing `code` keeps the current one. "
			+ "Another precinct is refused with 409 while cameras or users belong to the station.")
	@ApiResponse(responseCode = "400", description = "Invalid fields, listed under `errors`", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "409", description = "Cameras or users belong to the station", content = @Content(mediaType = PROBLEM))
	Stations.Station update(@PathVariable long id, @RequestBody Stations.StationInput input) {
		return api(() -> stations.update(id, orEmpty(input)));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(ADMIN)
	@Operation(summary = "Delete a station (ADMIN)")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "409", description = "Cameras or users still belong to the station", content = @Content(mediaType = PROBLEM))
	ResponseEntity<Void> delete(@PathVariable long id) {
		stations.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping(path = "/{id}/boundary", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/geo+json" })
	@PreAuthorize(ADMIN)
	@Operation(summary = "Set a station's boundary (ADMIN)", description = "A GeoJSON Polygon or MultiPolygon, a Feature or a FeatureCollection of one. "
			+ "Cameras not placed by hand follow; the answer says how many changed station.")
	@ApiResponse(responseCode = "400", description = "Not a valid boundary", content = @Content(mediaType = PROBLEM))
	Stations.Station setBoundary(@PathVariable long id, @RequestBody(required = false) byte[] body) {
		api(() -> stations.setBoundary(id, body == null ? new byte[0] : body));
		return one(id);
	}

	@DeleteMapping("/{id}/boundary")
	@PreAuthorize(ADMIN)
	@Operation(summary = "Remove a station's boundary (ADMIN); its cameras keep the station")
	ResponseEntity<Void> clearBoundary(@PathVariable long id) {
		stations.clearBoundary(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(ADMIN)
	@Operation(summary = "Add and update stations from a file (ADMIN)", description = """
			Part `file`: a CSV (UTF-8 or Big5; columns 分局/precinct and 派出所/station, optional 英文名稱/name_en and \
			代碼/code) or a GeoJSON FeatureCollection of station boundaries whose properties name the precinct and the \
			station the same way. All or nothing: every bad line is listed under `errors` (`field` is \
			`line N: column` or `features[i].properties.key`) and nothing is written. Stations not in the file stay.""")
	@ApiResponse(responseCode = "400", description = "Bad lines, listed under `errors`; nothing written", content = @Content(mediaType = PROBLEM))
	Stations.Upload upload(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", messages.getMessage("boundary.chooseFile", null, API_LOCALE));
		}
		byte[] content = file.getBytes();
		return api(() -> stations.upload(content, file.getOriginalFilename()));
	}

	private long precinctId(String precinct) {
		return stations.precinctId(precinct)
			.orElseThrow(() -> new InvalidInputException("precinct", "No precinct with id or code '" + precinct.strip() + "'"));
	}

	private static Stations.StationInput orEmpty(Stations.StationInput input) {
		return input == null ? new Stations.StationInput(null, null, null, null) : input;
	}

	/** Problems in English, as the rest of the API says them. */
	private <T> T api(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (BoundaryFileException e) {
			throw e.forApi(messages, API_LOCALE);
		}
	}
}
