package io.watchkeeper.maintenance;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * The work order pages: the list with filters, an order's page with the forms of the actions the caller may
 * take, and the phone-friendly "my work orders" of technicians and squad members. Every form posts to
 * {@code /work-orders/{id}/{action}} and comes back to the page it came from with what happened, or with the
 * refusal next to the form.
 */
@Controller
class WorkOrderPages {

	private final WorkOrderService service;
	private final WorkOrderQueries queries;
	private final Callers callers;
	private final Assignables assignables;
	private final MessageSource messages;

	WorkOrderPages(WorkOrderService service, WorkOrderQueries queries, Callers callers, Assignables assignables,
			MessageSource messages) {
		this.service = service;
		this.queries = queries;
		this.callers = callers;
		this.assignables = assignables;
		this.messages = messages;
	}

	@GetMapping("/work-orders")
	String list(@ModelAttribute("params") WorkOrderListParams params, Authentication auth, Model model) {
		WorkOrderFilter filter;
		try {
			filter = params.toFilter();
		}
		catch (InvalidInputException e) {
			model.addAttribute("filterError", e.fieldErrors().stream().map(InvalidInputException.FieldError::field).toList());
			params.setState(null);
			params.setKind(null);
			params.setAssignee(null);
			params.setCamera(null);
			params.setPage(0);
			params.setSize(50);
			filter = params.toFilter();
		}
		Caller caller = callers.of(auth);
		model.addAttribute("page", queries.list(filter, params.getPage(), params.getSize(), caller));
		model.addAttribute("states", WorkOrderState.values());
		model.addAttribute("kinds", WorkOrderKind.values());
		model.addAttribute("priorities", WorkOrderPriority.values());
		model.addAttribute("precincts", assignables.precincts());
		if (caller.dispatches()) { // the assignee filter lists every contract and squad: for those who assign only
			model.addAttribute("contracts", assignables.allContracts());
			model.addAttribute("squads", assignables.squads());
		}
		model.addAttribute("caller", caller);
		model.addAttribute("exportQuery", exportQuery(params));
		return "maintenance/work-orders";
	}

	@PostMapping("/work-orders")
	String create(@RequestParam(required = false) String assetTag, @RequestParam(required = false) WorkOrderKind kind,
			@RequestParam(required = false) WorkOrderPriority priority, @RequestParam(required = false) String note,
			Authentication auth, RedirectAttributes redirect) {
		Caller caller = callers.of(auth);
		try {
			if (assetTag == null || assetTag.isBlank()) {
				throw new InvalidInputException("assetTag", "asset tag required");
			}
			long cameraId = service.cameraByAssetTag(assetTag, "assetTag");
			long id = service.create(new WorkOrderService.NewWorkOrder(cameraId, kind == null ? WorkOrderKind.REPAIR : kind,
					priority, null, note), caller);
			redirect.addFlashAttribute("notice", "maintenance.notice.opened");
			return "redirect:/work-orders/" + id;
		}
		catch (RuntimeException e) {
			redirect.addFlashAttribute("createError", describe(e));
			redirect.addFlashAttribute("createAssetTag", assetTag);
			return "redirect:/work-orders";
		}
	}

	@GetMapping("/work-orders/{id:\\d+}")
	String show(@PathVariable long id, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		WorkOrderDetails order = queries.details(id, caller);
		model.addAttribute("order", order);
		model.addAttribute("resolutions", Resolution.values());
		if (order.may("ASSIGN")) {
			model.addAttribute("contracts", assignables.contractsOn(service.today()));
			model.addAttribute("squads", assignables.squads());
		}
		// a refusal whose form this page no longer draws (the order moved on meanwhile) goes to the top
		localize(model, "actionError", messages);
		generalError(model, errorOrder -> errorOrder == id, action -> order.may(action));
		return "maintenance/work-order";
	}

	@GetMapping("/my-work-orders")
	String mine(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		model.addAttribute("orders", queries.mine(caller).stream()
			.map(item -> new MyWorkOrder(item, service.find(item.id(), caller).actionsFor(caller))).toList());
		model.addAttribute("caller", caller);
		model.addAttribute("resolutions", Resolution.values());
		localize(model, "actionError", messages);
		@SuppressWarnings("unchecked")
		java.util.List<MyWorkOrder> cards = (java.util.List<MyWorkOrder>) model.getAttribute("orders");
		generalError(model, errorOrder -> cards.stream().anyMatch(o -> o.id() == errorOrder),
				action -> cards.stream().anyMatch(o -> o.id() == ((Number) model.getAttribute("errorOrder")).longValue()
						&& o.may(action)));
		return "maintenance/my-work-orders";
	}

	/** Every action's form: only the fields that action reads are used. */
	@PostMapping("/work-orders/{id:\\d+}/{action:assign|start|hold|resume|restore|close|cancel}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String note, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String resolution, @RequestParam(required = false) String target,
			@RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) String back,
			Delivery delivery, Authentication auth, RedirectAttributes redirect) throws IOException {
		Caller caller = callers.of(auth);
		String returnTo = "mine".equals(back) ? "redirect:/my-work-orders" : "redirect:/work-orders/" + id;
		try {
			switch (action) {
				case "assign" -> service.assign(id, version, AssignTarget.parse(target), note, caller);
				case "start" -> service.start(id, version, note, caller);
				case "hold" -> service.hold(id, version, reason, caller);
				case "resume" -> service.resume(id, version, note, caller);
				case "restore" -> {
					// the photo first: a photo refused leaves the order as it was, so the technician can try again
					if (photo != null && !photo.isEmpty()) {
						WorkOrder current = service.find(id, caller);
						if (WorkOrderService.requireVersion(version) != current.version()) {
							throw new StaleVersionException(id, version, current.version());
						}
						if (current.actionsFor(caller).contains(WorkOrderAction.RESTORE)) {
							service.addPhoto(id, photo.getOriginalFilename(), photo.getBytes(), caller);
						}
					}
					service.restore(id, version, note, parseResolution(resolution, false), caller);
				}
				case "close" -> service.close(id, version, parseResolution(resolution, true), note, delivery, caller);
				case "cancel" -> service.cancel(id, version, note, caller);
				default -> throw new NotFoundException("Action", action);
			}
			redirect.addFlashAttribute("notice", "maintenance.notice." + action);
			redirect.addFlashAttribute("noticeOrder", id);
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (RuntimeException e) {
			redirect.addFlashAttribute("actionError", describe(e));
			redirect.addFlashAttribute("errorAction", action);
			redirect.addFlashAttribute("errorOrder", id);
		}
		return returnTo;
	}

	@PostMapping("/work-orders/{id:\\d+}/photos")
	String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo,
			@RequestParam(required = false) String back, Authentication auth, RedirectAttributes redirect)
			throws IOException {
		Caller caller = callers.of(auth);
		String returnTo = "mine".equals(back) ? "redirect:/my-work-orders" : "redirect:/work-orders/" + id;
		try {
			if (photo == null || photo.isEmpty()) {
				throw new InvalidInputException("file", "no photo");
			}
			service.addPhoto(id, photo.getOriginalFilename(), photo.getBytes(), caller);
			redirect.addFlashAttribute("notice", "maintenance.notice.photo");
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (RuntimeException e) {
			redirect.addFlashAttribute("actionError", describe(e));
			redirect.addFlashAttribute("errorAction", "photo");
			redirect.addFlashAttribute("errorOrder", id);
		}
		return returnTo;
	}

	@GetMapping("/work-orders/{id:\\d+}/photos/{photoId:\\d+}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Authentication auth) {
		return WorkOrderApi.photoResponse(service.photo(id, photoId, callers.of(auth)));
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "maintenance/not-found";
	}

	private static Resolution parseResolution(String value, boolean required) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Resolution.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("resolution", "unknown resolution");
		}
	}

	/**
	 * Puts {@code generalError} in the model when a refusal's form is not on the page (the order moved on, or
	 * is no longer the caller's): the page then shows it in its message area at the top instead.
	 */
	private static void generalError(Model model, java.util.function.LongPredicate orderOnPage,
			java.util.function.Predicate<String> formDrawn) {
		Object error = model.getAttribute("actionError");
		Object errorOrder = model.getAttribute("errorOrder");
		Object action = model.getAttribute("errorAction");
		if (error == null || !(errorOrder instanceof Number order) || !(action instanceof String name)) {
			return;
		}
		boolean onPage = orderOnPage.test(order.longValue());
		if (onPage && formDrawn.test(name)) {
			return;
		}
		model.addAttribute("generalError", error);
		model.addAttribute("generalErrorOrder", order.longValue());
	}

	/**
	 * Turns the refusal described by {@link #describe} into the reader's language: the bundle's sentence for a
	 * {@link Localized} refusal; the English detail only for English readers otherwise (the headline already says
	 * what is wrong).
	 */
	@SuppressWarnings("unchecked")
	static void localize(Model model, String attribute, MessageSource messages) {
		if (model.getAttribute(attribute) instanceof Map<?, ?> error) {
			Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) error);
			copy.put("detail", detail(copy, messages));
			model.addAttribute(attribute, copy);
		}
	}

	static String detail(Map<String, Object> error, MessageSource messages) {
		Locale locale = locale();
		Object key = error.get("detailKey");
		String english = (String) error.get("detailEnglish");
		if (key instanceof String k) {
			return messages.getMessage(k, (Object[]) error.get("detailArgs"), english, locale);
		}
		return "en".equals(locale.getLanguage()) ? english : null;
	}

	/** One refusal in the reader's language (bulk assignment items). */
	static String message(RuntimeException e, MessageSource messages) {
		Locale locale = locale();
		if (e instanceof Localized l) {
			return messages.getMessage(l.messageKey(), l.messageArgs(), e.getMessage(), locale);
		}
		return e.getMessage();
	}

	/**
	 * What to show next to a form: a message key of the maintenance bundle and the detail (states, versions,
	 * codes), put into the reader's language by {@link #localize} when the page is drawn.
	 */
	static Map<String, Object> describe(RuntimeException e) {
		Map<String, Object> error = new LinkedHashMap<>();
		String key;
		if (e instanceof StaleVersionException) {
			key = "maintenance.error.stale";
		}
		else if (e instanceof WorkOrderRefused) {
			key = "maintenance.error.refused";
		}
		else if (e instanceof PhotoTooLargeException) {
			key = "maintenance.error.photoTooLarge";
		}
		else if (e instanceof InvalidInputException invalid) {
			String field = invalid.fieldErrors().isEmpty() ? "input" : invalid.fieldErrors().get(0).field();
			key = "maintenance.invalid." + field;
			error.put("fields", invalid.fieldErrors().stream().map(InvalidInputException.FieldError::field).toList());
		}
		else if (e instanceof ConflictException) {
			key = "maintenance.error.conflict";
		}
		else {
			throw e;
		}
		error.put("key", key);
		error.put("detailEnglish", e.getMessage());
		if (e instanceof Localized l) {
			error.put("detailKey", l.messageKey());
			error.put("detailArgs", l.messageArgs());
		}
		return error;
	}

	private static String exportQuery(WorkOrderListParams p) {
		StringBuilder q = new StringBuilder();
		append(q, "state", p.getState());
		append(q, "kind", p.getKind());
		append(q, "precinct", p.getPrecinct());
		append(q, "assignee", p.getAssignee());
		append(q, "overdue", p.getOverdue());
		append(q, "camera", p.getCamera());
		append(q, "lang", org.springframework.context.i18n.LocaleContextHolder.getLocale().toLanguageTag());
		return q.toString();
	}

	private static void append(StringBuilder q, String name, Object value) {
		if (value == null || value.toString().isBlank()) {
			return;
		}
		q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
			.append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
	}

	static Locale locale() {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale();
	}
}
