package io.watchkeeper.camera.importing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved shape of camera list: the column mapping by header ({@code header -> FIELD} or {@code IGNORE}),
 * the derivations and the reading options, applied to the next list of the same shape.
 */
record ImportProfile(long id, String name, Map<String, String> mapping, List<Derivations.Derivation> derivations,
		Options options, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {

	/**
	 * How a file is read: encoding and format (null: detect), and the run options of units and directions
	 * (kept for runs that take them).
	 */
	record Options(TextEncoding.Choice encoding, SourceFile.Format format, Boolean strict, Boolean createStations) {

		static Options none() {
			return new Options(null, null, null, null);
		}
	}

	/** A profile's mapping and derivations fitted to a file's columns, with what the file lacks. */
	record Fitted(Map<String, String> mapping, List<Derivations.Derivation> derivations, List<String> missingHeaders) {
	}

	/**
	 * The mapping and derivations for the file's columns: headers matched exactly or after normalising;
	 * the headers the profile needs (a mapped field or a derivation's column) that the file lacks are listed,
	 * and left out.
	 */
	Fitted fit(List<ColumnMapping.Column> columns) {
		Map<String, String> fitted = new LinkedHashMap<>();
		List<String> missing = new java.util.ArrayList<>();
		mapping.forEach((header, field) -> {
			ColumnMapping.Column c = Derivations.column(columns, header);
			if (c != null) {
				fitted.put(c.header(), field);
			}
			else if (CameraImporter.field(field) != null) {
				missing.add(header);
			}
		});
		List<Derivations.Derivation> derived = new java.util.ArrayList<>();
		for (Derivations.Derivation d : derivations) {
			ColumnMapping.Column c = Derivations.column(columns, d.column());
			if (c != null) {
				derived.add(new Derivations.Derivation(c.header(), d.pattern()));
			}
			else if (!missing.contains(d.column())) {
				missing.add(d.column());
			}
		}
		return new Fitted(fitted, derived, missing);
	}
}
