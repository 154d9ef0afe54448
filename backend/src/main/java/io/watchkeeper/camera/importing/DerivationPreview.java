package io.watchkeeper.camera.importing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.watchkeeper.camera.importing.DerivedValue.Fill;
import io.watchkeeper.camera.importing.SourceFile.SourceRecord;

/**
 * What derivations make of the first rows of a file, before anything runs: for each row the source text
 * and each derived field's text and what it becomes, with the problems (an unreadable year, a column
 * that wins over a derived value, a pattern that matches nothing in the first 200 rows or is too slow).
 */
@Component
class DerivationPreview {

	static final int ROWS = 20;

	/** A problem of the whole preview; {@code derivation} is the index of the derivation it is about, if any. */
	record Problem(String severity, String code, String message, Integer derivation) {
	}

	/** One derived field of one row: the text the group found and what it becomes in the import. */
	record Value(int derivation, String column, String field, String text, String becomes, String problem) {
	}

	record Row(int line, Map<String, String> source, List<Value> values, List<String> problems) {
	}

	record Preview(List<Derivations.Derivation> derivations, List<String> sourceColumns, List<Row> rows,
			List<Problem> problems, int rowsChecked) {

		boolean hasErrors() {
			return problems.stream().anyMatch(p -> p.severity().equals("error"));
		}
	}

	private final IssueMessages messages;

	private final ProgrammeNames programmes;

	DerivationPreview(IssueMessages messages, ProgrammeNames programmes) {
		this.messages = messages;
		this.programmes = programmes;
	}

	/**
	 * @throws ImportFileException when a derivation cannot be used at all (unknown column, bad pattern)
	 */
	Preview preview(SourceFile file, ColumnMapping mapping, List<Derivations.Derivation> derivations,
			List<ColumnMapping.Notice> notices, Locale locale) {
		Derivations derived = Derivations.bind(derivations, file.columns(), mapping, programmes.load());
		List<String> sourceColumns = new ArrayList<>();
		for (Derivations.Derivation d : derivations) {
			String header = Derivations.column(file.columns(), d.column()).header();
			if (!sourceColumns.contains(header)) {
				sourceColumns.add(header);
			}
		}
		List<Row> rows = new ArrayList<>();
		boolean yearOnly = false;
		Iterator<SourceRecord> records = file.records();
		while (records.hasNext() && rows.size() < ROWS) {
			SourceRecord r = records.next();
			Map<String, String> source = new LinkedHashMap<>();
			for (String header : sourceColumns) {
				int c = Derivations.column(file.columns(), header).index();
				source.put(header, c < r.values().length ? Values.forReport(r.values()[c]) : "");
			}
			List<Value> values = new ArrayList<>();
			for (Derivations.Found f : derived.find(r)) {
				if (f.tooSlow()) {
					values.add(new Value(f.derivation(), f.column(), null, null, null,
							messages.render("import.derive.tooSlowCell", List.of(derived.pattern(f.derivation())), locale)));
				}
				for (DerivedValue v : f.values()) {
					yearOnly |= v.field() == DerivedField.YEAR && !mapping.has(ImportField.INSTALL_DATE);
					values.add(new Value(f.derivation(), f.column(), v.field().groupName(), Values.forReport(v.text()),
							becomes(v, locale),
							v.problem() == null ? null : messages.render(v.problem().code(), v.problem().args(), locale)));
				}
			}
			// what the run would say about this row: a column winning over a derived value, a field found twice
			ImportReport scratch = new ImportReport(50);
			derived.apply(r, scratch);
			List<String> problems = scratch.warnings().stream()
				.filter(w -> w.code().equals("import.derive.columnWins") || w.code().equals("import.derive.twice"))
				.map(w -> messages.render(w.code(), w.args(), locale))
				.toList();
			rows.add(new Row(r.line(), source, values, problems));
		}
		List<Problem> problems = new ArrayList<>();
		for (ColumnMapping.Notice n : notices) {
			if (n.code().equals("import.profile.missingColumns")) {
				problems.add(new Problem("warning", n.code(), messages.render(n.code(), n.args(), locale), null));
			}
		}
		if (yearOnly) {
			problems.add(new Problem("notice", "import.derive.preview.yearOnly",
					messages.render("import.derive.preview.yearOnly", List.of(), locale), null));
		}
		Derivations.Check check = derived.check(file.records());
		for (int d : check.tooSlow()) {
			problems.add(new Problem("error", "import.derive.pattern.tooSlowOnRows", messages.render(
					"import.derive.pattern.tooSlowOnRows", List.of(derived.pattern(d), derived.header(d)), locale), d));
		}
		for (int d : check.unmatched()) {
			problems.add(new Problem("warning", "import.derive.matchesNothing", messages.render("import.derive.matchesNothing",
					List.of(List.of(derived.header(d) + ": " + derived.pattern(d)), check.rowsChecked()), locale), d));
		}
		return new Preview(derivations, sourceColumns, rows, problems, check.rowsChecked());
	}

	private String becomes(DerivedValue v, Locale locale) {
		List<String> parts = new ArrayList<>();
		for (Fill fill : v.fills()) {
			parts.add(messages.fieldLabel(fill.target().name(), locale) + ": " + Values.forReport(fill.value()));
		}
		return String.join("; ", parts);
	}
}
