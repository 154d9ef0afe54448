package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** After logging in, "/" leads each kind of user to where their day starts. */
class LandingPageIT extends SecurityHttpSupport {

	@Test
	void techniciansLandOnTheirWorkOrdersDispatchersOnTheOutageBoardOthersOnTheCameraList() {
		Map<Role, String> expected = Map.of(Role.VENDOR_TECHNICIAN, "/my-work-orders", Role.SQUAD_MEMBER, "/my-work-orders",
				Role.DISPATCHER, "/outages", Role.ADMIN, "/cameras", Role.VIEWER, "/cameras", Role.INVESTIGATOR, "/cameras",
				Role.PROCUREMENT, "/cameras");
		for (var e : expected.entrySet()) {
			HttpResponse<String> home = loggedIn(user(e.getKey())).get("/");
			assertThat(home.statusCode()).as("%s", e.getKey()).isEqualTo(302);
			assertThat(home.headers().firstValue("Location").orElseThrow()).as("%s", e.getKey()).endsWith(e.getValue());
		}
	}
}
