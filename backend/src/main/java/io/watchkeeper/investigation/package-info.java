/**
 * Investigation: investigators' cases, canvasses around an incident point or along a route (which cameras existed
 * then, whether they faced the place, whether they were recording in the window, when their footage is
 * overwritten), kept as snapshots in the case file, and footage requests per camera with their outcome, which feed
 * the "cases solved with footage" figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Investigation")
package io.watchkeeper.investigation;
