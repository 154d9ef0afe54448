package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.watchkeeper.camera.importing.SourceFile.SourceRecord;
import io.watchkeeper.shared.GeoPoint;

class RowValidatorTest {

	static final String[] HEADERS = { "編號", "分局", "所屬單位", "派出所", "行政區", "安裝地址", "攝影方向", "經度", "緯度", "X", "Y",
			"裝設日期", "保固", "車牌辨識", "廠牌", "型號", "視角", "距離", "狀態", "備註" };

	final AreaNames areas = new AreaNames(
			List.of(new AreaNames.Area(1, "LINGYA", "苓雅分局", "Lingya Precinct"),
					new AreaNames.Area(2, "SANMIN1", "三民第一分局", "Sanmin First Precinct")),
			List.of(new AreaNames.Area(7, "LINGYA", "苓雅區", "Lingya")));

	final ImportReport report = new ImportReport(100);

	final RowValidator validator = new RowValidator(ColumnMapping.detect(ColumnMappingTest.columns(HEADERS)).mapping(),
			ColumnMappingTest.columns(HEADERS), areas, report);

	/** A record from name=value pairs; unnamed columns are empty. */
	static SourceRecord row(int line, String... pairs) {
		String[] values = new String[HEADERS.length];
		for (String pair : pairs) {
			String name = pair.substring(0, pair.indexOf('='));
			int column = List.of(HEADERS).indexOf(name);
			if (column < 0) {
				throw new IllegalArgumentException(name);
			}
			values[column] = pair.substring(pair.indexOf('=') + 1);
		}
		return new SourceRecord(line, values, null);
	}

	@Test
	void aCompleteRowBecomesACamera() {
		CameraRow row = validator.validate(row(2, "編號=LAAA001-01", "分局=苓雅分局", "派出所=四維派出所", "行政區=苓雅區",
				"安裝地址=高雄市苓雅區四維三路2號", "攝影方向=東北", "經度=120.3014", "緯度=22.6209", "裝設日期=112/03/30", "保固=3年",
				"車牌辨識=即時", "廠牌=Vivotek", "型號=IB9389", "視角=90°", "距離=50m", "狀態=正常", "備註=路口"));
		assertThat(report.errors()).isEmpty();
		assertThat(row.assetTag()).isEqualTo("LAAA001-01");
		assertThat(row.siteCode()).isEqualTo("LAAA001");
		assertThat(row.siteIndex()).isEqualTo(1);
		assertThat(row.location()).isEqualTo(new GeoPoint(120.3014, 22.6209));
		assertThat(row.namedPrecinctId()).isEqualTo(1L);
		assertThat(row.namedDistrictId()).isEqualTo(7L);
		assertThat(row.headingDeg()).isEqualTo(45);
		assertThat(row.installDate()).isEqualTo(LocalDate.of(2023, 3, 30));
		assertThat(row.warrantyEnd()).as("3年 counts from the install date").isEqualTo(LocalDate.of(2026, 3, 30));
		assertThat(row.lpr()).isEqualTo("REALTIME_LPR");
		assertThat(row.fovDeg()).isEqualTo(90);
		assertThat(row.rangeM()).isEqualTo(50);
		assertThat(row.status()).isEqualTo("ACTIVE");
		assertThat(row.notes()).isEqualTo("路口\n派出所: 四維派出所");
	}

	@Test
	void everyWrongFieldOfARowIsReportedNotJustTheFirst() {
		CameraRow row = validator.validate(row(7, "編號=LAAA001-01", "經度=abc", "緯度=22.6", "裝設日期=2023-02-30",
				"攝影方向=400", "車牌辨識=maybe"));
		assertThat(row).isNull();
		assertThat(report.errors()).extracting(ImportIssue::line).containsOnly(7);
		assertThat(report.errors()).extracting(ImportIssue::field, ImportIssue::code).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("LONGITUDE", "import.error.notNumber"),
				org.assertj.core.groups.Tuple.tuple("INSTALL_DATE", "import.error.date.impossible"),
				org.assertj.core.groups.Tuple.tuple("LPR", "import.error.lpr.unknown"));
		assertThat(report.warnings()).as("a direction that cannot be read keeps the row (unless strict)")
			.extracting(ImportIssue::field, ImportIssue::code)
			.contains(org.assertj.core.groups.Tuple.tuple("HEADING", "import.warning.heading.range"));
		ImportIssue date = report.errors().stream().filter(i -> i.field().equals("INSTALL_DATE")).findFirst().orElseThrow();
		assertThat(date.column()).isEqualTo("裝設日期");
		assertThat(date.value()).isEqualTo("2023-02-30");
		assertThat(report.rejectedRows()).isEqualTo(1);
	}

	@Test
	void aDuplicateAssetTagNamesTheLineItFirstAppearedOn() {
		assertThat(validator.validate(row(2, "編號=LAAA001-01", "安裝地址=a"))).isNotNull();
		assertThat(validator.validate(row(3, "編號=laaa001-01", "安裝地址=b"))).isNull();
		assertThat(report.errors()).singleElement().satisfies(i -> {
			assertThat(i.code()).isEqualTo("import.error.duplicateInFile");
			assertThat(i.args()).containsExactly("LAAA001-01", 2);
		});
	}

	@Test
	void aRowWithoutCoordinatesIsAnUnplacedCameraWithItsAddress() {
		CameraRow row = validator.validate(row(2, "編號=KH9000", "安裝地址=高雄市三民區建國二路", "分局=三民一分局"));
		assertThat(row.location()).isNull();
		assertThat(row.address()).isEqualTo("高雄市三民區建國二路");
		assertThat(row.namedPrecinctId()).as("三民一分局 is 三民第一分局").isEqualTo(2L);
		assertThat(row.siteCode()).isNull();
	}

	@Test
	void aRowWithNeitherCoordinatesNorAddressIsRejected() {
		assertThat(validator.validate(row(4, "編號=KH-9"))).isNull();
		assertThat(report.errors()).extracting(ImportIssue::code).containsExactly("import.error.noLocation");
	}

	@Test
	void swappedLatitudeAndLongitudeAreAcceptedWithAWarning() {
		CameraRow row = validator.validate(row(2, "編號=A-01", "經度=22.6", "緯度=120.3"));
		assertThat(row.location()).isEqualTo(new GeoPoint(120.3, 22.6));
		assertThat(report.warnings()).extracting(ImportIssue::code).containsExactly("import.warning.swappedLonLat");
	}

	@Test
	void twd97CoordinatesAreConverted() {
		CameraRow row = validator.validate(row(2, "編號=A-01", "X=178000", "Y=2502000"));
		assertThat(row.location().longitude()).isBetween(120.29, 120.31);
		assertThat(row.location().latitude()).isBetween(22.60, 22.63);
	}

	@Test
	void outsideTaiwanAndHalfCoordinatesAreRejected() {
		assertThat(validator.validate(row(2, "編號=A-01", "經度=139.69", "緯度=35.69"))).isNull();
		assertThat(validator.validate(row(3, "編號=A-02", "經度=120.3", "安裝地址=x"))).isNull();
		assertThat(report.errors()).extracting(ImportIssue::line, ImportIssue::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple(2, "import.error.coordinates.outsideTaiwan"),
				org.assertj.core.groups.Tuple.tuple(3, "import.error.coordinates.half"));
	}

	@Test
	void overLongValuesAreRejectedAndFormulasStayText() {
		assertThat(validator.validate(row(2, "編號=A-01", "安裝地址=" + "路".repeat(301)))).isNull();
		assertThat(report.errors()).extracting(ImportIssue::code).containsExactly("import.error.tooLong");
		CameraRow formula = validator.validate(row(3, "編號=A-02", "安裝地址==HYPERLINK(\"http://evil\",\"x\")", "備註=@SUM(A1)"));
		assertThat(formula.address()).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
		assertThat(formula.notes()).isEqualTo("@SUM(A1)");
	}

	@Test
	void aUnitThatIsAPrecinctNamesThePrecinctAndOtherUnitsGoToTheNotes() {
		assertThat(validator.validate(row(2, "編號=A-01", "安裝地址=x", "所屬單位=高雄市政府警察局苓雅分局")).namedPrecinctId()).isEqualTo(1L);
		CameraRow other = validator.validate(row(3, "編號=A-02", "安裝地址=x", "所屬單位=交通大隊"));
		assertThat(other.namedPrecinctId()).isNull();
		assertThat(other.notes()).isEqualTo("所屬單位: 交通大隊");
	}

	@Test
	void anUnknownPrecinctNameIsAWarningNotAnError() {
		assertThat(validator.validate(row(2, "編號=A-01", "安裝地址=x", "分局=火星分局"))).isNotNull();
		assertThat(report.warnings()).extracting(ImportIssue::code).containsExactly("import.warning.unknownPrecinct");
	}

	@Test
	void aWarrantyEndingBeforeInstallationIsRejected() {
		assertThat(validator.validate(row(2, "編號=A-01", "安裝地址=x", "裝設日期=2023-03-30", "保固=2022-01-01"))).isNull();
		assertThat(report.errors()).extracting(ImportIssue::code).containsExactly("import.error.warranty.beforeInstall");
	}

	@Test
	void aRecordProblemRejectsTheRow() {
		assertThat(validator.validate(new SourceRecord(9, new String[HEADERS.length],
				new BadValue("import.error.columnCount", 21, 20)))).isNull();
		assertThat(report.errors()).extracting(ImportIssue::line).contains(9);
	}
}
