package io.watchkeeper.camera;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

	CameraPages(CameraCatalog catalog, CameraRegistry registry) {
		this.catalog = catalog;
		this.registry = registry;
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

	private String listPage(CameraListParams params, BindingResult binding, Model model, boolean unplaced) {
		if (binding.hasErrors()) {
			model.addAttribute("filterError", binding.getFieldErrors().stream()
				.map(e -> e.getField() + "=" + e.getRejectedValue()).collect(Collectors.joining(", ")));
		}
		CameraPage page;
		try {
			page = catalog.list(params.toFilter(), params.sortColumn(), params.descending(), params.getPage(),
					Math.min(Math.max(params.getSize(), 1), 200));
		}
		catch (InvalidInputException e) {
			String earlier = (String) model.getAttribute("filterError");
			model.addAttribute("filterError", earlier == null ? e.getMessage() : earlier + "; " + e.getMessage());
			page = new CameraPage(List.of(), 0, 50, false, 0, true);
		}
		model.addAttribute("page", page);
		model.addAttribute("unplaced", unplaced);
		model.addAttribute("statuses", CameraStatus.values());
		model.addAttribute("lprFilters", LprFilter.values());
		model.addAttribute("precincts", catalog.precincts());
		model.addAttribute("districts", catalog.districts());
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
		model.addAttribute("pastEndOfLife", !camera.decommissioned() && camera.endOfLife() != null
				&& camera.endOfLife().isBefore(catalog.today()));
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
		if (binding.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = registry.register(form.toCommand());
			redirect.addFlashAttribute("notice", "camera.form.created");
			return "redirect:/cameras/" + id;
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
	String editForm(@PathVariable long id, Model model) {
		CameraView camera = catalog.get(id);
		model.addAttribute("cameraForm", CameraForm.of(camera));
		return form(model, camera);
	}

	@PostMapping("/{id:\\d+}/edit")
	@PreAuthorize(EDITORS)
	String update(@PathVariable long id, @Valid @ModelAttribute("cameraForm") CameraForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		CameraView camera = catalog.get(id);
		if (binding.hasErrors()) {
			return form(model, camera);
		}
		try {
			registry.update(id, form.getVersion(), form.toCommand());
			redirect.addFlashAttribute("notice", "camera.form.saved");
			return "redirect:/cameras/" + id;
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
			binding.reject("camera.error.conflict", new Object[] { e.getMessage() }, e.getMessage());
		}
		return form(model, camera);
	}

	@GetMapping("/{id:\\d+}/decommission")
	@PreAuthorize(EDITORS)
	String decommissionForm(@PathVariable long id, Model model) {
		CameraView camera = catalog.get(id);
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
			binding.reject("camera.error.conflict", new Object[] { e.getMessage() }, e.getMessage());
		}
		return "cameras/decommission";
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
		model.addAttribute("precincts", catalog.precincts());
		model.addAttribute("districts", catalog.districts());
		model.addAttribute("fundingSources", catalog.fundingSources());
		model.addAttribute("projects", catalog.projects());
		model.addAttribute("contracts", catalog.contracts());
		model.addAttribute("vendors", catalog.vendors());
		return "cameras/form";
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
