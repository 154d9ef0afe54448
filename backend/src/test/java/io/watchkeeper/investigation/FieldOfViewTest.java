package io.watchkeeper.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.watchkeeper.investigation.CanvassCamera.Facing;
import io.watchkeeper.investigation.CanvassCamera.Travel;

class FieldOfViewTest {

	@Test
	void anglesAreComparedTheShortWayRoundAcrossNorth() {
		assertThat(FieldOfView.difference(350, 10)).isEqualTo(20);
		assertThat(FieldOfView.difference(10, 350)).isEqualTo(20);
		assertThat(FieldOfView.difference(0, 180)).isEqualTo(180);
		assertThat(FieldOfView.difference(359.5, 0.5)).isEqualTo(1);
	}

	@Test
	void facingAcrossTheWrap() {
		// bearing 5°, camera heading 340° with 60°: 25° off, inside the half angle of 30°
		assertThat(FieldOfView.facing(5.0, 50, 340, 60, 100, 60)).isEqualTo(Facing.YES);
		assertThat(FieldOfView.facing(355.0, 50, 20, 60, 100, 60)).isEqualTo(Facing.YES);
		// 40° off: within 15° of the sector's edge
		assertThat(FieldOfView.facing(20.0, 50, 340, 60, 100, 60)).isEqualTo(Facing.EDGE);
		// 46° off: beyond the edge margin
		assertThat(FieldOfView.facing(26.0, 50, 340, 60, 100, 60)).isEqualTo(Facing.NO);
	}

	@Test
	void edgeByRangeAndNotByBoth() {
		assertThat(FieldOfView.facing(90.0, 100, 90, 60, 100, 60)).isEqualTo(Facing.YES);
		assertThat(FieldOfView.facing(90.0, 109, 90, 60, 100, 60)).isEqualTo(Facing.EDGE);
		assertThat(FieldOfView.facing(90.0, 111, 90, 60, 100, 60)).isEqualTo(Facing.NO);
		assertThat(FieldOfView.facing(130.0, 109, 90, 60, 100, 60)).as("near in angle and in range: still EDGE")
			.isEqualTo(Facing.EDGE);
		assertThat(FieldOfView.facing(90.0, 5_000, 90, 60, null, 60)).as("no range: in range").isEqualTo(Facing.YES);
	}

	@Test
	void omnidirectionalUnknownHeadingAndDefaultAngle() {
		assertThat(FieldOfView.facing(200.0, 50, null, 360, 100, 60)).isEqualTo(Facing.YES);
		assertThat(FieldOfView.facing(200.0, 105, 10, 360, 100, 60)).isEqualTo(Facing.EDGE);
		assertThat(FieldOfView.facing(200.0, 150, 10, 360, 100, 60)).isEqualTo(Facing.NO);
		assertThat(FieldOfView.facing(200.0, 50, null, 60, 100, 60)).isEqualTo(Facing.UNKNOWN);
		assertThat(FieldOfView.facing(null, 0, 90, 60, 100, 60)).as("the camera's own place").isEqualTo(Facing.UNKNOWN);
		// no angle recorded: the default (here 60°, then 120°) decides
		assertThat(FieldOfView.facing(135.0, 50, 90, null, 100, 60)).isEqualTo(Facing.EDGE);
		assertThat(FieldOfView.facing(135.0, 50, 90, null, 100, 120)).isEqualTo(Facing.YES);
	}

	@Test
	void travelWithAgainstAcross() {
		assertThat(FieldOfView.travel(10, 60, 350)).isEqualTo(Travel.WITH);
		assertThat(FieldOfView.travel(170, 60, 350)).isEqualTo(Travel.AGAINST);
		assertThat(FieldOfView.travel(80, 60, 350)).isEqualTo(Travel.ACROSS);
		assertThat(FieldOfView.travel(35, 60, 350)).as("45° exactly").isEqualTo(Travel.WITH);
		assertThat(FieldOfView.travel(36, 60, 350)).isEqualTo(Travel.ACROSS);
		assertThat(FieldOfView.travel(null, 60, 350)).isEqualTo(Travel.UNKNOWN);
		assertThat(FieldOfView.travel(10, 360, 350)).isEqualTo(Travel.UNKNOWN);
	}
}
