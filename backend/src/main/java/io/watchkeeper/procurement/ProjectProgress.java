package io.watchkeeper.procurement;

import java.util.List;

/**
 * How far a project's replacements have come: delivered (its replacement orders closed REPLACED) against planned
 * (its replacement orders not cancelled), with the first of its orders for the page.
 */
record ProjectProgress(long delivered, long planned, List<Order> orders) {

	/** At most this many orders are listed on the project page (the count above them is exact). */
	static final int LISTED = 200;

	ProjectProgress {
		orders = List.copyOf(orders);
	}

	/** One replacement order: the camera it replaces, its state, and the camera it delivered once closed. */
	record Order(long id, long cameraId, String assetTag, String state, Long deliveredCameraId, String deliveredTag) {
	}

	public int percent() {
		return planned == 0 ? 0 : (int) (delivered * 100 / planned);
	}
}
