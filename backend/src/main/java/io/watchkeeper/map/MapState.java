package io.watchkeeper.map;

/**
 * A camera's state on the map, one per camera, in this precedence: decommissioned, planned (by status), in
 * outage (an open outage), faulty (status without an open outage), past end of life (in service), working.
 * The database keeps the status by maintenance's records (V120: FAULTY while an outage or a repair order is open),
 * so "faulty" here is a camera whose repair order is still open after its picture came back.
 */
public enum MapState {
	DECOMMISSIONED, PLANNED, OUTAGE, FAULTY, PAST_EOL, WORKING;

	/** The SQL of the state of camera {@code c} with its open outage {@code o} (left joined) on {@code :today}. */
	static final String SQL = """
			CASE WHEN c.status = 'DECOMMISSIONED' THEN 'DECOMMISSIONED' WHEN c.status = 'PLANNED' THEN 'PLANNED' \
			WHEN o.id IS NOT NULL THEN 'OUTAGE' WHEN c.status = 'FAULTY' THEN 'FAULTY' \
			WHEN c.end_of_life <= :today THEN 'PAST_EOL' ELSE 'WORKING' END""";
}
