package io.watchkeeper.shared;

/**
 * One rule for text a person typed that leaves in a CSV export: a spreadsheet must not run it as a formula (CSV
 * injection), so text starting with =, +, -, @, tab or carriage return gets a leading apostrophe. XLSX string cells
 * are never run and need nothing.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String defuse(String text) {
		if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}
}
