package io.watchkeeper.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.watchkeeper.procurement.Milestone.Step;

class ProcurementModelTest {

	static final LocalDate TODAY = LocalDate.of(2023, 6, 30);

	@Test
	void amountsAreWholeDollarsWithThousandsSeparators() {
		assertThat(new NtDollars(49_955_000)).hasToString("NT$49,955,000");
		assertThat(new NtDollars(0)).hasToString("NT$0");
		assertThat(new NtDollars(39_955_000).plus(new NtDollars(10_000_000))).isEqualTo(new NtDollars(49_955_000));
		assertThatThrownBy(() -> new NtDollars(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new NtDollars(Long.MAX_VALUE).plus(new NtDollars(1))).isInstanceOf(ArithmeticException.class);
	}

	@Test
	void theStageIsTheLastMilestoneReachedAndNeverTheDueDate() {
		Project started = project(null, LocalDate.of(2023, 3, 30), LocalDate.of(2023, 4, 21), LocalDate.of(2023, 6, 1), null);
		assertThat(started.stage(TODAY)).as("due date passed but it is a deadline").isEqualTo(Step.STARTED);
		assertThat(project(LocalDate.of(2023, 6, 20), null, null, null, null).stage(LocalDate.of(2023, 6, 19)))
			.as("a budget passing tomorrow is not reached today").isNull();
		assertThat(project(null, null, null, null, LocalDate.of(2023, 3, 17)).stage(TODAY)).isEqualTo(Step.COMPLETED);
	}

	@Test
	void aDeadlineIsOverdueOnlyWhenMissed() {
		LocalDate due = LocalDate.of(2023, 5, 31);
		Milestone deadline = new Milestone(Step.COMPLETION_DUE, due);
		assertThat(state(deadline, project(null, null, null, due, null), TODAY)).isEqualTo("overdue");
		assertThat(state(deadline, project(null, null, null, due, LocalDate.of(2023, 5, 30)), TODAY)).isEqualTo("deadline");
		assertThat(state(deadline, project(null, null, null, due, LocalDate.of(2023, 6, 2)), TODAY)).as("completed late")
			.isEqualTo("overdue");
		assertThat(state(deadline, project(null, null, null, due, null), LocalDate.of(2023, 5, 1))).isEqualTo("deadline");
		assertThat(state(new Milestone(Step.AWARDED, LocalDate.of(2023, 7, 1)), project(null, null, null, null, null), TODAY))
			.isEqualTo("planned");
	}

	@Test
	void aProjectIsOverdueWhenItsDueDateHasPassedAndItIsNeitherCompletedNorAccepted() {
		LocalDate due = LocalDate.of(2023, 12, 31);
		LocalDate threeYearsLater = LocalDate.of(2026, 12, 7);
		assertThat(project(null, null, null, due, null).overdue(threeYearsLater)).isTrue();
		assertThat(project(null, null, null, due, null).overdue(due)).as("on the day itself").isFalse();
		assertThat(project(null, null, null, due, LocalDate.of(2024, 2, 1)).overdue(threeYearsLater))
			.as("completed, if late").isFalse();
		assertThat(accepted(due, LocalDate.of(2024, 1, 19)).overdue(threeYearsLater)).as("accepted").isFalse();
		assertThat(project(null, null, null, null, null).overdue(threeYearsLater)).as("no due date").isFalse();
		assertThat(ProjectSchedule.overdue(due, null, null, threeYearsLater)).as("the rule the API uses").isTrue();
	}

	@Test
	void totalsPerKindAndYearAddUpInWholeDollars() {
		List<FundingSource> sources = List.of(source("A", "CITY_BUDGET", 2023, 39_955_000, 300),
				source("B", "CITY_BUDGET", 2023, 10_000_000, 0), source("C", "SOE_COMMUNITY_FUND", 2022, 3_500_000, 50),
				source("D", "CENTRAL_SUBSIDY", 2023, 20_526_000, 219));
		ProcurementOverview overview = ProcurementOverview.of(sources, List.of(), List.of());
		assertThat(overview.fundingByKind()).extracting(ProcurementOverview.Total::key)
			.containsExactly("CITY_BUDGET", "CENTRAL_SUBSIDY", "SOE_COMMUNITY_FUND");
		assertThat(overview.fundingByKind().get(0).amount()).isEqualTo(new NtDollars(49_955_000));
		assertThat(overview.fundingByKind().get(0).count()).isEqualTo(2);
		assertThat(overview.fundingByYear()).extracting(ProcurementOverview.Total::key).containsExactly("2023", "2022");
		assertThat(overview.fundingByYear().get(0).amount()).isEqualTo(new NtDollars(70_481_000));
		assertThat(overview.fundingTotal().amount()).isEqualTo(new NtDollars(73_981_000));
		assertThat(overview.fundingTotal().cameras()).isEqualTo(569);
	}

	private static FundingSource source(String code, String kind, int year, long amount, long cameras) {
		return new FundingSource(1, code, kind, new Bilingual(code, code), null, year, new NtDollars(amount), cameras);
	}

	private static String state(Milestone milestone, Project project, LocalDate today) {
		return project.milestoneState(milestone, today);
	}

	private static Project accepted(LocalDate due, LocalDate accepted) {
		return new Project(1, "P", new Bilingual("案", "P"), "REPLACEMENT", 2023, new NtDollars(1), null, 0, null, null,
				null, null, null, null, due, null, accepted, null, List.of());
	}

	private static Project project(LocalDate budgeted, LocalDate awarded, LocalDate started, LocalDate due,
			LocalDate completed) {
		return new Project(1, "P", new Bilingual("案", "P"), "REPLACEMENT", 2023, new NtDollars(1), null, 0, null, null,
				budgeted, null, awarded, started, due, completed, null, null, List.of());
	}
}
