package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.watchkeeper.support.TestUsers;

/** An administrator sees who is locked out by the login throttle and clears it (audited); readable audit labels. */
class LockoutAdminIT extends SecurityHttpSupport {

	@Test
	void anAdminSeesALockoutClearsItAndTheAuditLogSaysSoReadably() {
		TestUsers.ensure(jdbc, "it-locked-out", PASSWORD, "VIEWER");
		long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'it-locked-out'", Long.class);
		jdbc.update("""
				INSERT INTO login_throttle (scope, key, failures, locked_until, lockouts)
				VALUES ('USER', 'it-locked-out', 5, now() + interval '10 minutes', 1)
				ON CONFLICT (scope, key) DO UPDATE SET locked_until = EXCLUDED.locked_until""");
		assertThat(new Browser().logIn("it-locked-out", PASSWORD).headers().firstValue("Location").orElse(""))
			.as("locked out").contains("/login");

		Browser admin = loggedIn(user(Role.ADMIN));
		String list = admin.get("/admin/users").body();
		String row = list.substring(list.indexOf(">it-locked-out<"));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("user-locked", "已鎖定");
		HttpResponse<String> page = admin.get("/admin/users/" + id);
		assertThat(page.body()).contains("id=\"locked-until\"", "(+08:00)", "id=\"unlock\"");

		HttpResponse<String> unlock = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/unlock", Map.of());
		assertThat(unlock.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM login_throttle WHERE scope = 'USER' AND key = 'it-locked-out'",
				Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'user.unlocked' AND object_id = 'it-locked-out'",
				Integer.class)).isEqualTo(1);
		assertThat(admin.get("/admin/users/" + id).body()).doesNotContain("id=\"locked-until\"")
			.contains("已解除鎖定");
		loggedIn("it-locked-out");

		String audit = admin.get("/admin/audit?action=user.unlocked").body();
		assertThat(audit).contains("解除登入鎖定", ">user.unlocked<");
		String english = admin.get("/admin/audit?action=user.unlocked&lang=en").body();
		assertThat(english).contains("Lockout cleared");
	}

	@Test
	void theBoundariesPageShowsTaipeiTimeWithItsOffset() {
		String page = loggedIn(user(Role.ADMIN)).get("/admin/boundaries").body();
		assertThat(page).contains("(+08:00)");
	}
}
