package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueParsersTest {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2023-03-30            | 2023-03-30
			2023/3/30             | 2023-03-30
			2023.03.30            | 2023-03-30
			20230330              | 2023-03-30
			112/03/30             | 2023-03-30
			112-03-30             | 2023-03-30
			112.3.30              | 2023-03-30
			1120330               | 2023-03-30
			0990330               | 2010-03-30
			99/3/30               | 2010-03-30
			民國112年3月30日        | 2023-03-30
			民國 112 年 3 月 30 日   | 2023-03-30
			112年03月30日          | 2023-03-30
			2023年3月30日          | 2023-03-30
			２０２３－０３－３０       | 2023-03-30
			2023/3/30 上午 12:00:00 | 2023-03-30
			2023-03-30T00:00:00   | 2023-03-30
			113/02/29             | 2024-02-29
			""")
	void readsIsoAndRocDates(String text, LocalDate expected) throws BadValue {
		assertThat(RocDates.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is refused with {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2023-02-30     | import.error.date.impossible
			112/02/29      | import.error.date.impossible
			112/13/01      | import.error.date.impossible
			0/01/01        | import.error.date.impossible
			民國112年2月30日 | import.error.date.impossible
			990330         | import.error.date.ambiguous
			1899-01-01     | import.error.date.range
			yesterday      | import.error.date.format
			45015          | import.error.date.format
			""")
	void refusesImpossibleAndUnreadableDates(String text, String code) {
		assertThatThrownBy(() -> RocDates.parse(text)).isInstanceOf(BadValue.class)
			.extracting(e -> ((BadValue) e).code()).isEqualTo(code);
	}

	@Test
	void emptyDateIsNoDate() throws BadValue {
		assertThat(RocDates.parse("  ")).isNull();
	}

	@ParameterizedTest(name = "{0} is {1}°")
	@CsvSource(delimiter = '|', textBlock = """
			東          | 90
			東北        | 45
			東北東       | 68
			北北西       | 338
			西          | 270
			向東        | 90
			東向        | 90
			朝東北方向    | 45
			西南側       | 225
			北偏東30度    | 30
			東偏南15°    | 105
			南偏西 20    | 200
			西偏北10度    | 280
			北偏東       | 23
			東北偏北      | 23
			N          | 0
			ne         | 45
			ENE        | 68
			north-east | 45
			South West | 225
			N30E       | 30
			S20W       | 200
			N 10° W    | 350
			0          | 0
			45         | 45
			45°        | 45
			45度        | 45
			359.4      | 359
			359.6      | 0
			""")
	void turnsDirectionsIntoHeadings(String text, int expected) throws BadValue {
		assertThat(CompassHeading.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is refused with {1}")
	@CsvSource(delimiter = '|', textBlock = """
			361      | import.error.heading.range
			-1       | import.error.heading.range
			720      | import.error.heading.range
			北偏東100度 | import.error.heading.range
			往左營方向   | import.error.heading.unknown
			東偏西     | import.error.heading.unknown
			up       | import.error.heading.unknown
			""")
	void refusesHeadingsOutsideTheCompass(String text, String code) {
		assertThatThrownBy(() -> CompassHeading.parse(text)).isInstanceOf(BadValue.class)
			.extracting(e -> ((BadValue) e).code()).isEqualTo(code);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			是    | LPR
			Y    | LPR
			有    | LPR
			v    | LPR
			即時  | REALTIME_LPR
			即時車辨 | REALTIME_LPR
			real-time | REALTIME_LPR
			否    | NONE
			N    | NONE
			無    | NONE
			""")
	void readsLprCapability(String text, String expected) throws BadValue {
		assertThat(CameraValues.lpr(text)).isEqualTo(expected);
	}

	@Test
	void refusesUnknownLprAndDecommissionedStatus() {
		assertThatThrownBy(() -> CameraValues.lpr("maybe")).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.lpr.unknown");
		assertThatThrownBy(() -> CameraValues.status("報廢")).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.status.decommissioned");
	}

	@Test
	void assetTagsEncodingSiteAndIndexNameTheirSite() throws BadValue {
		assertThat(CameraValues.assetTag("LAAA001-01")).isEqualTo(new CameraValues.Tag("LAAA001-01", "LAAA001", 1));
		assertThat(CameraValues.assetTag(" laaa001-02 ")).isEqualTo(new CameraValues.Tag("LAAA001-02", "LAAA001", 2));
		assertThat(CameraValues.assetTag("ＬＡＡＡ００２－１")).isEqualTo(new CameraValues.Tag("LAAA002-1", "LAAA002", 1));
		assertThat(CameraValues.assetTag("KH-0001")).isEqualTo(new CameraValues.Tag("KH-0001", null, null));
	}

	@Test
	void refusesEmptyLongAndFormulaLikeAssetTags() {
		assertThatThrownBy(() -> CameraValues.assetTag("")).extracting(e -> ((BadValue) e).code()).isEqualTo("import.error.required");
		assertThatThrownBy(() -> CameraValues.assetTag("A".repeat(41))).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.tooLong");
		assertThatThrownBy(() -> CameraValues.assetTag("=HYPERLINK(\"http://x\")")).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.assetTag.characters");
		assertThatThrownBy(() -> CameraValues.assetTag("ZZB001-99999999999")).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.assetTag.index");
	}

	@Test
	void wholeNumbersTakeUnitsAndRanges() throws BadValue {
		assertThat(CameraValues.whole("90°", 1, 360)).isEqualTo(90);
		assertThat(CameraValues.whole("50公尺", 1, 2000)).isEqualTo(50);
		assertThat(CameraValues.whole("8年", 1, 30)).isEqualTo(8);
		assertThatThrownBy(() -> CameraValues.whole("2500m", 1, 2000)).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.range");
		assertThatThrownBy(() -> CameraValues.whole("ninety", 1, 360)).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.notWholeNumber");
		assertThatThrownBy(() -> CameraValues.whole("-5", 1, 2000)).as("a minus sign is not dropped")
			.extracting(e -> ((BadValue) e).code()).isEqualTo("import.error.notWholeNumber");
	}
}
