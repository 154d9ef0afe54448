package io.watchkeeper.investigation;

import java.time.Instant;
import java.util.List;

/**
 * A canvass as answered: the cameras (nearest first for a point, by position along the route for a route) and the
 * summary line.
 *
 * @param answeredAt when it was answered (the snapshot's time)
 * @param facingAndRecording cameras facing the point (YES or EDGE; on a route: facing with or against travel) that
 *        recorded the whole window or part of it (RECORDING or PARTLY)
 * @param expired cameras whose footage is past its expiry date
 */
public record CanvassAnswer(Instant answeredAt, TimeWindow window, List<CanvassCamera> cameras, int facingAndRecording,
		int expired) {

	public int found() {
		return cameras.size();
	}
}
