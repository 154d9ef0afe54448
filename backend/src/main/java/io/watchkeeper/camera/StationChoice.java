package io.watchkeeper.camera;

/** A police station as pickers show it: the station and the precinct it belongs to (pickers narrow by precinct). */
public record StationChoice(Reference station, long precinctId, Reference precinct) {
}
