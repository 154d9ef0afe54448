package io.watchkeeper.shared;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** A WGS84 (EPSG:4326) longitude/latitude pair. */
public record GeoPoint(double longitude, double latitude) {

	public static final int SRID = 4326;
	public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

	public GeoPoint {
		if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
			throw new IllegalArgumentException("longitude must be between -180 and 180, got " + longitude);
		}
		if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
			throw new IllegalArgumentException("latitude must be between -90 and 90, got " + latitude);
		}
	}

	/** Taiwan with Penghu, Kinmen and Matsu, generously: anything outside is a data error for a Taiwanese police force. */
	public boolean isInTaiwan() {
		return longitude >= 118.0 && longitude <= 122.5 && latitude >= 21.5 && latitude <= 26.5;
	}

	public Point toPoint() {
		return FACTORY.createPoint(new Coordinate(longitude, latitude));
	}

	public static GeoPoint of(Point point) {
		return point == null ? null : new GeoPoint(point.getX(), point.getY());
	}
}
