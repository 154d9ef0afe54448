package io.watchkeeper.camera;

import java.util.List;

/**
 * One page of the camera list.
 *
 * @param page zero-based page number
 * @param hasNext whether another page follows (found by fetching one row more than the page size)
 * @param total number of matching cameras: exact when {@code totalExact}; otherwise see {@code totalKind}
 * @param totalKind EXACT; ESTIMATE (the database planner's estimate, shown as "about N"); or AT_LEAST (a text
 *        search with more matches than the count cap: the total is that lower bound, shown as "more than N")
 * @param lastPage the zero-based number of the last page with cameras (approximate when the total is)
 * @param pastEnd whether the requested page lies beyond the last camera (the page is then empty)
 */
public record CameraPage(List<CameraListItem> items, int page, int size, boolean hasNext, long total,
		boolean totalExact, TotalKind totalKind, int lastPage, boolean pastEnd) {

	public enum TotalKind {
		EXACT, ESTIMATE, AT_LEAST
	}

	static CameraPage of(List<CameraListItem> items, int page, int size, boolean hasNext, long total, TotalKind kind) {
		int last = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (total - 1) / size));
		boolean pastEnd = items.isEmpty() && page > 0;
		return new CameraPage(List.copyOf(items), page, size, hasNext, total, kind == TotalKind.EXACT, kind, last,
				pastEnd);
	}

	public boolean hasPrevious() {
		return page > 0;
	}
}
