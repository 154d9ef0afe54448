package io.watchkeeper.camera.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import io.watchkeeper.shared.GeoPoint;

/**
 * Reads camera locations given as WGS84 longitude/latitude or as TWD97 TM2 (EPSG:3826) metres and checks
 * that they lie in Taiwan. Swapped longitude/latitude (and swapped X/Y) is unambiguous in Taiwan, because
 * the ranges do not overlap, so it is <em>accepted with a warning</em> rather than refused: the report
 * names every row where it happened. One instance per import: proj4j transforms are not thread-safe.
 */
final class Coordinates {

	static final String TWD97_TM2 = "+proj=tmerc +lat_0=0 +lon_0=121 +k=0.9999 +x_0=250000 +y_0=0 +ellps=GRS80 +units=m +no_defs";

	/** Where a location came from and whether it had to be turned round. */
	record Reading(GeoPoint point, String warningCode) {
	}

	private static final Pattern DMS = Pattern.compile("([+-]?\\d{1,3})\\s*[°度]\\s*(\\d{1,2})\\s*['′分]\\s*(\\d{1,2}(?:\\.\\d+)?)?\\s*(?:[\"″]|秒)?\\s*([NSEWnsew])?");

	private static final Pattern PAIR_SEPARATOR = Pattern.compile("\\s*[,;\\s]\\s*");

	private final CoordinateTransform toWgs84;

	private final CoordinateTransform toTwd97;

	Coordinates() {
		CRSFactory crs = new CRSFactory();
		var twd97 = crs.createFromParameters("EPSG:3826", TWD97_TM2);
		var wgs84 = crs.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs");
		CoordinateTransformFactory transforms = new CoordinateTransformFactory();
		this.toWgs84 = transforms.createTransform(twd97, wgs84);
		this.toTwd97 = transforms.createTransform(wgs84, twd97);
	}

	/** A decimal number or degrees-minutes-seconds ({@code 120°18'05"E}). */
	static double number(String raw) throws BadValue {
		String v = Values.clean(raw);
		try {
			double d = Double.parseDouble(v.replace("°", "").replace("度", ""));
			if (Double.isFinite(d)) {
				return d;
			}
		}
		catch (NumberFormatException e) {
			Matcher m = DMS.matcher(v);
			if (m.matches()) {
				double deg = Math.abs(Integer.parseInt(m.group(1)));
				double d = deg + Integer.parseInt(m.group(2)) / 60.0
						+ (m.group(3) == null ? 0 : Double.parseDouble(m.group(3)) / 3600.0);
				boolean negative = m.group(1).startsWith("-") || (m.group(4) != null && "SWsw".contains(m.group(4)));
				return negative ? -d : d;
			}
		}
		throw new BadValue("import.error.notNumber", raw);
	}

	Reading lonLat(double lon, double lat) throws BadValue {
		if (isTaiwanLongitude(lon) && isTaiwanLatitude(lat)) {
			return new Reading(new GeoPoint(lon, lat), null);
		}
		if (isTaiwanLongitude(lat) && isTaiwanLatitude(lon)) {
			return new Reading(new GeoPoint(lat, lon), "import.warning.swappedLonLat");
		}
		if (looksLikeTwd97(lon, lat) || looksLikeTwd97(lat, lon)) {
			throw new BadValue("import.error.coordinates.looksLikeTwd97", lon, lat);
		}
		throw new BadValue("import.error.coordinates.outsideTaiwan", fmt(lon), fmt(lat));
	}

	Reading twd97(double x, double y) throws BadValue {
		if (isTaiwanLongitude(x) && isTaiwanLatitude(y) || isTaiwanLongitude(y) && isTaiwanLatitude(x)) {
			throw new BadValue("import.error.coordinates.looksLikeDegrees", x, y);
		}
		String warning = null;
		if (Math.abs(x) > 1_000_000 && Math.abs(y) < 1_000_000) {
			double t = x;
			x = y;
			y = t;
			warning = "import.warning.swappedXY";
		}
		ProjCoordinate out = new ProjCoordinate();
		toWgs84.transform(new ProjCoordinate(x, y), out);
		if (!Double.isFinite(out.x) || !Double.isFinite(out.y) || !isTaiwanLongitude(out.x) || !isTaiwanLatitude(out.y)) {
			throw new BadValue("import.error.coordinates.outsideTaiwanTwd97", fmt(x), fmt(y));
		}
		return new Reading(new GeoPoint(out.x, out.y), warning);
	}

	/**
	 * One cell with both numbers ({@code 120.30,22.63}, {@code 22.63 120.30}, {@code 178000,2500000}).
	 * The order of longitude and latitude is not fixed in such cells (maps copy "lat, lon"), so either
	 * order is read without a warning.
	 */
	Reading pair(String raw) throws BadValue {
		String v = Values.clean(raw);
		String[] parts = PAIR_SEPARATOR.split(v.replaceAll("^[(\\[]|[)\\]]$", ""));
		if (parts.length != 2) {
			throw new BadValue("import.error.coordinates.pair", raw);
		}
		double a = number(parts[0]);
		double b = number(parts[1]);
		if (Math.abs(a) <= 180 && Math.abs(b) <= 180) {
			Reading r = lonLat(a, b);
			return r.warningCode() == null ? r : new Reading(r.point(), null);
		}
		return twd97(a, b);
	}

	double[] toTwd97(GeoPoint p) {
		ProjCoordinate out = new ProjCoordinate();
		toTwd97.transform(new ProjCoordinate(p.longitude(), p.latitude()), out);
		return new double[] { out.x, out.y };
	}

	static boolean isTaiwanLongitude(double v) {
		return v >= 118.0 && v <= 122.5;
	}

	static boolean isTaiwanLatitude(double v) {
		return v >= 21.5 && v <= 26.5;
	}

	private static boolean looksLikeTwd97(double x, double y) {
		return x >= -100_000 && x <= 500_000 && y >= 2_300_000 && y <= 2_950_000;
	}

	private static String fmt(double d) {
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
	}
}
