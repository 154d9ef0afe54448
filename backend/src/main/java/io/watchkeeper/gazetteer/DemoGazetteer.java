package io.watchkeeper.gazetteer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's door plates (DESIGN 4a: the real files cannot be downloaded here), generated from the demo's own sites
 * on the first start with the demo enabled, after the demo data (no dataset yet, sites present). Deterministic (a
 * hash of the site code decides everything) and fast (one import of an in-memory file):
 * <ul>
 * <li>a site at a house number gets door plates at its true position and its neighbours' numbers along a line
 * (8 m per two numbers, odd and even on opposite sides of the road); for one site in three its own number is left
 * out (the match is the nearest number), for one in seven the site gets no door plates at all (road only or no
 * match);</li>
 * <li>a site at an intersection gets a few door plates on each road near the corner (the match is where the roads
 * meet);</li>
 * <li>highway kilometre marks get nothing (no match).</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 300)
class DemoGazetteer implements ApplicationRunner {

	static final String NAME = "示範門牌 (demo)";

	private static final Logger log = LoggerFactory.getLogger(DemoGazetteer.class);

	private static final double METRES_PER_DEGREE_LAT = 111_320;

	private final JdbcTemplate jdbc;

	private final Gazetteers gazetteers;

	private final boolean enabled;

	DemoGazetteer(JdbcTemplate jdbc, Gazetteers gazetteers, @Value("${watchkeeper.demo.enabled:false}") boolean enabled) {
		this.jdbc = jdbc;
		this.gazetteers = gazetteers;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM gazetteer_dataset)", Boolean.class))) {
			return;
		}
		long start = System.nanoTime();
		String csv = generate();
		if (csv == null) {
			return;
		}
		Gazetteers.Imported imported = gazetteers.importFile(NAME, "高雄市", csv.getBytes(StandardCharsets.UTF_8),
				"generated from the demo sites", "system", null);
		log.info(String.format(Locale.ROOT, "Demo gazetteer: %,d door plates generated from the demo sites in %.1f s",
				imported.rows(), (System.nanoTime() - start) / 1e9));
	}

	/** The door-plate file, or null when there are no sites. */
	String generate() {
		long sites = jdbc.queryForObject("SELECT count(*) FROM site WHERE location IS NOT NULL AND address IS NOT NULL", Long.class);
		if (sites == 0) {
			return null;
		}
		int neighbours = sites > 100_000 ? 2 : sites > 30_000 ? 4 : 8;
		StringBuilder csv = new StringBuilder("鄉鎮市區,門牌,經度,緯度\n");
		// neighbouring numbers of sites on one road overlap: each door plate is written once (the first site's), so the
		// demo's dataset reports no duplicates
		java.util.Set<String> written = new java.util.HashSet<>();
		jdbc.query("""
				SELECT s.code, s.address, ST_X(s.location), ST_Y(s.location),
				       (SELECT d.name_zh FROM camera c JOIN district d ON d.id = c.district_id WHERE c.site_id = s.id LIMIT 1)
				  FROM site s WHERE s.location IS NOT NULL AND s.address IS NOT NULL ORDER BY s.code""", rs -> {
			String code = rs.getString(1);
			Address a = AddressNormaliser.parse(rs.getString(2));
			String district = rs.getString(5);
			if (district == null || a.kind() == Address.Kind.UNREADABLE || a.kind() == Address.Kind.ROAD) {
				return;
			}
			int hash = code.hashCode() * 0x9E3779B1;
			int h = Math.floorMod(hash, 1_000_003);
			double lon = rs.getDouble(3);
			double lat = rs.getDouble(4);
			if (a.kind() == Address.Kind.DOOR_PLATE) {
				if (h % 7 == 0) {
					return;
				}
				double bearing = Math.toRadians(Math.floorMod(a.roadKey().hashCode(), 180));
				int n = a.number();
				for (int m = Math.max(1, n - neighbours); m <= n + neighbours; m++) {
					if (m == n && h % 3 == 0) {
						continue;
					}
					double along = (m - n) / 2.0 * 8;
					double across = (m - n) % 2 == 0 ? 0 : 14;
					plate(csv, written, district, a.roadKey() + m + "號", lon, lat, along, across, bearing);
				}
			}
			else {
				double bearing = Math.toRadians(Math.floorMod(a.roadKey().hashCode(), 180));
				int base = 2 + 2 * (h % 150);
				int base2 = 2 + 2 * ((h / 150) % 150);
				for (int i = -2; i <= 2; i++) {
					double along = i * 20 + 10;
					plate(csv, written, district, a.roadKey() + (base + 2 * (i + 2)) + "號", lon, lat, along, -8, bearing);
					plate(csv, written, district, a.road2Key() + (base2 + 2 * (i + 2)) + "號", lon, lat, along, -8,
							bearing + Math.PI / 2);
				}
			}
		});
		return csv.toString();
	}

	private static void plate(StringBuilder csv, java.util.Set<String> written, String district, String address, double lon,
			double lat, double along, double across, double bearing) {
		if (!written.add(district + "|" + address)) {
			return;
		}
		double north = along * Math.cos(bearing) - across * Math.sin(bearing);
		double east = along * Math.sin(bearing) + across * Math.cos(bearing);
		double plateLat = lat + north / METRES_PER_DEGREE_LAT;
		double plateLon = lon + east / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat)));
		csv.append(district).append(',').append(address).append(',')
			.append(String.format(Locale.ROOT, "%.7f,%.7f", plateLon, plateLat)).append('\n');
	}
}
