/**
 * The map: coverage, status and downtime of the whole city on Leaflet (page, viewport API, boundaries, areas).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Map")
package io.watchkeeper.map;
