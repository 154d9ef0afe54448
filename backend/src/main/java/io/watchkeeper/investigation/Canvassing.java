package io.watchkeeper.investigation;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.GeoPoint;

/**
 * Answers canvasses: the cameras that existed in a time window (installed before it ended, not decommissioned before
 * it began, never planned ones) around an incident point or along a route, with distance, facing, availability from
 * the outage history and footage expiry. Stateless: the case service keeps what it answered as a snapshot.
 * Bad input is refused with {@link io.watchkeeper.shared.InvalidInputException} naming the field.
 */
@Service
@Transactional(readOnly = true)
public class Canvassing {

	public static final int DEFAULT_RADIUS_M = 200;
	public static final int MAX_RADIUS_M = 1_000;
	public static final int DEFAULT_HALF_WIDTH_M = 50;
	public static final int MAX_HALF_WIDTH_M = 300;
	public static final int MAX_ROUTE_POINTS = 500;
	public static final double MAX_ROUTE_LENGTH_M = 50_000;

	/** Cameras within {@code radiusM} of {@code point}, nearest first. */
	public CanvassAnswer around(GeoPoint point, int radiusM, TimeWindow window, boolean lprOnly) {
		throw new UnsupportedOperationException("being built");
	}

	/** Cameras within {@code halfWidthM} of the route, ordered by their position along it from its start. */
	public CanvassAnswer along(List<GeoPoint> route, int halfWidthM, TimeWindow window, boolean lprOnly) {
		throw new UnsupportedOperationException("being built");
	}
}
