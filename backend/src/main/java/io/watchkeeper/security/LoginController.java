package io.watchkeeper.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	@GetMapping(SecurityConfig.LOGIN_PAGE)
	String login(@RequestParam(name = "locked", required = false) String locked,
			@RequestParam(name = "wait", required = false) String wait, Model model) {
		if (locked != null && locked.matches("\\d{1,5}")) {
			model.addAttribute("lockedMinutes", Integer.parseInt(locked));
		}
		if (wait != null && wait.matches("\\d{1,5}")) {
			model.addAttribute("waitSeconds", Integer.parseInt(wait));
		}
		return "login";
	}
}
