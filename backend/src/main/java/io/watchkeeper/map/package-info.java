/**
 * The map: every camera of the city per viewport and zoom (grid clusters with their state mix at low zoom,
 * individual cameras at high zoom), a camera's popup facts, precinct and district boundaries, per-area
 * downtime figures for the choropleth, and the outages opened or closed since a moment (for polling). Reads the
 * registry's and the health module's tables by SQL in {@link io.watchkeeper.map.MapQueries}; changes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Map")
package io.watchkeeper.map;
