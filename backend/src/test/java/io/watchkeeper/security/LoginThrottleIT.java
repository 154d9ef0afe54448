package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.watchkeeper.support.TestUsers;

/**
 * The login throttle stops the guesser, not the victim: failures lock a user name and address pair, and an
 * address; a user name alone is only slowed down, for untrusted browsers; a browser that logged in as the user
 * before (its device cookie) keeps working and is counted on its own. All in the database, with clear answers.
 */
class LoginThrottleIT extends SecurityHttpSupport {

	static final String PROBE = "/api/cameras/access-probe";

	@Autowired
	SecuritySettings settings;

	int maxPerPair() {
		return settings.throttle().maxFailuresPerPair();
	}

	static boolean loggedIn(HttpResponse<String> login) {
		return login.statusCode() == 302 && !login.headers().firstValue("Location").orElse("").contains("/login");
	}

	static String location(HttpResponse<String> login) {
		return login.headers().firstValue("Location").orElse("");
	}

	@Test
	void anAttackersThousandFailuresForAdminStopTheAttackerButNotAdmin() {
		TestUsers.ensure(jdbc, "it-besieged", PASSWORD, "ADMIN");
		String attacker = newAddress();
		// The administrator's own browser has logged in before, from the address the attack will come from
		// (a police station behind one address, say).
		Browser known = new Browser(attacker);
		assertThat(loggedIn(known.logIn("it-besieged", PASSWORD))).isTrue();
		assertThat(known.deviceCookies()).hasSize(1);
		HttpCookie device = known.deviceCookies().get(0);
		assertThat(device.isHttpOnly()).isTrue();
		assertThat(device.getMaxAge()).isGreaterThan(90L * 24 * 3600);
		known.forgetSession();

		int refused = 0;
		for (int i = 0; i < 1000; i++) {
			int status = api("GET", PROBE, "it-besieged", "guess " + i, attacker).statusCode();
			assertThat(status).isIn(401, 429);
			refused += status == 429 ? 1 : 0;
		}
		assertThat(refused).as("refused without a look at the password").isEqualTo(1000 - maxPerPair());

		// The attacker stays stopped, even with the right password, by the API and by the form.
		HttpResponse<String> right = api("GET", PROBE, "it-besieged", PASSWORD, attacker);
		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(right.headers().firstValue("Retry-After")).isPresent();
		assertThat(location(new Browser(attacker).logIn("it-besieged", PASSWORD))).contains("/login?locked=");

		// The administrator is not: from another address, by the API and by the form, and from the known browser
		// at the attacker's own address.
		assertThat(api("GET", PROBE, "it-besieged", PASSWORD, newAddress()).statusCode()).isEqualTo(200);
		assertThat(loggedIn(new Browser().logIn("it-besieged", PASSWORD))).isTrue();
		assertThat(loggedIn(known.logIn("it-besieged", PASSWORD))).as("the known browser").isTrue();
		assertThat(known.get(PROBE.replace("/api", "")).statusCode()).isEqualTo(200);

		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE action = 'auth.locked' AND object_id = 'it-besieged'
				AND details->>'scope' = 'pair' AND details->>'address' = ?""", Integer.class, attacker)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM login_throttle WHERE scope = 'USER' AND locked_until > now()"
				+ " AND username = 'it-besieged'", Integer.class)).as("one address never slows the name down").isZero();
	}

	@Test
	void failuresFromOneAddressLockTheAddressForEveryBrowserWithoutADeviceCookie() {
		String attacker = newAddress();
		Browser known = new Browser(attacker);
		assertThat(loggedIn(known.logIn(user(Role.VIEWER), PASSWORD))).isTrue();
		known.forgetSession();
		int max = settings.throttle().maxFailuresPerAddress();
		for (int i = 0; i < max; i++) {
			// a different made-up user name each time: only the address adds up
			assertThat(api("GET", PROBE, "guess-" + i, "wrong", attacker).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> fromAttacker = api("GET", PROBE, user(Role.VIEWER), PASSWORD, attacker);
		assertThat(fromAttacker.statusCode()).isEqualTo(429);
		assertThat(api("GET", PROBE, user(Role.VIEWER), PASSWORD, newAddress()).statusCode())
			.as("the user can still log in from elsewhere").isEqualTo(200);
		assertThat(loggedIn(known.logIn(user(Role.VIEWER), PASSWORD))).as("and from a known browser there").isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'auth.locked'"
				+ " AND details->>'scope' = 'address' AND details->>'address' = ?", Integer.class, attacker)).isEqualTo(1);
	}

	@Test
	void failuresForOneNameFromManyAddressesSlowUntrustedBrowsersDownButNeverLockTheName() {
		TestUsers.ensure(jdbc, "it-targeted", PASSWORD, "VIEWER");
		Browser known = new Browser();
		assertThat(loggedIn(known.logIn("it-targeted", PASSWORD))).isTrue();
		known.forgetSession();
		int slowAfter = settings.throttle().nameSlowdownAfter();
		for (int i = 0; i < slowAfter; i++) {
			// a botnet: every guess from a new address, so no pair or address adds up
			assertThat(api("GET", PROBE, "it-targeted", "wrong " + i, newAddress()).statusCode()).isEqualTo(401);
		}
		assertThat(jdbc.queryForObject("""
				SELECT locked_until BETWEEN now() AND now() + make_interval(secs => ?) FROM login_throttle
				WHERE scope = 'USER' AND username = 'it-targeted'""", Boolean.class,
				settings.throttle().nameDelay().toSeconds())).as("the first wait").isTrue();
		// as after a few more failures (each doubles the wait), so that the checks below run within it
		jdbc.update("UPDATE login_throttle SET locked_until = now() + interval '40 seconds' WHERE scope = 'USER'"
				+ " AND username = 'it-targeted'");
		HttpResponse<String> slowed = api("GET", PROBE, "it-targeted", PASSWORD, newAddress());
		assertThat(slowed.statusCode()).isEqualTo(429);
		long retryAfter = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, settings.throttle().maxNameDelay().toSeconds());
		assertThat(slowed.body()).contains("try again in " + retryAfter + " seconds");
		HttpResponse<String> form = new Browser().logIn("it-targeted", PASSWORD);
		assertThat(location(form)).contains("/login?wait=");

		assertThat(loggedIn(known.logIn("it-targeted", PASSWORD))).as("a known browser is not slowed down").isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'auth.locked'"
				+ " AND object_id = 'it-targeted'", Integer.class)).as("the name is never locked").isZero();

		// once the wait is over, the owner gets in from a new address too
		jdbc.update("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE scope = 'USER'"
				+ " AND username = 'it-targeted'");
		assertThat(api("GET", PROBE, "it-targeted", PASSWORD, newAddress()).statusCode()).isEqualTo(200);
	}

	@Test
	void aDeviceCookieUsedForGuessingLocksOnlyThatCookie() {
		TestUsers.ensure(jdbc, "it-stolen", PASSWORD, "VIEWER");
		String address = newAddress();
		Browser thief = new Browser(address);
		assertThat(loggedIn(thief.logIn("it-stolen", PASSWORD))).isTrue();
		thief.forgetSession();
		int maxPerDevice = settings.throttle().maxFailuresPerDevice();
		for (int i = 0; i < maxPerDevice; i++) {
			assertThat(location(thief.logIn("it-stolen", "wrong " + i))).endsWith("/login?error");
		}
		assertThat(location(thief.logIn("it-stolen", PASSWORD))).as("the cookie is locked").contains("/login?locked=");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'auth.locked'"
				+ " AND object_id = 'it-stolen' AND details->>'scope' = 'device'", Integer.class)).isEqualTo(1);
		assertThat(loggedIn(new Browser(address).logIn("it-stolen", PASSWORD)))
			.as("another browser at the same address is not affected").isTrue();
		assertThat(api("GET", PROBE, "it-stolen", PASSWORD, address).statusCode()).isEqualTo(200);
	}

	@Test
	void aForgedOrForeignDeviceCookieIsNotTrusted() {
		TestUsers.ensure(jdbc, "it-owner", PASSWORD, "VIEWER");
		TestUsers.ensure(jdbc, "it-other", PASSWORD, "VIEWER");
		String address = newAddress();
		Browser browser = new Browser(address);
		assertThat(loggedIn(browser.logIn("it-other", PASSWORD))).isTrue();
		browser.forgetSession();
		// it-other's cookie does not vouch for it-owner: the pair is counted and locks as for any browser
		for (int i = 0; i < maxPerPair(); i++) {
			browser.logIn("it-owner", "wrong");
		}
		assertThat(location(browser.logIn("it-owner", PASSWORD))).contains("/login?locked=");
		HttpCookie cookie = browser.deviceCookies().get(0);
		assertThat(DeviceCookies.COOKIE_PREFIX).isNotEmpty();
		// a tampered value is worth nothing either
		HttpCookie tampered = new HttpCookie(cookie.getName(), cookie.getValue().substring(0, cookie.getValue().length() - 2) + "AA");
		tampered.setPath("/");
		Browser forger = new Browser(address);
		forger.cookies.getCookieStore().add(uri("/"), tampered);
		assertThat(location(forger.logIn("it-owner", PASSWORD))).contains("/login?locked=");
	}

	@Test
	void aSuccessfulLoginResetsThePairCounter() {
		TestUsers.ensure(jdbc, "it-forgetful", PASSWORD, "VIEWER");
		String address = newAddress();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < maxPerPair() - 1; i++) {
				assertThat(api("GET", PROBE, "it-forgetful", "wrong", address).statusCode()).isEqualTo(401);
			}
			assertThat(api("GET", PROBE, "it-forgetful", PASSWORD, address).statusCode())
				.as("round %d: one failure short of the limit, then the right password", round).isEqualTo(200);
		}
	}

	@Test
	void theNameIsCountedWhateverItsCaseAndTheLoginPageSaysHowLongToWaitInBothLanguages() {
		TestUsers.ensure(jdbc, "it-form-throttled", PASSWORD, "VIEWER");
		String address = newAddress();
		for (int i = 0; i < maxPerPair(); i++) {
			HttpResponse<String> failed = new Browser(address).logIn(i % 2 == 0 ? "IT-Form-Throttled" : "it-form-throttled",
					"wrong");
			assertThat(location(failed)).endsWith("/login?error");
		}
		Browser browser = new Browser(address);
		HttpResponse<String> refused = browser.logIn("it-form-throttled", PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(location(refused)).endsWith("/login?locked=15");
		assertThat(browser.get("/login?locked=15&lang=en").body())
			.contains("Too many failed attempts; try again in 15 minutes.");
		assertThat(browser.get("/login?locked=15&lang=zh-TW").body()).contains("登入失敗次數過多，請於 15 分鐘後再試。");
		assertThat(browser.get("/login?wait=42&lang=en").body())
			.contains("Too many failed attempts for this user name; try again in 42 seconds.");
		assertThat(browser.get("/login?wait=42&lang=zh-TW").body()).contains("此帳號登入失敗次數過多，請於 42 秒後再試。");
		assertThat(browser.get("/cameras/access-probe").statusCode()).as("not logged in").isEqualTo(302);
	}

	@Test
	void aSecondLockoutInARowLastsTwiceAsLong() {
		TestUsers.ensure(jdbc, "it-repeat-offender", PASSWORD, "VIEWER");
		String address = newAddress();
		for (int i = 0; i < maxPerPair(); i++) {
			api("GET", PROBE, "it-repeat-offender", "wrong", address);
		}
		HttpResponse<String> first = api("GET", PROBE, "it-repeat-offender", PASSWORD, address);
		assertThat(first.statusCode()).isEqualTo(429);
		assertThat(first.body()).contains("Too many failed attempts; try again in 15 minutes");
		jdbc.update("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE scope = 'PAIR'"
				+ " AND username = 'it-repeat-offender'");
		for (int i = 0; i < maxPerPair(); i++) {
			api("GET", PROBE, "it-repeat-offender", "wrong", address);
		}
		HttpResponse<String> locked = api("GET", PROBE, "it-repeat-offender", PASSWORD, address);
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.body()).contains("try again in 30 minutes");
		List<Integer> lockouts = jdbc.queryForList("SELECT lockouts FROM login_throttle WHERE scope = 'PAIR'"
				+ " AND username = 'it-repeat-offender'", Integer.class);
		assertThat(lockouts).containsExactly(2);
	}

	@Test
	void formAndApiShareThePairCounters() {
		TestUsers.ensure(jdbc, "it-mixed", PASSWORD, "VIEWER");
		String address = newAddress();
		for (int i = 0; i < maxPerPair(); i++) {
			if (i % 2 == 0) {
				new Browser(address).logIn("it-mixed", "wrong");
			}
			else {
				api("GET", PROBE, "it-mixed", "wrong", address);
			}
		}
		assertThat(location(new Browser(address).logIn("it-mixed", PASSWORD))).contains("/login?locked=");
	}
}
