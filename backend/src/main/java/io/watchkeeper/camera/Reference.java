package io.watchkeeper.camera;

import java.util.Locale;

/**
 * A precinct, district, funding source, project, contract or vendor as lists and pickers show it.
 *
 * @param kind funding kind or project purpose, {@code null} for the others
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Reference(long id, String code, String nameZh, String nameEn, String kind, Integer fiscalYear) {

	/** The English name when the reader reads English and there is one, the Chinese name otherwise. */
	public String name(Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}
}
