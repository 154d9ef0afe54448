package io.watchkeeper.camera.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.watchkeeper.camera.importing.ColumnMapping.Column;
import io.watchkeeper.camera.importing.DerivedValue.Fill;
import io.watchkeeper.camera.importing.DerivedValue.Programmes;
import io.watchkeeper.camera.importing.SourceFile.SourceRecord;

/**
 * Facts hidden in names: derivations bound to the columns of one file. Each derivation reads one column
 * with a {@link FieldPattern}; what its groups find is written into the record as if the file had columns
 * for it. A field the mapping gives a column fills that column's empty cells (a cell with a value wins;
 * when the two disagree the row gets a warning); other fields get a virtual column appended to every
 * record, so the {@link RowValidator} reads derived values exactly like columns.
 */
final class Derivations {

	/** A derivation as the user gives it and a profile keeps it: the column by header, and the pattern. */
	record Derivation(String column, String pattern) {

		/**
		 * As JSON gives it: a pattern, or a ready-made one by its id ({@code "preset": "rocYearAtStart"}), as
		 * {@code derive} on the import takes it. A pattern given as well wins; an unknown preset leaves no pattern,
		 * which the profile's check then names.
		 */
		@com.fasterxml.jackson.annotation.JsonCreator
		static Derivation fromJson(@com.fasterxml.jackson.annotation.JsonProperty("column") String column,
				@com.fasterxml.jackson.annotation.JsonProperty("pattern") String pattern,
				@com.fasterxml.jackson.annotation.JsonProperty("preset") String preset) {
			if (pattern == null && preset != null) {
				DerivationPresets.Preset p = DerivationPresets.find(preset);
				pattern = p == null ? null : p.pattern();
			}
			return new Derivation(column, pattern);
		}
	}

	static final int MAX_DERIVATIONS = 20;

	/** Rows read for "matches nothing" before a run. */
	static final int CHECKED_ROWS = 200;

	private record Bound(int column, String header, FieldPattern pattern) {
	}

	/** What one derivation found in one record: the source text, the values read, a problem with the cell. */
	record Found(int derivation, String column, String text, List<DerivedValue> values, boolean tooSlow) {
	}

	private final List<Bound> bound;

	private final List<Column> columns;

	private final ColumnMapping original;

	private final ColumnMapping mapping;

	private final Map<ImportField, Integer> targetColumns = new EnumMap<>(ImportField.class);

	private final Programmes programmes;

	/** Cells each derivation gave up on in this run; after {@link #SLOW_CELLS_BEFORE_GIVING_UP} it is dropped. */
	private final int[] slowCells;

	/** A pattern too slow on this many cells of a run reads no more of them: the run would crawl otherwise. */
	static final int SLOW_CELLS_BEFORE_GIVING_UP = 3;

	private Derivations(List<Bound> bound, List<Column> columns, ColumnMapping original, Programmes programmes) {
		this.bound = bound;
		this.original = original;
		this.programmes = programmes;
		this.slowCells = new int[bound.size()];
		List<Column> all = new ArrayList<>(columns);
		Map<Integer, ImportField> chosen = new LinkedHashMap<>();
		for (Column c : columns) {
			chosen.put(c.index(), original.field(c.index()));
			if (original.field(c.index()) != null) {
				targetColumns.put(original.field(c.index()), c.index());
			}
		}
		for (Bound b : bound) {
			for (DerivedField f : b.pattern().fields()) {
				for (ImportField target : DerivedValue.targets(f)) {
					if (!targetColumns.containsKey(target)) {
						int index = all.size();
						all.add(new Column(index, b.header() + " → " + f.groupName(), List.of()));
						chosen.put(index, target);
						targetColumns.put(target, index);
					}
				}
			}
		}
		this.columns = List.copyOf(all);
		this.mapping = CameraImporter.checked(all.size(), chosen);
	}

	static Derivations none(List<Column> columns, ColumnMapping mapping) {
		return new Derivations(List.of(), columns, mapping, Programmes.none());
	}

	/**
	 * Binds derivations to a file's columns (by header, exactly or as {@link ImportField#normalizeHeader}
	 * compares them).
	 *
	 * @throws ImportFileException naming the derivation's column or pattern when one cannot be used
	 */
	static Derivations bind(List<Derivation> derivations, List<Column> columns, ColumnMapping mapping,
			Programmes programmes) {
		if (derivations == null || derivations.isEmpty()) {
			return none(columns, mapping);
		}
		if (derivations.size() > MAX_DERIVATIONS) {
			throw new ImportFileException("import.derive.tooMany", derivations.size(), MAX_DERIVATIONS);
		}
		List<Bound> bound = new ArrayList<>();
		for (Derivation d : derivations) {
			if (d == null) {
				throw new ImportFileException("import.derive.unknownColumn", "", headers(columns));
			}
			Column column = column(columns, d.column());
			if (column == null) {
				throw new ImportFileException("import.derive.unknownColumn", Values.forReport(String.valueOf(d.column())),
						headers(columns));
			}
			bound.add(new Bound(column.index(), column.header(), compile(d.pattern())));
		}
		return new Derivations(bound, columns, mapping, programmes);
	}

	static FieldPattern compile(String pattern) {
		try {
			return FieldPattern.compile(pattern);
		}
		catch (BadValue e) {
			throw new ImportFileException(e.code(), e.args().toArray());
		}
	}

	/** The column with the header: exactly, else the one column equal after normalising; null if none. */
	static Column column(List<Column> columns, String header) {
		if (header == null) {
			return null;
		}
		for (Column c : columns) {
			if (c.header().equals(header.strip())) {
				return c;
			}
		}
		String wanted = ImportField.normalizeHeader(header);
		Column found = null;
		for (Column c : columns) {
			if (!wanted.isEmpty() && ImportField.normalizeHeader(c.header()).equals(wanted)) {
				if (found != null) {
					return null;
				}
				found = c;
			}
		}
		return found;
	}

	private static List<String> headers(List<Column> columns) {
		return columns.stream().map(Column::header).toList();
	}

	boolean isEmpty() {
		return bound.isEmpty();
	}

	/** The file's columns followed by the virtual ones. */
	List<Column> columns() {
		return columns;
	}

	/** The mapping with the virtual columns. */
	ColumnMapping mapping() {
		return mapping;
	}

	/** Whether a column of the file is read by a derivation (so it is not "ignored" though it has no field). */
	boolean reads(int column) {
		return bound.stream().anyMatch(b -> b.column() == column);
	}

	/** What each derivation finds in the record. */
	List<Found> find(SourceRecord record) {
		List<Found> found = new ArrayList<>(bound.size());
		for (int i = 0; i < bound.size(); i++) {
			Bound b = bound.get(i);
			String cell = b.column() < record.values().length ? record.values()[b.column()] : null;
			if (cell == null || cell.isBlank() || Values.hasControlCharacters(cell)
					|| slowCells[i] >= SLOW_CELLS_BEFORE_GIVING_UP) {
				found.add(new Found(i, b.header(), cell, List.of(), false));
				continue;
			}
			Map<DerivedField, String> texts;
			try {
				texts = b.pattern().find(Values.fold(cell));
			}
			catch (FieldPattern.TooSlow e) {
				slowCells[i]++;
				found.add(new Found(i, b.header(), cell, List.of(), true));
				continue;
			}
			boolean allRound = DerivedValue.isAllRound(texts.get(DerivedField.VIEW));
			List<DerivedValue> values = new ArrayList<>();
			texts.forEach((f, text) -> {
				// an all-round camera has no heading, whatever else the name says
				if (!(allRound && f == DerivedField.HEADING)) {
					values.add(DerivedValue.read(f, text, programmes));
				}
			});
			found.add(new Found(i, b.header(), cell, values, false));
		}
		return found;
	}

	/**
	 * The record with derived values in place: in empty cells of mapped columns and in the virtual
	 * columns. Problems (an unreadable year, a column disagreeing, a cell too slow to search) are warnings
	 * of the record's line; they never reject the row.
	 */
	SourceRecord apply(SourceRecord record, ImportReport report) {
		if (bound.isEmpty()) {
			return record;
		}
		String[] values = Arrays.copyOf(record.values(), columns.size());
		if (record.problem() != null) {
			return new SourceRecord(record.line(), values, record.problem());
		}
		Map<ImportField, String> fills = new EnumMap<>(ImportField.class);
		Map<ImportField, String> sources = new EnumMap<>(ImportField.class);
		List<String> notes = new ArrayList<>();
		List<Found> founds = find(record);
		// an all-round camera has no heading, whichever derivation reads the view and the direction
		boolean allRound = founds.stream().flatMap(f -> f.values().stream())
			.anyMatch(v -> v.field() == DerivedField.VIEW && v.fills().contains(new Fill(ImportField.FOV, "360")));
		for (Found f : founds) {
			Bound b = bound.get(f.derivation());
			if (f.tooSlow()) {
				report.warning(new ImportIssue(record.line(), null, b.header(), Values.forReport(f.text()),
						"import.derive.tooSlowCell", List.of(b.pattern().source())));
				continue;
			}
			for (DerivedValue v : f.values()) {
				if (v.problem() != null) {
					report.warning(new ImportIssue(record.line(), null, b.header(), Values.forReport(v.text()), v.problem().code(),
							v.problem().args()));
					continue;
				}
				for (Fill fill : v.fills()) {
					if (allRound && fill.target() == ImportField.HEADING) {
						continue;
					}
					if (fill.target() == ImportField.NOTES) {
						notes.add(fill.value());
					}
					else if (!fills.containsKey(fill.target())) {
						fills.put(fill.target(), fill.value());
						sources.put(fill.target(), b.header());
					}
					else if (!fills.get(fill.target()).equals(fill.value())) {
						report.warning(new ImportIssue(record.line(), fill.target().name(), b.header(), Values.forReport(v.text()),
								"import.derive.twice", List.of(fill.target(), fills.get(fill.target()), fill.value())));
					}
				}
			}
		}
		fills.forEach((target, value) -> {
			int real = original.column(target);
			if (real >= 0 && real < record.values().length && present(record.values()[real])) {
				String cell = record.values()[real];
				if (disagree(target, cell, value)) {
					report.warning(new ImportIssue(record.line(), target.name(), columns.get(real).header(), Values.forReport(cell),
							"import.derive.columnWins", List.of(target, value, sources.get(target))));
				}
			}
			else {
				values[targetColumns.get(target)] = value;
			}
		});
		if (!notes.isEmpty()) {
			int c = targetColumns.get(ImportField.NOTES);
			String joined = String.join("\n", notes);
			values[c] = present(values[c]) ? values[c].strip() + "\n" + joined : joined;
		}
		return new SourceRecord(record.line(), values, null);
	}

	/**
	 * Which derivations match nothing in the first {@link #CHECKED_ROWS} records with a value in their
	 * column (by index), and which meet a cell too slow to search. Said before a run, which then goes on
	 * only when the user confirms.
	 */
	record Check(List<Integer> unmatched, List<Integer> tooSlow, int rowsChecked) {
	}

	Check check(Iterator<SourceRecord> records) {
		int[] matched = new int[bound.size()];
		boolean[] slow = new boolean[bound.size()];
		int rows = 0;
		while (records.hasNext() && rows < CHECKED_ROWS) {
			SourceRecord r = records.next();
			rows++;
			for (Found f : find(r)) {
				if (f.tooSlow()) {
					slow[f.derivation()] = true;
				}
				else if (!f.values().isEmpty()) {
					matched[f.derivation()]++;
				}
			}
		}
		List<Integer> unmatched = new ArrayList<>();
		List<Integer> tooSlow = new ArrayList<>();
		for (int i = 0; i < bound.size(); i++) {
			if (slow[i] || slowCells[i] > 0) {
				tooSlow.add(i);
			}
			else if (matched[i] == 0) {
				unmatched.add(i);
			}
		}
		return new Check(unmatched, tooSlow, rows);
	}

	String pattern(int derivation) {
		return bound.get(derivation).pattern().source();
	}

	String header(int derivation) {
		return bound.get(derivation).header();
	}

	private static boolean disagree(ImportField target, String cell, String derived) {
		try {
			return switch (target) {
				case INSTALL_DATE -> {
					LocalDate date = RocDates.parse(cell);
					yield date != null && date.getYear() != LocalDate.parse(derived).getYear();
				}
				case HEADING -> !Objects.equals(CompassHeading.parse(cell), Integer.valueOf(derived));
				case LPR -> !Objects.equals(CameraValues.lpr(cell), derived);
				case FOV -> !Objects.equals(CameraValues.whole(cell, 1, 360), Integer.valueOf(derived));
				case FUNDING_SOURCE, PROJECT -> !Values.clean(cell).equalsIgnoreCase(derived);
				default -> false;
			};
		}
		catch (BadValue e) {
			// the column's own value is wrong: the validator says so on the row
			return false;
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}
}
