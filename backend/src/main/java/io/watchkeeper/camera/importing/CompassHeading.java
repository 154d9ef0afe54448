package io.watchkeeper.camera.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a camera direction into a heading in whole degrees clockwise from north.
 * <ul>
 * <li>numbers 0–360 ({@code 45}, {@code 45°}, {@code 45度}); 360 is north and stored as 0, anything
 * below 0 or above 360 is refused;</li>
 * <li>the 16 compass points in Chinese and English ({@code 東}, {@code 東北}, {@code 東北東}, {@code N},
 * {@code NE}, {@code ENE}, {@code north-east}), also written {@code 向東}, {@code 朝東北方向}, {@code 東側};</li>
 * <li>Chinese deviations {@code 北偏東30度} (30), {@code 東偏南15°} (105), and without a number
 * {@code 北偏東} or {@code 東北偏北}, read as half a point (22.5°) towards the second direction;</li>
 * <li>surveyors' quadrant bearings {@code N30E} (30), {@code S20W} (200);</li>
 * <li>the two-character points in either order ({@code 北東} is {@code 東北}), {@code 正北}, and decorations such as
 * {@code 朝}, {@code 往}, {@code 面向}, {@code 側}, {@code 方向}, {@code 角}, a note in brackets ({@code 朝東(往市區)});</li>
 * <li>all-round views ({@code 全景}, {@code 環景}, {@code 360}, {@code 360°}, {@code 魚眼}, {@code fisheye},
 * {@code panoramic}, {@code omni}): no heading, the camera sees every way ({@link Direction#allRound()}).</li>
 * </ul>
 * Half degrees round up: NNE (22.5°) is stored as 23. A bare {@code 360} means an all-round camera, as lists write
 * it, not north.
 */
final class CompassHeading {

	/** A direction as read: whole degrees clockwise from north, or all-round (no heading, field of view 360°). */
	record Direction(Integer degrees, boolean allRound) {

		static final Direction ALL_ROUND = new Direction(null, true);
	}

	private static final Map<String, Double> POINTS = new HashMap<>();

	static {
		String[][] points = {
				{ "0", "北", "n", "north" },
				{ "22.5", "北北東", "nne", "northnortheast" },
				{ "45", "東北", "ne", "northeast" },
				{ "67.5", "東北東", "ene", "eastnortheast" },
				{ "90", "東", "e", "east" },
				{ "112.5", "東南東", "ese", "eastsoutheast" },
				{ "135", "東南", "se", "southeast" },
				{ "157.5", "南南東", "sse", "southsoutheast" },
				{ "180", "南", "s", "south" },
				{ "202.5", "南南西", "ssw", "southsouthwest" },
				{ "225", "西南", "sw", "southwest" },
				{ "247.5", "西南西", "wsw", "westsouthwest" },
				{ "270", "西", "w", "west" },
				{ "292.5", "西北西", "wnw", "westnorthwest" },
				{ "315", "西北", "nw", "northwest" },
				{ "337.5", "北北西", "nnw", "northnorthwest" } };
		for (String[] p : points) {
			for (int i = 1; i < p.length; i++) {
				POINTS.put(p[i], Double.valueOf(p[0]));
			}
		}
		// Simplified characters turn up in lists copied from elsewhere.
		for (Map.Entry<String, Double> e : Map.copyOf(POINTS).entrySet()) {
			if (e.getKey().contains("東")) {
				POINTS.put(e.getKey().replace('東', '东'), e.getValue());
			}
		}
	}

	private static final Pattern NUMBER = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(?:°|度|deg|degrees?)?");

	private static final Pattern DEVIATION = Pattern.compile("(.+?)偏(.+?)(?:(\\d+(?:\\.\\d+)?)\\s*(?:°|度)?)?");

	private static final Pattern QUADRANT = Pattern.compile("([ns])\\s*(\\d+(?:\\.\\d+)?)\\s*(?:°|度)?\\s*([ew])");

	private static final Pattern DECORATION = Pattern.compile("^(?:面向|面朝|朝向|拍向|拍攝|向|朝|往|面|正)|(?:方向|方位|方|向|側|侧|邊|边|面|角)$");

	/** Words lists use for a camera that sees every way; the whole cell must be such words. */
	private static final Pattern ALL_ROUND = Pattern.compile(
			"(?:360(?:°|度)?|全景|環景|环景|全方位|全向|全周|魚眼|鱼眼|fisheye|fish-eye|omni(?:directional)?|panorama|panoramic|allround|all-round|360view)+"
					+ "(?:攝影機|攝影|鏡頭|镜头|視角|视角|型|式|camera|lens|view)?");

	private static final Pattern BRACKETED = Pattern.compile("[(（\\[【][^)）\\]】]*[)）\\]】]");

	private static final Pattern REVERSED = Pattern.compile("([南北])([東西东])");

	private CompassHeading() {
	}

	/** The direction a cell states, or null for an empty cell. */
	static Direction read(String raw) throws BadValue {
		String value = Values.clean(raw);
		if (value == null) {
			return null;
		}
		String v = Values.fold(value).toLowerCase(Locale.ROOT).replaceAll("[\\s_]|(?<!\\d)\\.|\\.(?!\\d)", "");
		if (v.length() > 2 && "([【".indexOf(v.charAt(0)) >= 0 && ")]】".indexOf(v.charAt(v.length() - 1)) >= 0) {
			v = v.substring(1, v.length() - 1); // "(全景)": the whole cell in brackets
		}
		if (ALL_ROUND.matcher(v).matches()) {
			return Direction.ALL_ROUND;
		}
		String bare = BRACKETED.matcher(v).replaceAll("");
		if (!bare.isEmpty() && !bare.equals(v)) {
			if (ALL_ROUND.matcher(bare).matches()) {
				return Direction.ALL_ROUND;
			}
			return new Direction(degrees(raw, bare), false);
		}
		return new Direction(degrees(raw, v), false);
	}

	/** The heading in degrees 0–359, or null for an empty cell or an all-round camera. */
	static Integer parse(String raw) throws BadValue {
		Direction d = read(raw);
		return d == null ? null : d.degrees();
	}

	private static Integer degrees(String raw, String v) throws BadValue {
		Matcher m = NUMBER.matcher(v);
		if (m.matches()) {
			double degrees = Double.parseDouble(m.group(1));
			if (degrees < 0 || degrees > 360) {
				throw new BadValue("import.error.heading.range", raw);
			}
			return normalise(degrees);
		}
		v = v.replace("-", "");
		m = QUADRANT.matcher(v);
		if (m.matches()) {
			double d = Double.parseDouble(m.group(2));
			if (d > 90) {
				throw new BadValue("import.error.heading.range", raw);
			}
			boolean north = m.group(1).equals("n");
			boolean east = m.group(3).equals("e");
			double degrees = north ? (east ? d : 360 - d) : (east ? 180 - d : 180 + d);
			return normalise(degrees);
		}
		Double point = point(v);
		if (point != null) {
			return normalise(point);
		}
		m = DEVIATION.matcher(v);
		if (m.matches()) {
			Double from = point(m.group(1));
			Double towards = point(m.group(2));
			if (from != null && towards != null) {
				double turn = clockwise(from, towards);
				if (turn != 0 && Math.abs(turn) <= 90) {
					double amount = m.group(3) == null ? 22.5 : Double.parseDouble(m.group(3));
					if (amount > 90) {
						throw new BadValue("import.error.heading.range", raw);
					}
					return normalise(from + Math.signum(turn) * amount);
				}
			}
		}
		throw new BadValue("import.error.heading.unknown", raw);
	}

	private static Double point(String v) {
		Double point = lookUp(v);
		if (point == null) {
			point = lookUp(DECORATION.matcher(v).replaceAll(""));
		}
		if (point == null) {
			// "向東方", "朝東北方向": decorations on both sides
			point = lookUp(DECORATION.matcher(DECORATION.matcher(v).replaceAll("")).replaceAll(""));
		}
		return point;
	}

	/** A compass point, also with its two characters the other way round ("北東" for "東北"). */
	private static Double lookUp(String v) {
		Double point = POINTS.get(v);
		if (point == null && v.length() == 2) {
			Matcher m = REVERSED.matcher(v);
			if (m.matches()) {
				point = POINTS.get(m.group(2) + m.group(1));
			}
		}
		return point;
	}

	/** Signed smallest turn from one direction to another: positive clockwise. */
	private static double clockwise(double from, double to) {
		double d = ((to - from) % 360 + 540) % 360 - 180;
		return d;
	}

	private static int normalise(double degrees) {
		return io.watchkeeper.camera.Heading.rounded(((degrees % 360) + 360) % 360);
	}
}
