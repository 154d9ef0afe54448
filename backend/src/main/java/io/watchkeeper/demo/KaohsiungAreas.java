package io.watchkeeper.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import io.watchkeeper.camera.boundary.AreaCodes;
import io.watchkeeper.camera.boundary.GeoJsonPolygons;
import io.watchkeeper.shared.GeoPoint;

/**
 * The 883 villages of {@code gis/kaohsiung-villages-1982.geojson} with their district and precinct, and the
 * district and precinct boundaries that the database will use. A generated camera lies inside its village,
 * its district and its precinct, so point in polygon in the database agrees with the generator.
 */
final class KaohsiungAreas {

	record Village(String id, String name, String district, String precinct, PreparedGeometry shape, Envelope envelope,
			double areaKm2) {
	}

	private final List<Village> villages;
	private final Map<String, PreparedGeometry> districts = new LinkedHashMap<>();
	private final Map<String, PreparedGeometry> precincts = new LinkedHashMap<>();
	private final Map<String, String> districtCodes = new LinkedHashMap<>();

	private KaohsiungAreas(List<Village> villages) {
		this.villages = villages;
	}

	static KaohsiungAreas fromClasspath() {
		List<Village> villages = new ArrayList<>();
		for (GeoJsonPolygons.Feature f : GeoJsonPolygons.readClasspath("gis/kaohsiung-villages-1982.geojson")) {
			Geometry shape = usable(f);
			villages.add(new Village(f.property("village_id"), f.property("village_1982"), f.property("district"),
					f.property("precinct"), PreparedGeometryFactory.prepare(shape), shape.getEnvelopeInternal(),
					areaKm2(shape)));
		}
		// A fixed order (by district, then village id) keeps the generator deterministic and site codes clustered.
		villages.sort(Comparator.comparing(Village::district).thenComparing(Village::id));
		KaohsiungAreas areas = new KaohsiungAreas(List.copyOf(villages));
		for (GeoJsonPolygons.Feature f : GeoJsonPolygons.readClasspath("gis/kaohsiung-districts.geojson")) {
			areas.districts.put(f.property("name_zh"), PreparedGeometryFactory.prepare(usable(f)));
			areas.districtCodes.put(f.property("name_zh"), AreaCodes.districtCode(f.property("name_en")));
		}
		for (GeoJsonPolygons.Feature f : GeoJsonPolygons.readClasspath("gis/kaohsiung-precincts.geojson")) {
			areas.precincts.put(f.property("code"), PreparedGeometryFactory.prepare(usable(f)));
		}
		for (Village v : areas.villages) {
			if (!areas.districts.containsKey(v.district()) || !areas.precincts.containsKey(v.precinct())) {
				throw new IllegalStateException("Village " + v.id() + " names an unknown district or precinct");
			}
		}
		return areas;
	}

	List<Village> villages() {
		return villages;
	}

	/** The code the boundary loader gives a district (from its English name). */
	String districtCode(String districtNameZh) {
		return districtCodes.get(districtNameZh);
	}

	/**
	 * A random point inside the village that also lies inside its district and precinct (the boundaries are
	 * simplified separately, so a point near a village edge may fall just outside its district).
	 */
	double[] randomPointIn(Village village, SplittableRandom random) {
		Envelope e = village.envelope();
		PreparedGeometry district = districts.get(village.district());
		PreparedGeometry precinct = precincts.get(village.precinct());
		for (int attempt = 0; attempt < 1_000; attempt++) {
			double lon = round6(e.getMinX() + random.nextDouble() * e.getWidth());
			double lat = round6(e.getMinY() + random.nextDouble() * e.getHeight());
			Point p = GeoPoint.FACTORY.createPoint(new Coordinate(lon, lat));
			if (village.shape().contains(p) && district.contains(p) && precinct.contains(p)) {
				return new double[] { lon, lat };
			}
		}
		Point inside = village.shape().getGeometry().getInteriorPoint();
		return new double[] { round6(inside.getX()), round6(inside.getY()) };
	}

	private static Geometry usable(GeoJsonPolygons.Feature feature) {
		// The bundled files contain a few rings JTS finds degenerate; buffer(0) is the usual repair.
		return feature.topologyProblem() == null ? feature.geometry() : feature.geometry().buffer(0);
	}

	/** Good enough at Kaohsiung's latitude for weighting villages by size. */
	private static double areaKm2(Geometry g) {
		double latitude = g.getCentroid().getY();
		return g.getArea() * 111.32 * 111.32 * Math.cos(Math.toRadians(latitude));
	}

	static double round6(double value) {
		return Math.round(value * 1e6) / 1e6;
	}
}
