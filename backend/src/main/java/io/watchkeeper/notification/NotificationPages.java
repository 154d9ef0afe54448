package io.watchkeeper.notification;

import java.security.Principal;
import java.time.Clock;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The /notifications page: the user's own notifications, unread first, each with a link to its work order. */
@Controller
class NotificationPages {

	private final Notifications notifications;

	private final Clock clock;

	NotificationPages(Notifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@GetMapping("/notifications")
	String list(Principal user, Locale locale, Model model) {
		model.addAttribute("items", notifications.list(user.getName(), NotificationApiController.MAX_LIMIT, locale));
		model.addAttribute("unread", notifications.unreadCount(user.getName()));
		return "notification/list";
	}

	@PostMapping("/notifications/{id}/read")
	String markRead(Principal user, @PathVariable long id) {
		notifications.markRead(user.getName(), id, clock.instant());
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String markAllRead(Principal user) {
		notifications.markAllRead(user.getName(), clock.instant());
		return "redirect:/notifications";
	}
}
