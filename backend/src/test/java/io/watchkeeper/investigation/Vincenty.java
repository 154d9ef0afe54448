package io.watchkeeper.investigation;

/**
 * An independent geodesic on the WGS84 ellipsoid for checking the database's answers: Vincenty's inverse formula
 * (T. Vincenty, Survey Review 23 (176), 1975), accurate to well under a millimetre for the short, non-antipodal
 * lines of a canvass.
 */
final class Vincenty {

	private static final double A = 6_378_137.0;
	private static final double F = 1 / 298.257223563;
	private static final double B = A * (1 - F);

	/** Distance in metres and initial azimuth in degrees (0 = north, clockwise, 0..360). */
	record Inverse(double metres, double azimuthDeg) {
	}

	private Vincenty() {
	}

	static Inverse inverse(double lon1, double lat1, double lon2, double lat2) {
		double l = Math.toRadians(lon2 - lon1);
		double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
		double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
		double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
		double lambda = l;
		double sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM, sinLambda, cosLambda;
		int iterations = 0;
		while (true) {
			sinLambda = Math.sin(lambda);
			cosLambda = Math.cos(lambda);
			sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
			if (sinSigma == 0) {
				return new Inverse(0, 0);
			}
			cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
			sigma = Math.atan2(sinSigma, cosSigma);
			double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
			cosSqAlpha = 1 - sinAlpha * sinAlpha;
			cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
			double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
			double previous = lambda;
			lambda = l + (1 - c) * F * sinAlpha
					* (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
			if (Math.abs(lambda - previous) < 1e-12) {
				break;
			}
			if (++iterations > 200) {
				throw new IllegalStateException("Vincenty did not converge");
			}
		}
		double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
		double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
		double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
		double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
				- bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
		double metres = B * bigA * (sigma - deltaSigma);
		double azimuth = Math.toDegrees(Math.atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda));
		return new Inverse(metres, (azimuth + 360) % 360);
	}
}
