package io.watchkeeper.camera;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the camera registry ({@code watchkeeper.camera.*}).
 *
 * @param countCap the camera list counts matching cameras up to this many and shows "more than" beyond
 * @param maxPageSize the largest page the list and the API hand out
 * @param exportMaxRows the most rows one CSV or GeoJSON export writes
 * @param exactCountLimit beyond the cap the list counts exactly only when the planner expects at most this many
 *        matches; above it the planner's estimate is shown as "about N"
 * @param countTimeout the longest an exact count may take before the estimate is shown instead
 * @param outsideAreaToleranceKm a position farther than this from every precinct (the department's area) is
 *        refused unless the caller confirms it; nearer, outside every precinct, it is saved with a warning (a
 *        camera on the coast or a pier). No precinct loaded, nothing is refused.
 */
@ConfigurationProperties("watchkeeper.camera")
public record CameraProperties(@DefaultValue("1000") int countCap, @DefaultValue("200") int maxPageSize,
		@DefaultValue("1000000") int exportMaxRows, @DefaultValue("100000") long exactCountLimit,
		@DefaultValue("150ms") java.time.Duration countTimeout, @DefaultValue("2") double outsideAreaToleranceKm) {

	public CameraProperties {
		if (!(outsideAreaToleranceKm >= 0)) {
			throw new IllegalArgumentException("watchkeeper.camera.outside-area-tolerance-km must be 0 or more, not "
					+ outsideAreaToleranceKm);
		}
	}
}
