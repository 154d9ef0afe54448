package io.watchkeeper.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * The end-of-life forecast as the API answers it: per fiscal year (with its ROC year) the cameras reaching end of
 * life and their cost, in total and per group, and the backlog already past end of life before the first year.
 * Costs are whole NT dollars; each year's at the prices in force on its Jan 1, the backlog's at those on
 * {@code asOf} ({@code prices} lists the prices used).
 */
record Forecast(LocalDate asOf, int firstYear, int years, String groupBy, List<Group> groups, Backlog backlog,
		List<Row> rows, List<PriceList.Prices> prices) {

	static final int ROC_EPOCH = 1911;

	record Group(String key, String label) {
	}

	record GroupFigure(String key, long cameras, long cost) {
	}

	record Backlog(long cameras, long cost, List<GroupFigure> byGroup) {
	}

	record Row(int fiscalYear, int rocYear, long cameras, long cost, List<GroupFigure> byGroup) {
	}

	public long totalCameras() {
		return rows.stream().mapToLong(Row::cameras).sum();
	}

	public long totalCost() {
		return rows.stream().mapToLong(Row::cost).sum();
	}
}
