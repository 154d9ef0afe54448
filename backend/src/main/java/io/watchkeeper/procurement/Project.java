package io.watchkeeper.procurement;

import java.time.LocalDate;
import java.util.List;

import io.watchkeeper.procurement.Milestone.Step;

/** A procurement project: its money, its sources, and how far it has come from budget to acceptance. */
record Project(long id, String code, Bilingual name, String purpose, int fiscalYear, NtDollars budget,
		Integer plannedCameraCount, long camerasDelivered, Bilingual vendor, Bilingual precinct,
		LocalDate budgetedOn, LocalDate tenderingOn, LocalDate awardedOn, LocalDate startedOn,
		LocalDate completionDueOn, LocalDate completedOn, LocalDate acceptedOn, String notes,
		List<ProjectFunding> funding) {

	Project {
		funding = List.copyOf(funding);
	}

	Project withFunding(List<ProjectFunding> sources) {
		return new Project(id, code, name, purpose, fiscalYear, budget, plannedCameraCount, camerasDelivered, vendor,
				precinct, budgetedOn, tenderingOn, awardedOn, startedOn, completionDueOn, completedOn, acceptedOn, notes,
				sources);
	}

	/** Every milestone in the order a project goes through them, dated or not. */
	public List<Milestone> milestones() {
		return List.of(new Milestone(Step.BUDGETED, budgetedOn), new Milestone(Step.TENDERING, tenderingOn),
				new Milestone(Step.AWARDED, awardedOn), new Milestone(Step.STARTED, startedOn),
				new Milestone(Step.COMPLETION_DUE, completionDueOn), new Milestone(Step.COMPLETED, completedOn),
				new Milestone(Step.ACCEPTED, acceptedOn));
	}

	/** The last milestone reached by {@code today}, or null when not even the budget has passed. */
	public Step stage(LocalDate today) {
		Step stage = null;
		for (Milestone m : milestones()) {
			if (m.reachedBy(today)) {
				stage = m.step();
			}
		}
		return stage;
	}

	public String milestoneState(Milestone milestone, LocalDate today) {
		return milestone.cssState(today, completedOn, overdue(today));
	}

	/** Past its completion date and neither completed nor accepted ({@link ProjectSchedule#overdue}). */
	public boolean overdue(LocalDate today) {
		return ProjectSchedule.overdue(completionDueOn, completedOn, acceptedOn, today);
	}

	/** The sum of the sources' shares (a project's budget and its sources should agree; the page shows both). */
	public NtDollars fundedAmount() {
		return funding.stream().map(ProjectFunding::amount).reduce(NtDollars.ZERO, NtDollars::plus);
	}
}
