package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.watchkeeper.support.TestUsers;

/**
 * An administrator sees which addresses and browsers the login throttle has locked for a user, and clears them
 * (audited); readable audit labels.
 */
class LockoutAdminIT extends SecurityHttpSupport {

	@Test
	void anAdminSeesALockoutClearsItAndTheAuditLogSaysSoReadably() {
		TestUsers.ensure(jdbc, "it-locked-out", PASSWORD, "VIEWER");
		long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'it-locked-out'", Long.class);
		String address = newAddress();
		jdbc.update("""
				INSERT INTO login_throttle (scope, key, username, address, failures, locked_until, lockouts)
				VALUES ('PAIR', ?, 'it-locked-out', ?, 5, now() + interval '10 minutes', 1)""",
				LoginThrottle.pairKey("it-locked-out", address), address);
		assertThat(new Browser(address).logIn("it-locked-out", PASSWORD).headers().firstValue("Location").orElse(""))
			.as("locked out at that address").contains("/login?locked=");

		Browser admin = loggedIn(user(Role.ADMIN));
		String list = admin.get("/admin/users").body();
		String row = list.substring(list.indexOf(">it-locked-out<"));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("user-locked", "已鎖定");
		HttpResponse<String> page = admin.get("/admin/users/" + id);
		assertThat(page.body()).contains("id=\"locked-until\"", "(+08:00)", "id=\"unlock\"", address);

		HttpResponse<String> unlock = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/unlock", Map.of());
		assertThat(unlock.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM login_throttle WHERE username = 'it-locked-out'",
				Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'user.unlocked' AND object_id = 'it-locked-out'",
				Integer.class)).isEqualTo(1);
		assertThat(admin.get("/admin/users/" + id).body()).doesNotContain("id=\"locked-until\"")
			.contains("已解除鎖定");
		assertThat(new Browser(address).logIn("it-locked-out", PASSWORD).headers().firstValue("Location").orElse(""))
			.as("unlocked at that address").doesNotContain("/login");

		String audit = admin.get("/admin/audit?action=user.unlocked").body();
		assertThat(audit).contains(">解除登入鎖定<", "title=\"user.unlocked\"");
		String english = admin.get("/admin/audit?action=user.unlocked&lang=en").body();
		assertThat(english).contains("Lockout cleared");
	}

	@Test
	void theBoundariesPageShowsTaipeiTimeWithItsOffset() {
		String page = loggedIn(user(Role.ADMIN)).get("/admin/boundaries").body();
		assertThat(page).contains("(+08:00)");
	}
}
