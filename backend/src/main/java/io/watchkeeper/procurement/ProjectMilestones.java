package io.watchkeeper.procurement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * A project's milestone dates as given (each optional): budget passed, tender published, awarded, work started,
 * completion due, completed, accepted. {@link #problems} names each date out of order.
 */
@Schema(description = "Milestone dates (YYYY-MM-DD, each optional); in order budgeted <= tendering <= awarded <= started <= "
		+ "completed <= accepted, and completion due not before the start")
public record ProjectMilestones(LocalDate budgetedOn, LocalDate tenderingOn, LocalDate awardedOn, LocalDate startedOn,
		LocalDate completionDueOn, LocalDate completedOn, LocalDate acceptedOn) {

	public static final ProjectMilestones NONE = new ProjectMilestones(null, null, null, null, null, null, null);

	private static final LocalDate FIRST = LocalDate.of(ProcurementInput.FIRST_YEAR, 1, 1);
	private static final LocalDate LAST = LocalDate.of(ProcurementInput.LAST_YEAR, 12, 31);

	/** Every date out of range or before an earlier step's, named {@code milestones.<field>} ({@code prefix}). */
	public List<FieldError> problems(String prefix) {
		List<FieldError> errors = new ArrayList<>();
		String[] names = { "budgetedOn", "tenderingOn", "awardedOn", "startedOn", "completedOn", "acceptedOn" };
		LocalDate[] steps = { budgetedOn, tenderingOn, awardedOn, startedOn, completedOn, acceptedOn };
		LocalDate latest = null;
		String latestName = null;
		for (int i = 0; i < steps.length; i++) {
			LocalDate d = steps[i];
			if (d == null) {
				continue;
			}
			if (d.isBefore(FIRST) || d.isAfter(LAST)) {
				errors.add(new FieldError(prefix + names[i], names[i] + " must lie between " + FIRST + " and " + LAST));
				continue;
			}
			if (latest != null && d.isBefore(latest)) {
				errors.add(new FieldError(prefix + names[i], names[i] + " " + d + " is before " + latestName + " " + latest));
			}
			else {
				latest = d;
				latestName = names[i];
			}
		}
		if (completionDueOn != null) {
			if (completionDueOn.isBefore(FIRST) || completionDueOn.isAfter(LAST)) {
				errors.add(new FieldError(prefix + "completionDueOn", "completionDueOn must lie between " + FIRST + " and " + LAST));
			}
			else if (startedOn != null && completionDueOn.isBefore(startedOn)) {
				errors.add(new FieldError(prefix + "completionDueOn",
						"completionDueOn " + completionDueOn + " is before startedOn " + startedOn));
			}
			else if (awardedOn != null && completionDueOn.isBefore(awardedOn)) {
				errors.add(new FieldError(prefix + "completionDueOn",
						"completionDueOn " + completionDueOn + " is before awardedOn " + awardedOn));
			}
		}
		return errors;
	}
}
