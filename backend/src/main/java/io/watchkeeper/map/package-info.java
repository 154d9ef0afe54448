/**
 * The map: the Leaflet page, and every camera of the city per viewport and zoom (grid clusters with their state
 * mix at low zoom, kept up to date in map_cell; individual cameras at high zoom), a camera's popup facts, precinct
 * and district boundaries, per-area downtime figures for the choropleth, and the outages opened or closed since a
 * moment (for polling). Reads the registry's and the health module's tables by SQL in
 * {@link io.watchkeeper.map.MapQueries}; changes nothing but its own aggregates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Map")
package io.watchkeeper.map;
