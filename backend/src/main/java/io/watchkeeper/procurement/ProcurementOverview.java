package io.watchkeeper.procurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Everything on the procurement page, with the sums a planner asks for first. */
record ProcurementOverview(List<FundingSource> fundingSources, List<Total> fundingByKind, List<Total> fundingByYear,
		Total fundingTotal, List<Project> projects, List<MaintenanceContract> contracts, List<Total> contractsByYear,
		Total contractsTotal) {

	/** The order the city's budget papers list funding kinds in. */
	static final List<String> KINDS = List.of("CITY_BUDGET", "CENTRAL_SUBSIDY", "SOE_COMMUNITY_FUND", "DONATION", "OTHER");

	/** A sum over some rows: how many rows, how much money, how many cameras it paid for. */
	record Total(String key, int count, NtDollars amount, long cameras) {

		static final Total NONE = new Total(null, 0, NtDollars.ZERO, 0);

		Total add(String k, NtDollars a, long c) {
			return new Total(k, count + 1, amount.plus(a), Math.addExact(cameras, c));
		}
	}

	static ProcurementOverview of(List<FundingSource> sources, List<Project> projects,
			List<MaintenanceContract> contracts) {
		Comparator<String> kindOrder = Comparator.comparingInt(k -> KINDS.indexOf(k) < 0 ? KINDS.size() : KINDS.indexOf(k));
		return new ProcurementOverview(sources,
				totals(sources, FundingSource::kind, FundingSource::amount, FundingSource::camerasFunded, kindOrder),
				totals(sources, s -> String.valueOf(s.fiscalYear()), FundingSource::amount, FundingSource::camerasFunded,
						Comparator.<String>reverseOrder()),
				sum(sources, FundingSource::amount, FundingSource::camerasFunded), projects, contracts,
				totals(contracts, c -> String.valueOf(c.startsOn().getYear()), MaintenanceContract::budget, c -> 0L,
						Comparator.<String>reverseOrder()),
				sum(contracts, MaintenanceContract::budget, c -> 0L));
	}

	private static <T> List<Total> totals(List<T> rows, Function<T, String> key, Function<T, NtDollars> amount,
			Function<T, Long> cameras, Comparator<String> order) {
		Map<String, Total> byKey = new LinkedHashMap<>();
		for (T row : rows) {
			String k = key.apply(row);
			byKey.put(k, byKey.getOrDefault(k, Total.NONE).add(k, amount.apply(row), cameras.apply(row)));
		}
		List<Total> totals = new ArrayList<>(byKey.values());
		totals.sort(Comparator.comparing(Total::key, order));
		return totals;
	}

	private static <T> Total sum(List<T> rows, Function<T, NtDollars> amount, Function<T, Long> cameras) {
		Total total = Total.NONE;
		for (T row : rows) {
			total = total.add(null, amount.apply(row), cameras.apply(row));
		}
		return total;
	}
}
