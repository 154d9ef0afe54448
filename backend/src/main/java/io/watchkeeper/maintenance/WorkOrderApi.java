package io.watchkeeper.maintenance;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "Work orders", description = """
		Repair, replacement, decommission and inspection orders. Vendor technicians see and act on only their vendor's \
		orders, squad members only their squad's; any other order answers 404 as if it did not exist. Every change \
		sends the `version` it loaded; a stale version answers 409 with `currentVersion`. Who may do what: dispatchers \
		assign, hold, resume, cancel and close (verify); the assignee starts, holds, resumes and restores.""")
class WorkOrderApi {

	private static final int EXPORT_MAX_ROWS = 100_000;

	private final WorkOrderService service;
	private final WorkOrderQueries queries;
	private final Callers callers;
	private final Assignables assignables;

	WorkOrderApi(WorkOrderService service, WorkOrderQueries queries, Callers callers, Assignables assignables) {
		this.service = service;
		this.queries = queries;
		this.callers = callers;
		this.assignables = assignables;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List work orders within your scope, newest first")
	@ApiResponse(responseCode = "400", description = "A filter is not valid (named under `errors`)", content = @Content(mediaType = "application/problem+json"))
	WorkOrderPage list(@ParameterObject WorkOrderListParams params, Authentication auth) {
		return queries.list(params.toFilter(), params.getPage(), params.getSize(), callers.of(auth));
	}

	@GetMapping(path = "/mine", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Your open orders as technician or squad member, most urgent first")
	List<WorkOrderListItem> mine(Authentication auth) {
		return queries.mine(callers.of(auth));
	}

	@GetMapping(path = "/export.csv", produces = "text/csv")
	@Operation(summary = "The filtered list within your scope as CSV (UTF-8 with BOM; headers in your language, ?lang=en)")
	void exportCsv(@ParameterObject WorkOrderListParams params, Authentication auth, Locale locale,
			HttpServletResponse response) throws IOException {
		WorkOrderFilter filter = params.toFilter();
		Caller caller = callers.of(auth);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("work-orders-" + service.today() + ".csv").build().toString());
		queries.exportCsv(filter, caller, locale, EXPORT_MAX_ROWS, response.getOutputStream());
	}

	@GetMapping(path = "/assignees", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Contracts running today and repair squads: where a dispatcher can send an order")
	Map<String, Object> assignees() {
		LocalDate today = service.today();
		return Map.of("contracts", assignables.contractsOn(today), "squads", assignables.squads());
	}

	@GetMapping(path = "/{id:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One order with camera facts, assignee, due times, history, photos and the actions you may take")
	@ApiResponse(responseCode = "404", description = "No such order, or not yours", content = @Content(mediaType = "application/problem+json"))
	WorkOrderDetails get(@PathVariable long id, Authentication auth) {
		return queries.details(id, callers.of(auth));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open an order by hand (dispatchers)", description = """
			Routed like the outage job's orders: a camera under warranty to its supplier, otherwise to the camera's or its \
			precinct's contract running today, otherwise NEW for a dispatcher to assign.""")
	@ApiResponse(responseCode = "201", description = "Opened")
	@ApiResponse(responseCode = "409", description = "The camera already has an open repair (or a replacement) order, or is decommissioned", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<WorkOrderDetails> create(@RequestBody WorkOrderRequests.Create request, Authentication auth) {
		Caller caller = callers.of(auth);
		long cameraId;
		if (request.cameraId() != null) {
			cameraId = request.cameraId();
		}
		else if (request.assetTag() != null && !request.assetTag().isBlank()) {
			cameraId = service.cameraByAssetTag(request.assetTag(), "assetTag");
		}
		else {
			throw new InvalidInputException("cameraId", "cameraId or assetTag is required: which camera");
		}
		long id = service.create(new WorkOrderService.NewWorkOrder(cameraId, request.kind(), request.priority(),
				request.title(), request.note()), caller);
		return ResponseEntity.created(URI.create("/api/work-orders/" + id)).body(queries.details(id, caller));
	}

	@PostMapping(path = "/{id:\\d+}/assign", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Assign or reassign (dispatchers): to a contract, a squad (HQ's or the camera's precinct's) or by automatic routing",
			description = "Due times follow the new assignee's targets, counted from when the order was opened plus time on hold.")
	@ApiResponse(responseCode = "409", description = "Stale version, or not assignable in its state", content = @Content(mediaType = "application/problem+json"))
	WorkOrderDetails assign(@PathVariable long id, @RequestBody WorkOrderRequests.Assign request, Authentication auth) {
		Caller caller = callers.of(auth);
		service.assign(id, WorkOrderService.requireVersion(request.version()), request.target(), request.note(), caller);
		return queries.details(id, caller);
	}

	@PostMapping(path = "/{id:\\d+}/start", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Start the work (the assignee): ASSIGNED to IN_PROGRESS")
	WorkOrderDetails start(@PathVariable long id, @RequestBody WorkOrderRequests.Change request, Authentication auth) {
		Caller caller = callers.of(auth);
		service.start(id, request.version(), request.note(), caller);
		return queries.details(id, caller);
	}

	@PostMapping(path = "/{id:\\d+}/hold", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Put on hold with a reason (dispatcher or assignee); the SLA clock stops")
	WorkOrderDetails hold(@PathVariable long id, @RequestBody WorkOrderRequests.Hold request, Authentication auth) {
		Caller caller = callers.of(auth);
		service.hold(id, request.version(), request.reason(), caller);
		return queries.details(id, caller);
	}

	@PostMapping(path = "/{id:\\d+}/resume", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Resume to the state the order left (dispatcher or assignee); due times move by the time held")
	WorkOrderDetails resume(@PathVariable long id, @RequestBody WorkOrderRequests.Change request, Authentication auth) {
		Caller caller = callers.of(auth);
		service.resume(id, request.version(), request.note(), caller);
		return queries.details(id, caller);
	}

	@PostMapping(path = "/{id:\\d+}/restore", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report the camera restored, with a note (the assignee): IN_PROGRESS to RESTORED")
	WorkOrderDetails restore(@PathVariable long id, @RequestBody WorkOrderRequests.Restore request, Authentication auth) {
		Caller caller = callers.of(auth);
		service.restore(id, request.version(), request.note(), request.resolution(), caller);
		return queries.details(id, caller);
	}

	@PostMapping(path = "/{id:\\d+}/close", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Verify and close, with a resolution and a note (dispatchers): RESTORED to CLOSED; a replacement "
			+ "order closes by delivering the new camera (dispatchers or the assigned vendor's technicians, from ASSIGNED, "
			+ "IN_PROGRESS or RESTORED), a decommission order with a kind and a reason (dispatchers)")
	@ApiResponse(responseCode = "400", description = "Resolution or note missing; a new camera's field or the decommission kind or reason missing or wrong (each field named); serial number in use", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Not a dispatcher (nor, for a replacement, its assignee)", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "Stale version (also the second of two deliveries at once) or not in a state that closes", content = @Content(mediaType = "application/problem+json"))
	WorkOrderDetails close(@PathVariable long id, @RequestBody WorkOrderRequests.Close request, Authentication auth) {
		Caller caller = callers.of(auth);
		service.close(id, request.version(), request.resolution(), request.note(), request.delivery(), caller);
		return queries.details(id, caller);
	}

	@PostMapping(path = "/{id:\\d+}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Cancel with a note (dispatchers)")
	WorkOrderDetails cancel(@PathVariable long id, @RequestBody WorkOrderRequests.Change request, Authentication auth) {
		Caller caller = callers.of(auth);
		service.cancel(id, request.version(), request.note(), caller);
		return queries.details(id, caller);
	}

	@PostMapping(path = "/{id:\\d+}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Attach a photo (part `file`): a JPEG or PNG that decodes; stored re-encoded (no EXIF); at most watchkeeper.maintenance.photo-max-size and photo-max-pixels")
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "400", description = "Not an image", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "Too large", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<WorkOrderDetails.PhotoInfo> addPhoto(@PathVariable long id, @RequestParam("file") MultipartFile file,
			Authentication auth) throws IOException {
		Caller caller = callers.of(auth);
		long photoId = service.addPhoto(id, file.getOriginalFilename(), file.getBytes(), caller);
		WorkOrderDetails.PhotoInfo info = queries.photos(id).stream().filter(p -> p.id() == photoId).findFirst().orElseThrow();
		return ResponseEntity.created(URI.create("/api/work-orders/" + id + "/photos/" + photoId)).body(info);
	}

	@GetMapping(path = "/{id:\\d+}/photos/{photoId:\\d+}")
	@Operation(summary = "A photo of an order you may see")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Authentication auth) {
		return photoResponse(service.photo(id, photoId, callers.of(auth)));
	}

	static ResponseEntity<byte[]> photoResponse(WorkOrderService.Photo photo) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			// never rendered as a document, whatever the bytes: a download, not sniffed, and sandboxed if opened
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(photo.fileName() == null ? "photo-" + photo.id() : photo.fileName(),
						java.nio.charset.StandardCharsets.UTF_8)
				.build().toString())
			.body(photo.content());
	}
}
