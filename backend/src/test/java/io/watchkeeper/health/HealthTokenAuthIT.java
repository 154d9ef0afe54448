package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Machine tokens over real HTTP: who may post observations, revocation, the admin API, the audit trail. */
class HealthTokenAuthIT extends HealthHttpSupport {

	private String oneObservation(String tag) {
		return batch("auth-test", List.<Object[]>of(obs(tag, true, Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS))));
	}

	@Test
	void aValidTokenMayPostAndIsRecordedAsTheSourceAndLastUse() {
		camera("ITHAUTH-01");
		String token = issueToken("ith-auth-valid");
		assertThat(token).startsWith("wkh_").hasSize(47);
		HttpResponse<String> r = postBatch(token, oneObservation("ITHAUTH-01"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		assertThat(read(r).get("accepted").asInt()).isEqualTo(1);
		assertThat(r.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
		assertThat(jdbc.queryForObject("SELECT last_used_at IS NOT NULL FROM machine_token WHERE name = 'ith-auth-valid'",
				Boolean.class)).isTrue();
		// only the hash is stored
		assertThat(jdbc.queryForObject("SELECT count(*) FROM machine_token WHERE token_hash = ? OR token_prefix = ?",
				Integer.class, token, token)).isZero();
	}

	@Test
	void noTokenUnknownTokenAndBasicOfAPersonAreRefused() {
		camera("ITHAUTH-02");
		HttpResponse<String> none = postBatch(null, oneObservation("ITHAUTH-02"));
		assertProblem(none, 401);

		HttpResponse<String> unknown = postBatch("wkh_thisTokenWasNeverIssuedByAnybodyAtAll0000000", oneObservation("ITHAUTH-02"));
		assertProblem(unknown, 401);
		assertThat(unknown.body()).contains("unknown or revoked");
		assertThat(unknown.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");

		HttpResponse<String> garbage = postBatch("not-even-a-token", oneObservation("ITHAUTH-02"));
		assertProblem(garbage, 401);

		HttpResponse<String> viewer = send(request("/api/health/observations").header("Authorization", basic(VIEWER))
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString(oneObservation("ITHAUTH-02"))));
		assertProblem(viewer, 403);
		HttpResponse<String> admin = send(request("/api/health/observations").header("Authorization", basic(ADMIN))
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString(oneObservation("ITHAUTH-02"))));
		assertProblem(admin, 403);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM health_observation h JOIN camera c ON c.id = h.camera_id "
				+ "WHERE c.asset_tag = 'ITHAUTH-02'", Integer.class)).isZero();
	}

	@Test
	void aTokenDoesNotOpenOtherApis() {
		String token = issueToken("ith-auth-scope");
		HttpResponse<String> r = send(request("/api/cameras").header("Authorization", "Bearer " + token).GET());
		assertProblem(r, 401);
		HttpResponse<String> admin = send(request("/api/admin/tokens").header("Authorization", "Bearer " + token).GET());
		assertProblem(admin, 401);
	}

	@Test
	void aRevokedTokenIsRefusedAtOnceAndTheRevocationIsAudited() {
		camera("ITHAUTH-03");
		String token = issueToken("ith-auth-revoked");
		assertThat(postBatch(token, oneObservation("ITHAUTH-03")).statusCode()).isEqualTo(200); // now cached as valid
		long id = jdbc.queryForObject("SELECT id FROM machine_token WHERE name = 'ith-auth-revoked' AND revoked_at IS NULL",
				Long.class);
		HttpResponse<String> revoke = send(request("/api/admin/tokens/" + id + "/revoke").header("Authorization", basic(ADMIN))
			.POST(BodyPublishers.noBody()));
		assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
		assertThat(read(revoke).get("revokedBy").asString()).isEqualTo(ADMIN);

		assertProblem(postBatch(token, oneObservation("ITHAUTH-03")), 401);
		HttpResponse<String> again = send(request("/api/admin/tokens/" + id + "/revoke").header("Authorization", basic(ADMIN))
			.POST(BodyPublishers.noBody()));
		assertProblem(again, 409);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE object_type = 'machine_token' AND object_id = ?"
				+ " AND action IN ('token.issued', 'token.revoked') AND actor = ?", Integer.class, String.valueOf(id), ADMIN))
			.isEqualTo(2);
		HttpResponse<String> list = send(request("/api/admin/tokens").header("Authorization", basic(ADMIN)).GET());
		JsonNode listed = null;
		for (JsonNode t : read(list)) {
			if (t.get("id").asLong() == id) {
				listed = t;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.has("token")).as("the list never shows the token").isFalse();
		assertThat(listed.get("active").asBoolean()).isFalse();
	}

	@Test
	void theTokenAdminApiIsForAdministratorsAndChecksTheName() {
		HttpResponse<String> viewer = send(request("/api/admin/tokens").header("Authorization", basic(VIEWER))
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\": \"x\"}")));
		assertProblem(viewer, 403);
		HttpResponse<String> blank = send(request("/api/admin/tokens").header("Authorization", basic(ADMIN))
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\": \"  \"}")));
		assertProblem(blank, 400);
		assertThat(blank.body()).contains("name");
		issueToken("ith-auth-dup");
		HttpResponse<String> dup = send(request("/api/admin/tokens").header("Authorization", basic(ADMIN))
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\": \"ITH-AUTH-DUP\"}")));
		assertProblem(dup, 400);
		assertThat(dup.body()).contains("active token has this name");
		HttpResponse<String> missing = send(request("/api/admin/tokens/99999999/revoke").header("Authorization", basic(ADMIN))
			.POST(BodyPublishers.noBody()));
		assertProblem(missing, 404);
	}

	private void assertProblem(HttpResponse<String> r, int status) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(read(r).get("status").asInt()).isEqualTo(status);
	}
}
