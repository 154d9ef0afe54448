package io.watchkeeper.camera.importing;

/**
 * How strictly a run reads a list, chosen by the person who runs it.
 *
 * @param strict refuse a row whose direction cannot be read (by default such a row is kept without a heading, with
 * a warning)
 * @param createStations create the stations (派出所) a unit column names under a known precinct and the registry lacks
 * (by default the camera is kept without a station, with a warning)
 */
record ImportOptions(boolean strict, boolean createStations) {

	static final ImportOptions DEFAULT = new ImportOptions(false, false);
}
