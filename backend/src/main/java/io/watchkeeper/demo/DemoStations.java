package io.watchkeeper.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The demo's police stations: each precinct's villages are grouped into 4 to 8 stations of neighbouring villages
 * (slices around the precinct's centre, so each is one piece of town), named after the slice's most central village
 * (成功里 gives 成功派出所), with the union of their villages as boundary (ST_Union in the database). Every demo site
 * then gets its station, by the same rule as {@code AreaAssignment}: the station of its precinct whose boundary holds
 * the site, else the nearest station of its precinct; its cameras (which stand at the site) are written with it, so no
 * camera row is written twice.
 */
final class DemoStations {

	/** Villages per station the grouping aims for, within {@link #MIN_STATIONS} to {@link #MAX_STATIONS} per precinct. */
	private static final int VILLAGES_PER_STATION = 10;

	private static final int MIN_STATIONS = 4;

	private static final int MAX_STATIONS = 8;

	private final NamedParameterJdbcTemplate jdbc;

	DemoStations(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the stations when there are none yet; returns how many. */
	int create(KaohsiungAreas areas, Map<String, Long> precinctIds) {
		if (Boolean.TRUE.equals(jdbc.getJdbcTemplate().queryForObject("SELECT EXISTS (SELECT 1 FROM station)", Boolean.class))) {
			return 0;
		}
		return createStations(areas, precinctIds);
	}

	/** Each site's station (by site number) from its location and precinct, in one query. */
	Map<Integer, Long> ofSites(List<FleetGenerator.Site> sites, long siteBase, Map<String, Long> precinctIds) {
		Map<Integer, Long> stations = new java.util.HashMap<>();
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("ids", sites.stream().map(s -> siteBase + s.number()).toArray(Long[]::new))
			.addValue("precincts", sites.stream().map(s -> precinctIds.get(s.precinct())).toArray(Long[]::new));
		jdbc.query("""
				SELECT v.id, coalesce(
				       (SELECT sp.station_id FROM station_part sp JOIN station s ON s.id = sp.station_id
				         WHERE s.precinct_id = v.precinct_id AND ST_Intersects(sp.geom, si.location)
				         ORDER BY sp.station_id LIMIT 1),
				       (SELECT sp.station_id FROM station_part sp JOIN station s ON s.id = sp.station_id
				         WHERE s.precinct_id = v.precinct_id
				         ORDER BY sp.geom <-> si.location LIMIT 1)) AS station_id
				  FROM unnest(CAST(:ids AS bigint[]), CAST(:precincts AS bigint[])) AS v(id, precinct_id)
				  JOIN site si ON si.id = v.id
				 WHERE v.precinct_id IS NOT NULL AND si.location IS NOT NULL""", p, (java.sql.ResultSet rs) -> {
					Object station = rs.getObject(2);
					if (station != null) {
						stations.put((int) (rs.getLong(1) - siteBase), ((Number) station).longValue());
					}
				});
		return stations;
	}

	private int createStations(KaohsiungAreas areas, Map<String, Long> precinctIds) {
		Map<String, List<KaohsiungAreas.Village>> byPrecinct = new LinkedHashMap<>();
		for (KaohsiungAreas.Village v : areas.villages()) {
			if (precinctIds.containsKey(v.precinct())) {
				byPrecinct.computeIfAbsent(v.precinct(), k -> new ArrayList<>()).add(v);
			}
		}
		List<String> codes = new ArrayList<>();
		List<Long> precincts = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<String> shapes = new ArrayList<>();
		WKTWriter wkt = new WKTWriter();
		int stations = 0;
		for (var entry : byPrecinct.entrySet()) {
			List<KaohsiungAreas.Village> villages = entry.getValue();
			int count = Math.min(villages.size(),
					Math.max(MIN_STATIONS, Math.min(MAX_STATIONS, Math.round(villages.size() / (float) VILLAGES_PER_STATION))));
			double cx = villages.stream().mapToDouble(v -> centre(v).getX()).average().orElse(0);
			double cy = villages.stream().mapToDouble(v -> centre(v).getY()).average().orElse(0);
			List<KaohsiungAreas.Village> ordered = new ArrayList<>(villages);
			ordered.sort(Comparator.comparingDouble((KaohsiungAreas.Village v) -> Math.atan2(centre(v).getY() - cy, centre(v).getX() - cx))
				.thenComparing(KaohsiungAreas.Village::id));
			Set<String> taken = new HashSet<>();
			for (int s = 0; s < count; s++) {
				List<KaohsiungAreas.Village> slice = ordered.subList(s * ordered.size() / count, (s + 1) * ordered.size() / count);
				String name = stationName(mostCentral(slice), taken);
				String code = entry.getKey() + "-" + String.format(java.util.Locale.ROOT, "%02d", s + 1);
				for (KaohsiungAreas.Village v : slice) {
					codes.add(code);
					precincts.add(precinctIds.get(entry.getKey()));
					names.add(name);
					shapes.add(wkt.write(v.shape().getGeometry()));
				}
				stations++;
			}
		}
		jdbc.update("""
				INSERT INTO station (code, precinct_id, name_zh, boundary)
				SELECT v.code, min(v.precinct_id), min(v.name_zh),
				       ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(ST_MakeValid(ST_GeomFromText(v.shape, 4326)))), 3))
				  FROM unnest(CAST(:codes AS text[]), CAST(:precincts AS bigint[]), CAST(:names AS text[]), CAST(:shapes AS text[]))
				       AS v(code, precinct_id, name_zh, shape)
				 GROUP BY v.code""", new MapSqlParameterSource("codes", codes.toArray(String[]::new))
			.addValue("precincts", precincts.toArray(Long[]::new)).addValue("names", names.toArray(String[]::new))
			.addValue("shapes", shapes.toArray(String[]::new)));
		return stations;
	}

	private static Point centre(KaohsiungAreas.Village v) {
		return v.shape().getGeometry().getInteriorPoint();
	}

	private static KaohsiungAreas.Village mostCentral(List<KaohsiungAreas.Village> slice) {
		double x = slice.stream().mapToDouble(v -> centre(v).getX()).average().orElse(0);
		double y = slice.stream().mapToDouble(v -> centre(v).getY()).average().orElse(0);
		return slice.stream()
			.min(Comparator.comparingDouble((KaohsiungAreas.Village v) -> Math.hypot(centre(v).getX() - x, centre(v).getY() - y))
				.thenComparing(KaohsiungAreas.Village::id))
			.orElseThrow();
	}

	/** 成功里 gives 成功派出所; a name the precinct has already gets the next village's name instead, or a number. */
	private static String stationName(KaohsiungAreas.Village village, Set<String> taken) {
		String base = village.name();
		if (base.endsWith("里") || base.endsWith("村")) {
			base = base.substring(0, base.length() - 1);
		}
		String name = base + "派出所";
		for (int n = 2; !taken.add(name); n++) {
			name = base + "第" + n + "派出所";
		}
		return name;
	}
}
