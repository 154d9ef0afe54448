package io.watchkeeper.camera.boundary;

import java.util.Locale;

/** How area codes are made, for modules that need to find an area loaded from a file. */
public final class AreaCodes {

	private AreaCodes() {
	}

	/** Districts carry no code in the bundled file; a stable one comes from the English name (Yong'an → YONGAN). */
	public static String districtCode(String nameEn) {
		return nameEn == null ? "" : nameEn.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}
}
