package io.watchkeeper.security;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


/** /admin/users: the user list, a new user, one user's details, enable/disable and password reset. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final UserAdministration users;

	UserAdminController(UserAdministration users) {
		this.users = users;
	}

	@InitBinder
	void refuseId(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("vendors", users.vendors());
		model.addAttribute("precincts", users.precincts());
		model.addAttribute("stations", users.stations());
		model.addAttribute("minPasswordLength", users.minPasswordLength());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", users.list());
		model.addAttribute("lockouts", users.lockouts());
		return "admin/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new UserForm());
		return "admin/user-new";
	}

	@PostMapping
	String create(@ModelAttribute("form") UserForm form, BindingResult binding, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "admin/user-new";
		}
		if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordRepeat())) {
			binding.rejectValue("passwordRepeat", "user.error.password.repeat", "The two passwords differ");
			return "admin/user-new";
		}
		try {
			long id = users.create(form.toNewUser());
			redirect.addFlashAttribute("notice", "user.created");
			return "redirect:/admin/users/" + id;
		}
		catch (InvalidRequest e) {
			reject(binding, e);
			return "admin/user-new";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		UserAdministration.UserSummary user = require(id);
		model.addAttribute("user", user);
		lockout(model, user);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", UserForm.of(user));
		}
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new UserForm());
		}
		return "admin/user";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		UserAdministration.UserSummary user = require(id);
		if (!binding.hasErrors()) {
			try {
				users.update(id, form.toChanges());
				redirect.addFlashAttribute("notice", "user.updated");
				return "redirect:/admin/users/" + id;
			}
			catch (InvalidRequest e) {
				reject(binding, e);
			}
		}
		form.setUsername(user.username());
		model.addAttribute("user", user);
		lockout(model, user);
		model.addAttribute("passwordForm", new UserForm());
		return "admin/user";
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		require(id);
		try {
			users.setEnabled(id, enabled);
			redirect.addFlashAttribute("notice", enabled ? "user.enabledNotice" : "user.disabledNotice");
		}
		catch (InvalidRequest e) {
			redirect.addFlashAttribute("problem", e.violations().get(0).code());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		require(id);
		redirect.addFlashAttribute("notice", users.unlock(id) ? "user.unlockedNotice" : "user.notLockedNotice");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @ModelAttribute("passwordForm") UserForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		UserAdministration.UserSummary user = require(id);
		if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordRepeat())) {
			binding.rejectValue("passwordRepeat", "user.error.password.repeat", "The two passwords differ");
		}
		else {
			try {
				users.resetPassword(id, form.getPassword());
				redirect.addFlashAttribute("notice", "user.passwordReset");
				return "redirect:/admin/users/" + id;
			}
			catch (InvalidRequest e) {
				reject(binding, e);
			}
		}
		model.addAttribute("user", user);
		lockout(model, user);
		model.addAttribute("form", UserForm.of(user));
		return "admin/user";
	}

	private void lockout(Model model, UserAdministration.UserSummary user) {
		java.util.List<UserAdministration.Throttle> throttles = users.throttles(user.username());
		model.addAttribute("throttles", throttles);
		model.addAttribute("lockedUntil", throttles.isEmpty() ? null : throttles.get(0).lockedUntil());
	}

	private UserAdministration.UserSummary require(long id) {
		return users.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + id));
	}

	private static void reject(BindingResult binding, InvalidRequest e) {
		for (InvalidRequest.Violation v : e.violations()) {
			if (v.field() == null) {
				binding.reject(v.code(), v.args(), v.english());
			}
			else {
				binding.rejectValue(v.field(), v.code(), v.args(), v.english());
			}
		}
	}
}
