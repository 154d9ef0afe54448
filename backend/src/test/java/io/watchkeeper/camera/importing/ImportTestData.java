package io.watchkeeper.camera.importing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Places for import tests. The bundled Kaohsiung boundaries are loaded on every start, so the tests use
 * them rather than polygons of their own (which would overlap the real ones).
 */
final class ImportTestData {

	/** Kaohsiung City Hall, inside 新興分局 in the bundled (simplified) precinct boundaries. */
	static final String LON = "120.3014";

	static final String LAT = "22.6209";

	/** The precinct the bundled boundaries put the City Hall point in. */
	static final String PRECINCT_NAME = "新興分局";

	/** A real precinct elsewhere, for rows that name the wrong precinct. */
	static final String OTHER_PRECINCT_NAME = "苓雅分局";

	private ImportTestData() {
	}

	static long precinct(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT id FROM precinct WHERE name_zh = ?", Long.class, PRECINCT_NAME);
	}
}
