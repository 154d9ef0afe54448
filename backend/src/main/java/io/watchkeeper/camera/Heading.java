package io.watchkeeper.camera;

import io.watchkeeper.shared.InvalidInputException;

/** The compass direction a camera looks at, in whole degrees clockwise from north: 0 to 359. */
public record Heading(int degrees) {

	public Heading {
		if (degrees < 0 || degrees > 359) {
			throw new InvalidInputException("heading", "heading must be between 0 and 359 degrees, got " + degrees);
		}
	}

	public static Heading of(Integer degrees) {
		return degrees == null ? null : new Heading(degrees);
	}

	/**
	 * Whole degrees from a decimal heading, rounded half up and wrapped: 359.9 is 0 (north), not 360 and not 359.
	 * The one rounding rule of the API and the importer.
	 */
	public static Integer rounded(Double degrees) {
		if (degrees == null) {
			return null;
		}
		if (!Double.isFinite(degrees) || degrees < 0 || degrees > 360) {
			throw new InvalidInputException("heading", "heading must be between 0 and 359 degrees, got " + degrees);
		}
		int whole = (int) Math.floor(degrees + 0.5);
		return whole == 360 ? 0 : whole;
	}

	/** Turns 360 (a full turn, which some lists write for north) into 0; anything else must be in range. */
	public static Heading normalising(int degrees) {
		return new Heading(degrees == 360 ? 0 : degrees);
	}
}
