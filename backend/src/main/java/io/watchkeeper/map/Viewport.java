package io.watchkeeper.map;

import java.util.ArrayList;
import java.util.List;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * A bounding box in WGS 84 degrees and a web-map zoom, validated; {@code clipped} when the request covered more
 * than the largest view allowed at its zoom and was cut down around its centre.
 */
record Viewport(double minLon, double minLat, double maxLon, double maxLat, int zoom, boolean clipped) {

	/** Metres of one 256-pixel tile side at zoom 0 in Web Mercator (the equator's length). */
	static final double EQUATOR_M = 40075016.686;

	static Viewport parse(String bbox, String zoom, MapProperties properties) {
		List<FieldError> errors = new ArrayList<>();
		double[] box = null;
		if (bbox == null || bbox.isBlank()) {
			errors.add(new FieldError("bbox", "bbox is required: minLon,minLat,maxLon,maxLat"));
		}
		else {
			String[] parts = bbox.split(",", -1);
			if (parts.length != 4) {
				errors.add(new FieldError("bbox", "bbox must be four numbers minLon,minLat,maxLon,maxLat, not '" + bbox + "'"));
			}
			else {
				box = new double[4];
				for (int i = 0; i < 4 && box != null; i++) {
					try {
						box[i] = Double.parseDouble(parts[i].trim());
						if (!Double.isFinite(box[i])) {
							throw new NumberFormatException();
						}
					}
					catch (NumberFormatException e) {
						errors.add(new FieldError("bbox", "bbox must be four numbers minLon,minLat,maxLon,maxLat, not '" + bbox + "'"));
						box = null;
					}
				}
				if (box != null) {
					if (box[0] < -180 || box[2] > 180 || box[1] < -85.05 || box[3] > 85.05) {
						errors.add(new FieldError("bbox", "bbox must lie within longitude -180..180 and latitude -85.05..85.05"));
					}
					else if (box[0] >= box[2] || box[1] >= box[3]) {
						errors.add(new FieldError("bbox", "bbox minimum must be less than its maximum (minLon,minLat,maxLon,maxLat)"));
					}
				}
			}
		}
		Integer z = null;
		if (zoom == null || zoom.isBlank()) {
			errors.add(new FieldError("zoom", "zoom is required: a whole number from 0 to 22"));
		}
		else {
			try {
				z = Integer.valueOf(zoom.trim());
				if (z < 0 || z > 22) {
					throw new NumberFormatException();
				}
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError("zoom", "zoom must be a whole number from 0 to 22, not '" + zoom + "'"));
				z = null;
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.get(0).message(), errors);
		}
		return clip(box[0], box[1], box[2], box[3], z, properties);
	}

	/** Cuts a box wider or taller than the largest view at this zoom down to that view, around its centre. */
	static Viewport clip(double minLon, double minLat, double maxLon, double maxLat, int zoom, MapProperties properties) {
		double degreesPerPixel = 360.0 / 256 / Math.pow(2, zoom);
		double maxWidth = properties.maxViewWidth() * degreesPerPixel;
		double centreLat = (minLat + maxLat) / 2;
		double maxHeight = properties.maxViewHeight() * degreesPerPixel * Math.cos(Math.toRadians(centreLat));
		boolean clipped = false;
		if (maxLon - minLon > maxWidth) {
			double centre = (minLon + maxLon) / 2;
			minLon = centre - maxWidth / 2;
			maxLon = centre + maxWidth / 2;
			clipped = true;
		}
		if (maxLat - minLat > maxHeight) {
			minLat = centreLat - maxHeight / 2;
			maxLat = centreLat + maxHeight / 2;
			clipped = true;
		}
		return new Viewport(minLon, minLat, maxLon, maxLat, zoom, clipped);
	}

	/** The side of a cluster cell in Web Mercator metres: {@code pixels} screen pixels at this zoom. */
	double cellMetres(int pixels) {
		return EQUATOR_M / Math.pow(2, zoom) / 256 * pixels;
	}

	double[] bbox() {
		return new double[] { minLon, minLat, maxLon, maxLat };
	}
}
