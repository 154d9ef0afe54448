package io.watchkeeper.investigation;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.investigation.CaseRequests.Answer;
import io.watchkeeper.investigation.CaseRequests.Close;
import io.watchkeeper.investigation.CaseRequests.NewFootageRequest;
import io.watchkeeper.investigation.CaseRequests.OpenCase;
import io.watchkeeper.investigation.CaseRequests.OutcomeRequest;
import io.watchkeeper.investigation.CaseRequests.PointCanvass;
import io.watchkeeper.investigation.CaseRequests.RouteCanvass;
import io.watchkeeper.investigation.CaseViews.CanvassView;
import io.watchkeeper.investigation.CaseViews.CaseDetails;
import io.watchkeeper.investigation.CaseViews.CaseListItem;
import io.watchkeeper.investigation.CaseViews.FootageRequestView;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = """
		Investigators' cases, canvasses around a point or along a route (kept as snapshots), footage requests and their \
		outcome. Investigators and administrators only; a precinct's investigator sees only that precinct's cases \
		(another precinct's case answers 404). Every canvass and every view is written to the audit log.""")
class CaseApi {

	private final Cases cases;
	private final Investigators investigators;
	private final CanvassCsv csv;

	CaseApi(Cases cases, Investigators investigators, CanvassCsv csv) {
		this.cases = cases;
		this.investigators = investigators;
		this.csv = csv;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The cases you may see, newest first; filter by state and part of the case number")
	List<CaseListItem> list(@RequestParam(required = false) CaseState state,
			@RequestParam(required = false) String number, Authentication auth, Locale locale) {
		return cases.list(investigators.of(auth), state, number, locale);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open a case (the precinct is yours unless you are at HQ or an administrator)")
	ResponseEntity<CaseDetails> open(@RequestBody OpenCase request, Authentication auth, Locale locale) {
		Investigator who = investigators.of(auth);
		long id = cases.open(request, who);
		return ResponseEntity.created(URI.create("/api/cases/" + id)).body(cases.view(id, who, locale));
	}

	@GetMapping(path = "/{id:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One case with its canvasses and footage requests")
	CaseDetails get(@PathVariable long id, Authentication auth, Locale locale) {
		return cases.view(id, investigators.of(auth), locale);
	}

	@PostMapping(path = "/{id:\\d+}/close", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Close as SOLVED or UNSOLVED; footageContributed set by hand needs a reason; closing twice answers 409")
	CaseDetails close(@PathVariable long id, @RequestBody Close request, Authentication auth, Locale locale) {
		return cases.close(id, request, investigators.of(auth), locale);
	}

	@PostMapping(path = "/{id:\\d+}/canvasses", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Canvass around a point (longitude/latitude, twd97X/twd97Y or tag) and keep the answer in the case")
	ResponseEntity<CanvassView> canvass(@PathVariable long id, @RequestBody PointCanvass request, Authentication auth) {
		CanvassView view = cases.canvassAround(id, request, investigators.of(auth));
		return ResponseEntity.created(URI.create("/api/cases/" + id + "/canvasses/" + view.id())).body(view);
	}

	@PostMapping(path = "/{id:\\d+}/routes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Canvass along a route ([[lon, lat], ...], 2 to 500 points) and keep the answer in the case")
	ResponseEntity<CanvassView> route(@PathVariable long id, @RequestBody RouteCanvass request, Authentication auth) {
		CanvassView view = cases.canvassAlong(id, request, investigators.of(auth));
		return ResponseEntity.created(URI.create("/api/cases/" + id + "/canvasses/" + view.id())).body(view);
	}

	@GetMapping(path = "/{id:\\d+}/canvasses/{canvassId:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A canvass of the case as it was answered (the stored snapshot)")
	CanvassView canvass(@PathVariable long id, @PathVariable long canvassId, Authentication auth) {
		return cases.canvass(id, canvassId, investigators.of(auth), Cases.CanvassUse.VIEWED);
	}

	@GetMapping(path = "/{id:\\d+}/canvasses/{canvassId:\\d+}/csv", produces = "text/csv")
	@Operation(summary = "The canvass list as CSV (UTF-8 with BOM; headers in your language, ?lang=en)")
	void csv(@PathVariable long id, @PathVariable long canvassId, Authentication auth, Locale locale,
			HttpServletResponse response) throws IOException {
		CanvassView view = cases.canvass(id, canvassId, investigators.of(auth), Cases.CanvassUse.EXPORTED);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("canvass-" + view.caseNumber() + "-" + view.id() + ".csv", java.nio.charset.StandardCharsets.UTF_8)
			.build().toString());
		csv.write(view, locale, response.getOutputStream());
	}

	@PostMapping(path = "/{id:\\d+}/footage-requests", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Request a camera's footage; the camera must be in that canvass of this case")
	ResponseEntity<FootageRequestView> requestFootage(@PathVariable long id, @RequestBody NewFootageRequest request,
			Authentication auth) {
		FootageRequestView view = cases.requestFootage(id, request, investigators.of(auth));
		return ResponseEntity.created(URI.create("/api/cases/" + id + "/footage-requests/" + view.id())).body(view);
	}

	@PostMapping(path = "/{id:\\d+}/footage-requests/{requestId:\\d+}/answer", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Answer a request once: DELIVERED, NOT_AVAILABLE (with reason) or REFUSED; again answers 409")
	FootageRequestView answer(@PathVariable long id, @PathVariable long requestId, @RequestBody Answer request,
			Authentication auth) {
		return cases.answer(id, requestId, request, investigators.of(auth));
	}

	@PostMapping(path = "/{id:\\d+}/footage-requests/{requestId:\\d+}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record whether delivered footage was USEFUL or NOT_USEFUL (only for DELIVERED)")
	FootageRequestView outcome(@PathVariable long id, @PathVariable long requestId, @RequestBody OutcomeRequest request,
			Authentication auth) {
		return cases.recordOutcome(id, requestId, request, investigators.of(auth));
	}
}
