package io.watchkeeper.camera.boundary;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * The admin page: current boundaries with camera counts, and the upload form that replaces them. A refused
 * upload re-renders the form (status 200, as form pages do) with every problem listed.
 */
@Controller
@RequestMapping("/admin/boundaries")
class BoundaryAdminController {

	private final Boundaries boundaries;

	private final MessageSource messages;

	BoundaryAdminController(Boundaries boundaries, MessageSource messages) {
		this.boundaries = boundaries;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		fill(model, "precinct");
		return "boundaries/admin";
	}

	@PostMapping
	String upload(@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", messages.getMessage("boundary.chooseFile", null, locale));
			}
			Boundaries.Replacement result = boundaries.replace(BoundaryKind.of(kind), file.getBytes(),
					file.getOriginalFilename());
			redirect.addFlashAttribute("result", result);
			return "redirect:/admin/boundaries";
		}
		catch (BoundaryFileException e) {
			model.addAttribute("error", e.summary(messages, locale));
			model.addAttribute("fieldErrors", e.fieldErrors(messages, locale));
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("fieldErrors", e.fieldErrors());
		}
		catch (NotFoundException e) {
			model.addAttribute("error", messages.getMessage("boundary.chooseKind", null, locale));
			model.addAttribute("fieldErrors", List.of());
		}
		model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
		fill(model, kind);
		return "boundaries/admin";
	}

	private void fill(Model model, String selectedKind) {
		model.addAttribute("precincts", boundaries.list(BoundaryKind.PRECINCT));
		model.addAttribute("districts", boundaries.list(BoundaryKind.DISTRICT));
		model.addAttribute("selectedKind", "district".equals(selectedKind) || "districts".equals(selectedKind)
				? "district" : "precinct");
	}
}
