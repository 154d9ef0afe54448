package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The ingestion API over real HTTP: idempotence, outages from reported states, out-of-order arrival, per-item
 * rejections and refusals of whole batches.
 */
class HealthIngestIT extends HealthHttpSupport {

	static String token;
	final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);

	@BeforeEach
	void token() {
		if (token == null) {
			token = issueToken("ith-ingest");
		}
	}

	private Instant at(int minutes) {
		return base.plus(minutes, ChronoUnit.MINUTES);
	}

	private JsonNode ok(String body) {
		HttpResponse<String> r = postBatch(token, body);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return read(r);
	}

	private List<Map<String, Object>> outagesOf(long camera) {
		return jdbc.queryForList("SELECT started_at, ended_at, cause FROM outage WHERE camera_id = ? ORDER BY started_at",
				camera);
	}

	private static Timestamp ts(Instant i) {
		return Timestamp.from(i);
	}

	@Test
	void theSameBatchTwiceChangesNothing() {
		long a = camera("ITHIDEM-01");
		long b = camera("ITHIDEM-02");
		String body = batch("nvr-1", List.<Object[]>of(obs("ITHIDEM-01", true, at(0)), obs("ITHIDEM-01", false, at(5)),
				obs("ithidem-02", false, at(5)), obs("ITHIDEM-02", true, at(9))));
		JsonNode first = ok(body);
		assertThat(first.get("received").asInt()).isEqualTo(4);
		assertThat(first.get("accepted").asInt()).isEqualTo(4);
		assertThat(first.get("rejected").asInt()).isZero();
		Map<String, Object> healthBefore = jdbc.queryForMap("SELECT * FROM camera_health WHERE camera_id = ?", a);

		JsonNode second = ok(body);
		assertThat(second.get("accepted").asInt()).isZero();
		assertThat(second.get("duplicates").asInt()).isEqualTo(4);
		assertThat(jdbc.queryForMap("SELECT * FROM camera_health WHERE camera_id = ?", a)).isEqualTo(healthBefore);
		assertThat(outagesOf(a)).hasSize(1);
		assertThat(outagesOf(a).get(0)).containsEntry("started_at", ts(at(5))).containsEntry("ended_at", null)
			.containsEntry("cause", "REPORTED_DOWN");
		assertThat(outagesOf(b)).hasSize(1);
		assertThat(outagesOf(b).get(0)).containsEntry("started_at", ts(at(5))).containsEntry("ended_at", ts(at(9)));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM health_observation WHERE camera_id IN (?, ?)", Integer.class, a, b))
			.isEqualTo(4);
	}

	@Test
	void downOpensOneOutageAndTheFirstUpAfterItClosesIt() {
		long c = camera("ITHFLOW-01");
		ok(batch("nvr-1", List.<Object[]>of(obs("ITHFLOW-01", true, at(0)), obs("ITHFLOW-01", false, at(10)))));
		ok(batch("nvr-1", List.<Object[]>of(obs("ITHFLOW-01", false, at(11)), obs("ITHFLOW-01", false, at(12)))));
		assertThat(openOutages(c)).isEqualTo(1);
		ok(batch("nvr-1", List.<Object[]>of(obs("ITHFLOW-01", true, at(20)), obs("ITHFLOW-01", true, at(21)),
				obs("ITHFLOW-01", false, at(30)), obs("ITHFLOW-01", true, at(31)), obs("ITHFLOW-01", false, at(40)))));
		List<Map<String, Object>> outages = outagesOf(c);
		assertThat(outages).hasSize(3);
		assertThat(outages.get(0)).containsEntry("started_at", ts(at(10))).containsEntry("ended_at", ts(at(20)));
		assertThat(outages.get(1)).containsEntry("started_at", ts(at(30))).containsEntry("ended_at", ts(at(31)));
		assertThat(outages.get(2)).containsEntry("started_at", ts(at(40))).containsEntry("ended_at", null);
		Map<String, Object> health = jdbc.queryForMap("SELECT up, last_seen_at, state_since, first_seen_at, source "
				+ "FROM camera_health WHERE camera_id = ?", c);
		assertThat(health).containsEntry("up", false).containsEntry("last_seen_at", ts(at(40)))
			.containsEntry("state_since", ts(at(40))).containsEntry("first_seen_at", ts(at(0)))
			.containsEntry("source", "nvr-1");
	}

	@Test
	void anOlderObservationNeverOverridesTheNewerState() {
		long c = camera("ITHOOO-01");
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-01", false, at(20)))));
		// a late "up" from before the down: the camera is still down, the outage still open
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-01", true, at(10)))));
		assertThat(jdbc.queryForObject("SELECT up FROM camera_health WHERE camera_id = ?", Boolean.class, c)).isFalse();
		assertThat(jdbc.queryForObject("SELECT last_seen_at FROM camera_health WHERE camera_id = ?", Timestamp.class, c))
			.isEqualTo(ts(at(20)));
		assertThat(openOutages(c)).isEqualTo(1);
		assertThat(outagesOf(c).get(0)).containsEntry("started_at", ts(at(20)));
		assertThat(jdbc.queryForObject("SELECT first_seen_at FROM camera_health WHERE camera_id = ?", Timestamp.class, c))
			.isEqualTo(ts(at(10)));
	}

	@Test
	void aLateDownInsideOrBeforeAClosedOutageReopensNothing() {
		long c = camera("ITHOOO-02");
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-02", true, at(0)), obs("ITHOOO-02", false, at(20)),
				obs("ITHOOO-02", true, at(40)), obs("ITHOOO-02", true, at(50)))));
		// late "down" inside the closed outage: already known
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-02", false, at(30)))));
		assertThat(outagesOf(c)).hasSize(1);
		assertThat(outagesOf(c).get(0)).containsEntry("started_at", ts(at(20))).containsEntry("ended_at", ts(at(40)));
		// late "down" before it in the same down spell (no "up" in between): the outage began earlier
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-02", false, at(15)))));
		assertThat(outagesOf(c)).hasSize(1);
		assertThat(outagesOf(c).get(0)).containsEntry("started_at", ts(at(15))).containsEntry("ended_at", ts(at(40)));
		assertThat(openOutages(c)).isZero();
		assertThat(jdbc.queryForObject("SELECT up FROM camera_health WHERE camera_id = ?", Boolean.class, c)).isTrue();
	}

	@Test
	void aLateDownBetweenTwoUpsIsRecordedAsAClosedOutageUpToTheNextUp() {
		long c = camera("ITHOOO-03");
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-03", true, at(0)), obs("ITHOOO-03", true, at(30)))));
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-03", false, at(10)), obs("ITHOOO-03", false, at(12)))));
		assertThat(outagesOf(c)).hasSize(1);
		assertThat(outagesOf(c).get(0)).containsEntry("started_at", ts(at(10))).containsEntry("ended_at", ts(at(30)));
		assertThat(openOutages(c)).isZero();
		// and a late down before the first up of all: closed at that first up
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-03", false, at(-5)))));
		assertThat(outagesOf(c)).hasSize(2);
		assertThat(outagesOf(c).get(0)).containsEntry("started_at", ts(at(-5))).containsEntry("ended_at", ts(at(0)));
	}

	@Test
	void aLateDownBeforeAnOpenOutageWidensIt() {
		long c = camera("ITHOOO-04");
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-04", true, at(0)), obs("ITHOOO-04", false, at(20)))));
		ok(batch("nvr-2", List.<Object[]>of(obs("ITHOOO-04", false, at(10)))));
		assertThat(outagesOf(c)).hasSize(1);
		assertThat(outagesOf(c).get(0)).containsEntry("started_at", ts(at(10))).containsEntry("ended_at", null);
	}

	@Test
	void unknownTagsAndBadItemsAreReportedPerItemWhileTheRestIsAccepted() {
		long good = camera("ITHITEM-01");
		long gone = camera("ITHITEM-02");
		jdbc.update("UPDATE camera SET status = 'DECOMMISSIONED', decommissioned_on = current_date WHERE id = ?", gone);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String body = """
				{"source": "nvr-3", "observations": [
				  {"assetTag": "ITHITEM-01", "up": true, "observedAt": "%s"},
				  {"assetTag": "ITH-NO-SUCH-CAMERA", "up": true, "observedAt": "%s"},
				  {"assetTag": "ITHITEM-01", "up": false, "observedAt": "%s"},
				  {"assetTag": "ITHITEM-01", "up": "yes", "observedAt": "%s"},
				  {"assetTag": "ITHITEM-01", "up": true, "observedAt": "yesterday"},
				  {"assetTag": "ITHITEM-01", "up": true},
				  {"up": true, "observedAt": "%s"},
				  {"assetTag": "ITHITEM-01", "up": true, "observedAt": "%s", "colour": "red"},
				  42,
				  {"assetTag": "ITHITEM-01", "up": true, "observedAt": "%s"},
				  {"assetTag": "ITHITEM-01", "up": true, "observedAt": "2026-11-28T08:00:00"},
				  {"assetTag": "ITHITEM-01", "up": true, "observedAt": "%s"},
				  {"assetTag": "ITHITEM-01", "up": true, "observedAt": "%s"},
				  {"assetTag": "ITHITEM-02", "up": false, "observedAt": "%s"}
				]}""".formatted(now.minusSeconds(60), now.minusSeconds(60), now.plus(1, ChronoUnit.HOURS), now.minusSeconds(50),
				now.minusSeconds(40), now.minusSeconds(30), now.minus(400, ChronoUnit.DAYS), now.minusSeconds(60),
				now.plusSeconds(60), now.minusSeconds(20));
		JsonNode r = ok(body);
		assertThat(r.get("received").asInt()).isEqualTo(14);
		assertThat(r.get("accepted").asInt()).as("item 0 and item 12 (a minute ahead: within the tolerance)").isEqualTo(2);
		assertThat(r.get("duplicates").asInt()).as("item 11 repeats item 0").isEqualTo(1);
		assertThat(r.get("rejected").asInt()).isEqualTo(11);
		List<String> reasons = new ArrayList<>();
		List<Integer> indexes = new ArrayList<>();
		for (JsonNode x : r.get("rejections")) {
			indexes.add(x.get("index").asInt());
			reasons.add(x.get("index").asInt() + " " + x.get("assetTag").asString() + ": " + x.get("reason").asString());
		}
		assertThat(indexes).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13);
		assertThat(reasons.get(0)).isEqualTo("1 ITH-NO-SUCH-CAMERA: unknown asset tag");
		assertThat(reasons.get(1)).contains("more than 5 minutes in the future");
		assertThat(reasons.get(2)).contains("up must be true or false");
		assertThat(reasons.get(3)).contains("not an ISO-8601 instant");
		assertThat(reasons.get(4)).contains("observedAt is missing");
		assertThat(reasons.get(5)).contains("assetTag is missing");
		assertThat(reasons.get(6)).contains("unknown field 'colour'");
		assertThat(reasons.get(7)).contains("not an object");
		assertThat(reasons.get(8)).contains("older than the retention of 7 days");
		assertThat(reasons.get(9)).contains("not an ISO-8601 instant");
		assertThat(reasons.get(10)).isEqualTo("13 ITHITEM-02: camera is decommissioned");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM health_observation WHERE camera_id = ?", Integer.class, good))
			.isEqualTo(2);
		assertThat(outages(gone)).isZero();
	}

	@Test
	void contradictingReportsInOneBatchAreAllRejectedAndOpenNoOutage() {
		long c = camera("ITHCONTRA-01");
		JsonNode r = ok(batch("nvr-6", List.<Object[]>of(obs("ITHCONTRA-01", true, at(0)),
				obs("ITHCONTRA-01", false, at(5)), obs("ITHCONTRA-01", true, at(5)))));
		assertThat(r.get("accepted").asInt()).isEqualTo(1);
		assertThat(r.get("rejected").asInt()).isEqualTo(2);
		assertThat(r.get("rejections")).extracting(x -> x.get("index").asInt()).containsExactly(1, 2);
		assertThat(r.get("rejections").get(0).get("reason").asString()).startsWith("contradicts observation 2 of this batch");
		assertThat(r.get("rejections").get(1).get("reason").asString()).startsWith("contradicts observation 1 of this batch");
		assertThat(outagesOf(c)).as("no outage from a down/up pair at one instant").isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM health_observation WHERE camera_id = ?", Integer.class, c))
			.isEqualTo(1);
	}

	@Test
	void aLaterBatchContradictingTheStoredObservationIsRejectedNotADuplicate() {
		long c = camera("ITHCONTRA-02");
		ok(batch("nvr-6", List.<Object[]>of(obs("ITHCONTRA-02", true, at(0)), obs("ITHCONTRA-02", false, at(5)))));
		JsonNode r = ok(batch("nvr-7", List.<Object[]>of(obs("ITHCONTRA-02", false, at(5)), obs("ITHCONTRA-02", false, at(0)),
				obs("ITHCONTRA-02", true, at(6)))));
		assertThat(r.get("accepted").asInt()).isEqualTo(1);
		assertThat(r.get("duplicates").asInt()).as("item 0 repeats the stored report").isEqualTo(1);
		assertThat(r.get("rejected").asInt()).isEqualTo(1);
		JsonNode rejection = r.get("rejections").get(0);
		assertThat(rejection.get("index").asInt()).isEqualTo(1);
		assertThat(rejection.get("assetTag").asString()).isEqualTo("ITHCONTRA-02");
		assertThat(rejection.get("reason").asString())
			.isEqualTo("contradicts the observation stored for this instant, which says up; not taken");
		assertThat(jdbc.queryForObject("SELECT up FROM health_observation WHERE camera_id = ? AND observed_at = ?",
				Boolean.class, c, ts(at(0)))).as("the stored report stays").isTrue();
		assertThat(outagesOf(c)).singleElement().satisfies(o -> assertThat(o).containsEntry("started_at", ts(at(5)))
			.containsEntry("ended_at", ts(at(6))));
	}

	@Test
	void outagesOfAnUnknownCameraAre404AndTheLimitIsChecked() {
		long c = camera("ITHLIMIT-01");
		long unknown = jdbc.queryForObject("SELECT coalesce(max(id), 0) + 1000 FROM camera", Long.class);
		HttpResponse<String> missing = send(request("/api/outages/cameras/" + unknown).header("Authorization", basic(VIEWER)).GET());
		assertProblem(missing, 404, "Camera " + unknown);
		for (String limit : List.of("0", "-1", "201", "1000000")) {
			HttpResponse<String> bad = send(request("/api/outages/cameras/" + c + "?limit=" + limit)
				.header("Authorization", basic(VIEWER)).GET());
			assertProblem(bad, 400, "limit must be between 1 and 200");
		}
		assertProblem(send(request("/api/outages/cameras/" + c + "?limit=lots").header("Authorization", basic(VIEWER)).GET()),
				400, "limit");
		ok(batch("nvr-8", List.<Object[]>of(obs("ITHLIMIT-01", false, at(0)), obs("ITHLIMIT-01", true, at(1)),
				obs("ITHLIMIT-01", false, at(2)), obs("ITHLIMIT-01", true, at(3)))));
		HttpResponse<String> one = send(request("/api/outages/cameras/" + c + "?limit=1").header("Authorization", basic(VIEWER)).GET());
		assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
		assertThat(read(one).get("outages")).hasSize(1);
		assertThat(Instant.parse(read(one).get("outages").get(0).get("startedAt").asString())).isEqualTo(at(2));
		HttpResponse<String> most = send(request("/api/outages/cameras/" + c + "?limit=200").header("Authorization", basic(VIEWER)).GET());
		assertThat(read(most).get("outages")).hasSize(2);
	}

	@Test
	void malformedBatchesAreRefusedAsAWholeWithProblemDetails() {
		assertProblem(postBatch(token, "{\"observations\": [{\"assetTag\": \"ITHX-01\","), 400, "not valid JSON");
		assertProblem(postBatch(token, "[1, 2]"), 400, "must be a JSON object");
		assertProblem(postBatch(token, "{\"observations\": {}}"), 400, "observations must be an array");
		assertProblem(postBatch(token, "{\"observations\": [], \"sauce\": 1}"), 400, "unknown field 'sauce'");
		assertProblem(postBatch(token, "{\"source\": 7, \"observations\": []}"), 400, "source");
		assertProblem(postBatch(token, ""), 400, "body is empty");
		HttpResponse<String> text = send(request("/api/health/observations").header("Authorization", "Bearer " + token)
			.header("Content-Type", "text/plain").POST(BodyPublishers.ofString("{}")));
		assertThat(text.statusCode()).isEqualTo(400);
		// this test context allows 50 per batch
		List<Object[]> many = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			many.add(obs("ITHBIG-01", true, at(i)));
		}
		assertProblem(postBatch(token, batch("nvr-4", many)), 413, "at most 50 observations");
		JsonNode empty = ok("{\"observations\": []}");
		assertThat(empty.get("received").asInt()).isZero();
	}

	@Test
	void outageHistoryAnswersWasTheCameraRecordingAtT() {
		long c = camera("ITHHIST-01");
		long never = camera("ITHHIST-02");
		ok(batch("nvr-5", List.<Object[]>of(obs("ITHHIST-01", true, at(0)), obs("ITHHIST-01", false, at(10)),
				obs("ITHHIST-01", true, at(20)), obs("ITHHIST-01", true, at(100)))));
		HttpResponse<String> r = send(request("/api/outages/cameras/" + c + "?at=" + at(15)).header("Authorization", basic(VIEWER)).GET());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode answer = read(r);
		assertThat(answer.get("recording").get("state").asString()).isEqualTo("DOWN");
		assertThat(answer.get("outages")).hasSize(1);
		assertThat(recording(c, at(5))).isEqualTo("RECORDING");
		assertThat(recording(c, at(10))).isEqualTo("DOWN");
		assertThat(recording(c, at(20))).as("the outage ends at the first up").isEqualTo("RECORDING");
		assertThat(recording(c, at(-1))).as("before its first report").isEqualTo("UNKNOWN");
		assertThat(recording(c, at(100 + 16))).as("silent beyond the threshold").isEqualTo("UNKNOWN");
		assertThat(recording(never, at(5))).isEqualTo("UNKNOWN");
		HttpResponse<String> bad = send(request("/api/outages/cameras/" + c + "?at=noon").header("Authorization", basic(VIEWER)).GET());
		assertThat(bad.statusCode()).isEqualTo(400);
	}

	private String recording(long camera, Instant at) {
		HttpResponse<String> r = send(request("/api/outages/cameras/" + camera + "?at=" + at).header("Authorization", basic(ADMIN)).GET());
		return read(r).get("recording").get("state").asString();
	}

	private void assertProblem(HttpResponse<String> r, int status, String detail) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(read(r).get("detail").asString()).contains(detail);
	}
}
