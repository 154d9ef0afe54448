package io.watchkeeper.map;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The popup of one camera on the map.
 *
 * @param workOrder its open work order; null when it has none or the caller may not see it
 * @param workOrderVisible whether the caller may see the camera's work order at all (so that "none" is not said
 *        to someone who is only not shown it)
 */
record CameraFacts(long id, String assetTag, String address, Double lon, Double lat, Area precinct, Area district,
		String status, String state, String lpr, LocalDate installDate, LocalDate endOfLife, Integer heading, Integer fov,
		Integer range, String make, String model, Instant outageSince, OpenOrder workOrder, boolean workOrderVisible,
		List<PastOutage> recentOutages) {

	/** The same facts without the work order, for callers who may not see it. */
	CameraFacts withoutWorkOrder() {
		return new CameraFacts(id, assetTag, address, lon, lat, precinct, district, status, state, lpr, installDate, endOfLife,
				heading, fov, range, make, model, outageSince, null, false, recentOutages);
	}

	record Area(String code, String nameZh, String nameEn) {
	}

	/** The camera's open work order, with whom it is assigned to (null names while unassigned). */
	record OpenOrder(long id, String kind, String state, String priority, String assigneeKind, String assigneeNameZh,
			String assigneeNameEn) {
	}

	/** One of the camera's latest outages; {@code endedAt} null while open. */
	record PastOutage(Instant startedAt, Instant endedAt, String cause) {
	}
}
