package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import io.watchkeeper.support.TestUsers;

/** The audit log keeps what it was told, records logins, and admins can search it on the page and the API. */
class AuditLogIT extends SecurityHttpSupport {

	@Autowired
	AuditLog audit;

	@Test
	void theDatabaseRefusesToUpdateDeleteOrTruncateAuditEvents() {
		audit.record("it-auditor", "camera.updated", "camera", 4711, Map.of("status", List.of("ACTIVE", "FAULTY")),
				"203.0.113.9");
		long id = jdbc.queryForObject("SELECT max(id) FROM audit_event WHERE object_id = '4711'", Long.class);

		assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'someone-else' WHERE id = ?", id))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", id))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event"))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

		Map<String, Object> row = jdbc.queryForMap(
				"SELECT actor, action, details->'status'->>1 AS new_status, remote_addr FROM audit_event WHERE id = ?", id);
		assertThat(row).containsEntry("actor", "it-auditor").containsEntry("action", "camera.updated")
			.containsEntry("new_status", "FAULTY").containsEntry("remote_addr", "203.0.113.9");
	}

	@Test
	void loginsAndFailedLoginsAreAuditedWithUserNameAndAddress() {
		TestUsers.ensure(jdbc, "it-audited", PASSWORD, "VIEWER");
		String address = newAddress();
		assertThat(api("GET", "/api/cameras/access-probe", "it-audited", "wrong", address).statusCode()).isEqualTo(401);
		assertThat(api("GET", "/api/cameras/access-probe", "it-audited", PASSWORD, address).statusCode()).isEqualTo(200);
		assertThat(api("GET", "/api/cameras/access-probe", "it-audited", PASSWORD, address).statusCode()).isEqualTo(200);

		List<Map<String, Object>> events = jdbc.queryForList("""
				SELECT action, actor, object_type, object_id, remote_addr, details->>'reason' AS reason,
				       details->>'method' AS method
				FROM audit_event WHERE object_id = 'it-audited' ORDER BY id""");
		assertThat(events).as("the second API call reuses the verified credentials: not a new login").hasSize(2);
		assertThat(events.get(0)).containsEntry("action", "auth.login_failed").containsEntry("actor", "it-audited")
			.containsEntry("object_type", "user").containsEntry("remote_addr", address)
			.containsEntry("reason", "bad_credentials").containsEntry("method", "basic");
		assertThat(events.get(1)).containsEntry("action", "auth.login").containsEntry("remote_addr", address);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM login_throttle WHERE scope = 'PAIR' AND address = ?",
				Integer.class, address)).as("loopback is a trusted proxy here: the throttle counts the forwarded address")
			.isEqualTo(0); // the success cleared the pair's failure
		assertThat(jdbc.queryForObject("SELECT failures FROM login_throttle WHERE scope = 'ADDRESS' AND key = ?",
				Integer.class, address)).isEqualTo(1);

		Browser browser = new Browser();
		browser.logIn("it-audited", PASSWORD);
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE object_id = 'it-audited' AND action = 'auth.login'
				AND details->>'method' = 'form' AND remote_addr = ?""", Integer.class, browser.address)).isEqualTo(1);
	}

	@Test
	void aDisabledUserCannotLogInAndTheAttemptIsAudited() {
		TestUsers.ensure(jdbc, "it-disabled", PASSWORD, "VIEWER");
		jdbc.update("UPDATE app_user SET enabled = false WHERE username = 'it-disabled'");
		assertThat(api("GET", "/api/cameras/access-probe", "it-disabled", PASSWORD).statusCode()).isEqualTo(401);
		HttpResponse<String> form = new Browser().logIn("it-disabled", PASSWORD);
		assertThat(form.headers().firstValue("Location").orElseThrow()).as("the page does not tell disabled from wrong")
			.endsWith("/login?error");
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE object_id = 'it-disabled' AND action = 'auth.login_failed'
				AND details->>'reason' = 'disabled'""", Integer.class)).isEqualTo(2);
	}

	@Test
	void adminsSearchTheAuditLogThroughTheApi() {
		for (int i = 0; i < 3; i++) {
			audit.record("it-searcher", "camera.updated", "camera", 900 + i, Map.of("model", List.of("A", "B" + i)),
					"203.0.113.7");
		}
		audit.record("it-searcher", "camera.created", "camera", 999, Map.of("assetTag", "LAAA999-01"), "203.0.113.7");

		HttpResponse<String> all = api("GET", "/api/audit?actor=it-searcher", user(Role.ADMIN), PASSWORD);
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains("\"hasNext\":false").contains("LAAA999-01");
		assertThat(all.body().indexOf("camera.created")).as("newest first")
			.isLessThan(all.body().indexOf("camera.updated"));

		HttpResponse<String> prefix = api("GET", "/api/audit?actor=it-searcher&action=camera.upd*&size=2",
				user(Role.ADMIN), PASSWORD);
		assertThat(prefix.body()).contains("\"hasNext\":true").doesNotContain("camera.created");
		assertThat(prefix.body().split("\"action\":\"camera.updated\"", -1)).hasSize(3);

		HttpResponse<String> oneObject = api("GET", "/api/audit?objectType=camera&objectId=901", user(Role.ADMIN),
				PASSWORD);
		assertThat(oneObject.body()).contains("\"objectId\":\"901\"", "B1").doesNotContain("\"objectId\":\"900\"");

		HttpResponse<String> yesterday = api("GET", "/api/audit?actor=it-searcher&to=2000-01-01", user(Role.ADMIN),
				PASSWORD);
		assertThat(yesterday.body()).contains("\"events\":[]");

		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'audit.viewed'"
				+ " AND actor = ? AND details->>'actor' = 'it-searcher'", Integer.class, user(Role.ADMIN)))
			.as("looking at the audit log is itself audited").isEqualTo(3);
	}

	@Test
	void badAuditFiltersAreClearErrorsNotServerErrors() {
		HttpResponse<String> badDate = api("GET", "/api/audit?from=30/06/2023", user(Role.ADMIN), PASSWORD);
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(badDate.body()).contains("\"field\":\"from\"", "2023-06-30");

		HttpResponse<String> backwards = api("GET", "/api/audit?from=2023-06-30&to=2023-01-01", user(Role.ADMIN), PASSWORD);
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("\"field\":\"to\"");

		assertThat(api("GET", "/api/audit?size=5000", user(Role.ADMIN), PASSWORD).statusCode()).isEqualTo(400);
		assertThat(api("GET", "/api/audit?page=-1", user(Role.ADMIN), PASSWORD).statusCode()).isEqualTo(400);
		assertThat(api("GET", "/api/audit?page=abc", user(Role.ADMIN), PASSWORD).statusCode()).isEqualTo(400);
	}

	@Test
	void theAuditPageShowsFilteredEventsReadably() {
		audit.record("it-page", "camera.updated", "camera", 5150, Map.of("status", List.of("ACTIVE", "FAULTY")),
				"203.0.113.8");
		Browser admin = loggedIn(user(Role.ADMIN));
		HttpResponse<String> page = admin.get("/admin/audit?actor=it-page&lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("camera.updated", "ACTIVE → FAULTY", "203.0.113.8", "href=\"/cameras/5150\"");

		HttpResponse<String> invalid = admin.get("/admin/audit?from=yesterday&lang=en");
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("id=\"filter-errors\"", "not a date like 2023-06-30: yesterday");
	}

	@Test
	void theAuditPageNamesActionsAndDetailsInTheReadersLanguageAndKeepsTheCodesAsTooltips() {
		audit.record("it-labels", "work_order.close", "work_order", 12772, Map.of("resolution", "RESTORED_BY_VENDOR"),
				"203.0.113.9");
		audit.record("it-labels", "auth.login", "user", "it-labels", Map.of("method", "form"), "203.0.113.9");
		Browser admin = loggedIn(user(Role.ADMIN));

		String zh = admin.get("/admin/audit?actor=it-labels&lang=zh-TW").body();
		assertThat(zh).contains(">工單結案<", "title=\"work_order.close\"", ">登入<", "title=\"auth.login\"",
				">登入方式<", "title=\"method\"", ">登入表單<", ">處理結果<", ">工單 12772<", "title=\"work_order\"");
		assertThat(zh).doesNotContain("<code class=\"audit-action\"");
		String en = admin.get("/admin/audit?actor=it-labels&lang=en").body();
		assertThat(en).contains(">Work order closed<", ">Logged in<", ">Sign-in method<", ">login form<");

		String api = api("GET", "/api/audit?actor=it-labels", user(Role.ADMIN), PASSWORD).body();
		assertThat(api).as("the API keeps the codes").contains("\"work_order.close\"", "\"method\"", "\"form\"");
	}
}
