package io.watchkeeper.reporting;

import org.springframework.stereotype.Service;

/**
 * Computes the half-year report ({@link HalfYearReport}) and the records behind each figure ({@link HalfYearRecords}).
 * TODO(helper C1): implement.
 */
@Service
public class HalfYearReports {

	/** The report of {@code period} with its maintenance table grouped by {@code grouping}, text included. */
	public HalfYearReport report(HalfYear period, Grouping grouping) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * The records behind figure {@code figure} of {@code period} (at most {@code limit} rows, total always counted).
	 * An unknown figure is a 400 naming {@code figure}.
	 */
	public HalfYearRecords records(HalfYear period, String figure, int limit) {
		throw new UnsupportedOperationException("not yet");
	}
}
