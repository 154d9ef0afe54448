package io.watchkeeper.placement;

import io.watchkeeper.shared.GeoPoint;

/**
 * A pole was to be placed outside every precinct of the department and the person did not confirm it: probably a
 * slip of the mouse. The API answers 409 with {@code confirm: true}; sending {@code confirmOutside: true} places it.
 */
class OutsideCityException extends RuntimeException {

	private final GeoPoint point;

	OutsideCityException(GeoPoint point) {
		super("The point " + point.longitude() + ", " + point.latitude()
				+ " lies outside every precinct of the department; send confirmOutside: true to place the pole there");
		this.point = point;
	}

	GeoPoint point() {
		return point;
	}
}
