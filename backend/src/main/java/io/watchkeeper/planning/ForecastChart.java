package io.watchkeeper.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * The forecast page's chart, ready to draw: the backlog and each fiscal year as categories ("2027 (116)"), one
 * series of camera counts per group, the largest {@link #TOP} groups by cameras and the rest folded into "other".
 */
record ForecastChart(List<String> categories, List<Series> series, List<Long> costs) {

	static final int TOP = 12;

	record Series(String key, String name, List<Long> data) {
	}

	static ForecastChart of(Forecast f, String backlogLabel, String otherLabel) {
		List<String> categories = new ArrayList<>();
		categories.add(backlogLabel);
		f.rows().forEach(r -> categories.add(ForecastFormat.shortYear(r.fiscalYear())));
		List<Long> costs = new ArrayList<>();
		costs.add(f.backlog().cost());
		f.rows().forEach(r -> costs.add(r.cost()));

		List<Series> series = new ArrayList<>();
		int shown = f.groups().size() > TOP + 1 ? TOP : f.groups().size(); // folding one group alone gains nothing
		for (int g = 0; g < shown; g++) {
			List<Long> data = new ArrayList<>();
			data.add(f.backlog().byGroup().get(g).cameras());
			for (Forecast.Row r : f.rows()) {
				data.add(r.byGroup().get(g).cameras());
			}
			series.add(new Series(f.groups().get(g).key(), f.groups().get(g).label(), data));
		}
		if (shown < f.groups().size()) {
			List<Long> data = new ArrayList<>();
			data.add(rest(f.backlog().byGroup(), shown));
			for (Forecast.Row r : f.rows()) {
				data.add(rest(r.byGroup(), shown));
			}
			series.add(new Series("other", otherLabel, data));
		}
		return new ForecastChart(categories, series, costs);
	}

	private static long rest(List<Forecast.GroupFigure> figures, int from) {
		return figures.subList(from, figures.size()).stream().mapToLong(Forecast.GroupFigure::cameras).sum();
	}
}
