package io.watchkeeper.camera.importing;

import java.text.Normalizer;

/** Small text helpers for cell values. */
final class Values {

	private Values() {
	}

	/**
	 * Folds full-width letters, digits and punctuation (common in Taiwanese spreadsheets) to their ASCII
	 * forms and drops a byte order mark; leaves Chinese characters alone.
	 */
	static String fold(String value) {
		if (value == null) {
			return null;
		}
		boolean ascii = true;
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) > 0x7e) {
				ascii = false;
				break;
			}
		}
		String v = ascii ? value : Normalizer.normalize(value, Normalizer.Form.NFKC);
		return v.indexOf('\uFEFF') >= 0 ? v.replace("\uFEFF", "") : v;
	}

	/** The folded, stripped value, or null when the cell is empty. */
	static String clean(String value) {
		if (value == null) {
			return null;
		}
		String v = fold(value).strip();
		return v.isEmpty() ? null : v;
	}

	/** A value cut to a length that fits a report line. */
	static String forReport(String value) {
		if (value == null) {
			return null;
		}
		return value.length() <= 120 ? value : value.substring(0, 117) + "...";
	}

	static boolean hasControlCharacters(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				return true;
			}
		}
		return false;
	}
}
