package io.watchkeeper.map;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the map API ({@code watchkeeper.map.*}).
 *
 * @param camerasFromZoom from this zoom on the viewport answers individual cameras, never clusters
 * @param cameraThreshold below this zoom, a view holding at most this many cameras still answers them one by one
 * @param maxFeatures most clusters or cameras in one answer (more: {@code truncated})
 * @param clusterCellPixels the side of a cluster cell in screen pixels (256-pixel tiles)
 * @param maxViewWidth widest view in pixels a request may cover (a wider bounding box is clipped around its centre)
 * @param maxViewHeight tallest view in pixels a request may cover (likewise)
 * @param aggregateMaxZoom up to this zoom (at most 15) clusters without other filters than precinct, district, state
 *        and LPR are summed from the kept per-cell counts ({@code map_cell}); -1: always from the cameras
 * @param aggregateMaxAge a request first brings the per-cell counts up to date with the queued camera and outage
 *        changes when they were last brought up to date longer ago than this (0: every low-zoom request)
 */
@ConfigurationProperties("watchkeeper.map")
public record MapProperties(@DefaultValue("16") int camerasFromZoom, @DefaultValue("2000") int cameraThreshold,
		@DefaultValue("3000") int maxFeatures, @DefaultValue("64") int clusterCellPixels,
		@DefaultValue("3840") int maxViewWidth, @DefaultValue("2160") int maxViewHeight,
		@DefaultValue("15") int aggregateMaxZoom, @DefaultValue("2s") Duration aggregateMaxAge) {

	public MapProperties {
		if (camerasFromZoom < 0 || camerasFromZoom > 22 || cameraThreshold < 0 || maxFeatures < 1
				|| cameraThreshold > maxFeatures || clusterCellPixels < 8 || maxViewWidth < 256 || maxViewHeight < 256
				|| aggregateMaxZoom < -1 || aggregateMaxZoom > 15 || aggregateMaxAge.isNegative()) {
			throw new IllegalArgumentException("watchkeeper.map: cameras-from-zoom 0..22, camera-threshold 0..max-features, "
					+ "cluster-cell-pixels at least 8, max-view-width/height at least 256, "
					+ "aggregate-max-zoom -1..15, aggregate-max-age not negative");
		}
	}
}
