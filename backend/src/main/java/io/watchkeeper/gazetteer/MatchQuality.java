package io.watchkeeper.gazetteer;

/**
 * How good an address match is, best first (as the national geocoding service grades its matches): the door plate
 * itself; the nearest house number on the same road section, lane and alley; the road section only; where two roads
 * meet; nothing.
 */
public enum MatchQuality {
	EXACT, NEAREST, INTERSECTION, ROAD, NONE
}
