package io.watchkeeper.maintenance;

/** A contract's response and restore targets in hours (the configured defaults where no contract applies). */
record SlaTargets(int responseHours, int restoreHours) {

	SlaTargets {
		if (responseHours <= 0 || restoreHours <= 0) {
			throw new IllegalArgumentException("SLA targets must be positive hours");
		}
	}
}
