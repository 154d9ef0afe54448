package io.watchkeeper.camera.boundary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.watchkeeper.camera.boundary.GeoJsonPolygons.Problem;

/**
 * The rules a precinct or district boundary file must meet before anything is written: a FeatureCollection of
 * (Multi)Polygons inside Taiwan, each with names and a code (precincts: {@code code, name_zh, name_en};
 * districts: {@code name_zh, name_en} and an optional {@code code}, otherwise derived from {@code name_en}).
 */
final class BoundaryFile {

	/** One area ready to be written. {@code repair} says why PostGIS must make the geometry valid, or is null. */
	record Area(int index, String code, String nameZh, String nameEn, String geometryJson, String repair) {
	}

	static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,32}");
	static final int MAX_NAME = 100;

	private BoundaryFile() {
	}

	/** Validates the whole file; throws with every problem found, each naming the feature index and field. */
	static List<Area> validate(BoundaryKind kind, byte[] content) {
		GeoJsonPolygons.Result parsed = GeoJsonPolygons.read(content);
		List<Problem> errors = new ArrayList<>(parsed.problems());
		List<Area> areas = new ArrayList<>();
		Map<String, Integer> codes = new HashMap<>();
		Map<String, Integer> namesZh = new HashMap<>();
		for (GeoJsonPolygons.Feature feature : parsed.features()) {
			String path = "features[" + feature.index() + "].properties.";
			int before = errors.size();
			String nameZh = name(feature, "name_zh", path, errors);
			String nameEn = name(feature, "name_en", path, errors);
			String code = code(kind, feature, nameEn, path, errors);
			if (code != null) {
				Integer first = codes.putIfAbsent(code, feature.index());
				if (first != null) {
					errors.add(new Problem(path + "code", "boundary.problem.duplicateCode", code, first, feature.index()));
				}
			}
			if (nameZh != null) {
				Integer first = namesZh.putIfAbsent(nameZh, feature.index());
				if (first != null) {
					errors.add(new Problem(path + "name_zh", "boundary.problem.duplicateName", nameZh, first, feature.index()));
				}
			}
			if (errors.size() == before) {
				areas.add(new Area(feature.index(), code, nameZh, nameEn, feature.geometryJson(), feature.topologyProblem()));
			}
		}
		if (!errors.isEmpty()) {
			throw new BoundaryFileException(kind == BoundaryKind.PRECINCT ? "boundary.rejected.precinct" : "boundary.rejected.district",
					List.of(errors.size()), errors, false);
		}
		return areas;
	}

	private static String name(GeoJsonPolygons.Feature feature, String property, String path, List<Problem> errors) {
		String value = feature.property(property);
		value = value == null ? null : value.strip();
		if (value == null || value.isEmpty()) {
			errors.add(new Problem(path + property, "boundary.problem.propertyMissing", property));
			return null;
		}
		if (value.length() > MAX_NAME) {
			errors.add(new Problem(path + property, "boundary.problem.propertyTooLong", property, MAX_NAME));
			return null;
		}
		return value;
	}

	private static String code(BoundaryKind kind, GeoJsonPolygons.Feature feature, String nameEn, String path,
			List<Problem> errors) {
		String given = feature.property("code");
		given = given == null ? null : given.strip();
		if (given == null || given.isEmpty()) {
			if (kind == BoundaryKind.PRECINCT) {
				errors.add(new Problem(path + "code", "boundary.problem.propertyMissing", "code"));
				return null;
			}
			if (nameEn == null) {
				return null; // already reported
			}
			String derived = AreaCodes.districtCode(nameEn);
			if (!CODE.matcher(derived).matches()) {
				errors.add(new Problem(path + "name_en", "boundary.problem.noDerivedCode", nameEn));
				return null;
			}
			return derived;
		}
		String code = given.toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			errors.add(new Problem(path + "code", "boundary.problem.codeCharacters", given));
			return null;
		}
		return code;
	}
}
