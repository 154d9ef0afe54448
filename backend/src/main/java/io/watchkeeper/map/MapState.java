package io.watchkeeper.map;

import io.watchkeeper.camera.CameraState;

/**
 * A camera's state on the map: the camera module's one rule ({@link CameraState}), whose values these are, in its
 * precedence: decommissioned, planned, in outage, faulty (a repair order open without an open outage), past end of
 * life, working.
 */
public enum MapState {
	DECOMMISSIONED, PLANNED, OUTAGE, FAULTY, PAST_EOL, WORKING;

	/** The SQL of the state of camera {@code c} with its open outage {@code o} (left joined) on {@code :today}. */
	static final String SQL = CameraState.sql("o.id IS NOT NULL");

	static {
		for (MapState s : values()) {
			if (!s.name().equals(CameraState.values()[s.ordinal()].name())) {
				throw new IllegalStateException("MapState must name CameraState's values in its order: " + s);
			}
		}
	}
}
