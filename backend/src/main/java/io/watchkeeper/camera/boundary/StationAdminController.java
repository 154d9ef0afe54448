package io.watchkeeper.camera.boundary;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.NotFoundException;

/**
 * The stations admin page: stations by precinct with camera counts, a form to add or edit one (errors beside the
 * field), delete (refused while cameras or users belong to the station) and the upload of a stations file (every bad
 * line listed, nothing written).
 */
@Controller
@RequestMapping("/admin/stations")
class StationAdminController {

	/** The form's fields. */
	static class StationForm {

		private Long precinctId;

		private String nameZh;

		private String nameEn;

		private String code;

		public Long getPrecinctId() {
			return precinctId;
		}

		public void setPrecinctId(Long precinctId) {
			this.precinctId = precinctId;
		}

		public String getNameZh() {
			return nameZh;
		}

		public void setNameZh(String nameZh) {
			this.nameZh = nameZh;
		}

		public String getNameEn() {
			return nameEn;
		}

		public void setNameEn(String nameEn) {
			this.nameEn = nameEn;
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		Stations.StationInput input() {
			return new Stations.StationInput(precinctId, nameZh, nameEn, code);
		}
	}

	private static final Set<String> FORM_FIELDS = Set.of("precinctId", "nameZh", "nameEn", "code");

	private final Stations stations;

	private final Boundaries boundaries;

	private final MessageSource messages;

	StationAdminController(Stations stations, Boundaries boundaries, MessageSource messages) {
		this.stations = stations;
		this.boundaries = boundaries;
		this.messages = messages;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("precinctId", "nameZh", "nameEn", "code");
	}

	@GetMapping
	String page(@RequestParam(name = "edit", required = false) Long edit, Model model) {
		StationForm form = new StationForm();
		if (edit != null) {
			Stations.Station s = stations.find(edit).orElseThrow(() -> new NotFoundException("Station", edit));
			form.setPrecinctId(s.precinctId());
			form.setNameZh(s.nameZh());
			form.setNameEn(s.nameEn());
			form.setCode(s.code());
		}
		model.addAttribute("form", form);
		fill(model, edit);
		return "stations/admin";
	}

	@PostMapping
	String create(@ModelAttribute("form") StationForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			Locale locale) {
		if (!binding.hasErrors()) {
			try {
				Stations.Station created = stations.create(form.input());
				redirect.addFlashAttribute("saved", messages.getMessage("station.saved", new Object[] { created.nameZh(), created.code() }, locale));
				return "redirect:/admin/stations";
			}
			catch (BoundaryFileException e) {
				reject(e, binding, locale);
			}
		}
		fill(model, null);
		return "stations/admin";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") StationForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (!binding.hasErrors()) {
			try {
				Stations.Station saved = stations.update(id, form.input());
				redirect.addFlashAttribute("saved", messages.getMessage("station.saved", new Object[] { saved.nameZh(), saved.code() }, locale));
				return "redirect:/admin/stations";
			}
			catch (BoundaryFileException e) {
				reject(e, binding, locale);
			}
			catch (ConflictException e) {
				binding.rejectValue("precinctId", "station.moveInUse", e.getMessage());
			}
		}
		fill(model, id);
		return "stations/admin";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		try {
			Stations.Station station = stations.find(id).orElseThrow(() -> new NotFoundException("Station", id));
			stations.delete(id);
			redirect.addFlashAttribute("saved", messages.getMessage("station.deleted", new Object[] { station.nameZh() }, locale));
		}
		catch (Stations.StationInUseException e) {
			redirect.addFlashAttribute("deleteError", messages.getMessage("station.inUse", e.args(), locale));
		}
		return "redirect:/admin/stations";
	}

	@PostMapping("/{id}/boundary/delete")
	String clearBoundary(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		stations.clearBoundary(id);
		redirect.addFlashAttribute("saved", messages.getMessage("station.boundaryCleared", null, locale));
		return "redirect:/admin/stations";
	}

	@PostMapping("/upload")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			Locale locale) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				model.addAttribute("uploadError", messages.getMessage("boundary.chooseFile", null, locale));
				model.addAttribute("uploadProblems", List.of());
			}
			else {
				Stations.Upload result = stations.upload(file.getBytes(), file.getOriginalFilename());
				redirect.addFlashAttribute("upload", result);
				return "redirect:/admin/stations";
			}
		}
		catch (BoundaryFileException e) {
			model.addAttribute("uploadError", e.summary(messages, locale));
			model.addAttribute("uploadProblems", e.fieldErrors(messages, locale));
		}
		model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
		model.addAttribute("form", new StationForm());
		fill(model, null);
		return "stations/admin";
	}

	private void reject(BoundaryFileException e, BindingResult binding, Locale locale) {
		for (var error : e.fieldErrors(messages, locale)) {
			if (FORM_FIELDS.contains(error.field())) {
				binding.rejectValue(error.field(), "station.invalid", error.message());
			}
			else {
				binding.reject("station.invalid", error.message());
			}
		}
	}

	private void fill(Model model, Long editing) {
		List<Stations.Station> all = stations.list(null);
		Map<String, List<Stations.Station>> byPrecinct = all.stream()
			.collect(Collectors.groupingBy(Stations.Station::precinctCode, TreeMap::new, Collectors.toList()));
		model.addAttribute("stationsByPrecinct", byPrecinct);
		model.addAttribute("stationCount", all.size());
		model.addAttribute("precincts", boundaries.list(BoundaryKind.PRECINCT));
		model.addAttribute("precinctIds", stations.precinctIdsByCode());
		model.addAttribute("editing", editing);
	}
}
