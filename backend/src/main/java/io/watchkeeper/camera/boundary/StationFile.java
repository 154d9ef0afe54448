package io.watchkeeper.camera.boundary;

import java.nio.charset.StandardCharsets;

/** Reads an uploaded stations file: CSV (UTF-8 or Big5) or GeoJSON with station boundaries. */
final class StationFile {

	private StationFile() {
	}

	/** A bare geometry or a single Feature wrapped as a FeatureCollection, so that {@link GeoJsonPolygons} reads it. */
	static byte[] asFeatureCollection(byte[] geoJson) {
		String text = new String(geoJson, StandardCharsets.UTF_8).strip();
		if (text.contains("\"FeatureCollection\"")) {
			return geoJson;
		}
		if (text.contains("\"Feature\"")) {
			return ("{\"type\":\"FeatureCollection\",\"features\":[" + text + "]}").getBytes(StandardCharsets.UTF_8);
		}
		return ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + text
				+ "}]}").getBytes(StandardCharsets.UTF_8);
	}
}
