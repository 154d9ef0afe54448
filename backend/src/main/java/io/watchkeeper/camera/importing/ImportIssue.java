package io.watchkeeper.camera.importing;

import java.util.List;

/**
 * A rejected value (error) or a remark (warning) about one record of the file.
 *
 * @param line the line in the file (header = 1), or the feature number in a GeoJSON file
 * @param field the {@link ImportField} name, or null when the record as a whole is at fault
 * @param column the file's header of that column, as the user knows it
 * @param value the offending value, shortened for the report
 * @param code message code in {@code messages/import*.properties}
 */
record ImportIssue(int line, String field, String column, String value, String code, List<Object> args) {

	ImportIssue {
		args = args == null ? List.of() : List.copyOf(args);
	}
}
