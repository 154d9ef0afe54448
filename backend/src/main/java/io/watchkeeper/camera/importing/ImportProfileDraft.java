package io.watchkeeper.camera.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * A profile as a user sends it, checked: a name, a mapping whose headers are short plain text and whose
 * fields exist (each at most once), derivations whose patterns pass {@link FieldPattern#compile}, and options.
 * Every fault is named by its field ({@code name}, {@code mapping.編號}, {@code derivations[1].pattern}).
 */
record ImportProfileDraft(String name, Map<String, String> mapping, List<Derivations.Derivation> derivations,
		ImportProfile.Options options) {

	static final int MAX_NAME = 100;

	static final int MAX_HEADER = 200;

	static final int MAX_COLUMNS = 500;

	/** What a client sends to save a profile; {@code version} only when changing one. */
	record Form(String name, Map<String, String> mapping, List<Derivations.Derivation> derivations,
			ImportProfile.Options options, Long version) {
	}

	static ImportProfileDraft parse(Form form, IssueMessages messages, Locale locale) {
		if (form == null) {
			throw new InvalidInputException("body", "Send the profile as a JSON object");
		}
		List<FieldError> errors = new ArrayList<>();
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty()) {
			errors.add(new FieldError("name", "name is required"));
		}
		else if (name.length() > MAX_NAME) {
			errors.add(new FieldError("name", "name is longer than " + MAX_NAME + " characters"));
		}
		else if (Values.hasControlCharacters(name)) {
			errors.add(new FieldError("name", "name contains control characters"));
		}
		else if (name.chars().allMatch(Character::isDigit)) {
			errors.add(new FieldError("name", "name must not be only digits (a number names a profile by its id)"));
		}
		Map<String, String> mapping = new LinkedHashMap<>();
		Map<ImportField, String> seen = new EnumMap<>(ImportField.class);
		Map<String, String> given = form.mapping() == null ? Map.of() : form.mapping();
		if (given.size() > MAX_COLUMNS) {
			errors.add(new FieldError("mapping", "more than " + MAX_COLUMNS + " columns"));
			given = Map.of();
		}
		given.forEach((header, fieldName) -> {
			String h = header == null ? "" : header.strip();
			String at = "mapping." + Values.forReport(h);
			if (h.isEmpty() || h.length() > MAX_HEADER || Values.hasControlCharacters(h)) {
				errors.add(new FieldError(at, "a column header must be 1 to " + MAX_HEADER + " characters of plain text"));
				return;
			}
			ImportField field;
			try {
				field = CameraImporter.field(fieldName);
			}
			catch (ImportFileException e) {
				errors.add(new FieldError(at, messages.render(e.code(), e.args(), locale)));
				return;
			}
			if (field != null && seen.put(field, h) != null) {
				errors.add(new FieldError(at, field.name() + " is given to column \"" + seen.get(field) + "\" as well"));
				return;
			}
			mapping.put(h, field == null ? "IGNORE" : field.name());
		});
		List<Derivations.Derivation> derivations = new ArrayList<>();
		List<Derivations.Derivation> wanted = form.derivations() == null ? List.of() : form.derivations();
		if (wanted.size() > Derivations.MAX_DERIVATIONS) {
			errors.add(new FieldError("derivations", messages.render("import.derive.tooMany",
					List.of(wanted.size(), Derivations.MAX_DERIVATIONS), locale)));
			wanted = List.of();
		}
		for (int i = 0; i < wanted.size(); i++) {
			Derivations.Derivation d = wanted.get(i);
			String column = d == null || d.column() == null ? "" : d.column().strip();
			if (column.isEmpty() || column.length() > MAX_HEADER || Values.hasControlCharacters(column)) {
				errors.add(new FieldError("derivations[" + i + "].column",
						"a column header must be 1 to " + MAX_HEADER + " characters of plain text"));
				continue;
			}
			try {
				FieldPattern.compile(d.pattern());
			}
			catch (BadValue e) {
				errors.add(new FieldError("derivations[" + i + "].pattern", messages.render(e.code(), e.args(), locale)));
				continue;
			}
			derivations.add(new Derivations.Derivation(column, d.pattern()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The profile is not valid: " + errors.get(0).field() + ": " + errors.get(0).message(),
					errors);
		}
		return new ImportProfileDraft(name, mapping, derivations,
				form.options() == null ? ImportProfile.Options.none() : form.options());
	}
}
