package io.watchkeeper.map;

import org.springframework.stereotype.Service;

/**
 * The map's kept per-cell counts, for the scheduler: brings them up to date with the queued camera and outage
 * changes (or rebuilds them when a rebuild is queued), so that the queue stays short while nobody looks at the map
 * and the first look after a quiet night is quick. Requests do the same on their own; this only keeps up.
 */
@Service
public class MapCounts {

	private final MapCells cells;

	MapCounts(MapCells cells) {
		this.cells = cells;
	}

	/** Applies what is queued; returns what was done (for the job's run record). */
	public String bringUpToDate() {
		return cells.keepUp();
	}
}
