package io.watchkeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvestigationHistoryTest {

	@Test
	void theDefaultFleetHasTheReportsFigures() {
		assertThat(InvestigationHistory.solvedWithFootage(20_000)).isEqualTo(1_414);
		assertThat(InvestigationHistory.solvedFor(1_414)).isEqualTo(9_427);
	}

	@Test
	void everyFleetFromAThousandCamerasKeepsTheShareAt15Point0Percent() {
		for (int cameras = 1_000; cameras <= 1_000_000; cameras += 997) {
			int useful = InvestigationHistory.solvedWithFootage(cameras);
			int solved = InvestigationHistory.solvedFor(useful);
			assertThat(Math.round(useful * 1000.0 / solved)).as("%d cameras: %d of %d", cameras, useful, solved).isEqualTo(150);
			assertThat(Math.abs(solved - useful * 9_427.0 / 1_414)).as("near the report's ratio").isLessThan(4.0);
		}
	}

	@Test
	void aTinyFleetGetsTheNearestCountWhenNoneRoundsTo15Point0() {
		int useful = InvestigationHistory.solvedWithFootage(100); // 7: 7/46 = 15.2 %, 7/47 = 14.9 %
		assertThat(useful).isEqualTo(7);
		assertThat(InvestigationHistory.solvedFor(useful)).isEqualTo(47);
	}
}
