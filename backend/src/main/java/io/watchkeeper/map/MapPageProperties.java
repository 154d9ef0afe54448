package io.watchkeeper.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the map page needs from {@code watchkeeper.map.*}: the base map. Its tile server must also be among
 * {@code watchkeeper.security.csp-img-sources}, or the browser refuses the tiles. The layer list offers it and
 * "no base map" (boundaries and cameras only, for when the tile server cannot be reached).
 *
 * @param tileUrl the base-map tile URL template ({z}, {x}, {y}; {s} for subdomains)
 * @param tileName the base map's name in the layer list (default: the tile server's host)
 * @param tileAttribution the attribution shown on the map (plain text)
 * @param tileMaxZoom the deepest zoom the tile server serves
 */
@ConfigurationProperties("watchkeeper.map")
public record MapPageProperties(String tileUrl, String tileName, String tileAttribution, Integer tileMaxZoom) {

	public MapPageProperties {
		tileUrl = tileUrl != null && !tileUrl.isBlank() ? tileUrl.strip()
				: "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
		tileName = tileName != null && !tileName.isBlank() ? tileName.strip() : host(tileUrl);
		tileAttribution = tileAttribution != null ? tileAttribution.strip() : "© OpenStreetMap contributors";
		tileMaxZoom = tileMaxZoom != null && tileMaxZoom > 0 ? tileMaxZoom : 19;
	}

	private static String host(String url) {
		String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
		int end = rest.indexOf('/');
		return (end < 0 ? rest : rest.substring(0, end)).replace("{s}.", "");
	}
}
