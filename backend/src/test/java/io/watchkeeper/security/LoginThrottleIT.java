package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.watchkeeper.support.TestUsers;

/** Repeated failures lock a user name or an address, in the database, with a clear answer; success resets. */
class LoginThrottleIT extends SecurityHttpSupport {

	@Autowired
	SecuritySettings settings;

	int maxPerUser() {
		return settings.throttle().maxFailuresPerUser();
	}

	@Test
	void failuresForOneUserNameLockItAndEvenTheRightPasswordIsThenRefused() {
		TestUsers.ensure(jdbc, "it-throttled", PASSWORD, "VIEWER");
		for (int i = 0; i < maxPerUser(); i++) {
			// a new address each time: it is the user name that is counted here
			assertThat(api("GET", "/api/cameras/access-probe", "it-throttled", "wrong " + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> locked = api("GET", "/api/cameras/access-probe", "it-throttled", PASSWORD);
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(locked.body()).contains("Too many failed attempts; try again in 15 minutes");
		long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(15 * 60L - 30, 15 * 60L);

		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'auth.locked' AND object_id = ?"
				+ " AND details->>'scope' = 'user'", Integer.class, "it-throttled")).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'auth.login_failed'"
				+ " AND object_id = ? AND details->>'reason' = 'locked'", Integer.class, "it-throttled")).isEqualTo(1);

		// The lockout is in the database, so it holds for every node; when it has passed, the password works again.
		jdbc.update("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE scope = 'USER' AND key = ?",
				"it-throttled");
		assertThat(api("GET", "/api/cameras/access-probe", "it-throttled", PASSWORD).statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM login_throttle WHERE scope = 'USER' AND key = ?",
				Integer.class, "it-throttled")).as("success clears the user's counter").isZero();
	}

	@Test
	void theUserNameIsCountedWhateverItsCase() {
		TestUsers.ensure(jdbc, "it-casey", PASSWORD, "VIEWER");
		for (int i = 0; i < maxPerUser(); i++) {
			String spelling = i % 2 == 0 ? "IT-Casey" : "it-casey";
			api("GET", "/api/cameras/access-probe", spelling, "wrong");
		}
		assertThat(api("GET", "/api/cameras/access-probe", "it-casey", PASSWORD).statusCode()).isEqualTo(429);
	}

	@Test
	void aSuccessfulLoginResetsTheUserCounter() {
		TestUsers.ensure(jdbc, "it-forgetful", PASSWORD, "VIEWER");
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < maxPerUser() - 1; i++) {
				assertThat(api("GET", "/api/cameras/access-probe", "it-forgetful", "wrong").statusCode()).isEqualTo(401);
			}
			assertThat(api("GET", "/api/cameras/access-probe", "it-forgetful", PASSWORD).statusCode())
				.as("round %d: one failure short of the limit, then the right password", round).isEqualTo(200);
		}
	}

	@Test
	void theLoginPageSaysHowLongToWaitInBothLanguages() {
		TestUsers.ensure(jdbc, "it-form-throttled", PASSWORD, "VIEWER");
		for (int i = 0; i < maxPerUser(); i++) {
			HttpResponse<String> failed = new Browser().logIn("it-form-throttled", "wrong");
			assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		}
		Browser browser = new Browser();
		HttpResponse<String> refused = browser.logIn("it-form-throttled", PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(302);
		String location = refused.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/login?locked=15");
		String path = location.substring(location.indexOf("/login"));
		assertThat(browser.get(path + "&lang=en").body())
			.contains("Too many failed attempts; try again in 15 minutes.");
		assertThat(browser.get(path + "&lang=zh-TW").body()).contains("登入失敗次數過多，請於 15 分鐘後再試。");
		assertThat(browser.get("/cameras/access-probe").statusCode()).as("not logged in").isEqualTo(302);
	}

	@Test
	void failuresFromOneAddressLockTheAddressForEveryUserName() {
		String attacker = newAddress();
		int max = settings.throttle().maxFailuresPerAddress();
		for (int i = 0; i < max; i++) {
			// a different made-up user name each time: only the address adds up
			assertThat(api("GET", "/api/cameras/access-probe", "guess-" + i, "wrong", attacker).statusCode())
				.isEqualTo(401);
		}
		HttpResponse<String> fromAttacker = api("GET", "/api/cameras/access-probe", user(Role.VIEWER), PASSWORD, attacker);
		assertThat(fromAttacker.statusCode()).isEqualTo(429);
		assertThat(api("GET", "/api/cameras/access-probe", user(Role.VIEWER), PASSWORD, newAddress()).statusCode())
			.as("the user can still log in from elsewhere").isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'auth.locked'"
				+ " AND details->>'scope' = 'address' AND details->>'address' = ?", Integer.class, attacker)).isEqualTo(1);
	}

	@Test
	void aSecondLockoutInARowLastsTwiceAsLong() {
		TestUsers.ensure(jdbc, "it-repeat-offender", PASSWORD, "VIEWER");
		for (int i = 0; i < maxPerUser(); i++) {
			api("GET", "/api/cameras/access-probe", "it-repeat-offender", "wrong");
		}
		jdbc.update("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE scope = 'USER' AND key = ?",
				"it-repeat-offender");
		for (int i = 0; i < maxPerUser(); i++) {
			api("GET", "/api/cameras/access-probe", "it-repeat-offender", "wrong");
		}
		HttpResponse<String> locked = api("GET", "/api/cameras/access-probe", "it-repeat-offender", PASSWORD);
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.body()).contains("try again in 30 minutes");
	}

	@Test
	void formAndApiShareTheCounters() {
		TestUsers.ensure(jdbc, "it-mixed", PASSWORD, "VIEWER");
		for (int i = 0; i < maxPerUser(); i++) {
			if (i % 2 == 0) {
				new Browser().logIn("it-mixed", "wrong");
			}
			else {
				api("GET", "/api/cameras/access-probe", "it-mixed", "wrong");
			}
		}
		assertThat(new Browser().logIn("it-mixed", PASSWORD).headers().firstValue("Location").orElseThrow())
			.contains("/login?locked=");
	}
}
