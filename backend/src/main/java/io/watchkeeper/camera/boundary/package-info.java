/**
 * Precinct and district boundaries: loading the bundled Kaohsiung files, the admin upload that replaces
 * them, and a GeoJSON polygon reader other modules may use.
 */
@org.springframework.modulith.NamedInterface("boundary")
package io.watchkeeper.camera.boundary;
