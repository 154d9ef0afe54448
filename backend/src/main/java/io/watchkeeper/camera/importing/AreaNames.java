package io.watchkeeper.camera.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a precinct (分局) or district (行政區) by the names lists use for it: {@code 三民第一分局},
 * {@code 三民一分局}, {@code 高雄市政府警察局三民第一分局}, {@code Sanmin First Precinct}, {@code SANMIN1};
 * {@code 三民區}, {@code 高雄市三民區}, {@code Sanmin}.
 */
final class AreaNames {

	record Area(long id, String code, String nameZh, String nameEn) {
	}

	private final Map<String, Area> precincts = new HashMap<>();

	private final Map<String, Area> districts = new HashMap<>();

	private final Map<Long, Area> precinctsById = new HashMap<>();

	AreaNames(List<Area> precinctList, List<Area> districtList) {
		for (Area a : precinctList) {
			precinctsById.put(a.id(), a);
			for (String name : new String[] { a.code(), a.nameZh(), a.nameEn() }) {
				if (name != null) {
					precincts.putIfAbsent(precinctKey(name), a);
				}
			}
		}
		for (Area a : districtList) {
			for (String name : new String[] { a.code(), a.nameZh(), a.nameEn() }) {
				if (name != null) {
					districts.putIfAbsent(districtKey(name), a);
				}
			}
		}
	}

	static AreaNames none() {
		return new AreaNames(List.of(), List.of());
	}

	boolean knowsPrecincts() {
		return !precincts.isEmpty();
	}

	boolean knowsDistricts() {
		return !districts.isEmpty();
	}

	/** Not thread-safe: one instance per run. */
	Area precinct(String name) {
		if (name == null) {
			return null;
		}
		return precinctLookups.computeIfAbsent(name, n -> Optional.ofNullable(precincts.get(precinctKey(n)))).orElse(null);
	}

	Area precinctById(long id) {
		return precinctsById.get(id);
	}

	/** The precinct's zh-TW name, or its id when unknown. */
	String precinctName(long id) {
		Area a = precinctsById.get(id);
		return a == null ? String.valueOf(id) : a.nameZh();
	}

	Area district(String name) {
		if (name == null) {
			return null;
		}
		return districtLookups.computeIfAbsent(name, n -> Optional.ofNullable(districts.get(districtKey(n)))).orElse(null);
	}

	private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.'’]");

	private static final Pattern POLICE_DEPARTMENT = Pattern.compile("^(高雄市政府警察局|高雄市警察局|高市警局|高市警|kaohsiungcitypolicedepartment|kcpd)");

	private static final Pattern PRECINCT_SUFFIX = Pattern.compile("(警察分局|分局|policeprecinct|precinct)$");

	private static final Pattern CITY = Pattern.compile("^(高雄市|高雄縣|kaohsiungcity|kaohsiung)");

	private static final Pattern DISTRICT_SUFFIX = Pattern.compile("(district|dist)$");

	private static final Pattern DISTRICT_CHARACTER = Pattern.compile("[區市鄉鎮区]$");

	/** Lists repeat the same few names on every row; look each up once. */
	private final Map<String, Optional<Area>> precinctLookups = new HashMap<>();

	private final Map<String, Optional<Area>> districtLookups = new HashMap<>();

	static String precinctKey(String name) {
		String k = SEPARATORS.matcher(Values.fold(name).toLowerCase(Locale.ROOT)).replaceAll("");
		k = POLICE_DEPARTMENT.matcher(k).replaceAll("");
		k = PRECINCT_SUFFIX.matcher(k).replaceAll("");
		return k.replace("第", "").replace('1', '一').replace('2', '二').replace("first", "一").replace("second", "二");
	}

	static String districtKey(String name) {
		String k = SEPARATORS.matcher(Values.fold(name).toLowerCase(Locale.ROOT)).replaceAll("");
		k = CITY.matcher(k).replaceAll("");
		k = DISTRICT_SUFFIX.matcher(k).replaceAll("");
		if (k.length() >= 2) {
			k = DISTRICT_CHARACTER.matcher(k).replaceAll("");
		}
		return k;
	}
}
