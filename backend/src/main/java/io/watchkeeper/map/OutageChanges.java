package io.watchkeeper.map;

import java.time.Instant;
import java.util.List;

/**
 * Outages opened (detected) and closed since a moment; poll again with {@code since = now}. A camera listed as
 * closed has no open outage now. {@code truncated}: more changes than one answer carries; reload the view.
 */
record OutageChanges(Instant now, List<Opened> opened, List<Closed> closed, boolean truncated) {

	record Opened(long cameraId, Double lon, Double lat, Instant startedAt) {
	}

	record Closed(long cameraId, Instant endedAt) {
	}
}
