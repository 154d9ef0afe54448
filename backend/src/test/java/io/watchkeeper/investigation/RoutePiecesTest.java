package io.watchkeeper.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.watchkeeper.shared.GeoPoint;

/** A route is cut into pieces of at most 100 m before the corridor look-up; the drawn points stay where they were. */
class RoutePiecesTest {

	@Test
	void longSegmentsAreCutIntoPiecesOfAtMostAHundredMetresAndTheDrawnPointsStay() {
		GeoPoint a = new GeoPoint(120.30, 22.63);
		GeoPoint b = new GeoPoint(120.30, 22.63 + 250 / 110_740.0); // about 250 m north
		GeoPoint c = new GeoPoint(120.30 + 50 / 102_800.0, 22.63 + 250 / 110_740.0); // about 50 m east of b
		List<GeoPoint> pieces = CanvassQueries.pieces(List.of(a, b, c));
		assertThat(pieces).hasSize(5); // a, two points in between, b, c
		assertThat(pieces.get(0)).isEqualTo(a);
		assertThat(pieces.get(3)).isEqualTo(b);
		assertThat(pieces.get(4)).isEqualTo(c);
		for (int k = 1; k < pieces.size(); k++) {
			assertThat(distance(pieces.get(k - 1), pieces.get(k))).isLessThanOrEqualTo(CanvassQueries.PIECE_M);
		}
		assertThat(distance(pieces.get(0), pieces.get(1)))
			.isCloseTo(distance(pieces.get(1), pieces.get(2)), org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void aRepeatedPointStaysAndAShortRouteIsUnchanged() {
		GeoPoint a = new GeoPoint(120.30, 22.63);
		GeoPoint b = new GeoPoint(120.3005, 22.6302);
		assertThat(CanvassQueries.pieces(List.of(a, a, b))).containsExactly(a, a, b);
	}

	private static double distance(GeoPoint a, GeoPoint b) {
		return Vincenty.inverse(a.longitude(), a.latitude(), b.longitude(), b.latitude()).metres();
	}
}
