package io.watchkeeper.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.watchkeeper.camera.LprCapability;

/** The fill by hand-worked cases: prices NONE 100, LPR 150, REALTIME_LPR 300 every year. */
class PlanFillTest {

	static final Map<LprCapability, Long> PRICES = Map.of(LprCapability.NONE, 100L, LprCapability.LPR, 150L,
			LprCapability.REALTIME_LPR, 300L);

	/** Cameras given as (id, end of life, kind, downtime hours); ranked by the default weights. */
	static Candidates fleet(Object[]... rows) {
		Candidates c = new Candidates(rows.length);
		for (int i = 0; i < rows.length; i++) {
			c.cameraId[i] = (Long) rows[i][0];
			c.endOfLife[i] = (int) ((LocalDate) rows[i][1]).toEpochDay();
			c.lpr[i] = (LprCapability) rows[i][2];
			c.downtimeHours[i] = (Double) rows[i][3];
		}
		return c;
	}

	static PlanFill.Result fill(Candidates c, int first, long... budgets) {
		List<Map<LprCapability, Long>> prices = new ArrayList<>();
		for (long ignored : budgets) {
			prices.add(PRICES);
		}
		return PlanFill.fill(c, c.rank(Weights.DEFAULT, first), first, budgets, prices);
	}

	static Object[] cam(long id, String eol, LprCapability kind, double downtime) {
		return new Object[] { id, LocalDate.parse(eol), kind, downtime };
	}

	@Test
	void aBudgetExactlyUsedBuysEveryoneInScoreOrderAndCarriesTheRestOver() {
		Candidates c = fleet(cam(1, "2020-01-01", LprCapability.NONE, 0), cam(2, "2021-01-01", LprCapability.NONE, 0),
				cam(3, "2019-01-01", LprCapability.NONE, 0), cam(4, "2027-06-30", LprCapability.NONE, 0));
		PlanFill.Result r = fill(c, 2026, 200, 200);
		// oldest first: 3 (2019), 1 (2020) fill 2026 exactly; 2 carries over to 2027 with 4 (due 2027)
		assertThat(r.plannedYear()).containsExactly(2026, 2027, 2026, 2027);
		assertThat(r.years().get(0)).isEqualTo(new PlanFill.YearRow(2026, 200, 2, 200, 1, 3, 3, 300));
		assertThat(r.years().get(1)).isEqualTo(new PlanFill.YearRow(2027, 200, 2, 200, 0, 4, 2, 200));
		assertThat(r.rankInYear()[2]).isEqualTo(1);
		assertThat(r.rankInYear()[0]).isEqualTo(2);
	}

	@Test
	void aCameraDearerThanTheWholeBudgetHoldsTheYearAndStaysOnTopOfTheBacklog() {
		Candidates c = fleet(cam(1, "2018-01-01", LprCapability.REALTIME_LPR, 0), cam(2, "2020-01-01", LprCapability.NONE, 0));
		PlanFill.Result r = fill(c, 2026, 250, 250);
		assertThat(r.plannedYear()).containsExactly(0, 0);
		assertThat(r.years()).allSatisfy(y -> {
			assertThat(y.cameras()).isZero();
			assertThat(y.backlogCapped()).isEqualTo(2);
			assertThat(y.clearCostNtd()).isEqualTo(400);
		});
	}

	@Test
	void aZeroBudgetBuysNothingAndTheBacklogGrowsLikeTheUncappedOne() {
		Candidates c = fleet(cam(1, "2020-01-01", LprCapability.NONE, 0), cam(2, "2027-03-01", LprCapability.LPR, 0));
		PlanFill.Result r = fill(c, 2026, 0, 0, 0);
		assertThat(r.years()).extracting(PlanFill.YearRow::backlogCapped).containsExactly(1, 2, 2);
		assertThat(r.years()).extracting(PlanFill.YearRow::backlogUncapped).containsExactly(1, 2, 2);
		assertThat(r.plannedCost()).isZero();
	}

	@Test
	void theCapIsNeverExceededNothingIsPlannedTwiceAndTheSameInputsGiveTheSamePlan() {
		java.util.Random random = new java.util.Random(11);
		Object[][] rows = new Object[500][];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = cam(1000 - i, LocalDate.of(2015, 1, 1).plusDays(random.nextInt(6000)).toString(),
					LprCapability.values()[random.nextInt(3)], (double) random.nextInt(3) * 100);
		}
		Candidates c = fleet(rows);
		PlanFill.Result r = fill(c, 2026, 5_000, 7_000, 0, 12_345, 3_000);
		for (PlanFill.YearRow y : r.years()) {
			assertThat(y.costNtd()).isLessThanOrEqualTo(y.budgetNtd());
			long cost = 0;
			for (int i = 0; i < c.size; i++) {
				if (r.plannedYear()[i] == y.fiscalYear()) {
					cost += r.unitPrice()[i];
					assertThat(c.dueYear(i, 2026)).isLessThanOrEqualTo(y.fiscalYear());
				}
			}
			assertThat(cost).isEqualTo(y.costNtd());
		}
		PlanFill.Result again = fill(fleet(rows), 2026, 5_000, 7_000, 0, 12_345, 3_000);
		assertThat(again.plannedYear()).containsExactly(r.plannedYear());
		assertThat(again.rankInYear()).containsExactly(r.rankInYear());
		assertThat(again.years()).isEqualTo(r.years());
	}

	@Test
	void tiesGoByCameraId() {
		Candidates c = fleet(cam(9, "2020-01-01", LprCapability.NONE, 0), cam(4, "2020-01-01", LprCapability.NONE, 0));
		PlanFill.Result r = fill(c, 2026, 100);
		assertThat(r.plannedYear()).containsExactly(0, 2026);
	}

	@Test
	void downtimeRaisesACameraAboveAnOlderOneAndTheRankingIsTheSameEveryYear() {
		Candidates c = fleet(cam(1, "2020-01-01", LprCapability.NONE, 0), cam(2, "2021-01-01", LprCapability.NONE, 720));
		// default weights: 2 x 1 for a month down outweighs 3 x (1 year / 5)
		assertThat(c.rank(Weights.DEFAULT, 2026)).containsExactly(1, 0);
		assertThat(c.rank(Weights.DEFAULT, 2035)).containsExactly(1, 0);
		assertThat(c.score(1, Weights.DEFAULT, 2027) - c.score(1, Weights.DEFAULT, 2026))
			.isCloseTo(c.score(0, Weights.DEFAULT, 2027) - c.score(0, Weights.DEFAULT, 2026),
					org.assertj.core.api.Assertions.within(1e-9));
	}
}
