package io.watchkeeper.camera.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a police station (派出所) by the names lists use for it, under a precinct or across the city; see
 * {@link UnitNames#stationKey}. Loaded once per import run; not thread-safe.
 */
final class StationNames {

	record Station(long id, long precinctId, String code, String nameZh, String nameEn) {
	}

	private final Map<String, Station> underPrecinct = new HashMap<>();

	private final Map<String, List<Station>> byName = new HashMap<>();

	StationNames(List<Station> stations) {
		for (Station s : stations) {
			for (String name : new String[] { s.nameZh(), s.nameEn(), s.code() }) {
				if (name == null || UnitNames.stationKey(name).isEmpty()) {
					continue;
				}
				String key = UnitNames.stationKey(name);
				underPrecinct.putIfAbsent(s.precinctId() + "|" + key, s);
				List<Station> named = byName.computeIfAbsent(key, k -> new ArrayList<>());
				if (!named.contains(s)) {
					named.add(s);
				}
			}
		}
	}

	static StationNames none() {
		return new StationNames(List.of());
	}

	/** The station of that name under the precinct, or null. */
	Station find(long precinctId, String name) {
		return underPrecinct.get(precinctId + "|" + UnitNames.stationKey(name));
	}

	/** Every station of that name in the city (one, several under different precincts, or none). */
	List<Station> named(String name) {
		return byName.getOrDefault(UnitNames.stationKey(name), List.of());
	}
}
