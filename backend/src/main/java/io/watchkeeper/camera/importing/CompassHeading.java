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
 * <li>surveyors' quadrant bearings {@code N30E} (30), {@code S20W} (200).</li>
 * </ul>
 * Half degrees round up: NNE (22.5°) is stored as 23.
 */
final class CompassHeading {

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

	private static final Pattern DECORATION = Pattern.compile("^(?:面向|面朝|朝向|向|朝|往|面)|(?:方向|方位|方|向|側|侧|邊|面)$");

	private CompassHeading() {
	}

	/** The heading in degrees 0–359, or null for an empty cell. */
	static Integer parse(String raw) throws BadValue {
		String value = Values.clean(raw);
		if (value == null) {
			return null;
		}
		String v = value.toLowerCase(Locale.ROOT).replace(" ", "");
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
		Double point = POINTS.get(v);
		if (point == null) {
			point = POINTS.get(DECORATION.matcher(v).replaceAll(""));
		}
		if (point == null) {
			// "向東方", "朝東北方向": decorations on both sides
			point = POINTS.get(DECORATION.matcher(DECORATION.matcher(v).replaceAll("")).replaceAll(""));
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
