package io.watchkeeper.placement;

import java.util.List;

/**
 * One pole of the placement queue as the page shows it: what to look for (address, site code, the unit the list
 * named), the cameras that will move, where to start looking and how far the queue has come.
 *
 * @param kind SITE or CAMERA
 * @param id the site's or the camera's id (with {@code kind}, the pole's address in the API)
 * @param code the site code, or the camera's asset tag for a camera alone
 * @param address the site's address, else the first camera address
 * @param precinct the precinct the list named for its cameras (null when none)
 * @param district the district the list named (null when none)
 * @param station the station the list named (null when none)
 * @param cameras the cameras without position that a placement moves
 * @param suggestion where to centre the map first, and why (null: the caller decides)
 * @param skipped when this user last skipped the pole (null: never)
 */
public record QueuedPole(String kind, long id, String code, String address, Area precinct, Area district, Area station,
		List<PoleCamera> cameras, Suggestion suggestion, java.time.Instant skipped) {

	/** A named area: id, code and name in the reader's language. */
	public record Area(long id, String code, String name) {
	}

	/** A camera of the pole. {@code headingDeg} null: no heading; {@code fovDeg} 360: all-round. */
	public record PoleCamera(long id, String assetTag, Integer siteIndex, Integer headingDeg, Integer fovDeg, String lpr,
			String address, String status, long version) {
	}

	/**
	 * Where the map starts: {@code source} ADDRESS (the best address match of the gazetteer: {@code quality} EXACT,
	 * NEAREST, INTERSECTION or ROAD, {@code doorPlate} the door plate or roads it came from, {@code matchStatus}
	 * PROPOSED, APPLIED or REJECTED: a rejected match's point is still a place to start looking), SITE (the site
	 * stands there already: other cameras of it have a position), PRECINCT or DISTRICT (a point inside the named
	 * area; quality, door plate and status null).
	 */
	public record Suggestion(double longitude, double latitude, String source, String quality, String doorPlate,
			String matchStatus) {
	}
}
