package io.watchkeeper.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the map page needs from {@code watchkeeper.map.*}: the base map. Its tile server must also be among
 * {@code watchkeeper.security.csp-img-sources}, or the browser refuses the tiles.
 *
 * @param tileUrl the base-map tile URL template ({z}, {x}, {y}; {s} for subdomains)
 * @param tileAttribution the attribution shown on the map (plain text)
 * @param tileMaxZoom the deepest zoom the tile server serves
 */
@ConfigurationProperties("watchkeeper.map")
public record MapPageProperties(String tileUrl, String tileAttribution, Integer tileMaxZoom) {

	public MapPageProperties {
		tileUrl = tileUrl != null && !tileUrl.isBlank() ? tileUrl.strip()
				: "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
		tileAttribution = tileAttribution != null ? tileAttribution.strip() : "© OpenStreetMap contributors";
		tileMaxZoom = tileMaxZoom != null && tileMaxZoom > 0 ? tileMaxZoom : 19;
	}
}
