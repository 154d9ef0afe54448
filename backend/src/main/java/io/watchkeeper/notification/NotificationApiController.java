package io.watchkeeper.notification;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.watchkeeper.notification.Notifications.NotificationView;
import io.watchkeeper.shared.InvalidInputException;

/** The signed-in user's own notifications: unread first, then newest first. */
@RestController
@RequestMapping("/api/notifications")
class NotificationApiController {

	static final int MAX_LIMIT = 200;

	private final Notifications notifications;

	private final Clock clock;

	NotificationApiController(Notifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@GetMapping
	NotificationList list(Principal user, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(required = false) String lang,
			@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
		Locale locale = apiLocale(lang, acceptLanguage);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return new NotificationList(notifications.unreadCount(user.getName()),
				notifications.list(user.getName(), limit, locale));
	}

	/**
	 * Like the camera API: the caller's language from {@code ?lang=} or {@code Accept-Language}, zh-TW when Chinese
	 * comes before English, English otherwise and by default.
	 */
	static Locale apiLocale(String lang, String acceptLanguage) {
		String wanted = lang != null && !lang.isBlank() ? lang : acceptLanguage;
		if (wanted != null && !wanted.isBlank()) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(wanted.replace('_', '-'))) {
					String tag = range.getRange().toLowerCase(Locale.ROOT);
					if (tag.startsWith("zh")) {
						return Locale.forLanguageTag("zh-TW");
					}
					if (tag.startsWith("en") || tag.equals("*")) {
						return Locale.ENGLISH;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// an unreadable header: the default
			}
		}
		return Locale.ENGLISH;
	}

	@PostMapping("/{id}/read")
	ResponseEntity<Void> markRead(Principal user, @PathVariable long id) {
		notifications.markRead(user.getName(), id, clock.instant());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	Map<String, Integer> markAllRead(Principal user) {
		return Map.of("marked", notifications.markAllRead(user.getName(), clock.instant()));
	}

	record NotificationList(int unread, List<NotificationView> items) {
	}
}
