package io.watchkeeper.placement;

import java.util.List;

import io.watchkeeper.placement.QueuedPole.Area;

/** What placing a pole did: the cameras moved, where, and the areas they now lie in (null: outside every one). */
public record PlacedPole(String kind, long id, List<Long> cameraIds, double longitude, double latitude, Area precinct,
		Area district, Area station, Progress progress) {
}
