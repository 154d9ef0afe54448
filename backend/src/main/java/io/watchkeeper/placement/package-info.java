/**
 * Placing what address matching could not (issue 13): the placement queue on the map, one pole at a time with its
 * address and cameras, click to place, skip, next, progress; every placement audited. Also the administrator's
 * set-up of another city (boundaries, stations, a first import) from the admin pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Placement")
package io.watchkeeper.placement;
