package io.watchkeeper.camera;

import java.util.Locale;

import io.watchkeeper.shared.GeoPoint;

/**
 * A camera's new position lies farther from the department's area than the tolerance allows, and the
 * person did not confirm it: probably a mistyped coordinate (Taipei for Kaohsiung). The API answers 422,
 * the form asks for confirmation.
 */
public class FarOutsideAreaException extends RuntimeException {

	private final GeoPoint location;

	private final double kilometres;

	private final double toleranceKm;

	FarOutsideAreaException(GeoPoint location, double kilometres, double toleranceKm) {
		super("The location " + location.longitude() + ", " + location.latitude() + " is " + format(kilometres)
				+ " km outside the department's area (more than " + format(toleranceKm) + " km from every precinct)");
		this.location = location;
		this.kilometres = kilometres;
		this.toleranceKm = toleranceKm;
	}

	public GeoPoint location() {
		return location;
	}

	/** Distance to the nearest precinct, to one decimal. */
	public double kilometres() {
		return kilometres;
	}

	public double toleranceKm() {
		return toleranceKm;
	}

	/** A distance as the messages show it: one decimal, no grouping ("276.3"). */
	public static String format(double kilometres) {
		return String.format(Locale.ROOT, "%.1f", kilometres);
	}
}
