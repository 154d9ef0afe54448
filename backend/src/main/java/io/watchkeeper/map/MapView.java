package io.watchkeeper.map;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the map draws in a viewport: clusters (mode {@code clusters}) or cameras (mode {@code cameras}); the other
 * list is empty. {@code total} counts every matching camera in the view; {@code truncated} when the bounding box
 * was clipped to the largest view or the features were capped; {@code bbox} is the box actually answered.
 */
record MapView(int zoom, String mode, long total, boolean truncated, double[] bbox, List<Cluster> clusters,
		List<MapCamera> cameras) {

	/** Cameras of one grid cell, drawn at their mean point, with the count per state and of LPR cameras. */
	record Cluster(double lon, double lat, long count, Map<String, Long> states, long lpr, long realtimeLpr) {
	}

	/** One camera: its state on the map, LPR capability, field of view and since when it is down. */
	record MapCamera(long id, String assetTag, double lon, double lat, String state, String lpr, Integer heading,
			Integer fov, Integer range, Instant outageSince) {
	}
}
