package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Users scoped to a police station: the station implies its precinct (both are stored, so precinct scopes such as an
 * investigator's cases apply to the station's precinct); a station under another precinct is refused beside the field.
 */
class StationUsersIT extends SecurityHttpSupport {

	@AfterEach
	void cleanUp() {
		jdbc.update("DELETE FROM app_user_role WHERE user_id IN (SELECT id FROM app_user WHERE username LIKE 'it-st-%')");
		jdbc.update("DELETE FROM app_user WHERE username LIKE 'it-st-%'");
		jdbc.update("DELETE FROM station WHERE name_zh LIKE 'ITU%'");
	}

	@Test
	void aStationChosenAloneScopesTheUserToItsPrecinctTooAndAnotherPrecinctsStationIsRefused() {
		long xinxing = precinct("XINXING");
		long gushan = precinct("GUSHAN");
		long station = jdbc.queryForObject("INSERT INTO station (code, precinct_id, name_zh) VALUES ('ITU-01', ?, 'ITU中正四路派出所') RETURNING id",
				Long.class, xinxing);
		Browser admin = loggedIn(user(Role.ADMIN));
		assertThat(admin.get("/admin/users/new?lang=zh-TW").body()).contains("ITU中正四路派出所");

		Map<String, String> fields = UserAdministrationIT.newUser("it-st-investigator", "a long enough password");
		fields.put("stationId", String.valueOf(station));
		HttpResponse<String> created = admin.submit("/admin/users/new", "/admin/users", fields);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		Map<String, Object> stored = jdbc.queryForMap("SELECT precinct_id, station_id FROM app_user WHERE username = 'it-st-investigator'");
		assertThat(stored).containsEntry("precinct_id", xinxing).containsEntry("station_id", station);
		assertThat(jdbc.queryForObject("""
				SELECT details->>'stationId' FROM audit_event WHERE action = 'user.created' AND object_id = 'it-st-investigator'""",
				String.class)).isEqualTo(String.valueOf(station));

		Map<String, String> mismatched = UserAdministrationIT.newUser("it-st-other", "a long enough password");
		mismatched.put("precinctId", String.valueOf(gushan));
		mismatched.put("stationId", String.valueOf(station));
		HttpResponse<String> refused = admin.submit("/admin/users/new?lang=en", "/admin/users", mismatched);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("The police station is not under the chosen precinct.");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = 'it-st-other'", Long.class)).isZero();

		// taking the station away is audited; the precinct stays
		long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'it-st-investigator'", Long.class);
		Map<String, String> edit = new java.util.LinkedHashMap<>();
		edit.put("displayName", "陳小明");
		edit.put("roles", "INVESTIGATOR");
		edit.put("vendorId", "");
		edit.put("precinctId", String.valueOf(xinxing));
		edit.put("stationId", "");
		HttpResponse<String> saved = admin.submit("/admin/users/" + id, "/admin/users/" + id, edit);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(jdbc.queryForObject("SELECT station_id FROM app_user WHERE id = ?", Long.class, id)).isNull();
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE action = 'user.updated' AND object_id = 'it-st-investigator' AND details ? 'stationId'""",
				Long.class)).isOne();
	}

	private long precinct(String code) {
		return jdbc.queryForObject("SELECT id FROM precinct WHERE code = ?", Long.class, code);
	}
}
