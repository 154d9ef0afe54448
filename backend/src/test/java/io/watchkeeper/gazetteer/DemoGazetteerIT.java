package io.watchkeeper.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's door plates come from its own sites, and its unplaced cameras then match with a mix of qualities. */
@SpringBootTest
class DemoGazetteerIT {

	@Autowired
	DemoGazetteer demo;

	@Autowired
	Gazetteers gazetteers;

	@Autowired
	AddressMatching matching;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void unplacedDemoCamerasMatchTheGeneratedDoorPlates() {
		jdbc.update("INSERT INTO district (code, name_zh, name_en, boundary) VALUES ('IT-DGZ-C', '測丙區', 'Test C', "
				+ "ST_Multi(ST_MakeEnvelope(119.3, 24.1, 119.5, 24.2, 4326))) ON CONFLICT (code) DO NOTHING");
		long district = jdbc.queryForObject("SELECT id FROM district WHERE code = 'IT-DGZ-C'", Long.class);
		jdbc.update("UPDATE camera SET status = 'DECOMMISSIONED', decommissioned_on = current_date WHERE asset_tag LIKE 'DGZ%' AND status <> 'DECOMMISSIONED'");
		String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		for (int i = 0; i < 30; i++) {
			String code = "DGZ" + run + i;
			// intersections on roads of their own: the demo's corner plates take numbers from the site code's hash, which
			// on a road with door-plate sites could repeat one of their numbers elsewhere (a random exact match)
			String address = i % 5 == 4 ? "港示" + (char) ('甲' + i % 3) + "街/港示橫路口" : "港示" + (char) ('甲' + i % 3) + "路" + (10 + 20 * i) + "號前";
			double lon = 119.35 + i * 0.002;
			long site = jdbc.queryForObject("INSERT INTO site (code, address, location) VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, 24.15), 4326)) RETURNING id",
					Long.class, code, address, lon);
			jdbc.update("INSERT INTO camera (asset_tag, site_id, site_index, address, district_id) VALUES (?, ?, 1, ?, ?)",
					code + "-01", site, address, district);
		}
		String csv = demo.generate();
		assertThat(csv).startsWith("鄉鎮市區,門牌,經度,緯度").contains("測丙區,港示甲路");
		var imported = gazetteers.importFile("DGZ demo", "高雄市", csv.getBytes(StandardCharsets.UTF_8), "generated", "it", null);
		assertThat(imported.duplicates()).as("the generated door plates are each written once").isZero();
		matching.run(EnumSet.of(MatchQuality.EXACT, MatchQuality.NEAREST, MatchQuality.INTERSECTION), "it", null);
		List<String> qualities = jdbc.queryForList("""
				SELECT DISTINCT m.quality FROM address_match m JOIN site s ON s.id = m.site_id WHERE s.code LIKE ?""",
				String.class, "DGZ" + run + "%");
		assertThat(qualities).contains("EXACT", "NEAREST", "INTERSECTION");
		// an exact match is where the site truly is
		Double off = jdbc.queryForObject("""
				SELECT max(ST_Distance(m.point::geography, s.location::geography)) FROM address_match m JOIN site s ON s.id = m.site_id
				 WHERE s.code LIKE ? AND m.quality = 'EXACT'""", Double.class, "DGZ" + run + "%");
		assertThat(off).isLessThan(1.0);
		// removing the dataset keeps the matches and lets go of their door plates (V168's statement trigger)
		String plates = """
				SELECT count(*) FROM address_match m JOIN site s ON s.id = m.site_id
				 WHERE s.code LIKE ? AND (m.door_plate_id IS NOT NULL OR m.door_plate2_id IS NOT NULL)""";
		assertThat(jdbc.queryForObject(plates, Long.class, "DGZ" + run + "%")).isPositive();
		long matches = jdbc.queryForObject("SELECT count(*) FROM address_match m JOIN site s ON s.id = m.site_id WHERE s.code LIKE ?",
				Long.class, "DGZ" + run + "%");
		gazetteers.remove(jdbc.queryForObject("SELECT id FROM gazetteer_dataset WHERE name = 'DGZ demo'", Long.class), "it", null);
		assertThat(jdbc.queryForObject(plates, Long.class, "DGZ" + run + "%")).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM address_match m JOIN site s ON s.id = m.site_id WHERE s.code LIKE ?",
				Long.class, "DGZ" + run + "%")).isEqualTo(matches);
	}
}
