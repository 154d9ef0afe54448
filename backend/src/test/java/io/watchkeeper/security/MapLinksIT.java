package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Links to the map are offered exactly to the roles that may open it: no link that leads to a refusal. */
class MapLinksIT extends SecurityHttpSupport {

	static final Set<Role> MAP_READERS = EnumSet.of(Role.ADMIN, Role.DISPATCHER, Role.INVESTIGATOR, Role.VIEWER,
			Role.PROCUREMENT);

	@Test
	void theNavigationAndTheCameraPageLinkTheMapOnlyForItsReaders() {
		long camera = jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, location, status, lpr)
				VALUES ('ITLINK-' || floor(random() * 1e9)::bigint, ST_SetSRID(ST_MakePoint(120.31, 22.63), 4326), 'ACTIVE', 'NONE')
				RETURNING id""", Long.class);
		for (Role role : Role.values()) {
			Browser browser = loggedIn(user(role));
			boolean reader = MAP_READERS.contains(role);
			var response = browser.get("/cameras/" + camera);
			if (role == Role.VENDOR_TECHNICIAN || role == Role.SQUAD_MEMBER) {
				// these test users maintain no camera: this one is outside their scope (404), and their list has no map link
				assertThat(response.statusCode()).as("%s camera page", role).isEqualTo(404);
				assertThat(browser.get("/cameras").body().contains("id=\"nav-map\"")).as("%s navigation", role).isFalse();
			}
			else {
				assertThat(response.statusCode()).as("%s camera page", role).isEqualTo(200);
				String page = response.body();
				assertThat(page.contains("id=\"nav-map\"")).as("%s navigation", role).isEqualTo(reader);
				assertThat(page.contains("id=\"show-on-map\"")).as("%s show on map", role).isEqualTo(reader);
			}
			assertThat(browser.get("/map").statusCode()).as("%s /map", role).isEqualTo(reader ? 200 : 403);
		}
	}
}
