package io.watchkeeper.planning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the planning module ({@code watchkeeper.planning.*}).
 *
 * @param maxBudgetPerYearNtd the largest budget a plan year accepts, in NT$ (a larger one is refused as absurd, 400
 *        naming the field)
 * @param defaultWeights the priority weights a plan uses when it names none (each 0..10)
 * @param defaultFovDeg field of view assumed for a covering camera with a heading but no recorded angle
 * @param defaultRangeM reach assumed for a camera with no recorded range, in metres (both for where it looks and
 *        for what it covers)
 * @param listLimit the most cameras one page of a plan year's list returns
 */
@ConfigurationProperties("watchkeeper.planning")
public record PlanningProperties(@DefaultValue("100000000000") long maxBudgetPerYearNtd, Weights defaultWeights,
		@DefaultValue("60") int defaultFovDeg, @DefaultValue("50") int defaultRangeM, @DefaultValue("500") int listLimit) {

	public PlanningProperties {
		if (maxBudgetPerYearNtd < 1 || defaultFovDeg < 1 || defaultFovDeg > 360 || defaultRangeM < 1
				|| defaultRangeM > 2000 || listLimit < 1 || listLimit > 10_000) {
			throw new IllegalArgumentException("watchkeeper.planning: max-budget-per-year-ntd >= 1, default-fov-deg "
					+ "1..360, default-range-m 1..2000, list-limit 1..10000");
		}
		defaultWeights = defaultWeights != null ? defaultWeights : Weights.DEFAULT;
	}
}
