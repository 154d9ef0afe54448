package io.watchkeeper.camera.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a responsible unit as police lists write it in one cell: the precinct (分局) and the station (派出所) under it,
 * {@code 新興分局 中正四路派出所}, {@code 高雄市政府警察局新興分局中正四路派出所}, {@code 新興分局/中正四路所},
 * {@code 新興分局-中正四路派出所}, a station alone ({@code 中正四路派出所}), a precinct alone ({@code 新興分局}), or in
 * English ({@code Xinxing Precinct, Zhongzheng 4th Rd. Station}). Stations may be written short ({@code 中正四路所})
 * or be a 分駐所 or 駐在所; {@link #stationKey} compares them without the suffix.
 */
final class UnitNames {

	/** The two parts of a unit cell, as written (trimmed); either may be null. */
	record Unit(String precinct, String station) {
	}

	/** The police department in front of a unit: any city's ({@code 臺中市政府警察局}), or in English. */
	private static final Pattern DEPARTMENT = Pattern.compile(
			"^(?:\\p{IsHan}{1,4}[市縣县](?:政府)?警察局|警察局|\\p{IsHan}{1,2}市警局|高市警局|高市警)\\s*"
					+ "|^(?:[a-z ]+ city )?police department[ ,/]*|^kcpd[ ,/]*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SEPARATORS = Pattern.compile("[\\s/／、\\\\|>＞,，;；]+|\\s*[-－–—]\\s*");

	private static final Pattern PRECINCT_END = Pattern.compile("(?:警察分局|分局)");

	/** What ends a station's name; the longer words first. */
	private static final Pattern STATION_SUFFIX = Pattern.compile(
			"(?:派出所|分駐所|駐在所|警察所|警勤區|所|police station|station|police post|post)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENGLISH_PRECINCT = Pattern.compile("(?i)^(.*?\\bprecinct)\\b[\\s,/\\-]*(.*)$");

	private UnitNames() {
	}

	/** Splits a unit cell into its precinct and station; null for an empty cell. */
	static Unit split(String raw) {
		String v = Values.clean(raw);
		if (v == null) {
			return null;
		}
		v = Values.fold(v).strip().replaceAll("\\s+", " ");
		v = DEPARTMENT.matcher(v).replaceFirst("").strip();
		if (v.isEmpty()) {
			return null;
		}
		if (v.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			Matcher english = ENGLISH_PRECINCT.matcher(v);
			if (english.matches()) {
				return new Unit(blankToNull(english.group(1)), blankToNull(english.group(2)));
			}
			return isStation(v) ? new Unit(null, v) : new Unit(v, null);
		}
		v = v.replaceAll("[()（）\\[\\]【】「」]", " ").strip();
		List<String> parts = new ArrayList<>(Arrays.stream(SEPARATORS.split(v)).map(String::strip).filter(s -> !s.isEmpty())
			.filter(s -> !DEPARTMENT.matcher(s).replaceFirst("").isEmpty()).toList());
		if (parts.size() >= 2) {
			String precinct = null;
			String station = null;
			for (String part : parts) {
				Unit joined = splitJoined(part);
				if (joined.precinct() != null && joined.station() != null) {
					return joined;
				}
				if (precinct == null && PRECINCT_END.matcher(part).find()) {
					precinct = part;
				}
				else if (station == null && isStation(part)) {
					station = part;
				}
			}
			if (precinct == null && station == null) {
				// "新興 中正四路": the first names the precinct, the last the station
				return new Unit(parts.get(0), parts.get(parts.size() - 1));
			}
			if (precinct == null && parts.size() == 2) {
				precinct = parts.get(0).equals(station) ? parts.get(1) : parts.get(0);
			}
			if (station == null && parts.size() == 2) {
				station = parts.get(0).equals(precinct) ? parts.get(1) : parts.get(0);
			}
			return new Unit(precinct, station);
		}
		return splitJoined(String.join("", parts));
	}

	/** A unit written without separators: the precinct ends with 分局, the station follows it. */
	private static Unit splitJoined(String v) {
		Matcher m = PRECINCT_END.matcher(v);
		if (m.find()) {
			String precinct = v.substring(0, m.end());
			String station = v.substring(m.end()).strip();
			return new Unit(precinct, station.isEmpty() ? null : station);
		}
		if (isStation(v)) {
			return new Unit(null, v);
		}
		return new Unit(v, null);
	}

	/**
	 * Whether a name is written in Chinese characters: a station is created only from such a name, as its zh-TW name;
	 * an English or romanised one ("Dewang Station") would make a second station beside 德望派出所.
	 */
	static boolean isChinese(String v) {
		return v != null && v.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	static boolean isStation(String v) {
		return v != null && STATION_SUFFIX.matcher(v.strip()).find() && stationKey(v).length() >= 1;
	}

	/**
	 * What names a station whatever the list wrote around it: full-width folded, lower case, no spaces, no suffix
	 * ({@code 中正四路派出所}, {@code 中正四路所} and {@code 中正四路 派出所} are all {@code 中正四路}).
	 */
	static String stationKey(String name) {
		if (name == null) {
			return "";
		}
		String k = Values.fold(name).toLowerCase(Locale.ROOT).strip();
		k = STATION_SUFFIX.matcher(k).replaceAll("").strip();
		return k.replaceAll("[\\s_\\-.'’]", "");
	}

	/**
	 * The name a new station gets from how a list wrote it: a short {@code 中正四路所} becomes {@code 中正四路派出所};
	 * a name without any station word gets {@code 派出所}; 分駐所 and 駐在所 stay what they are.
	 */
	static String stationName(String written) {
		String v = Values.fold(written).strip().replaceAll("\\s+", "");
		if (v.endsWith("派出所") || v.endsWith("分駐所") || v.endsWith("駐在所") || v.endsWith("警察所")) {
			return v;
		}
		if (v.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			return Values.fold(written).strip().replaceAll("\\s+", " ");
		}
		if (v.endsWith("所")) {
			return v.substring(0, v.length() - 1) + "派出所";
		}
		return v + "派出所";
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
