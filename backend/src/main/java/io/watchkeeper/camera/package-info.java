/**
 * The camera registry: precincts and districts, sites, cameras, their import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Camera registry")
package io.watchkeeper.camera;
