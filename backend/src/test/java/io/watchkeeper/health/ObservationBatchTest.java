package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.watchkeeper.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

class ObservationBatchTest {

	static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
	final JsonMapper json = JsonMapper.builder().build();

	ObservationBatch read(String body) {
		return ObservationBatch.read(json.readTree(body), "token:nvr", NOW, Duration.ofMinutes(5), Duration.ofDays(30), 3);
	}

	@Test
	void readsTagsUpperCasedAndInstantsWithOffsets() {
		ObservationBatch batch = read("""
				{"source": " nvr-7 ", "observations": [
				  {"assetTag": " laaa001-01 ", "up": false, "observedAt": "2026-11-28T15:59:00+08:00"}]}""");
		assertThat(batch.source()).isEqualTo("nvr-7");
		assertThat(batch.observations()).containsExactly(
				new Observation(0, "LAAA001-01", false, Instant.parse("2026-11-28T07:59:00Z")));
		assertThat(batch.rejections()).isEmpty();
	}

	@Test
	void theTokenNameIsTheSourceWhenTheBatchNamesNone() {
		assertThat(read("{\"observations\": []}").source()).isEqualTo("token:nvr");
	}

	@Test
	void theFutureToleranceIsInclusiveAndTheRetentionBoundsThePast() {
		ObservationBatch batch = read("""
				{"observations": [
				  {"assetTag": "A-01", "up": true, "observedAt": "2026-11-28T08:05:00Z"},
				  {"assetTag": "A-01", "up": true, "observedAt": "2026-11-28T08:05:01Z"},
				  {"assetTag": "A-01", "up": true, "observedAt": "2026-10-01T00:00:00Z"}]}""");
		assertThat(batch.observations()).extracting(Observation::index).containsExactly(0);
		assertThat(batch.rejections()).extracting(IngestResult.Rejection::reason)
			.containsExactly("observedAt is more than 5 minutes in the future", "observedAt is older than the retention of 30 days");
	}

	@Test
	void repeatsInOneBatchAreDuplicatesAndEveryReportOfAContradictionIsRejected() {
		ObservationBatch batch = read("""
				{"observations": [
				  {"assetTag": "A-01", "up": true, "observedAt": "2026-11-28T07:00:00Z"},
				  {"assetTag": "a-01", "up": true, "observedAt": "2026-11-28T07:00:00Z"},
				  {"assetTag": "A-01", "up": false, "observedAt": "2026-11-28T07:00:00.000Z"}]}""");
		assertThat(batch.observations()).isEmpty();
		assertThat(batch.duplicates()).isZero();
		assertThat(batch.rejections()).extracting(IngestResult.Rejection::index).containsExactly(0, 1, 2);
		assertThat(batch.rejections()).extracting(IngestResult.Rejection::reason).containsExactly(
				"contradicts observation 2 of this batch (same camera and time); none of them is taken",
				"contradicts observation 2 of this batch (same camera and time); none of them is taken",
				"contradicts observations 0, 1 of this batch (same camera and time); none of them is taken");
	}

	@Test
	void aDownUpPairAtOneInstantIsRejectedWholeAndTheRestOfTheBatchIsTaken() {
		ObservationBatch batch = ObservationBatch.read(json.readTree("""
				{"observations": [
				  {"assetTag": "B-01", "up": true, "observedAt": "2026-11-28T06:00:00Z"},
				  {"assetTag": "A-01", "up": false, "observedAt": "2026-11-28T07:00:00Z"},
				  {"assetTag": "B-01", "up": true, "observedAt": "2026-11-28T06:00:00Z"},
				  {"assetTag": "A-01", "up": true, "observedAt": "2026-11-28T07:00:00Z"},
				  {"assetTag": "A-01", "up": true, "observedAt": "2026-11-28T07:01:00Z"}]}"""), "token:nvr", NOW,
				Duration.ofMinutes(5), Duration.ofDays(30), 10);
		assertThat(batch.observations()).extracting(Observation::index).containsExactly(0, 4);
		assertThat(batch.duplicates()).isEqualTo(1);
		assertThat(batch.rejections()).extracting(IngestResult.Rejection::index).containsExactly(1, 3);
		assertThat(batch.rejections()).allSatisfy(r -> assertThat(r.assetTag()).isEqualTo("A-01"));
	}

	@Test
	void badTagsAreRejectedPerItem() {
		ObservationBatch batch = read("""
				{"observations": [
				  {"assetTag": "has space", "up": true, "observedAt": "2026-11-28T07:00:00Z"},
				  {"assetTag": 12, "up": true, "observedAt": "2026-11-28T07:00:00Z"},
				  {"assetTag": "A-01", "up": null, "observedAt": 1764316800}]}""");
		assertThat(batch.rejections()).extracting(IngestResult.Rejection::reason).containsExactly(
				"assetTag is not a valid asset tag (letters, digits and . _ / -, at most 40)", "assetTag must be a string",
				"up must be true or false");
	}

	@Test
	void wholeBatchProblemsAreRefused() {
		assertThatThrownBy(() -> read("[]")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> read("{\"source\": \"x\"}")).hasMessageContaining("observations must be an array");
		assertThatThrownBy(() -> read("{\"observations\": [], \"extra\": true}")).hasMessageContaining("unknown field 'extra'");
		assertThatThrownBy(() -> read("{\"source\": \"" + "s".repeat(101) + "\", \"observations\": []}"))
			.hasMessageContaining("longer than 100");
		assertThatThrownBy(() -> read("{\"observations\": [{}, {}, {}, {}]}")).isInstanceOf(ObservationBatch.TooLarge.class)
			.hasMessageContaining("at most 3");
	}

	@Test
	void aControlCharacterInTheSourceIsRefusedNamingTheField() {
		assertThatThrownBy(() -> read("{\"source\": \"nvr\\u0000-07\", \"observations\": []}"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				org.assertj.core.api.Assertions.assertThat(e.fieldErrors().get(0).field()).isEqualTo("source");
				org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("U+0000");
			});
	}

	@Test
	void durationsAreDescribedInWords() {
		assertThat(ObservationBatch.describe(Duration.ofMinutes(5))).isEqualTo("5 minutes");
		assertThat(ObservationBatch.describe(Duration.ofDays(1))).isEqualTo("1 day");
		assertThat(ObservationBatch.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
	}
}
