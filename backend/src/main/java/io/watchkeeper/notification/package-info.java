/** Notifications: in-app notifications per user, the outgoing webhook, and the daily digest. */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package io.watchkeeper.notification;
