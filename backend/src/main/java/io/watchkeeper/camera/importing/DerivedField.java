package io.watchkeeper.camera.importing;

import java.util.Locale;

/**
 * What a named group of a derivation pattern fills: the group's name is the field's name
 * ({@code (?<year>\d{2,3})}). Each field becomes one or more import fields; see {@link DerivedValue}.
 */
enum DerivedField {

	/** Install year, ROC (2-3 digits) or western (4 digits): the install date becomes 1 January of it. */
	YEAR,
	/** A programme or funding label: a funding source or project when one matches by code or name, else a note. */
	PROGRAMME,
	/** Plate recognition: any text means LPR; 即時 / real-time means REALTIME_LPR. */
	LPR,
	/** View type: all-round words give a 360° field of view and no heading; other types are kept as a note. */
	VIEW,
	/** A direction, read as the heading column would be. */
	HEADING,
	/** A facing road or intersection: a note, and the address when the row has none. */
	ROAD;

	/** The group name in a pattern. */
	String groupName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static DerivedField ofGroup(String group) {
		for (DerivedField f : values()) {
			if (f.groupName().equals(group)) {
				return f;
			}
		}
		return null;
	}
}
