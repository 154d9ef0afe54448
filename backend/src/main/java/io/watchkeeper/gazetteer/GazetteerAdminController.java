package io.watchkeeper.gazetteer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * The admin page of door-plate datasets (ADMIN): the datasets with their counts, the upload that adds or replaces
 * one, and removal. A refused upload re-renders the page with every bad line listed.
 */
@Controller
@RequestMapping("/admin/gazetteer")
class GazetteerAdminController {

	private final Gazetteers gazetteers;

	private final GazetteerUploads uploads;

	private final MessageSource messages;

	GazetteerAdminController(Gazetteers gazetteers, GazetteerUploads uploads, MessageSource messages) {
		this.gazetteers = gazetteers;
		this.uploads = uploads;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("datasets", gazetteers.list());
		return "gazetteer/admin";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "city", required = false) String city, Model model, RedirectAttributes redirect,
			Locale locale) throws IOException {
		try {
			Gazetteers.Imported imported = uploads.importFile(file, name, city, locale, AuditLog.currentActor(),
					AuditLog.currentRemoteAddress());
			redirect.addFlashAttribute("imported", imported);
			redirect.addFlashAttribute("warnings", imported.warnings().stream()
				.map(w -> new InvalidInputException.FieldError(
						messages.getMessage("gazetteer.line", new Object[] { w.line(), w.field() }, locale),
						GazetteerApiController.message(messages, w, locale)))
				.toList());
			return "redirect:/admin/gazetteer";
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("fieldErrors", e.fieldErrors());
			model.addAttribute("name", name);
			model.addAttribute("city", city);
			model.addAttribute("datasets", gazetteers.list());
			return "gazetteer/admin";
		}
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		try {
			gazetteers.remove(id, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
			redirect.addFlashAttribute("removed", true);
		}
		catch (NotFoundException e) {
			redirect.addFlashAttribute("removed", false);
		}
		return "redirect:/admin/gazetteer";
	}

}
