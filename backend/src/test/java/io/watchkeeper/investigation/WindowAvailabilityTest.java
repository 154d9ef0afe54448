package io.watchkeeper.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.watchkeeper.investigation.CanvassCamera.Availability;
import io.watchkeeper.investigation.CanvassCamera.Interval;
import io.watchkeeper.investigation.WindowAvailability.Judged;

class WindowAvailabilityTest {

	static final Duration SILENCE = Duration.ofMinutes(15);
	static final TimeWindow WINDOW = new TimeWindow(t("02:00"), t("04:00"));
	static final Instant FIRST = Instant.parse("2023-01-01T00:00:00Z");
	static final Instant LAST = Instant.parse("2023-12-01T00:00:00Z");

	static Instant t(String hhmm) {
		return Instant.parse("2023-03-30T" + hhmm + ":00Z");
	}

	static Interval i(String from, String to) {
		return new Interval(t(from), to == null ? null : t(to));
	}

	static Judged judge(Interval... outages) {
		return WindowAvailability.judge(WINDOW, List.of(outages), FIRST, LAST, SILENCE);
	}

	@Test
	void outagesAroundTheWindow() {
		assertThat(judge().availability()).isEqualTo(Availability.RECORDING);
		assertThat(judge(i("01:00", "02:00")).availability()).as("ends as the window starts").isEqualTo(Availability.RECORDING);
		assertThat(judge(i("04:00", "05:00")).availability()).as("starts as it ends").isEqualTo(Availability.RECORDING);
		assertThat(judge(i("01:30", "02:30")).down()).containsExactly(i("02:00", "02:30"));
		assertThat(judge(i("02:30", "03:00")).down()).containsExactly(i("02:30", "03:00"));
		assertThat(judge(i("03:30", "05:00")).down()).containsExactly(i("03:30", "04:00"));
		Judged open = judge(i("03:00", null));
		assertThat(open.availability()).isEqualTo(Availability.PARTLY);
		assertThat(open.down()).containsExactly(i("03:00", "04:00"));
		assertThat(judge(i("01:00", null)).availability()).isEqualTo(Availability.DOWN);
		assertThat(judge(i("01:00", "03:00"), i("02:30", "04:30")).availability()).as("two overlapping outages cover it")
			.isEqualTo(Availability.DOWN);
		assertThat(judge(i("01:00", "03:00"), i("02:30", "04:30")).down()).containsExactly(i("02:00", "04:00"));
		assertThat(judge(i("02:10", "02:20"), i("03:00", "03:10")).down()).containsExactly(i("02:10", "02:20"),
				i("03:00", "03:10"));
	}

	@Test
	void unknownWhereNoHealthDataCoversTheWindow() {
		Judged never = WindowAvailability.judge(WINDOW, List.of(), null, null, SILENCE);
		assertThat(never.availability()).isEqualTo(Availability.UNKNOWN);
		assertThat(never.unknown()).containsExactly(i("02:00", "04:00"));
		Judged silent = WindowAvailability.judge(WINDOW, List.of(), FIRST, t("02:50"), SILENCE);
		assertThat(silent.availability()).isEqualTo(Availability.PARTLY);
		assertThat(silent.unknown()).containsExactly(i("03:05", "04:00"));
		Judged late = WindowAvailability.judge(WINDOW, List.of(i("03:30", null)), t("03:00"), t("05:00"), SILENCE);
		assertThat(late.unknown()).containsExactly(i("02:00", "03:00"));
		assertThat(late.down()).containsExactly(i("03:30", "04:00"));
		assertThat(late.availability()).isEqualTo(Availability.PARTLY);
		Judged downWithoutHealth = WindowAvailability.judge(WINDOW, List.of(i("02:30", "03:00")), null, null, SILENCE);
		assertThat(downWithoutHealth.unknown()).as("down time is known time")
			.containsExactly(i("02:00", "02:30"), i("03:00", "04:00"));
		assertThat(downWithoutHealth.availability()).isEqualTo(Availability.PARTLY);
	}

	@Test
	void aSingleInstantIsJudgedAtThatInstant() {
		TimeWindow at = new TimeWindow(t("02:45"), null);
		assertThat(WindowAvailability.judge(at, List.of(i("02:30", "03:00")), FIRST, LAST, SILENCE).availability())
			.isEqualTo(Availability.DOWN);
		assertThat(WindowAvailability.judge(at, List.of(), FIRST, LAST, SILENCE).availability())
			.isEqualTo(Availability.RECORDING);
		assertThat(WindowAvailability.judge(at, List.of(), FIRST, t("02:30"), SILENCE).availability())
			.as("heard 15 minutes before").isEqualTo(Availability.RECORDING);
		assertThat(WindowAvailability.judge(at, List.of(), FIRST, t("02:29"), SILENCE).availability())
			.isEqualTo(Availability.UNKNOWN);
		assertThat(WindowAvailability.judge(at, List.of(), null, null, SILENCE).unknown()).containsExactly(i("02:45", "02:45"));
	}

	@Test
	void minusAndUnion() {
		assertThat(WindowAvailability.minus(List.of(i("02:00", "04:00")), List.of(i("01:00", "02:30"), i("03:00", "03:10"))))
			.containsExactly(i("02:30", "03:00"), i("03:10", "04:00"));
		assertThat(WindowAvailability.union(List.of(i("03:00", "03:10"), i("02:00", "03:00"))))
			.containsExactly(i("02:00", "03:10"));
	}
}
