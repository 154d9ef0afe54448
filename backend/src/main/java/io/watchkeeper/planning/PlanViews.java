package io.watchkeeper.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the plan API answers. Amounts are whole NT$; fiscal years western, with the ROC year beside them. */
final class PlanViews {

	private PlanViews() {
	}

	static int rocYear(int fiscalYear) {
		return fiscalYear - 1911;
	}

	record YearView(int fiscalYear, int rocYear, long budgetNtd, int cameras, long costNtd, int backlogCapped,
			int backlogUncapped, int clearCameras, long clearCostNtd) {

		static YearView of(PlanFill.YearRow r) {
			return new YearView(r.fiscalYear(), PlanViews.rocYear(r.fiscalYear()), r.budgetNtd(), r.cameras(), r.costNtd(),
					r.backlogCapped(), r.backlogUncapped(), r.clearCameras(), r.clearCostNtd());
		}
	}

	record PlanView(Long id, String name, LocalDate asOf, int firstYear, int years, Long budgetPerYear, Long precinctId,
			Weights weights, List<YearView> yearRows, int plannedCameras, long plannedCost, int candidates,
			String createdBy, Instant createdAt, Instant factsComputedAt) {
	}

	record PlanSummary(long id, String name, LocalDate asOf, int firstYear, int years, Long precinctId, int plannedCameras,
			long plannedCost, String createdBy, Instant createdAt) {
	}

	record Parts(BigDecimal yearsPastEol, BigDecimal downtimeHours, int repairOrders, String lpr, int usefulFootage,
			boolean covered, boolean important) {
	}

	record PlanCamera(long cameraId, String assetTag, Long precinctId, String precinctName, String lpr,
			LocalDate endOfLife, int rank, BigDecimal score, Parts parts, long unitPriceNtd) {
	}

	record Side(long budgetNtd, int cameras, long costNtd, int backlogCapped, int backlogUncapped) {
	}

	record CompareYear(int fiscalYear, int rocYear, Side a, Side b, int onlyInA, int onlyInB) {
	}

	record Comparison(PlanSummary a, PlanSummary b, Weights weightsA, Weights weightsB, List<CompareYear> years) {
	}
}
