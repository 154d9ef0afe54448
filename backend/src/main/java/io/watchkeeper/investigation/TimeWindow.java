package io.watchkeeper.investigation;

import java.time.Duration;
import java.time.Instant;

import io.watchkeeper.shared.InvalidInputException;

/** A canvass's time window: from–to, at most 7 days; a single instant ({@code from == to}) is allowed. */
public record TimeWindow(Instant from, Instant to) {

	public static final Duration LONGEST = Duration.ofDays(7);

	public TimeWindow {
		if (from == null) {
			throw new InvalidInputException("from", "is required");
		}
		if (to == null) {
			to = from;
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "ends before the window starts (" + from + ")");
		}
		if (Duration.between(from, to).compareTo(LONGEST) > 0) {
			throw new InvalidInputException("to", "the window may be at most 7 days long");
		}
	}
}
