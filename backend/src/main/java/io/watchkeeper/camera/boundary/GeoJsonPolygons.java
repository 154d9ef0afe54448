package io.watchkeeper.camera.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import io.watchkeeper.shared.GeoPoint;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection of Polygons and MultiPolygons (WGS84 longitude/latitude) into JTS
 * geometries. Every problem is reported with the path of the offending field ({@code features[3].geometry})
 * instead of stopping at the first one, so a person can fix a file in one go.
 */
public final class GeoJsonPolygons {

	/** A feature that passed the structural checks. {@code topologyProblem} is null when the geometry is valid. */
	public record Feature(int index, Map<String, String> properties, MultiPolygon geometry, String geometryJson,
			String topologyProblem) {

		public String property(String name) {
			return properties.get(name);
		}
	}

	/**
	 * A problem at a field of the file: a message code of {@code messages/boundary*.properties} and its
	 * arguments (numbers of positions as text, so that no message rounds them).
	 */
	public record Problem(String field, String code, List<Object> args) {

		public Problem(String field, String code, Object... args) {
			this(field, code, List.of(args));
		}
	}

	public record Result(List<Feature> features, List<Problem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	/** More problems than this are summarised: a file this broken is the wrong file. */
	static final int MAX_PROBLEMS = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Problem> problems = new ArrayList<>();

	private GeoJsonPolygons() {
	}

	public static Result read(byte[] content) {
		return new GeoJsonPolygons().parse(content);
	}

	/** Reads a file shipped with the application; a problem there is a packaging bug. */
	public static List<Feature> readClasspath(String resource) {
		try (InputStream in = GeoJsonPolygons.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing classpath resource " + resource);
			}
			Result result = read(in.readAllBytes());
			if (!result.ok()) {
				throw new IllegalStateException(resource + " is not a valid boundary file: " + result.problems());
			}
			return result.features();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Result parse(byte[] content) {
		List<Feature> features = new ArrayList<>();
		if (content == null || content.length == 0) {
			problem("file", "boundary.problem.emptyFile");
			return result(features);
		}
		int offset = hasUtf8Bom(content) ? 3 : 0;
		JsonNode root;
		try {
			root = JSON.readTree(new java.io.ByteArrayInputStream(content, offset, content.length - offset));
		}
		catch (JacksonException e) {
			var where = e.getLocation();
			if (where == null || where.getLineNr() < 1) {
				problem("file", "boundary.problem.notJson", shortText(e.getOriginalMessage()));
			}
			else {
				problem("file", "boundary.problem.notJsonAt", where.getLineNr(), where.getColumnNr(),
						shortText(e.getOriginalMessage()));
			}
			return result(features);
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			problem("file", "boundary.problem.emptyFile");
			return result(features);
		}
		if (!root.isObject()) {
			problem("type", "boundary.problem.notObject");
			return result(features);
		}
		if (!"FeatureCollection".equals(text(root.get("type")))) {
			problem("type", "boundary.problem.notFeatureCollection", describe(root.get("type")));
			return result(features);
		}
		JsonNode list = root.get("features");
		if (list == null || !list.isArray()) {
			problem("features", "boundary.problem.noFeaturesArray");
			return result(features);
		}
		if (list.isEmpty()) {
			problem("features", "boundary.problem.noFeatures");
			return result(features);
		}
		for (int i = 0; i < list.size(); i++) {
			Feature feature = feature(i, list.get(i));
			if (feature != null) {
				features.add(feature);
			}
		}
		return result(features);
	}

	private Result result(List<Feature> features) {
		List<Problem> reported = problems;
		if (problems.size() > MAX_PROBLEMS) {
			reported = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
			reported.add(new Problem("file", "boundary.problem.more", problems.size() - MAX_PROBLEMS));
		}
		return new Result(Collections.unmodifiableList(features), List.copyOf(reported));
	}

	private Feature feature(int index, JsonNode node) {
		String path = "features[" + index + "]";
		if (node == null || !node.isObject()) {
			problem(path, "boundary.problem.featureNotObject");
			return null;
		}
		if (!"Feature".equals(text(node.get("type")))) {
			problem(path + ".type", "boundary.problem.notFeature", describe(node.get("type")));
		}
		Map<String, String> properties = new LinkedHashMap<>();
		JsonNode props = node.get("properties");
		if (props == null || props.isNull()) {
			problem(path + ".properties", "boundary.problem.noProperties");
		}
		else if (!props.isObject()) {
			problem(path + ".properties", "boundary.problem.propertiesNotObject");
		}
		else {
			for (var entry : props.properties()) {
				JsonNode value = entry.getValue();
				if (value != null && !value.isNull()) {
					properties.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
				}
			}
		}
		int before = problems.size();
		MultiPolygon geometry = geometry(path + ".geometry", node.get("geometry"));
		if (geometry == null || problems.size() > before) {
			return null;
		}
		TopologyValidationError error = new IsValidOp(geometry).getValidationError();
		String topology = error == null ? null
				: error.getMessage() + " near " + round(error.getCoordinate().x) + ", " + round(error.getCoordinate().y);
		return new Feature(index, Collections.unmodifiableMap(properties), geometry, node.get("geometry").toString(),
				topology);
	}

	private MultiPolygon geometry(String path, JsonNode node) {
		if (node == null || node.isNull()) {
			problem(path, "boundary.problem.noGeometry");
			return null;
		}
		if (!node.isObject()) {
			problem(path, "boundary.problem.geometryNotObject");
			return null;
		}
		String type = text(node.get("type"));
		JsonNode coordinates = node.get("coordinates");
		if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
			problem(path + ".type", "boundary.problem.geometryType", describe(node.get("type")));
			return null;
		}
		if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
			problem(path + ".coordinates", "boundary.problem.noCoordinates", type);
			return null;
		}
		List<Polygon> polygons = new ArrayList<>();
		if ("Polygon".equals(type)) {
			Polygon polygon = polygon(path + ".coordinates", coordinates);
			if (polygon != null) {
				polygons.add(polygon);
			}
		}
		else {
			for (int p = 0; p < coordinates.size(); p++) {
				Polygon polygon = polygon(path + ".coordinates[" + p + "]", coordinates.get(p));
				if (polygon != null) {
					polygons.add(polygon);
				}
			}
		}
		return polygons.isEmpty() ? null : GeoPoint.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
	}

	private Polygon polygon(String path, JsonNode rings) {
		if (rings == null || !rings.isArray() || rings.isEmpty()) {
			problem(path, "boundary.problem.noRings");
			return null;
		}
		LinearRing[] parsed = new LinearRing[rings.size()];
		boolean ok = true;
		for (int r = 0; r < rings.size(); r++) {
			parsed[r] = ring(path + "[" + r + "]", rings.get(r));
			ok &= parsed[r] != null;
		}
		if (!ok) {
			return null;
		}
		LinearRing[] holes = new LinearRing[parsed.length - 1];
		System.arraycopy(parsed, 1, holes, 0, holes.length);
		return GeoPoint.FACTORY.createPolygon(parsed[0], holes);
	}

	private LinearRing ring(String path, JsonNode positions) {
		if (positions == null || !positions.isArray()) {
			problem(path, "boundary.problem.ringNotArray");
			return null;
		}
		if (positions.size() < 4) {
			problem(path, "boundary.problem.ringTooShort", positions.size());
			return null;
		}
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			JsonNode position = positions.get(i);
			String at = path + "[" + i + "]";
			if (position == null || !position.isArray() || position.size() < 2 || !position.get(0).isNumber()
					|| !position.get(1).isNumber()) {
				problem(at, "boundary.problem.position", shorten(position));
				return null;
			}
			double lon = position.get(0).asDouble();
			double lat = position.get(1).asDouble();
			if (!inTaiwan(lon, lat) && inTaiwan(lat, lon)) {
				problem(at, "boundary.problem.swapped", String.valueOf(lon), String.valueOf(lat));
				return null;
			}
			if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
				problem(at, "boundary.problem.notWgs84", String.valueOf(lon), String.valueOf(lat));
				return null;
			}
			if (!inTaiwan(lon, lat)) {
				problem(at, "boundary.problem.outsideTaiwan", String.valueOf(lon), String.valueOf(lat));
				return null;
			}
			coordinates[i] = new Coordinate(lon, lat);
		}
		if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
			problem(path, "boundary.problem.ringNotClosed");
			return null;
		}
		return GeoPoint.FACTORY.createLinearRing(coordinates);
	}

	private static boolean inTaiwan(double lon, double lat) {
		return Double.isFinite(lon) && Double.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90
				&& new GeoPoint(lon, lat).isInTaiwan();
	}

	private void problem(String field, String code, Object... args) {
		problems.add(new Problem(field, code, args));
	}

	private static String shortText(String text) {
		String t = String.valueOf(text);
		return t.length() > 200 ? t.substring(0, 197) + "..." : t;
	}

	private static boolean hasUtf8Bom(byte[] content) {
		return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF;
	}

	private static String text(JsonNode node) {
		return node != null && node.isString() ? node.asString() : null;
	}

	private static String describe(JsonNode node) {
		return node == null || node.isNull() ? "null" : shorten(node);
	}

	private static String shorten(JsonNode node) {
		String text = String.valueOf(node);
		return text.length() > 60 ? text.substring(0, 57) + "..." : text;
	}

	private static String round(double value) {
		return String.format(java.util.Locale.ROOT, "%.5f", value);
	}
}
