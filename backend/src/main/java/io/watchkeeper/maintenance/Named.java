package io.watchkeeper.maintenance;

import java.util.Locale;

/** Something with a code and names in both languages (a precinct, contract, vendor or squad). */
public record Named(long id, String code, String nameZh, String nameEn) {

	/** The name in the language of the locale: English when asked and known, else Chinese. */
	public String name(Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}
}
