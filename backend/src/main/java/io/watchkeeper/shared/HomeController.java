package io.watchkeeper.shared;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where "/" (and so a fresh login) leads: technicians and squad members to their work orders, dispatchers to
 * the outage board, everyone else to the camera list.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication caller) {
		if (has(caller, "ROLE_VENDOR_TECHNICIAN") || has(caller, "ROLE_SQUAD_MEMBER")) {
			return "redirect:/my-work-orders";
		}
		if (has(caller, "ROLE_DISPATCHER") && !has(caller, "ROLE_ADMIN")) {
			return "redirect:/outages";
		}
		return "redirect:/cameras";
	}

	private static boolean has(Authentication caller, String authority) {
		return caller != null && caller.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}
}
