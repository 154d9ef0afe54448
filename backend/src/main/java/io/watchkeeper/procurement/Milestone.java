package io.watchkeeper.procurement;

import java.time.LocalDate;

/**
 * A project's milestone with its date. {@code COMPLETION_DUE} is a deadline, not a step: it is never "reached",
 * it is only met (completed on or before it) or overdue.
 */
record Milestone(Step step, LocalDate on) {

	enum Step {
		BUDGETED, TENDERING, AWARDED, STARTED, COMPLETION_DUE, COMPLETED, ACCEPTED;

		public boolean isDeadline() {
			return this == COMPLETION_DUE;
		}
	}

	/** A step counts as reached once its date is set and has come (a planned start next month has not). */
	boolean reachedBy(LocalDate today) {
		return !step.isDeadline() && on != null && !on.isAfter(today);
	}

	/** The deadline is overdue by the project's rule, or was met late (completed after it). */
	String cssState(LocalDate today, LocalDate completedOn, boolean projectOverdue) {
		if (step.isDeadline()) {
			if (on == null) {
				return "pending";
			}
			boolean late = projectOverdue || completedOn != null && completedOn.isAfter(on);
			return late ? "overdue" : "deadline";
		}
		return reachedBy(today) ? "reached" : on == null ? "pending" : "planned";
	}
}
