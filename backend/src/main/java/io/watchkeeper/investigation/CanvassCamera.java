package io.watchkeeper.investigation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One camera in a canvass answer (point or route), as answered and as kept in the case's snapshot.
 *
 * @param distanceM geodesic distance from the camera to the incident point (point canvass) or to the route (route)
 * @param bearingDeg bearing from the camera to the point (0 = north, clockwise); for a route, to the nearest point of it
 * @param facing whether the point lies in the camera's field of view
 * @param availability recording in the window, from the outage history
 * @param downIntervals outages clipped to the window
 * @param unknownIntervals parts of the window no health data covers
 * @param retentionDays the camera's footage retention (its own or the city default)
 * @param footageExpiresOn window start + retention days (Asia/Taipei date)
 * @param expired today is past {@code footageExpiresOn}
 * @param alongM route only: distance along the route from its start to the camera's nearest point on it
 * @param offsetM route only: distance from the route (same as distanceM)
 * @param travel route only: whether the camera faces the direction of travel there
 */
public record CanvassCamera(long cameraId, String assetTag, String address, double longitude, double latitude,
		double distanceM, Double bearingDeg, Integer headingDeg, Integer fovDeg, Integer rangeM, Facing facing,
		Availability availability, List<Interval> downIntervals, List<Interval> unknownIntervals, String lpr,
		int retentionDays, LocalDate footageExpiresOn, boolean expired, Double alongM, Double offsetM, Travel travel) {

	/** Whether the incident point lies in the camera's field of view. */
	public enum Facing {
		/** within heading ± half the angle and within range */
		YES,
		/** outside, but within 15° or 10 % of the range of the sector */
		EDGE,
		NO,
		/** the camera has no heading (and is not omnidirectional), or stands exactly on the point (no direction to it) */
		UNKNOWN
	}

	/** Whether the camera was recording in the window, from the outage history. */
	public enum Availability {
		/** the whole window covered by health data, no outage in it */
		RECORDING,
		/** down (or unknown) for part of the window */
		PARTLY,
		/** an outage covers the whole window */
		DOWN,
		/** no health data covers the window */
		UNKNOWN
	}

	/** A route camera's facing relative to the direction of travel where it is. */
	public enum Travel {
		/** faces where travel goes: sees travellers from behind */
		WITH,
		/** faces against travel: sees travellers coming (faces, plates at the front) */
		AGAINST,
		ACROSS,
		/** no heading, or an omnidirectional camera */
		UNKNOWN
	}

	/** A half-open interval [from, to) of time. */
	public record Interval(Instant from, Instant to) {
	}
}
