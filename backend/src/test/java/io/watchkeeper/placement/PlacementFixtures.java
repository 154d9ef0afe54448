package io.watchkeeper.placement;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small made-up area for the queue's tests, east of Taiwan's southern tip (no other test puts areas there):
 * precincts {prefix}-A (121.60-121.70) and {prefix}-B (121.70-121.80), one district over both, latitudes
 * {@code south} to {@code south + 0.1}.
 */
final class PlacementFixtures {

	record Areas(long a, long b, long district) {
	}

	private PlacementFixtures() {
	}

	static Areas areas(JdbcTemplate jdbc, String prefix, double south) {
		long a = area(jdbc, "precinct", prefix + "-A", prefix + "甲分局", prefix + " A Precinct", 121.60, 121.70, south);
		long b = area(jdbc, "precinct", prefix + "-B", prefix + "乙分局", prefix + " B Precinct", 121.70, 121.80, south);
		long d = area(jdbc, "district", prefix + "-D", prefix + "丙區", prefix + " C District", 121.60, 121.80, south);
		return new Areas(a, b, d);
	}

	private static long area(JdbcTemplate jdbc, String table, String code, String zh, String en, double west, double east,
			double south) {
		jdbc.update("INSERT INTO " + table + " (code, name_zh, name_en, boundary) VALUES (?, ?, ?, "
				+ "ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))) ON CONFLICT (code) DO NOTHING", code, zh, en, west, south,
				east, south + 0.1);
		return jdbc.queryForObject("SELECT id FROM " + table + " WHERE code = ?", Long.class, code);
	}

	/** A site with {@code cameras} cameras without position, named under the precinct, imported {@code minutesAgo}. */
	static long site(JdbcTemplate jdbc, String code, String address, long precinctId, int cameras, int minutesAgo) {
		jdbc.update("DELETE FROM camera WHERE site_id IN (SELECT id FROM site WHERE code = ?)", code);
		jdbc.update("DELETE FROM site WHERE code = ?", code);
		long site = jdbc.queryForObject("INSERT INTO site (code, address) VALUES (?, ?) RETURNING id", Long.class, code,
				address);
		for (int i = 1; i <= cameras; i++) {
			jdbc.update("""
					INSERT INTO camera (asset_tag, site_id, site_index, address, precinct_id, heading_deg, fov_deg, lpr, created_at)
					VALUES (?, ?, ?, ?, ?, ?, 90, ?, now() - make_interval(mins => ?))""", code + "-0" + i, site, i, address,
					precinctId, i == 1 ? 90 : null, i == 1 ? "LPR" : "NONE", minutesAgo);
		}
		return site;
	}

	/** A camera without site and position. */
	static long lone(JdbcTemplate jdbc, String tag, String address, long precinctId, int minutesAgo) {
		jdbc.update("DELETE FROM camera WHERE asset_tag = ?", tag);
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, address, precinct_id, created_at)
				VALUES (?, ?, ?, now() - make_interval(mins => ?)) RETURNING id""", Long.class, tag, address, precinctId,
				minutesAgo);
	}
}
