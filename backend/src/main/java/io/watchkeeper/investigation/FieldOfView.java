package io.watchkeeper.investigation;

import io.watchkeeper.investigation.CanvassCamera.Facing;
import io.watchkeeper.investigation.CanvassCamera.Travel;

/**
 * Whether a place lies in a camera's field of view (heading ± half the angle, within range), and which way a camera
 * looks relative to the direction of travel on a route. Angles are compass degrees (0 = north, clockwise); the
 * difference of two is taken the short way round, so 350° and 10° are 20° apart.
 */
final class FieldOfView {

	/** EDGE: this far outside the sector's angle. */
	static final double EDGE_DEGREES = 15;
	/** EDGE: this share of the range beyond it. */
	static final double EDGE_RANGE_SHARE = 0.10;
	/** WITH or AGAINST travel: within this of the direction of travel or of its opposite. */
	static final double TRAVEL_DEGREES = 45;

	private FieldOfView() {
	}

	/**
	 * @param bearingDeg bearing from the camera to the place; null when the place is the camera's own (no direction)
	 * @param headingDeg the camera's heading; null when not recorded
	 * @param fovDeg its field of view; null: {@code defaultFovDeg}; 360: omnidirectional
	 * @param rangeM its range; null: the place counts as in range
	 */
	static Facing facing(Double bearingDeg, double distanceM, Integer headingDeg, Integer fovDeg, Integer rangeM,
			int defaultFovDeg) {
		boolean inRange = rangeM == null || distanceM <= rangeM;
		boolean nearRange = rangeM == null || distanceM <= rangeM * (1 + EDGE_RANGE_SHARE);
		int fov = fovDeg == null ? defaultFovDeg : fovDeg;
		if (fov >= 360) {
			return inRange ? Facing.YES : nearRange ? Facing.EDGE : Facing.NO;
		}
		if (headingDeg == null || bearingDeg == null) {
			return Facing.UNKNOWN;
		}
		double off = difference(bearingDeg, headingDeg);
		if (off <= fov / 2.0 && inRange) {
			return Facing.YES;
		}
		if (off <= fov / 2.0 + EDGE_DEGREES && nearRange) {
			return Facing.EDGE;
		}
		return Facing.NO;
	}

	/** Which way the camera looks relative to travel heading {@code travelDeg} (the route segment's azimuth). */
	static Travel travel(Integer headingDeg, Integer fovDeg, double travelDeg) {
		if (headingDeg == null || (fovDeg != null && fovDeg >= 360)) {
			return Travel.UNKNOWN;
		}
		double off = difference(headingDeg, travelDeg);
		if (off <= TRAVEL_DEGREES) {
			return Travel.WITH;
		}
		if (off >= 180 - TRAVEL_DEGREES) {
			return Travel.AGAINST;
		}
		return Travel.ACROSS;
	}

	/** The angle between two compass directions, 0..180. */
	static double difference(double a, double b) {
		double d = Math.abs(a - b) % 360;
		return d > 180 ? 360 - d : d;
	}
}
