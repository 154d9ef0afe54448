package io.watchkeeper.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;
import jakarta.validation.Valid;

/**
 * The camera pages: list and unplaced list, camera page, register, edit and decommission forms. Writes
 * are posted to the same paths as their forms ({@code /cameras/new}, {@code /cameras/{id}/edit}), which
 * the security rules reserve for editors.
 */
@Controller
@RequestMapping("/cameras")
class CameraPages {

	private static final String EDITORS = "hasAnyRole('ADMIN','DISPATCHER')";

	private final CameraCatalog catalog;
	private final CameraRegistry registry;

	private final InputMessages inputMessages;
	private final CameraFormat format;

	CameraPages(CameraCatalog catalog, CameraRegistry registry, InputMessages inputMessages, CameraFormat format) {
		this.format = format;
		this.catalog = catalog;
		this.registry = registry;
		this.inputMessages = inputMessages;
	}

	@InitBinder
	void refuseId(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(@ModelAttribute("params") CameraListParams params, BindingResult binding, Model model) {
		return listPage(params, binding, model, false);
	}

	@GetMapping("/unplaced")
	String unplaced(@ModelAttribute("params") CameraListParams params, BindingResult binding, Model model) {
		params.setPlaced(false);
		return listPage(params, binding, model, true);
	}

	/**
	 * The list page. A parameter that cannot be used (a status that is no status, a sort column that does
	 * not exist, page -1) is named in a notice and left out; the list is shown with the rest, so a mistyped
	 * link still shows cameras rather than an empty page.
	 */
	private String listPage(CameraListParams params, BindingResult binding, Model model, boolean unplaced) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> ignored = new ArrayList<>();
		for (FieldError e : binding.getFieldErrors()) {
			Class<?> type = binding.getFieldType(e.getField());
			ignored.add(inputMessages.unreadable(e.getField(), e.getRejectedValue(), type, false, locale));
			if ("page".equals(e.getField())) {
				params.setPage(0);
			}
			if ("size".equals(e.getField())) {
				params.setSize(50);
			}
		}
		try {
			params.sortColumn();
		}
		catch (InvalidInputException e) {
			ignored.add(inputMessages.msg("camera.param.sort", locale, params.getSort()));
			params.setSort(null);
		}
		try {
			params.descending();
		}
		catch (InvalidInputException e) {
			ignored.add(inputMessages.msg("camera.param.dir", locale, params.getDir()));
			params.setDir(null);
		}
		if (params.getPage() < 0) {
			ignored.add(inputMessages.msg("camera.param.page", locale, params.getPage()));
			params.setPage(0);
		}
		if (params.getSize() < 1 || params.getSize() > 200) {
			ignored.add(inputMessages.msg("camera.param.size", locale, params.getSize()));
			params.setSize(50);
		}
		if (params.getQ() != null && params.getQ().strip().length() > CameraFilter.MAX_TEXT_LENGTH) {
			ignored.add(inputMessages.msg("camera.param.q", locale));
			params.setQ(null);
		}
		Integer year = params.getEndOfLifeYear();
		if (year != null && (year < 1990 || year > 2100)) {
			ignored.add(inputMessages.msg("camera.param.endOfLifeYear", locale, year));
			params.setEndOfLifeYear(null);
		}
		if ((long) params.getPage() * params.getSize() > CameraCatalog.MAX_OFFSET) {
			ignored.add(inputMessages.msg("camera.param.tooFar", locale));
			params.setPage(0);
		}
		CameraPage page = catalog.list(params.toFilter(), params.sortColumn(), params.descending(), params.getPage(),
				params.getSize());
		if (!ignored.isEmpty()) {
			model.addAttribute("filterError", String.join("; ", ignored));
		}
		model.addAttribute("page", page);
		model.addAttribute("unplaced", unplaced);
		model.addAttribute("scoped", !catalog.seesWholeCity());
		model.addAttribute("statuses", CameraStatus.values());
		model.addAttribute("states", CameraState.values());
		model.addAttribute("lprFilters", LprFilter.values());
		model.addAttribute("precincts", format.byName(catalog.precincts()));
		model.addAttribute("districts", format.byName(catalog.districts()));
		model.addAttribute("stations", catalog.stations());
		model.addAttribute("fundingSources", catalog.fundingSources());
		model.addAttribute("projects", catalog.projects());
		return "cameras/list";
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		CameraView camera = catalog.get(id);
		model.addAttribute("camera", camera);
		model.addAttribute("neighbours", catalog.neighbours(id));
		model.addAttribute("audit", catalog.auditTrail(id));
		model.addAttribute("auditNames", format.auditNames(catalog));
		model.addAttribute("pastEndOfLife", !camera.decommissioned() && camera.endOfLife() != null
				&& !camera.endOfLife().isAfter(catalog.today())); // at or past, as the lifecycle job and the map count
		return "cameras/detail";
	}

	@GetMapping("/new")
	@PreAuthorize(EDITORS)
	String newForm(Model model) {
		model.addAttribute("cameraForm", new CameraForm());
		return form(model, null);
	}

	@PostMapping("/new")
	@PreAuthorize(EDITORS)
	String create(@Valid @ModelAttribute("cameraForm") CameraForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		binding = tidy(binding, model);
		if (binding.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = registry.register(form.toCommand(), form.isConfirmOutsideArea());
			redirect.addFlashAttribute("notice", "camera.form.created");
			return "redirect:/cameras/" + id;
		}
		catch (FarOutsideAreaException e) {
			askToConfirm(binding, model, e);
		}
		catch (InvalidInputException e) {
			reject(binding, e);
		}
		catch (DuplicateAssetTagException e) {
			binding.rejectValue("assetTag", "camera.error.duplicate", e.getMessage());
		}
		return form(model, null);
	}

	@GetMapping("/{id:\\d+}/edit")
	@PreAuthorize(EDITORS)
	String editForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
		CameraView camera = catalog.get(id);
		if (camera.decommissioned()) {
			return decommissionedAlready(camera, redirect);
		}
		model.addAttribute("cameraForm", CameraForm.of(camera));
		return form(model, camera);
	}

	@PostMapping("/{id:\\d+}/edit")
	@PreAuthorize(EDITORS)
	String update(@PathVariable long id, @Valid @ModelAttribute("cameraForm") CameraForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		CameraView camera = catalog.get(id);
		if (camera.decommissioned()) {
			return decommissionedAlready(camera, redirect);
		}
		binding = tidy(binding, model);
		if (binding.hasErrors()) {
			return form(model, camera);
		}
		try {
			registry.update(id, form.getVersion(), form.toCommand(), form.isConfirmOutsideArea());
			redirect.addFlashAttribute("notice", "camera.form.saved");
			return "redirect:/cameras/" + id;
		}
		catch (FarOutsideAreaException e) {
			askToConfirm(binding, model, e);
		}
		catch (InvalidInputException e) {
			reject(binding, e);
		}
		catch (DuplicateAssetTagException e) {
			binding.rejectValue("assetTag", "camera.error.duplicate", e.getMessage());
		}
		catch (OptimisticLockingFailureException e) {
			binding.reject("camera.form.stale");
		}
		catch (ConflictException e) {
			// the only conflicts left here: someone decommissioned the camera meanwhile
			return decommissionedAlready(camera, redirect);
		}
		return form(model, camera);
	}

	@GetMapping("/{id:\\d+}/decommission")
	@PreAuthorize(EDITORS)
	String decommissionForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
		CameraView camera = catalog.get(id);
		if (camera.decommissioned()) {
			return decommissionedAlready(camera, redirect);
		}
		DecommissionForm form = new DecommissionForm();
		form.setOn(catalog.today());
		form.setVersion(camera.version());
		model.addAttribute("decommissionForm", form);
		model.addAttribute("camera", camera);
		return "cameras/decommission";
	}

	@PostMapping("/{id:\\d+}/decommission")
	@PreAuthorize(EDITORS)
	String decommission(@PathVariable long id, @Valid @ModelAttribute("decommissionForm") DecommissionForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		CameraView camera = catalog.get(id);
		if (camera.decommissioned()) {
			return decommissionedAlready(camera, redirect);
		}
		model.addAttribute("camera", camera);
		if (binding.hasErrors()) {
			return "cameras/decommission";
		}
		try {
			registry.decommission(id, form.getVersion(), form.getReason(), form.getOn());
			redirect.addFlashAttribute("notice", "camera.decommission.done");
			return "redirect:/cameras/" + id;
		}
		catch (InvalidInputException e) {
			reject(binding, e);
		}
		catch (OptimisticLockingFailureException e) {
			binding.reject("camera.form.stale");
		}
		catch (ConflictException e) {
			// the only conflicts left here: someone decommissioned the camera meanwhile
			return decommissionedAlready(camera, redirect);
		}
		return "cameras/decommission";
	}

	/** A decommissioned camera is final: no edit or decommission form, back to its page with a word why. */
	private static String decommissionedAlready(CameraView camera, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "camera.decommissioned.final");
		return "redirect:/cameras/" + camera.id();
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "cameras/not-found";
	}

	private String form(Model model, CameraView camera) {
		model.addAttribute("camera", camera);
		model.addAttribute("statuses", CameraStatus.EDITABLE);
		model.addAttribute("lprCapabilities", LprCapability.values());
		model.addAttribute("precincts", format.byName(catalog.precincts()));
		model.addAttribute("districts", format.byName(catalog.districts()));
		model.addAttribute("stations", catalog.stations());
		model.addAttribute("fundingSources", catalog.fundingSources());
		model.addAttribute("projects", catalog.projects());
		model.addAttribute("contracts", catalog.contracts());
		model.addAttribute("vendors", catalog.vendors());
		return "cameras/form";
	}

	/**
	 * One clear message per field: an empty asset tag is "required" only (not also "wrong characters"), and a
	 * date written YYYY-MM-DD that does not exist (2016-02-30) says so instead of asking for the format.
	 */
	private static BindingResult tidy(BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			return binding;
		}
		org.springframework.validation.BeanPropertyBindingResult tidied = new org.springframework.validation.BeanPropertyBindingResult(
				binding.getTarget(), binding.getObjectName());
		binding.getGlobalErrors().forEach(tidied::addError);
		java.util.Set<String> blank = binding.getFieldErrors().stream().filter(e -> "NotBlank".equals(e.getCode()))
			.map(FieldError::getField).collect(java.util.stream.Collectors.toSet());
		for (FieldError e : binding.getFieldErrors()) {
			if (blank.contains(e.getField()) && !"NotBlank".equals(e.getCode())) {
				continue;
			}
			if ("typeMismatch".equals(e.getCode()) && e.getRejectedValue() instanceof String text
					&& InputMessages.isWellFormedDate(text) && !InputMessages.isRealDate(text)) {
				tidied.addError(new FieldError(e.getObjectName(), e.getField(), text, true,
						new String[] { "camera.error.noSuchDate" }, new Object[] { text.strip() }, "no such date: " + text));
				continue;
			}
			tidied.addError(e);
		}
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + binding.getObjectName(), tidied);
		return tidied;
	}

	/** Says how far outside the department's area the position is, next to the coordinates, and asks to confirm it. */
	private static void askToConfirm(BindingResult binding, Model model, FarOutsideAreaException e) {
		binding.rejectValue("longitude", "camera.error.farOutsideArea",
				new Object[] { String.valueOf(e.location().longitude()), String.valueOf(e.location().latitude()),
						FarOutsideAreaException.format(e.kilometres()), FarOutsideAreaException.format(e.toleranceKm()) },
				e.getMessage());
		model.addAttribute("askConfirmOutsideArea", true);
	}

	/** Puts the domain's field errors next to the form fields (field names are the same). */
	private static void reject(BindingResult binding, InvalidInputException e) {
		for (InvalidInputException.FieldError f : e.fieldErrors()) {
			if (binding.getModel().containsKey(binding.getObjectName()) && isField(binding, f.field())) {
				binding.rejectValue(f.field(), "camera.error." + f.field(), f.message());
			}
			else {
				binding.reject("camera.error", f.message());
			}
		}
	}

	private static boolean isField(BindingResult binding, String field) {
		try {
			binding.getFieldType(field);
			return binding.getFieldType(field) != null;
		}
		catch (RuntimeException e) {
			return false;
		}
	}
}
