package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.watchkeeper.camera.importing.ColumnMapping.Column;
import io.watchkeeper.camera.importing.Derivations.Derivation;
import io.watchkeeper.camera.importing.DerivedValue.Programmes;
import io.watchkeeper.camera.importing.SourceFile.SourceRecord;

/** Facts hidden in camera names: the presets and user patterns over names as police lists write them. */
class DerivationsTest {

	static final List<Derivation> PRESETS = Stream.of("rocYearAtStart", "westernYearAtStart", "programmeAfterYear",
			"plateWords", "directionAfterWord", "intersection", "viewWords")
		.map(id -> new Derivation("名稱", DerivationPresets.find(id).pattern()))
		.toList();

	static final Programmes PROGRAMMES = new Programmes(Map.of("警政署補助", "MOI-2023", "moi-2023", "MOI-2023"),
			Map.of("p112-07", "P112-07", "汰換", "P112-07"));

	static Stream<Arguments> names() {
		// name, install date, heading, lpr, fov, address, notes (null = none of it)
		return Stream.of(
				Arguments.of("112擴充-No.031 中正路與五福路口 朝東-車牌", "2023-01-01", "90", "LPR", null, "中正路與五福路口",
						"計畫/Programme: 擴充\n面向道路: 中正路與五福路口"),
				Arguments.of("９８汰換 民族路與建國路口 往西北 即時車辨", "2009-01-01", "315", "REALTIME_LPR", null,
						"民族路與建國路口", "面向道路: 民族路與建國路口"),
				Arguments.of("2019警政署補助 新興區 向南", "2019-01-01", "180", null, null, null, null),
				Arguments.of("105新設 全景魚眼 朝北", "2016-01-01", null, null, "360", null, "計畫/Programme: 新設"),
				Arguments.of("自強一路口 球型PTZ", null, null, null, null, null, "鏡頭型式/View: 球型"),
				Arguments.of("監視器-031", null, null, null, null, null, null),
				Arguments.of("110年擴充LPR 面東南", "2021-01-01", "135", "LPR", null, null, "計畫/Programme: 年擴充LPR"),
				Arguments.of("2023 Realtime LPR", "2023-01-01", null, "REALTIME_LPR", null, null, null));
	}

	@ParameterizedTest
	@MethodSource("names")
	void presetsReadNamesAsListsWriteThem(String name, String installDate, String heading, String lpr, String fov,
			String address, String notes) {
		String[] headers = { "編號", "名稱" };
		List<Column> columns = ColumnMappingTest.columns(headers);
		ColumnMapping mapping = ColumnMapping.detect(columns).mapping();
		Derivations d = Derivations.bind(PRESETS, columns, mapping, PROGRAMMES);
		ImportReport report = new ImportReport(100);
		SourceRecord out = d.apply(new SourceRecord(2, new String[] { "C-1", name }, null), report);
		assertThat(value(d, out, ImportField.INSTALL_DATE)).as("install date of " + name).isEqualTo(installDate);
		assertThat(value(d, out, ImportField.HEADING)).as("heading of " + name).isEqualTo(heading);
		assertThat(value(d, out, ImportField.LPR)).as("LPR of " + name).isEqualTo(lpr);
		assertThat(value(d, out, ImportField.FOV)).as("fov of " + name).isEqualTo(fov);
		assertThat(value(d, out, ImportField.ADDRESS)).as("address of " + name).isEqualTo(address);
		String gotNotes = value(d, out, ImportField.NOTES);
		if (notes == null) {
			assertThat(gotNotes == null || !gotNotes.contains("Programme") && !gotNotes.contains("道路") && !gotNotes.contains("View"))
				.as("no notes from " + name + ": " + gotNotes).isTrue();
		}
		else {
			for (String line : notes.split("\n")) {
				assertThat(gotNotes).as("notes of " + name).contains(line);
			}
		}
	}

	@Test
	void aBig5ListReadsAsAUtf8One() {
		// what a Big5 export of an Excel list holds: full-width digits and hyphen, 臺, an ideographic space
		String name = "１１２擴充－No.031\u3000臺中路與五福路口 朝東北－車辨";
		String decoded = new String(name.getBytes(TextEncoding.BIG5), TextEncoding.BIG5);
		assertThat(decoded).as("Big5 holds every character of it").isEqualTo(name);
		List<Column> columns = ColumnMappingTest.columns("編號", "名稱");
		Derivations d = Derivations.bind(PRESETS, columns, ColumnMapping.detect(columns).mapping(), PROGRAMMES);
		SourceRecord out = d.apply(new SourceRecord(2, new String[] { "C-1", decoded }, null), new ImportReport(10));
		assertThat(value(d, out, ImportField.INSTALL_DATE)).isEqualTo("2023-01-01");
		assertThat(value(d, out, ImportField.HEADING)).isEqualTo("45");
		assertThat(value(d, out, ImportField.LPR)).isEqualTo("LPR");
		assertThat(value(d, out, ImportField.ADDRESS)).isEqualTo("臺中路與五福路口");
		assertThat(value(d, out, ImportField.NOTES)).contains("計畫/Programme: 擴充");
	}

	@Test
	void aProgrammeNamedLikeAFundingSourceOrProjectIsThatRecord() {
		List<Column> columns = ColumnMappingTest.columns("編號", "名稱");
		Derivations d = Derivations.bind(List.of(new Derivation("名稱", "^\\d{2,4}(?<programme>[^\\s\\d]+)")), columns,
				ColumnMapping.detect(columns).mapping(), PROGRAMMES);
		ImportReport report = new ImportReport(10);
		SourceRecord funded = d.apply(new SourceRecord(2, new String[] { "C-1", "2019警政署補助 x" }, null), report);
		SourceRecord project = d.apply(new SourceRecord(3, new String[] { "C-2", "112汰換 x" }, null), report);
		assertThat(value(d, funded, ImportField.FUNDING_SOURCE)).isEqualTo("MOI-2023");
		assertThat(value(d, project, ImportField.PROJECT)).isEqualTo("P112-07");
		assertThat(value(d, project, ImportField.NOTES)).isNull();
	}

	@Test
	void theColumnWinsAndADisagreementIsAWarningNamingTheRow() {
		List<Column> columns = ColumnMappingTest.columns("編號", "名稱", "裝設日期", "攝影方向");
		ColumnMapping mapping = ColumnMapping.detect(columns).mapping();
		Derivations d = Derivations.bind(PRESETS, columns, mapping, PROGRAMMES);
		ImportReport report = new ImportReport(10);
		SourceRecord out = d.apply(new SourceRecord(7, new String[] { "C-1", "112擴充 朝東", "2021/05/01", "" }, null), report);
		assertThat(out.values()[2]).as("the install-date column wins").isEqualTo("2021/05/01");
		assertThat(out.values()[3]).as("an empty heading cell takes the derived heading").isEqualTo("90");
		assertThat(report.warnings()).singleElement().satisfies(w -> {
			assertThat(w.line()).isEqualTo(7);
			assertThat(w.code()).isEqualTo("import.derive.columnWins");
			assertThat(w.column()).isEqualTo("裝設日期");
		});
		// and the validator reads the derived values like columns
		RowValidator validator = new RowValidator(d.mapping(), d.columns(), new AreaNames(List.of(), List.of()), report);
		CameraRow row = validator.validate(d.apply(new SourceRecord(8,
				new String[] { "C-2", "112擴充-No.031 中正路與五福路口 朝東-車牌", "", "" }, null), report));
		assertThat(report.errors()).isEmpty();
		assertThat(row.installDate()).isEqualTo(LocalDate.of(2023, 1, 1));
		assertThat(row.headingDeg()).isEqualTo(90);
		assertThat(row.lpr()).isEqualTo("LPR");
		assertThat(row.address()).isEqualTo("中正路與五福路口");
		assertThat(row.notes()).contains("計畫/Programme: 擴充").contains("面向道路: 中正路與五福路口");
	}

	@Test
	void anUnreadableYearIsAWarningNotARejection() {
		List<Column> columns = ColumnMappingTest.columns("編號", "名稱");
		Derivations d = Derivations.bind(List.of(new Derivation("名稱", "^(?<year>\\d+)")), columns,
				ColumnMapping.detect(columns).mapping(), Programmes.none());
		ImportReport report = new ImportReport(10);
		SourceRecord out = d.apply(new SourceRecord(4, new String[] { "C-1", "31234 路口" }, null), report);
		assertThat(value(d, out, ImportField.INSTALL_DATE)).isNull();
		assertThat(report.warnings()).extracting(ImportIssue::code).containsExactly("import.derive.year.unreadable");
	}

	@Test
	void badPatternsAreRefusedBeforeAnyRowIsRead() {
		assertThatThrownBy(() -> FieldPattern.compile("^(?<year>\\d{2,3}")).isInstanceOfSatisfying(BadValue.class, e -> {
			assertThat(e.code()).isEqualTo("import.derive.pattern.syntax");
			assertThat(e.args().get(0)).isEqualTo("^(?<year>\\d{2,3}");
			assertThat((int) e.args().get(2)).as("error position").isPositive();
		});
		assertThatThrownBy(() -> FieldPattern.compile("(?<yeer>\\d+)"))
			.isInstanceOfSatisfying(BadValue.class, e -> {
				assertThat(e.code()).isEqualTo("import.derive.pattern.unknownGroup");
				assertThat(e.args().get(0)).isEqualTo("yeer");
			});
		assertThatThrownBy(() -> FieldPattern.compile("\\d+")).isInstanceOfSatisfying(BadValue.class,
				e -> assertThat(e.code()).isEqualTo("import.derive.pattern.noGroup"));
		assertThatThrownBy(() -> FieldPattern.compile("(?<year>\\d)" + "x".repeat(400))).isInstanceOfSatisfying(
				BadValue.class, e -> assertThat(e.code()).isEqualTo("import.derive.pattern.tooLong"));
		for (String pathological : List.of("(?<road>((a+)+)\\1b)", "(?<road>(.*a){20})!", "(?<year>(\\d+)+)\\1x")) {
			assertThatThrownBy(() -> FieldPattern.compile(pathological)).as(pathological)
				.isInstanceOfSatisfying(BadValue.class, e -> assertThat(e.code()).isEqualTo("import.derive.pattern.tooSlow"));
		}
		assertThat(FieldPattern.groupNames("[(?<no>)]\\(?<no2>x)(?<year>\\d)(?<=a)(?<road>\\Q(?<q>\\E.)"))
			.containsExactly("year", "road");
	}

	@Test
	void aCellTooSlowToSearchGivesUpWithinItsBudget() {
		// passes the probe (a sign that no probe uses), then meets a cell it cannot settle
		FieldPattern p = assertCompiles("(?<road>((¤+)+)\\1b)");
		long started = System.nanoTime();
		assertThatThrownBy(() -> p.find("¤".repeat(120) + "!")).isInstanceOf(FieldPattern.TooSlow.class);
		assertThat(System.nanoTime() - started).as("bounded").isLessThan(5_000_000_000L);
	}

	@Test
	void aPatternTooSlowOnSeveralCellsIsDroppedForTheRestOfTheRun() {
		List<Column> columns = ColumnMappingTest.columns("編號", "名稱");
		Derivations d = Derivations.bind(List.of(new Derivation("名稱", "(?<road>((¤+)+)\\1b)")), columns,
				ColumnMapping.detect(columns).mapping(), Programmes.none());
		ImportReport report = new ImportReport(100);
		for (int line = 2; line < 12; line++) {
			d.apply(new SourceRecord(line, new String[] { "C-" + line, "¤".repeat(60) + "!" }, null), report);
		}
		assertThat(report.warnings()).extracting(ImportIssue::code)
			.containsOnly("import.derive.tooSlowCell")
			.hasSize(Derivations.SLOW_CELLS_BEFORE_GIVING_UP);
		assertThat(d.check(List.of(new SourceRecord(2, new String[] { "C", "x" }, null)).iterator()).tooSlow())
			.containsExactly(0);
	}

	@Test
	void aColumnThatTheFileDoesNotHaveIsNamed() {
		List<Column> columns = ColumnMappingTest.columns("編號", "名稱");
		assertThatThrownBy(() -> Derivations.bind(List.of(new Derivation("設備名稱", "(?<year>\\d+)")), columns,
				ColumnMapping.detect(columns).mapping(), Programmes.none()))
			.isInstanceOfSatisfying(ImportFileException.class, e -> {
				assertThat(e.code()).isEqualTo("import.derive.unknownColumn");
				assertThat(e.args().get(0)).isEqualTo("設備名稱");
			});
	}

	private static FieldPattern assertCompiles(String pattern) {
		try {
			return FieldPattern.compile(pattern);
		}
		catch (BadValue e) {
			throw new AssertionError(e.code() + " " + e.args());
		}
	}

	private static String value(Derivations d, SourceRecord record, ImportField field) {
		int c = d.mapping().column(field);
		return c < 0 || record.values()[c] == null || record.values()[c].isBlank() ? null : record.values()[c];
	}
}
