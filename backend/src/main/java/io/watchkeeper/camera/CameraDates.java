package io.watchkeeper.camera;

import java.time.LocalDate;

/**
 * The one rule for a camera's dates (install date, warranty end), in the API, on the pages and in the importer:
 * years 1950 to 2100. Java reads -0001-01-01 and +10000-01-01 as dates; no camera was installed then.
 */
public final class CameraDates {

	public static final int MIN_YEAR = 1950;

	public static final int MAX_YEAR = 2100;

	private CameraDates() {
	}

	public static boolean inRange(LocalDate date) {
		return date == null || date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
	}

	/** Why {@code date} is refused (naming {@code what}, e.g. "install date"), or null when it is fine. */
	public static String problem(String what, LocalDate date) {
		return inRange(date) ? null
				: what + " must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + date;
	}
}
