package io.watchkeeper.investigation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.investigation.CaseRequests.Answer;
import io.watchkeeper.investigation.CaseRequests.Close;
import io.watchkeeper.investigation.CaseRequests.NewFootageRequest;
import io.watchkeeper.investigation.CaseRequests.OpenCase;
import io.watchkeeper.investigation.CaseRequests.OutcomeRequest;
import io.watchkeeper.investigation.CaseRequests.PointCanvass;
import io.watchkeeper.investigation.CaseViews.CanvassView;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.InvalidInputException;

/**
 * The investigator's pages: the case list, opening a case, a case with its canvasses and footage requests, a canvass
 * list (and its print page), and the figures. Forms post here and come back to the page with the refusal shown, if
 * any; the rules are {@link Cases}'.
 */
@Controller
class CasePages {

	private final Cases cases;
	private final Investigators investigators;
	private final CaseQueries queries;
	private final CaseFigures figures;
	private final ZoneId zone;
	private final tools.jackson.databind.json.JsonMapper json;

	CasePages(Cases cases, Investigators investigators, CaseQueries queries, CaseFigures figures,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone, tools.jackson.databind.json.JsonMapper json) {
		this.json = json;
		this.cases = cases;
		this.investigators = investigators;
		this.queries = queries;
		this.figures = figures;
		this.zone = zone;
	}

	@GetMapping("/cases")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String number,
			Authentication auth, Locale locale, Model model) {
		CaseState chosen = null;
		try {
			chosen = state == null || state.isBlank() ? null : CaseState.valueOf(state);
		}
		catch (IllegalArgumentException e) {
			// an unknown state filters nothing
		}
		model.addAttribute("cases", cases.list(investigators.of(auth), chosen, number, locale));
		model.addAttribute("state", chosen);
		model.addAttribute("number", number);
		model.addAttribute("states", CaseState.values());
		return "investigation/cases";
	}

	@GetMapping("/cases/new")
	String newCase(Authentication auth, Locale locale, Model model) {
		Investigator who = investigators.of(auth);
		model.addAttribute("precincts", who.seesAll() ? queries.precincts(locale) : java.util.List.of());
		return "investigation/case-new";
	}

	@PostMapping("/cases")
	String open(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String title,
			@RequestParam(required = false) String crimeType, @RequestParam(required = false) String incidentFrom,
			@RequestParam(required = false) String incidentTo, @RequestParam(required = false) String longitude,
			@RequestParam(required = false) String latitude, @RequestParam(required = false) String twd97X,
			@RequestParam(required = false) String twd97Y, @RequestParam(required = false) String place,
			@RequestParam(required = false) String precinctId, Authentication auth, Locale locale, Model model) {
		Investigator who = investigators.of(auth);
		try {
			Double lon = number("longitude", longitude);
			Double lat = number("latitude", latitude);
			if (lon == null && lat == null && (!blank(twd97X) || !blank(twd97Y))) {
				GeoPoint p = cases.fromTwd97(number("twd97X", twd97X), number("twd97Y", twd97Y));
				lon = p.longitude();
				lat = p.latitude();
			}
			Double precinct = number("precinctId", precinctId);
			long id = cases.open(new OpenCase(caseNumber, title, crimeType, time("incidentFrom", incidentFrom),
					time("incidentTo", incidentTo), lon, lat, place, precinct == null ? null : precinct.longValue()), who);
			return "redirect:/cases/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("errorField", e.fieldErrors().isEmpty() ? null : e.fieldErrors().get(0).field());
			model.addAttribute("precincts", who.seesAll() ? queries.precincts(locale) : java.util.List.of());
			return "investigation/case-new";
		}
	}

	@GetMapping("/cases/{id:\\d+}")
	String details(@PathVariable long id, Authentication auth, Locale locale, Model model) {
		model.addAttribute("c", cases.view(id, investigators.of(auth), locale));
		model.addAttribute("priorities", FootagePriority.values());
		return "investigation/case";
	}

	@PostMapping("/cases/{id:\\d+}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String result,
			@RequestParam(required = false) String footageContributed, @RequestParam(required = false) String reason,
			Authentication auth, Locale locale, RedirectAttributes flash) {
		return attempt(flash, "redirect:/cases/" + id, () -> cases.close(id, new Close(
				blank(result) ? null : enumValue(CaseState.class, "result", result),
				blank(footageContributed) ? null : Boolean.valueOf(footageContributed), reason, null),
				investigators.of(auth), locale));
	}

	@PostMapping("/cases/{id:\\d+}/canvasses")
	String canvass(@PathVariable long id, @RequestParam(required = false) String longitude,
			@RequestParam(required = false) String latitude, @RequestParam(required = false) String radiusM,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String lprOnly, Authentication auth, RedirectAttributes flash) {
		String[] target = { "redirect:/cases/" + id };
		attempt(flash, null, () -> {
			Double r = number("radiusM", radiusM);
			CanvassView view = cases.canvassAround(id, new PointCanvass(number("longitude", longitude),
					number("latitude", latitude), null, null, null, r == null ? null : r.intValue(), time("from", from),
					time("to", to), lprOnly != null), investigators.of(auth));
			target[0] = "redirect:/cases/" + id + "/canvasses/" + view.id();
		});
		return target[0];
	}

	@GetMapping("/cases/{id:\\d+}/canvasses/{canvassId:\\d+}")
	String canvassPage(@PathVariable long id, @PathVariable long canvassId, Authentication auth, Model model) {
		model.addAttribute("v", cases.canvass(id, canvassId, investigators.of(auth), Cases.CanvassUse.VIEWED));
		model.addAttribute("priorities", FootagePriority.values());
		return "investigation/canvass";
	}

	@GetMapping("/cases/{id:\\d+}/canvasses/{canvassId:\\d+}/print")
	String print(@PathVariable long id, @PathVariable long canvassId, Authentication auth, Model model) {
		CanvassView view = cases.canvass(id, canvassId, investigators.of(auth), Cases.CanvassUse.PRINTED);
		java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
		map.put("point", view.point());
		map.put("radiusM", view.radiusM());
		map.put("route", view.route());
		map.put("cameras", view.cameras().stream().map(c -> java.util.Map.of("longitude", c.longitude(), "latitude",
				c.latitude(), "availability", c.availability().name())).toList());
		model.addAttribute("v", view);
		model.addAttribute("mapJson", json.writeValueAsString(map));
		return "investigation/canvass-print";
	}

	@PostMapping("/cases/{id:\\d+}/footage-requests")
	String requestFootage(@PathVariable long id, @RequestParam long canvassId,
			@RequestParam(required = false) String cameraId, @RequestParam(required = false) String priority,
			Authentication auth, RedirectAttributes flash) {
		String back = "redirect:/cases/" + id + "/canvasses/" + canvassId;
		return attempt(flash, back, () -> {
			Double camera = number("cameraId", cameraId);
			cases.requestFootage(id, new NewFootageRequest(canvassId, camera == null ? null : camera.longValue(),
					blank(priority) ? null : enumValue(FootagePriority.class, "priority", priority), null, null),
					investigators.of(auth));
			flash.addFlashAttribute("requested", true);
		});
	}

	@PostMapping("/cases/{id:\\d+}/footage-requests/{requestId:\\d+}/answer")
	String answer(@PathVariable long id, @PathVariable long requestId, @RequestParam(required = false) String state,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String note,
			Authentication auth, RedirectAttributes flash) {
		return attempt(flash, "redirect:/cases/" + id, () -> cases.answer(id, requestId, new Answer(
				blank(state) ? null : enumValue(FootageRequest.State.class, "state", state),
				blank(reason) ? null : enumValue(FootageRequest.NotAvailableReason.class, "reason", reason), note, null),
				investigators.of(auth)));
	}

	@PostMapping("/cases/{id:\\d+}/footage-requests/{requestId:\\d+}/outcome")
	String outcome(@PathVariable long id, @PathVariable long requestId, @RequestParam(required = false) String outcome,
			Authentication auth, RedirectAttributes flash) {
		return attempt(flash, "redirect:/cases/" + id, () -> cases.recordOutcome(id, requestId, new OutcomeRequest(
				blank(outcome) ? null : enumValue(FootageRequest.Outcome.class, "outcome", outcome), null),
				investigators.of(auth)));
	}

	@GetMapping("/cases/figures")
	String figuresPage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String precinctId, @RequestParam(required = false) String groupBy,
			Locale locale, Model model) {
		CaseFigures.Query query;
		try {
			query = CaseFigures.query(from, to, precinctId, groupBy, cases.today());
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e.getMessage());
			query = CaseFigures.query(null, null, null, null, cases.today());
		}
		model.addAttribute("f", figures.figures(query, locale));
		model.addAttribute("precincts", queries.precincts(locale));
		model.addAttribute("groups", CaseFigures.GroupBy.values());
		return "investigation/figures";
	}

	// --- helpers --------------------------------------------------------------------------------------------

	/** Runs a form's action; a refusal goes back to the page as a flash message. */
	private static String attempt(RedirectAttributes flash, String target, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException | ConflictException | OptimisticLockingFailureException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return target;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static Double number(String field, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Double.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, field + " must be a number");
		}
	}

	/** A date-time from a datetime-local field (city time) or an ISO instant. */
	private Instant time(String field, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$") ? java.time.OffsetDateTime.parse(value.strip()).toInstant()
					: LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, field + " must be a date and time such as 2023-03-30T10:15");
		}
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, field + " has an unknown value: " + value);
		}
	}
}
