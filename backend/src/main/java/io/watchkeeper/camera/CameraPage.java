package io.watchkeeper.camera;

import java.util.List;

/**
 * One page of the camera list. The total is counted only up to a cap (see {@code watchkeeper.camera.count-cap}):
 * counting a million rows on every request would cost more than the page itself.
 *
 * @param page zero-based page number
 * @param hasNext whether another page follows (found by fetching one row more than the page size)
 * @param total number of matching cameras, exact when {@code totalExact}, otherwise a lower bound (the cap)
 */
public record CameraPage(List<CameraListItem> items, int page, int size, boolean hasNext, long total,
		boolean totalExact) {

	public boolean hasPrevious() {
		return page > 0;
	}

	/** The last page number, when the total is exact; otherwise -1. */
	public int lastPage() {
		return totalExact ? (int) Math.max(0, (total - 1) / size) : -1;
	}
}
