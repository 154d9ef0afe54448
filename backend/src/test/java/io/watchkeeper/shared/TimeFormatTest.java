package io.watchkeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TimeFormatTest {

	private final TimeFormat taipei = new TimeFormat(ZoneId.of("Asia/Taipei"));

	@Test
	void showsTaipeiTimeWithItsOffsetWhateverTheInputZone() {
		Instant utc = Instant.parse("2026-11-28T08:26:00Z");
		assertThat(taipei.dateTime(utc)).isEqualTo("2026-11-28 16:26 (+08:00)");
		assertThat(taipei.dateTime(utc.atOffset(ZoneOffset.UTC))).isEqualTo("2026-11-28 16:26 (+08:00)");
		assertThat(taipei.dateTime(OffsetDateTime.parse("2026-11-28T23:59:00-05:00"))).isEqualTo("2026-11-29 12:59 (+08:00)");
		assertThat(taipei.dateTimeSeconds(utc)).isEqualTo("2026-11-28 16:26:00 (+08:00)");
		assertThat(taipei.dateTime(null)).isEmpty();
		assertThat(new TimeFormat(ZoneId.of("UTC")).dateTime(utc)).isEqualTo("2026-11-28 08:26 (+00:00)");
	}
}
