package io.watchkeeper.procurement;

import java.time.LocalDate;

/**
 * When a procurement project is overdue: its completion is due, the day has passed, and it is neither completed
 * nor accepted. One rule for the procurement pages and the projects API.
 */
public final class ProjectSchedule {

	private ProjectSchedule() {
	}

	public static boolean overdue(LocalDate completionDue, LocalDate completed, LocalDate accepted, LocalDate today) {
		return completionDue != null && completed == null && accepted == null && today.isAfter(completionDue);
	}
}
