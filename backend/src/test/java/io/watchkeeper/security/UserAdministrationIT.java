package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.watchkeeper.support.TestUsers;

/** Administrators manage users on the /admin/users pages; every change is audited and takes effect at once. */
class UserAdministrationIT extends SecurityHttpSupport {

	static Map<String, String> newUser(String username, String password) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("displayName", "陳小明");
		fields.put("roles", "INVESTIGATOR");
		fields.put("vendorId", "");
		fields.put("precinctId", "");
		fields.put("password", password);
		fields.put("passwordRepeat", password);
		return fields;
	}

	long idOf(String username) {
		return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
	}

	@Test
	void anAdminCreatesAUserWhoCanThenLogIn() {
		Browser admin = loggedIn(user(Role.ADMIN));
		HttpResponse<String> created = admin.submit("/admin/users/new", "/admin/users",
				newUser("it-new-investigator", "a long enough password"));
		assertThat(created.statusCode()).isEqualTo(302);
		long id = idOf("it-new-investigator");
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users/" + id);
		assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, id))
			.as("stored as a bcrypt hash").startsWith("{bcrypt}$2");
		assertThat(jdbc.queryForList("SELECT role FROM app_user_role WHERE user_id = ?", String.class, id))
			.containsExactly("INVESTIGATOR");
		assertThat(api("GET", "/api/cameras/access-probe", "it-new-investigator", "a long enough password").statusCode())
			.isEqualTo(200);
		Map<String, Object> event = jdbc.queryForMap("""
				SELECT actor, details->>'displayName' AS name, details->'roles'->>0 AS role, details::text AS details
				FROM audit_event WHERE action = 'user.created' AND object_id = 'it-new-investigator'""");
		assertThat(event).containsEntry("actor", user(Role.ADMIN)).containsEntry("name", "陳小明")
			.containsEntry("role", "INVESTIGATOR");
		assertThat((String) event.get("details")).as("never the password").doesNotContain("a long enough password");

		assertThat(admin.get("/admin/users?lang=en").body()).contains("it-new-investigator", "Investigator");
	}

	@Test
	void invalidNewUsersAreShownWithTheReasonNextToTheField() {
		Browser admin = loggedIn(user(Role.ADMIN));
		Map<String, String> shortPassword = newUser("it-short", "short");
		HttpResponse<String> page = admin.submit("/admin/users/new?lang=en", "/admin/users", shortPassword);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("The password must have at least 12 characters.");

		Map<String, String> noRole = newUser("it-no-role", "a long enough password");
		noRole.remove("roles");
		assertThat(admin.submit("/admin/users/new?lang=zh-TW", "/admin/users", noRole).body()).contains("請至少選擇一個角色");

		Map<String, String> taken = newUser(user(Role.VIEWER).toUpperCase(), "a long enough password");
		assertThat(admin.submit("/admin/users/new?lang=en", "/admin/users", taken).body())
			.contains("is already taken");

		Map<String, String> technicianWithoutVendor = newUser("it-tech", "a long enough password");
		technicianWithoutVendor.put("roles", "VENDOR_TECHNICIAN");
		assertThat(admin.submit("/admin/users/new?lang=en", "/admin/users", technicianWithoutVendor).body())
			.contains("A vendor technician needs the vendor they work for.");

		Map<String, String> badRole = newUser("it-bad-role", "a long enough password");
		badRole.put("roles", "SUPERUSER");
		HttpResponse<String> bad = admin.submit("/admin/users/new?lang=en", "/admin/users", badRole);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Unknown role.");

		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username IN"
				+ " ('it-short', 'it-no-role', 'it-tech', 'it-bad-role')", Integer.class)).isZero();
	}

	@Test
	void disablingAUserEndsItsSessionAndRefusesItsPassword() {
		TestUsers.ensure(jdbc, "it-leaver", PASSWORD, "DISPATCHER");
		Browser leaver = loggedIn("it-leaver");
		assertThat(api("GET", "/api/cameras/access-probe", "it-leaver", PASSWORD).statusCode()).isEqualTo(200);
		long id = idOf("it-leaver");

		Browser admin = loggedIn(user(Role.ADMIN));
		HttpResponse<String> disabled = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/enabled",
				Map.of("enabled", "false"));
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("SELECT enabled FROM app_user WHERE id = ?", Boolean.class, id)).isFalse();

		HttpResponse<String> expired = leaver.get("/cameras/access-probe");
		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(expired.headers().firstValue("Location").orElseThrow()).contains("/login?expired");
		assertThat(api("GET", "/api/cameras/access-probe", "it-leaver", PASSWORD).statusCode())
			.as("the cached API credentials are forgotten too").isEqualTo(401);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'user.disabled'"
				+ " AND object_id = 'it-leaver'", Integer.class)).isEqualTo(1);

		admin.submit("/admin/users/" + id, "/admin/users/" + id + "/enabled", Map.of("enabled", "true"));
		assertThat(api("GET", "/api/cameras/access-probe", "it-leaver", PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void resettingAPasswordReplacesTheOldOne() {
		TestUsers.ensure(jdbc, "it-reset", PASSWORD, "VIEWER");
		assertThat(api("GET", "/api/cameras/access-probe", "it-reset", PASSWORD).statusCode()).isEqualTo(200);
		long id = idOf("it-reset");
		Browser admin = loggedIn(user(Role.ADMIN));

		HttpResponse<String> mismatch = admin.submit("/admin/users/" + id + "?lang=en",
				"/admin/users/" + id + "/password", Map.of("password", "new password 2023", "passwordRepeat", "other"));
		assertThat(mismatch.body()).contains("The two passwords differ.");

		HttpResponse<String> reset = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/password",
				Map.of("password", "new password 2023", "passwordRepeat", "new password 2023"));
		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(api("GET", "/api/cameras/access-probe", "it-reset", PASSWORD).statusCode()).isEqualTo(401);
		assertThat(api("GET", "/api/cameras/access-probe", "it-reset", "new password 2023").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'user.password_reset'"
				+ " AND object_id = 'it-reset' AND details::text NOT LIKE '%new password%'", Integer.class)).isEqualTo(1);
	}

	@Test
	void changingRolesIsAuditedAsOldAndNew() {
		TestUsers.ensure(jdbc, "it-promoted", PASSWORD, "VIEWER");
		long id = idOf("it-promoted");
		Browser admin = loggedIn(user(Role.ADMIN));
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("displayName", "Promoted");
		fields.put("roles", "DISPATCHER");
		HttpResponse<String> saved = admin.submit("/admin/users/" + id, "/admin/users/" + id, fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("""
				SELECT details->'roles'::text FROM audit_event
				WHERE action = 'user.updated' AND object_id = 'it-promoted'""", String.class))
			.isEqualTo("[[\"VIEWER\"], [\"DISPATCHER\"]]");
		assertThat(api("POST", "/api/cameras/access-probe", "it-promoted", PASSWORD).statusCode())
			.as("the new role counts at once").isEqualTo(200);
	}

	@Test
	void anAdminCannotLockThemselvesOut() {
		TestUsers.ensure(jdbc, "it-lone-admin", PASSWORD, "ADMIN");
		long id = idOf("it-lone-admin");
		Browser self = loggedIn("it-lone-admin");
		HttpResponse<String> disable = self.submit("/admin/users/" + id, "/admin/users/" + id + "/enabled",
				Map.of("enabled", "false"));
		assertThat(disable.statusCode()).isEqualTo(302);
		assertThat(self.get("/admin/users/" + id + "?lang=en").body()).contains("You cannot disable your own account.");
		assertThat(jdbc.queryForObject("SELECT enabled FROM app_user WHERE id = ?", Boolean.class, id)).isTrue();

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("displayName", "Lone admin");
		fields.put("roles", "VIEWER");
		HttpResponse<String> demote = self.submit("/admin/users/" + id + "?lang=en", "/admin/users/" + id, fields);
		assertThat(demote.statusCode()).isEqualTo(200);
		assertThat(demote.body()).contains("You cannot take the administrator role from yourself");
	}

	@Test
	void unknownUsersAreNotFound() {
		Browser admin = loggedIn(user(Role.ADMIN));
		assertThat(admin.get("/admin/users/987654").statusCode()).isEqualTo(404);
		assertThat(admin.get("/admin/users/not-a-number").statusCode()).isEqualTo(400);
	}
}
