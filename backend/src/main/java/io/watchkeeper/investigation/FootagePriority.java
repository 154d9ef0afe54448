package io.watchkeeper.investigation;

import java.time.Duration;

/** How urgently footage is wanted, and so when it is due: 48 h, 12 h or 4 h after the request. */
public enum FootagePriority {
	NORMAL(48), URGENT(12), CRITICAL(4);

	private final Duration due;

	FootagePriority(int hours) {
		this.due = Duration.ofHours(hours);
	}

	public Duration due() {
		return due;
	}
}
