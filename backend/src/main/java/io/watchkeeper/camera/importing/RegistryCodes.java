package io.watchkeeper.camera.importing;

import java.util.Locale;
import java.util.Map;

/**
 * The codes of the registry's funding sources, procurement projects and maintenance contracts (upper
 * case) with their ids, read once per run: an import names them by code, as the registry's export does.
 */
record RegistryCodes(Map<String, Long> fundingSources, Map<String, Long> projects, Map<String, Long> contracts) {

	static RegistryCodes none() {
		return new RegistryCodes(Map.of(), Map.of(), Map.of());
	}

	/** The id for the code in the field's column; throws naming the value when the registry has no such code. */
	Long resolve(ImportField field, String raw) throws BadValue {
		String code = Values.clean(raw);
		if (code == null) {
			return null;
		}
		String key = code.toUpperCase(Locale.ROOT);
		Long id = switch (field) {
			case FUNDING_SOURCE -> known(fundingSources, key, "import.error.unknownFundingSource", code);
			case PROJECT -> known(projects, key, "import.error.unknownProject", code);
			case CONTRACT -> known(contracts, key, "import.error.unknownContract", code);
			default -> throw new IllegalArgumentException(field.name());
		};
		return id;
	}

	private static Long known(Map<String, Long> ids, String key, String code, String raw) throws BadValue {
		Long id = ids.get(key);
		if (id == null) {
			throw new BadValue(code, raw, ids.size());
		}
		return id;
	}
}
