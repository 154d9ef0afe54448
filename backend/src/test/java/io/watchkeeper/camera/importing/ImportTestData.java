package io.watchkeeper.camera.importing;

import org.springframework.jdbc.core.JdbcTemplate;

/** Boundaries for import tests: one precinct and one district around central Lingya, Kaohsiung, and a second precinct east of it. */
final class ImportTestData {

	/** Inside the test precinct: Kaohsiung City Hall. */
	static final String LON = "120.3014";

	static final String LAT = "22.6209";

	private ImportTestData() {
	}

	static long precinct(JdbcTemplate jdbc) {
		jdbc.update("""
				INSERT INTO precinct (code, name_zh, name_en, boundary)
				VALUES ('IT-LINGYA', '測試苓雅分局', 'Test Lingya Precinct',
				        ST_Multi(ST_MakeEnvelope(120.28, 22.60, 120.33, 22.64, 4326))),
				       ('IT-EAST', '測試東區分局', 'Test East Precinct',
				        ST_Multi(ST_MakeEnvelope(120.33, 22.60, 120.40, 22.64, 4326)))
				ON CONFLICT (code) DO NOTHING""");
		jdbc.update("""
				INSERT INTO district (code, name_zh, name_en, boundary)
				VALUES ('IT-LINGYA', '測試苓雅區', 'Test Lingya', ST_Multi(ST_MakeEnvelope(120.28, 22.60, 120.33, 22.64, 4326)))
				ON CONFLICT (code) DO NOTHING""");
		return jdbc.queryForObject("SELECT id FROM precinct WHERE code = 'IT-LINGYA'", Long.class);
	}
}
