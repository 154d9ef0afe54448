package io.watchkeeper.camera;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test boundaries of our own, in the sea west of Penghu (inside Taiwan's bounds, outside any real
 * precinct), so these tests do not depend on the boundary loader and nothing else overlaps them. Each
 * test class takes its own band of latitude: precinct PREFIX-WEST covers lon 119.30-119.40, PREFIX-EAST
 * lon 119.40-119.50, and one district PREFIX-SEA covers both.
 */
final class CameraFixtures {

	private CameraFixtures() {
	}

	record Areas(long west, long east, long district) {
	}

	/** Areas between latitude {@code south} and {@code south + 0.1}. */
	static Areas ensureAreas(JdbcTemplate jdbc, String prefix, double south) {
		long west = area(jdbc, "precinct", prefix + "-WEST", prefix + "西分局", prefix + " West Precinct", 119.30, 119.40, south);
		long east = area(jdbc, "precinct", prefix + "-EAST", prefix + "東分局", prefix + " East Precinct", 119.40, 119.50, south);
		long district = area(jdbc, "district", prefix + "-SEA", prefix + "海區", prefix + " Sea District", 119.30, 119.50, south);
		return new Areas(west, east, district);
	}

	private static long area(JdbcTemplate jdbc, String table, String code, String zh, String en, double west, double east,
			double south) {
		jdbc.update("INSERT INTO " + table + " (code, name_zh, name_en, boundary) VALUES (?, ?, ?, "
				+ "ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))) ON CONFLICT (code) DO NOTHING", code, zh, en, west, south,
				east, south + 0.1);
		return jdbc.queryForObject("SELECT id FROM " + table + " WHERE code = ?", Long.class, code);
	}

	/** A camera at a point, through the registry's rules but without auditing, for list fixtures. */
	static CameraCommand at(String tag, double lon, double lat, String address) {
		return new CameraCommand(tag, lon, lat, address, null, null, 90, 90, 60, null, null, null, null, null, null,
				null, null, null, null, null, null);
	}

	static CameraCommand unplaced(String tag, String address) {
		return new CameraCommand(tag, null, null, address, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null);
	}
}
