package io.watchkeeper.camera.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	AreaNames(List<Area> precinctList, List<Area> districtList) {
		for (Area a : precinctList) {
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

	Area precinct(String name) {
		return name == null ? null : precincts.get(precinctKey(name));
	}

	Area district(String name) {
		return name == null ? null : districts.get(districtKey(name));
	}

	static String precinctKey(String name) {
		String k = Values.fold(name).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.'’]", "");
		k = k.replaceAll("^(高雄市政府警察局|高雄市警察局|高市警局|高市警|kaohsiungcitypolicedepartment|kcpd)", "");
		k = k.replaceAll("(警察分局|分局|policeprecinct|precinct)$", "");
		return k.replace("第", "").replace('1', '一').replace('2', '二').replace("first", "一").replace("second", "二");
	}

	static String districtKey(String name) {
		String k = Values.fold(name).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.'’]", "");
		k = k.replaceAll("^(高雄市|高雄縣|kaohsiungcity|kaohsiung)", "");
		k = k.replaceAll("(district|dist)$", "");
		if (k.length() >= 2) {
			k = k.replaceAll("[區市鄉鎮区]$", "");
		}
		return k;
	}
}
