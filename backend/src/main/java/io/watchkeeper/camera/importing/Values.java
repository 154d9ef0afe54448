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
		boolean foldable = false;
		for (int i = 0; i < value.length(); i++) {
			if (needsFolding(value.charAt(i))) {
				foldable = true;
				break;
			}
		}
		String v = foldable ? Normalizer.normalize(value, Normalizer.Form.NFKC) : value;
		return v.indexOf('\uFEFF') >= 0 ? v.replace("\uFEFF", "") : v;
	}

	/**
	 * Characters NFKC changes that turn up in these files: full-width forms, the ideographic space,
	 * compatibility ideographs, circled numbers and such. Plain ASCII and ordinary CJK ideographs (the bulk of
	 * a file) are left alone without running the normaliser over them.
	 */
	private static boolean needsFolding(char c) {
		return c >= 0xFF00 && c <= 0xFFEF || c == 0x3000 || c >= 0x2000 && c <= 0x2BFF || c >= 0xF900 && c <= 0xFAFF
				|| c >= 0xFE30 && c <= 0xFE6F || c >= 0x3200 && c <= 0x33FF || c == 0xFEFF || c == 0x00A0;
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
