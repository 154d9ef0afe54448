package io.watchkeeper.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The unread count in the page header ({@code @notificationBell.unread(name)} in the layout). Never fails a page:
 * the layout also renders error pages, when the database may be the problem.
 */
@Component("notificationBell")
public class NotificationBell {

	private static final Logger log = LoggerFactory.getLogger(NotificationBell.class);

	private final Notifications notifications;

	NotificationBell(Notifications notifications) {
		this.notifications = notifications;
	}

	/** The user's unread notifications, or 0 when they cannot be counted. */
	public int unread(String username) {
		try {
			return username == null ? 0 : notifications.unreadCount(username);
		}
		catch (RuntimeException ex) {
			log.debug("Could not count notifications of {}", username, ex);
			return 0;
		}
	}
}
