package io.watchkeeper.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maintenance budget is shared among the precincts in proportion to their out-of-warranty cameras
 * (seed report 八.8). Whole NT dollars, largest remainder first, so the parts add up to the budget exactly.
 */
final class MaintenanceBudgetSplit {

	private MaintenanceBudgetSplit() {
	}

	/** Splits {@code total} over the keys in proportion to their counts (evenly if every count is zero). */
	static Map<String, Long> split(long total, Map<String, Integer> counts) {
		List<String> keys = new ArrayList<>(counts.keySet());
		long weightSum = counts.values().stream().mapToLong(Integer::longValue).sum();
		Map<String, Long> shares = new LinkedHashMap<>();
		long[] remainders = new long[keys.size()];
		long given = 0;
		for (int i = 0; i < keys.size(); i++) {
			long weight = weightSum == 0 ? 1 : counts.get(keys.get(i));
			long divisor = weightSum == 0 ? keys.size() : weightSum;
			long share = Math.multiplyExact(total, weight) / divisor;
			remainders[i] = Math.multiplyExact(total, weight) % divisor;
			shares.put(keys.get(i), share);
			given += share;
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			order.add(i);
		}
		order.sort((a, b) -> remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
		for (int i = 0; given < total; i++, given++) {
			shares.merge(keys.get(order.get(i % order.size())), 1L, Long::sum);
		}
		return shares;
	}
}
