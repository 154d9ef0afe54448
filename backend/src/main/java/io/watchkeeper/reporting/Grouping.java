package io.watchkeeper.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;


/** What the rows of the maintenance figures are: precincts, maintenance contracts, vendors or repair squads. */
public enum Grouping {
	PRECINCT, CONTRACT, VENDOR, SQUAD;

	/** The lower-case name the API and the page use ({@code groupBy=vendor}). */
	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Reads {@code groupBy}; missing means precinct. */
	public static Grouping parse(String value) {
		if (value == null || value.isBlank()) {
			return PRECINCT;
		}
		for (Grouping g : values()) {
			if (g.param().equalsIgnoreCase(value.strip())) {
				return g;
			}
		}
		throw new ReportInputException("groupBy", "reporting.error.groupBy", "groupBy must be one of "
				+ Arrays.stream(values()).map(Grouping::param).collect(Collectors.joining(", ")) + ", not '" + value + "'", value);
	}
}
