package io.watchkeeper.camera;

/**
 * A camera's state, the one rule the list, the camera page, the export, the map and the work orders show, in this
 * precedence: decommissioned and planned (the registry's status); <b>in outage</b> while an outage of the camera is
 * open; <b>faulty</b> while maintenance has it without an open outage (a repair order not yet restored, closed or
 * cancelled); <b>past end of life</b> for a camera in service whose service life has ended; otherwise <b>working</b>.
 *
 * <p>The rule itself is the database function {@code camera_state(status, end_of_life, open_outage, today)} (V138),
 * so every module's SQL uses the same one; this enum names its values and writes its SQL. The database keeps
 * {@code camera.status} FAULTY exactly while an outage or a repair order is open and ACTIVE otherwise (V120), so a
 * camera whose outage closed and whose order was restored is working again everywhere.
 */
public enum CameraState {
	DECOMMISSIONED, PLANNED, OUTAGE, FAULTY, PAST_EOL, WORKING;

	/** An open outage of camera {@code c}, for queries that have not joined it. */
	public static final String OPEN_OUTAGE = "EXISTS (SELECT 1 FROM outage o_s WHERE o_s.camera_id = c.id AND o_s.ended_at IS NULL)";

	/** The state of camera {@code c} on {@code :today} as SQL text (its name), asking {@link #OPEN_OUTAGE}. */
	public static final String SQL = sql(OPEN_OUTAGE);

	/**
	 * The state of camera {@code c} on {@code :today} as SQL text, with {@code openOutage} a condition that holds
	 * when the camera has an open outage (e.g. {@code o.id IS NOT NULL} where the open outage is left joined).
	 */
	public static String sql(String openOutage) {
		return "camera_state(c.status, c.end_of_life, " + openOutage + ", CAST(:today AS date))";
	}

	/**
	 * The condition "camera {@code c} is in this state on {@code :today}": the rule, preceded by the status (and end
	 * of life) that the state implies, so that the camera list's filter is found through its {@code (status,
	 * end_of_life)} index and the rule only checks what the index found.
	 */
	public String where() {
		String implied = switch (this) {
		case DECOMMISSIONED -> "c.status = 'DECOMMISSIONED'";
		case PLANNED -> "c.status = 'PLANNED'";
		case OUTAGE, FAULTY -> "c.status = 'FAULTY'";
		case PAST_EOL -> "c.status = 'ACTIVE' AND c.end_of_life <= :today";
		case WORKING -> "c.status = 'ACTIVE'";
		};
		return "(" + implied + " AND " + SQL + " = '" + name() + "')";
	}
}
