package io.watchkeeper.gazetteer;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Taiwanese address as people write it in camera lists and as door-plate lists publish it, into the same
 * parts, so that both sides meet on the same keys. The rules, in order:
 * <ul>
 * <li>full-width digits, letters and punctuation to half-width; 臺 to 台; 号 to 號, 衖 to 弄; spaces dropped;
 * whatever stands in parentheses dropped; a leading postal code dropped;</li>
 * <li>Chinese numerals before 段, 巷, 弄, 號, 之, 樓 and 鄰 to digits (三段 = 3段, 十五號 = 15號); a digit
 * written inside a road name to its numeral (中正4路 = 中正四路);</li>
 * <li>floors (3樓, 3樓之1, B1), 鄰 numbers, and trailing words (前, 旁, 對面, 附近, 燈桿, 電桿, 路口, 口, ...)
 * dropped;</li>
 * <li>sub-numbers in every form: 15-3號 = 15之3號 = 15號之3; ranges (15~17號, 15、17號) keep their first
 * number;</li>
 * <li>a leading city (高雄市), district (前鎮區; 鄉, 鎮 and 市 under a county) and village (村, 里) read off;</li>
 * <li>an intersection when two roads are joined by 與, 、, /, &amp;, 及 or written back to back before 口 (A路與B路口,
 * A路/B路口, A路、B路交叉口, A路與B路交岔路口, A路B路口).</li>
 * </ul>
 * The class is pure and thread-safe; it never throws on any input (unreadable text gives {@link Address.Kind#UNREADABLE}).
 */
public final class AddressNormaliser {

	/** Longer texts are not addresses; they are refused before any pattern runs over them. */
	static final int MAX_LENGTH = 300;

	private static final List<String> CITIES = List.of("台北市", "新北市", "桃園市", "台中市", "台南市", "高雄市", "基隆市",
			"新竹市", "嘉義市", "新竹縣", "苗栗縣", "彰化縣", "南投縣", "雲林縣", "嘉義縣", "屏東縣", "宜蘭縣", "花蓮縣", "台東縣",
			"澎湖縣", "金門縣", "連江縣", "台北縣", "桃園縣", "台中縣", "台南縣", "高雄縣");

	private static final String NUMERALS = "零〇一二兩三四五六七八九十百千";

	private static final Pattern PARENTHESES = Pattern.compile("[(\\[【〔「][^)\\]】〕」]*[)\\]】〕」]?");

	private static final Pattern DASHES = Pattern.compile("[‐‑‒–—―﹣−]");

	private static final Pattern CHINESE_NUMBER_BEFORE_UNIT = Pattern
		.compile("([" + NUMERALS + "]+)(?=[段巷弄號樓鄰])");

	private static final Pattern CHINESE_NUMBER_AFTER_ZHI = Pattern.compile("之([" + NUMERALS + "]+)");

	private static final Pattern DIGIT_IN_ROAD_NAME = Pattern.compile("(?<=\\p{IsHan})(10|[1-9])(?=[路街])");

	private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{3,6}(?=\\D)");

	private static final Pattern FLOOR = Pattern.compile("(地下)?\\d+樓(之\\d+)?|(?<=號)(B\\d+F?|\\d+F)");

	private static final Pattern NEIGHBOURHOOD = Pattern.compile("\\d+鄰");

	private static final Pattern RANGE = Pattern.compile("(\\d+)(?:之\\d+)?(?:號)?(?:~|、|,|至|到|及|和)\\d+(?:之\\d+)?號");

	private static final Pattern NUMBER_DASH = Pattern.compile("(\\d+)-(\\d+)(號)?");

	private static final Pattern NUMBER_AFTER_HAO = Pattern.compile("(\\d+)號之(\\d+)");

	private static final List<String> TRAILING_WORDS = List.of("交岔路口", "交叉路口", "交岔口", "交叉口", "叉路口", "交會口",
			"交口", "斜對面", "正對面", "對面", "附近", "旁邊", "一帶", "周邊", "路燈桿", "燈桿", "電桿", "電線桿", "路燈",
			"號誌桿", "監視器", "桿", "入口", "出口", "門口", "上方", "對街", "前方", "前", "旁", "後", "側", "邊", "處", "內",
			"外", "上", "附設");

	private static final Pattern SEPARATOR = Pattern.compile("與|、|/|&|及|\\+|;|,|跟");

	private static final Pattern ROAD_END = Pattern.compile("(?:大道|路|街)(?:\\d+段)?");

	private static final Pattern DISTRICT = Pattern.compile("^(\\p{IsHan}{1,3}區)(?=.)");

	private static final Pattern COUNTY_TOWN = Pattern.compile("^(\\p{IsHan}{1,2}[鄉鎮市])(?=\\p{IsHan}{2})");

	private static final Pattern VILLAGE = Pattern.compile("^(\\p{IsHan}{1,3}[村里])(?=\\p{IsHan}{2,}(?:大道|路|街))");

	private static final Pattern PARTS = Pattern.compile(
			"^(?<road>\\D+?)(?:(?<sec>\\d{1,2})段)?(?:(?<lane>\\d{1,4})巷)?(?:(?<alley>\\d{1,4})弄)?(?:(?<no>\\d{1,5})(?:之(?<sub>\\d{1,4}))?號?)?$");

	private AddressNormaliser() {
	}

	/** Reads {@code raw} into its parts; the result's {@link Address#text()} is the normalised address. */
	public static Address parse(String raw) {
		String s = clean(raw);
		if (s == null) {
			return Address.UNREADABLE;
		}
		String city = null;
		for (String c : CITIES) {
			if (s.startsWith(c)) {
				city = c;
				s = s.substring(c.length());
				break;
			}
		}
		String district = null;
		Matcher d = DISTRICT.matcher(s);
		if (d.find()) {
			district = d.group(1);
		}
		else if (city != null && city.endsWith("縣") && (d = COUNTY_TOWN.matcher(s)).find()) {
			district = d.group(1);
		}
		if (district != null) {
			s = s.substring(district.length());
		}
		Matcher v = VILLAGE.matcher(s);
		if (v.find()) {
			s = s.substring(v.end());
		}
		if (s.isEmpty()) {
			return Address.UNREADABLE;
		}
		String[] roads = SEPARATOR.split(s, -1);
		if (roads.length == 1 && raw.strip().endsWith("口") && !s.contains("號")) {
			roads = backToBack(s);
		}
		if (roads.length >= 2) {
			Address first = parts(roads[0], city, district);
			Address second = parts(stripArea(roads[1]), null, null);
			if (first.kind() == Address.Kind.DOOR_PLATE) {
				return first;
			}
			if (first.kind() == Address.Kind.UNREADABLE) {
				return second.kind() == Address.Kind.UNREADABLE ? Address.UNREADABLE : second.inDistrict(district);
			}
			if (second.kind() == Address.Kind.UNREADABLE || second.roadKey().equals(first.roadKey())) {
				return first;
			}
			return new Address(Address.Kind.INTERSECTION, city, district, first.road(), first.section(), 0, 0, 0, 0,
					second.road(), second.section());
		}
		return parts(s, city, district);
	}

	/** "中正四路中華三路" written back to back before 口: split after the first road ending when a road follows. */
	private static String[] backToBack(String s) {
		Matcher m = ROAD_END.matcher(s);
		while (m.find()) {
			String rest = s.substring(m.end());
			if (rest.length() >= 2 && ROAD_END.matcher(rest).find() && !Character.isDigit(rest.charAt(0))) {
				return new String[] { s.substring(0, m.end()), rest };
			}
		}
		return new String[] { s };
	}

	/** The second road of an intersection may repeat the city or district. */
	private static String stripArea(String s) {
		for (String c : CITIES) {
			if (s.startsWith(c)) {
				s = s.substring(c.length());
				break;
			}
		}
		Matcher d = DISTRICT.matcher(s);
		return d.find() ? s.substring(d.group(1).length()) : s;
	}

	private static Address parts(String s, String city, String district) {
		if (s.isEmpty() || s.length() > 80) {
			return Address.UNREADABLE;
		}
		Matcher m = PARTS.matcher(s);
		if (!m.matches()) {
			return Address.UNREADABLE;
		}
		String road = m.group("road");
		if (road.length() < 2 || !road.codePoints().allMatch(Character::isIdeographic) || road.contains("號")
				|| road.contains("之")) {
			return Address.UNREADABLE;
		}
		int number = toInt(m.group("no"));
		return new Address(number > 0 ? Address.Kind.DOOR_PLATE : Address.Kind.ROAD, city, district, road,
				toInt(m.group("sec")), toInt(m.group("lane")), toInt(m.group("alley")), number,
				number > 0 ? toInt(m.group("sub")) : 0, null, 0);
	}

	private static int toInt(String digits) {
		return digits == null ? 0 : Integer.parseInt(digits);
	}

	/** The address folded, with its noise dropped and its numbers written as digits; null when nothing is left. */
	static String clean(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
			return null;
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u200B' || c == '\uFEFF') {
				continue;
			}
			b.append(switch (c) {
				case '臺' -> '台';
				case '号' -> '號';
				case '衖' -> '弄';
				case '巿' -> '市';
				default -> Character.toUpperCase(c);
			});
		}
		s = PARENTHESES.matcher(b).replaceAll("");
		s = DASHES.matcher(s).replaceAll("-");
		s = POSTAL_CODE.matcher(s).replaceFirst("");
		s = replaceNumerals(CHINESE_NUMBER_BEFORE_UNIT.matcher(s), 1, "");
		s = replaceNumerals(CHINESE_NUMBER_AFTER_ZHI.matcher(s), 1, "之");
		s = DIGIT_IN_ROAD_NAME.matcher(s).replaceAll(r -> String.valueOf("一二三四五六七八九十".charAt(Integer.parseInt(r.group(1)) - 1)));
		s = FLOOR.matcher(s).replaceAll("");
		s = NEIGHBOURHOOD.matcher(s).replaceAll("");
		s = trimTrailingWords(s);
		s = RANGE.matcher(s).replaceAll("$1號");
		s = NUMBER_AFTER_HAO.matcher(s).replaceAll("$1之$2號");
		s = NUMBER_DASH.matcher(s).replaceAll("$1之$2號");
		s = s.replace("號號", "號");
		s = trimTrailingWords(s);
		return s.isEmpty() ? null : s;
	}

	private static String trimTrailingWords(String s) {
		boolean changed = true;
		while (changed && !s.isEmpty()) {
			changed = false;
			for (String w : TRAILING_WORDS) {
				if (s.endsWith(w) && s.length() > w.length() + 1) {
					s = s.substring(0, s.length() - w.length());
					changed = true;
					break;
				}
			}
			// 口 only after a road, lane or section: "中正路口", "100巷口"; never the 口 of a place name mid-address
			if (s.length() > 2 && s.endsWith("口") && "路街道段巷弄".indexOf(s.charAt(s.length() - 2)) >= 0) {
				s = s.substring(0, s.length() - 1);
				changed = true;
			}
			while (!s.isEmpty() && "-,.、/&與及".indexOf(s.charAt(s.length() - 1)) >= 0) {
				s = s.substring(0, s.length() - 1);
				changed = true;
			}
		}
		return s;
	}

	private static String replaceNumerals(Matcher m, int group, String prefix) {
		return m.replaceAll(r -> {
			int n = chineseNumber(r.group(group));
			return n < 0 ? Matcher.quoteReplacement(r.group()) : prefix + n;
		});
	}

	/** 三 = 3, 十五 = 15, 二十 = 20, 一百零五 = 105, 一〇五 = 105; -1 when it is not a number. */
	static int chineseNumber(String text) {
		if (text.isEmpty() || text.length() > 8) {
			return -1;
		}
		boolean units = text.chars().anyMatch(c -> c == '十' || c == '百' || c == '千');
		if (!units) {
			int n = 0;
			for (int i = 0; i < text.length(); i++) {
				int digit = digit(text.charAt(i));
				if (digit < 0) {
					return -1;
				}
				n = n * 10 + digit;
			}
			return n;
		}
		int total = 0;
		int current = -1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
			if (unit > 0) {
				total += (current < 0 ? 1 : current) * unit;
				current = -1;
			}
			else {
				int digit = digit(c);
				if (digit < 0) {
					return -1;
				}
				current = digit;
			}
		}
		return total + Math.max(current, 0);
	}

	private static int digit(char c) {
		return switch (c) {
			case '零', '〇' -> 0;
			case '一' -> 1;
			case '二', '兩' -> 2;
			case '三' -> 3;
			case '四' -> 4;
			case '五' -> 5;
			case '六' -> 6;
			case '七' -> 7;
			case '八' -> 8;
			case '九' -> 9;
			default -> -1;
		};
	}
}
