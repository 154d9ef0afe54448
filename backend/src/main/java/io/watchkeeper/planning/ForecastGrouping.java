package io.watchkeeper.planning;

import java.util.Arrays;
import java.util.Locale;

import io.watchkeeper.shared.InvalidInputException;

/** What the forecast's counts are grouped by; {@link #param()} is the API's and the page's {@code groupBy} value. */
enum ForecastGrouping {
	PRECINCT, DISTRICT, FUNDING, MODEL, LPR;

	String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ForecastGrouping parse(String groupBy) {
		if (groupBy == null || groupBy.isBlank()) {
			return PRECINCT;
		}
		return Arrays.stream(values()).filter(g -> g.param().equals(groupBy.strip().toLowerCase(Locale.ROOT))).findFirst()
			.orElseThrow(() -> new InvalidInputException("groupBy",
					"groupBy must be precinct, district, funding, model or lpr"));
	}
}
