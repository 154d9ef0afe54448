package io.watchkeeper.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The "cases solved with footage" figures over a hand-worked scenario in the first half of 2001 (ROC 90), far from
 * any other test's data:
 *
 * <pre>
 * case  precinct closed (UTC)            Taipei date  result    requests                       footage
 * S1    A        2001-01-10T04:00Z       01-10        SOLVED    X useful                       yes
 * S2    A        2001-02-10T04:00Z       02-10        SOLVED    X useful                       yes
 * S3    HQ       2001-03-10T04:00Z       03-10        SOLVED    X useful, Y not useful         yes
 * S4    HQ       2001-03-20T04:00Z       03-20        SOLVED    none, set by hand: yes         yes
 * S5    HQ       2001-04-10T04:00Z       04-10        SOLVED    Y useful, set by hand: no      no
 * S6    HQ       2001-06-30T15:59Z       06-30 23:59  SOLVED    X not available (overwritten)  no
 * S7    HQ       2000-12-31T16:30Z       01-01 00:30  SOLVED    X requested, not answered      no
 * S8    HQ       2001-06-30T16:30Z       07-01 00:30  SOLVED    X useful                       yes (second half)
 * U     HQ       2001-05-10T04:00Z       05-10        UNSOLVED  Y useful                       (not solved)
 * </pre>
 *
 * Requests are made a day before the case closes (U's on 05-09). First half: 7 solved, 4 with footage (S1..S4),
 * 57.1 %. Requests made in the first half: useful 6 (S1, S2, S3, S5, U, and S8's, made on 06-30 Taipei time), not
 * useful 1, delivered 7, not available 1, requested 0 (S7's request was made on 2000-12-31); camera X useful 4 times, Y twice.
 */
class CaseFiguresIT extends InvestigationHttp {

	long cameraX;
	long cameraY;

	@BeforeEach
	void scenario() {
		jdbc.update("DELETE FROM footage_request WHERE case_id IN (SELECT id FROM investigation_case WHERE case_number LIKE 'ITCF-%')");
		jdbc.update("DELETE FROM canvass_camera WHERE canvass_id IN (SELECT c.id FROM canvass c JOIN investigation_case ic ON ic.id = c.case_id WHERE ic.case_number LIKE 'ITCF-%')");
		jdbc.update("DELETE FROM canvass WHERE case_id IN (SELECT id FROM investigation_case WHERE case_number LIKE 'ITCF-%')");
		jdbc.update("DELETE FROM investigation_case WHERE case_number LIKE 'ITCF-%'");
		cameraX = camera(120.30, 22.63, 90);
		cameraY = camera(120.31, 22.64, 180);
		solved("S1", precinctA, "2001-01-10T04:00:00Z", null, "X:USEFUL");
		solved("S2", precinctA, "2001-02-10T04:00:00Z", null, "X:USEFUL");
		solved("S3", null, "2001-03-10T04:00:00Z", null, "X:USEFUL", "Y:NOT_USEFUL");
		solved("S4", null, "2001-03-20T04:00:00Z", true);
		solved("S5", null, "2001-04-10T04:00:00Z", false, "Y:USEFUL");
		solved("S6", null, "2001-06-30T15:59:00Z", null, "X:OVERWRITTEN");
		solved("S7", null, "2000-12-31T16:30:00Z", null, "X:REQUESTED");
		solved("S8", null, "2001-06-30T16:30:00Z", null, "X:USEFUL");
		long unsolved = closedCase("U", null, "UNSOLVED", "2001-05-10T04:00:00Z", null);
		request(unsolved, "Y:USEFUL", Instant.parse("2001-05-09T04:00:00Z"));
	}

	@Test
	void theFirstHalfOf2001ByMonth() {
		JsonNode f = figures(ADMIN, "from=2001-01-01&to=2001-06-30&groupBy=month");
		assertThat(f.get("solvedCases").asLong()).isEqualTo(7);
		assertThat(f.get("solvedWithFootage").asLong()).isEqualTo(4);
		assertThat(f.get("share").asString()).isEqualTo("57.1");
		Map<String, long[]> months = new HashMap<>();
		for (JsonNode row : f.get("rows")) {
			months.put(row.get("key").asString(), new long[] { row.get("solvedCases").asLong(), row.get("solvedWithFootage").asLong() });
		}
		assertThat(months).hasSize(6);
		assertThat(months.get("2001-01")).containsExactly(2, 1);
		assertThat(months.get("2001-02")).containsExactly(1, 1);
		assertThat(months.get("2001-03")).containsExactly(2, 2);
		assertThat(months.get("2001-04")).containsExactly(1, 0);
		assertThat(months.get("2001-05")).containsExactly(0, 0);
		assertThat(months.get("2001-06")).containsExactly(1, 0);
		assertThat(f.get("requestsByOutcome").get("USEFUL").asLong()).isEqualTo(6);
		assertThat(f.get("requestsByOutcome").get("NOT_USEFUL").asLong()).isEqualTo(1);
		assertThat(f.get("requestsByState").get("DELIVERED").asLong()).isEqualTo(7);
		assertThat(f.get("requestsByState").get("NOT_AVAILABLE").asLong()).isEqualTo(1);
		assertThat(f.get("requestsByState").get("REQUESTED").asLong()).as("S7's request was made in 2000").isZero();
		assertThat(f.get("notAvailableByReason").get("OVERWRITTEN").asLong()).isEqualTo(1);
		assertThat(f.get("topCameras").get(0).get("cameraId").asLong()).isEqualTo(cameraX);
		assertThat(f.get("topCameras").get(0).get("useful").asLong()).isEqualTo(4);
		assertThat(f.get("topCameras").get(1).get("cameraId").asLong()).isEqualTo(cameraY);
		assertThat(f.get("topCameras").get(1).get("useful").asLong()).isEqualTo(2);
	}

	@Test
	void byHalfYearWithTheRocYearAndByPrecinct() {
		JsonNode halves = figures(ADMIN, "from=2001-01-01&to=2001-12-31&groupBy=half&lang=zh-TW");
		assertThat(halves.get("rows")).hasSize(2);
		assertThat(halves.get("rows").get(0).get("label").asString()).isEqualTo("90年上半年");
		assertThat(halves.get("rows").get(0).get("solvedCases").asLong()).isEqualTo(7);
		assertThat(halves.get("rows").get(0).get("share").asString()).isEqualTo("57.1");
		assertThat(halves.get("rows").get(1).get("label").asString()).isEqualTo("90年下半年");
		assertThat(halves.get("rows").get(1).get("solvedWithFootage").asLong()).isEqualTo(1);
		assertThat(halves.get("rows").get(1).get("share").asString()).isEqualTo("100.0");

		JsonNode precincts = figures(HQ, "from=2001-01-01&to=2001-06-30&groupBy=precinct");
		assertThat(precincts.get("rows")).hasSize(2);
		assertThat(precincts.get("rows").get(0).get("precinctId").isNull()).isTrue();
		assertThat(precincts.get("rows").get(0).get("solvedCases").asLong()).isEqualTo(5);
		assertThat(precincts.get("rows").get(0).get("solvedWithFootage").asLong()).isEqualTo(2);
		assertThat(precincts.get("rows").get(1).get("precinctId").asLong()).isEqualTo(precinctA);
		assertThat(precincts.get("rows").get(1).get("solvedWithFootage").asLong()).isEqualTo(2);

		JsonNode onlyA = figures(ADMIN, "from=2001-01-01&to=2001-06-30&precinctId=" + precinctA);
		assertThat(onlyA.get("solvedCases").asLong()).isEqualTo(2);
		assertThat(onlyA.get("share").asString()).isEqualTo("100.0");
	}

	@Test
	void theSeedsShareRoundsToOneDecimalAndBadParametersAreNamed() {
		assertThat(CaseFigures.share(1414, 9427)).hasToString("15.0");
		assertThat(CaseFigures.share(4, 7)).hasToString("57.1");
		assertThat(CaseFigures.share(0, 0)).isNull();
		assertThat(field(get(ADMIN, "/api/investigation/figures?from=2001-13-01"))).isEqualTo("from");
		assertThat(field(get(ADMIN, "/api/investigation/figures?from=2001-06-01&to=2001-01-01"))).isEqualTo("to");
		assertThat(field(get(ADMIN, "/api/investigation/figures?groupBy=week"))).isEqualTo("groupBy");
		assertThat(get(VIEWER, "/api/investigation/figures").statusCode()).isEqualTo(403);
		assertThat(loggedIn(HQ).get("/cases/figures?from=2001-01-01&to=2001-06-30&lang=en").body())
			.contains("4 of 7 cases solved (57.1 %)");
	}

	@Autowired
	SolvedCases solvedCases;

	/**
	 * The kept per-day sums (V149) behind {@link SolvedCases#solved} equal a recount from the cases and requests after
	 * every kind of change: a useful request added, its outcome changed and deleted, an override set and cleared, a
	 * case closed on another day, moved to another precinct, deleted, and a rebuild asked for.
	 */
	@Test
	void theKeptSumsEqualARecountAfterEveryKindOfChange() {
		assertKeptEqualsRecount("the scenario");
		long s6 = caseId("S6");
		request(s6, "Y:USEFUL", Instant.parse("2001-06-29T04:00:00Z"));
		assertKeptEqualsRecount("a useful request added to S6");
		assertThat(solvedCases.solved(java.time.LocalDate.of(2001, 1, 1), java.time.LocalDate.of(2001, 6, 30)).solvedWithFootage())
			.isEqualTo(5);
		jdbc.update("UPDATE footage_request SET outcome = 'NOT_USEFUL' WHERE case_id = ? AND outcome = 'USEFUL'", s6);
		assertKeptEqualsRecount("S6's request judged not useful");
		jdbc.update("DELETE FROM footage_request WHERE case_id = ?", caseId("S1"));
		assertKeptEqualsRecount("S1's requests deleted");
		jdbc.update("UPDATE investigation_case SET footage_override = NULL, footage_override_reason = NULL WHERE id = ?", caseId("S5"));
		jdbc.update("UPDATE investigation_case SET footage_override = true, footage_override_reason = 'by hand' WHERE id = ?", caseId("S6"));
		assertKeptEqualsRecount("overrides cleared and set");
		jdbc.update("UPDATE investigation_case SET closed_at = timestamptz '2001-07-01 00:00+08' WHERE id = ?", caseId("S2"));
		jdbc.update("UPDATE investigation_case SET precinct_id = ? WHERE id = ?", precinctA, caseId("S3"));
		jdbc.update("UPDATE investigation_case SET state = 'UNSOLVED' WHERE id = ?", caseId("S4"));
		assertKeptEqualsRecount("closed on another day, moved, judged unsolved");
		jdbc.update("DELETE FROM footage_request WHERE case_id = ?", caseId("S8"));
		jdbc.update("DELETE FROM canvass_camera WHERE canvass_id IN (SELECT id FROM canvass WHERE case_id = ?)", caseId("S8"));
		jdbc.update("DELETE FROM canvass WHERE case_id = ?", caseId("S8"));
		jdbc.update("DELETE FROM investigation_case WHERE id = ?", caseId("S8"));
		assertKeptEqualsRecount("S8 deleted");
		jdbc.update("INSERT INTO solved_case_dirty (case_id) VALUES (NULL)");
		assertKeptEqualsRecount("a rebuild");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM solved_case_dirty", Long.class)).as("the queue is folded").isZero();
	}

	private long caseId(String name) {
		return jdbc.queryForObject("SELECT id FROM investigation_case WHERE case_number = ?", Long.class, "ITCF-" + name);
	}

	private void assertKeptEqualsRecount(String after) {
		java.time.LocalDate from = java.time.LocalDate.of(2001, 1, 1);
		java.time.LocalDate to = java.time.LocalDate.of(2001, 6, 30);
		SolvedCases.Counts kept = solvedCases.solved(from, to);
		Map<String, Object> raw = jdbc.queryForMap("""
				SELECT count(*) AS solved, count(*) FILTER (WHERE coalesce(c.footage_override,
				       EXISTS (SELECT 1 FROM footage_request r WHERE r.case_id = c.id AND r.outcome = 'USEFUL'))) AS footage
				  FROM investigation_case c
				 WHERE c.state = 'SOLVED' AND c.closed_at >= timestamptz '2001-01-01 00:00+08'
				   AND c.closed_at < timestamptz '2001-07-01 00:00+08'""");
		assertThat(kept.solved()).as("solved after " + after).isEqualTo(((Number) raw.get("solved")).longValue());
		assertThat(kept.solvedWithFootage()).as("with footage after " + after).isEqualTo(((Number) raw.get("footage")).longValue());
		// every day and precinct, not only the scenario's half year
		assertThat(jdbc.queryForObject("""
				WITH recount AS (
				  SELECT (c.closed_at AT TIME ZONE 'Asia/Taipei')::date AS day, c.precinct_id, count(*) AS solved,
				         count(*) FILTER (WHERE coalesce(c.footage_override, EXISTS (SELECT 1 FROM footage_request r
				                                 WHERE r.case_id = c.id AND r.outcome = 'USEFUL'))) AS with_footage
				    FROM investigation_case c WHERE c.state = 'SOLVED' GROUP BY 1, 2),
				kept AS (SELECT day, precinct_id, solved, with_footage FROM solved_case_day WHERE solved <> 0 OR with_footage <> 0)
				SELECT count(*) FROM ((SELECT * FROM recount EXCEPT ALL SELECT * FROM kept)
				                      UNION ALL (SELECT * FROM kept EXCEPT ALL SELECT * FROM recount)) d""", Long.class))
			.as("kept day rows that differ from a recount after " + after).isZero();
	}

	private JsonNode figures(String user, String query) {
		HttpResponse<String> response = get(user, "/api/investigation/figures?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	private void solved(String name, Long precinct, String closedAt, Boolean override, String... requests) {
		long id = closedCase(name, precinct, "SOLVED", closedAt, override);
		for (String r : requests) {
			request(id, r, Instant.parse(closedAt).minusSeconds(86_400));
		}
	}

	private long closedCase(String name, Long precinct, String state, String closedAt, Boolean override) {
		return jdbc.queryForObject("""
				INSERT INTO investigation_case (case_number, title, incident_from, incident_to, precinct_id, opened_by,
				                                opened_at, state, closed_by, closed_at, footage_override, footage_override_reason)
				VALUES (?, 'scenario', ?::timestamptz - interval '20 days', ?::timestamptz - interval '20 days', ?, 'itc-hq',
				        ?::timestamptz - interval '10 days', ?, 'itc-hq', ?::timestamptz, ?, ?)
				RETURNING id""", Long.class, "ITCF-" + name, closedAt, closedAt, precinct, closedAt, state, closedAt,
				override, override == null ? null : "set by hand in the scenario");
	}

	/** "X:USEFUL", "Y:NOT_USEFUL", "X:OVERWRITTEN" (not available), "X:REQUESTED" (not answered). */
	private void request(long caseId, String spec, Instant requestedAt) {
		long camera = spec.startsWith("X") ? cameraX : cameraY;
		String what = spec.substring(2);
		long canvass = jdbc.queryForObject("""
				INSERT INTO canvass (case_id, kind, run_by, run_at, window_from, window_to, geom, radius_m, parameters,
				                     camera_count, facing_recording, expired_count)
				VALUES (?, 'POINT', 'itc-hq', ?, ?, ?, ST_SetSRID(ST_MakePoint(120.3, 22.63), 4326), 200, '{}', 1, 0, 0)
				RETURNING id""", Long.class, caseId, java.sql.Timestamp.from(requestedAt), java.sql.Timestamp.from(requestedAt),
				java.sql.Timestamp.from(requestedAt));
		jdbc.update("""
				INSERT INTO canvass_camera (canvass_id, camera_id, ordinal, asset_tag, location, distance_m, facing, availability,
				                            lpr, retention_days, footage_expires_on)
				SELECT ?, id, 1, asset_tag, location, 10, 'YES', 'RECORDING', 'NONE', 30, DATE '2001-12-31' FROM camera WHERE id = ?""",
				canvass, camera);
		boolean delivered = what.equals("USEFUL") || what.equals("NOT_USEFUL");
		String state = delivered ? "DELIVERED" : what.equals("OVERWRITTEN") ? "NOT_AVAILABLE" : "REQUESTED";
		java.sql.Timestamp at = java.sql.Timestamp.from(requestedAt);
		jdbc.update("""
				INSERT INTO footage_request (case_id, canvass_id, camera_id, requested_by, requested_at, window_from, window_to,
				                             priority, due_at, footage_expires_on, late, state, not_available_reason,
				                             answered_by, answered_at, outcome)
				VALUES (?, ?, ?, 'itc-hq', ?, ?, ?, 'NORMAL', ?, DATE '2001-12-31', false, ?, ?, ?, ?, ?)""", caseId, canvass,
				camera, at, at, at, at, state, state.equals("NOT_AVAILABLE") ? "OVERWRITTEN" : null,
				state.equals("REQUESTED") ? null : "itc-hq", state.equals("REQUESTED") ? null : at,
				delivered ? what : null);
	}
}
