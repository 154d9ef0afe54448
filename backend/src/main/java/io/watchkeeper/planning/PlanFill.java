package io.watchkeeper.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.watchkeeper.camera.LprCapability;

/**
 * The budget-capped fill of a plan, with no database: each year Y takes the candidates due by Dec 31 of Y that no
 * earlier year took, in rank order, while the running cost stays within Y's budget, and stops at the first camera
 * that does not fit (it and everything after it carry over to the next year). Stopping rather than skipping to a
 * cheaper camera further down keeps the order the planner asked for: money goes by priority, and a camera dearer
 * than a year's whole budget stays at the top of the backlog (visible there) instead of being passed over by
 * cheaper, less urgent ones. The same rule is a running sum over the ranked list, which a window sum in plain SQL
 * reproduces. A year never spends more than its budget and a camera is planned at most once.
 */
final class PlanFill {

	/** A year's outcome. clearCameras/clearCost: what clearing everything due by its end (and left) would take. */
	record YearRow(int fiscalYear, long budgetNtd, int cameras, long costNtd, int backlogCapped, int backlogUncapped,
			int clearCameras, long clearCostNtd) {
	}

	/** The fill: per year, and per candidate index the year it is planned in (0: not planned) and its rank there. */
	record Result(List<YearRow> years, int[] plannedYear, int[] rankInYear, long[] unitPrice) {

		int plannedCameras() {
			return years.stream().mapToInt(YearRow::cameras).sum();
		}

		long plannedCost() {
			return years.stream().mapToLong(YearRow::costNtd).sum();
		}
	}

	private PlanFill() {
	}

	/**
	 * @param candidates the cameras that may be bought
	 * @param ranked candidate indexes, best first
	 * @param firstYear the first fiscal year
	 * @param budgets the budget of each year from the first, in NT$
	 * @param prices per year (index from the first), the unit price by LPR kind
	 */
	static Result fill(Candidates candidates, int[] ranked, int firstYear, long[] budgets,
			List<Map<LprCapability, Long>> prices) {
		int n = candidates.size;
		int[] due = new int[n];
		int[] dueCount = new int[budgets.length];
		for (int i = 0; i < n; i++) {
			due[i] = candidates.dueYear(i, firstYear);
			if (due[i] - firstYear < budgets.length) {
				dueCount[due[i] - firstYear]++;
			}
		}
		int[] plannedYear = new int[n];
		int[] rankInYear = new int[n];
		long[] unitPrice = new long[n];
		List<YearRow> rows = new ArrayList<>(budgets.length);
		int dueSoFar = 0;
		int plannedSoFar = 0;
		for (int y = 0; y < budgets.length; y++) {
			int year = firstYear + y;
			Map<LprCapability, Long> price = prices.get(y);
			dueSoFar += dueCount[y];
			long spent = 0;
			int bought = 0;
			int clearCameras = 0;
			long clearCost = 0;
			boolean full = false;
			for (int i : ranked) {
				if (plannedYear[i] != 0 || due[i] > year) {
					continue;
				}
				long cost = price.get(candidates.lpr[i]);
				clearCameras++;
				clearCost += cost;
				if (!full && spent + cost <= budgets[y]) {
					spent += cost;
					bought++;
					plannedYear[i] = year;
					rankInYear[i] = bought;
					unitPrice[i] = cost;
				}
				else {
					full = true;
				}
			}
			plannedSoFar += bought;
			rows.add(new YearRow(year, budgets[y], bought, spent, dueSoFar - plannedSoFar, dueSoFar, clearCameras,
					clearCost));
		}
		return new Result(List.copyOf(rows), plannedYear, rankInYear, unitPrice);
	}
}
