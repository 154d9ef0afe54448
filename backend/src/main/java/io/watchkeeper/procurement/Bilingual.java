package io.watchkeeper.procurement;

import java.util.Locale;

/** A name kept in Traditional Chinese and (optionally) English, shown in the reader's language. */
record Bilingual(String zh, String en) {

	String in(Locale locale) {
		if (zh == null) {
			return en;
		}
		return "zh".equals(locale.getLanguage()) || en == null || en.isBlank() ? zh : en;
	}
}
