package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.watchkeeper.camera.importing.ColumnMapping.Column;

class ColumnMappingTest {

	static List<Column> columns(String... headers) {
		List<Column> columns = new ArrayList<>();
		for (String h : headers) {
			columns.add(new Column(columns.size(), h, List.of()));
		}
		return columns;
	}

	static ColumnMapping detect(String... headers) {
		return ColumnMapping.detect(columns(headers)).mapping();
	}

	@Test
	void recognisesPoliceListHeadersInChinese() {
		ColumnMapping m = detect("項次", "設備編號", "所屬單位", "分局", "派出所", "行政區", "設置地點", "攝影方向", "經度", "緯度",
				"裝設日期", "保固到期日", "車牌辨識", "廠牌", "型號", "視角", "距離", "備註");
		assertThat(m.field(0)).as("a running number is not the asset tag").isNull();
		assertThat(m.field(1)).isEqualTo(ImportField.ASSET_TAG);
		assertThat(m.field(2)).isEqualTo(ImportField.UNIT);
		assertThat(m.field(3)).isEqualTo(ImportField.PRECINCT);
		assertThat(m.field(4)).isEqualTo(ImportField.STATION);
		assertThat(m.field(5)).isEqualTo(ImportField.DISTRICT);
		assertThat(m.field(6)).isEqualTo(ImportField.ADDRESS);
		assertThat(m.field(7)).isEqualTo(ImportField.HEADING);
		assertThat(m.field(8)).isEqualTo(ImportField.LONGITUDE);
		assertThat(m.field(9)).isEqualTo(ImportField.LATITUDE);
		assertThat(m.field(10)).isEqualTo(ImportField.INSTALL_DATE);
		assertThat(m.field(11)).isEqualTo(ImportField.WARRANTY_END);
		assertThat(m.field(12)).isEqualTo(ImportField.LPR);
		assertThat(m.field(13)).isEqualTo(ImportField.MAKE);
		assertThat(m.field(14)).isEqualTo(ImportField.MODEL);
		assertThat(m.field(15)).isEqualTo(ImportField.FOV);
		assertThat(m.field(16)).isEqualTo(ImportField.RANGE);
		assertThat(m.field(17)).isEqualTo(ImportField.NOTES);
		assertThat(m.missing()).isEmpty();
	}

	@Test
	void recognisesEnglishHeadersWithUnitsAndOddSpacing() {
		ColumnMapping m = detect("Asset Tag", "Address", "Longitude (WGS84)", "LATITUDE", "Install_Date", "Warranty end", "LPR",
				"heading(deg)");
		assertThat(List.of(m.field(0), m.field(1), m.field(2), m.field(3), m.field(4), m.field(5), m.field(6), m.field(7)))
			.containsExactly(ImportField.ASSET_TAG, ImportField.ADDRESS, ImportField.LONGITUDE, ImportField.LATITUDE,
					ImportField.INSTALL_DATE, ImportField.WARRANTY_END, ImportField.LPR, ImportField.HEADING);
	}

	@Test
	void headersThatContainAKnownNameAreRecognisedWhenNothingMatchesExactly() {
		ColumnMapping m = detect("攝影機設備編號", "監視器安裝地址", "啟用日期(民國)");
		assertThat(m.field(0)).isEqualTo(ImportField.ASSET_TAG);
		assertThat(m.field(1)).isEqualTo(ImportField.ADDRESS);
		assertThat(m.field(2)).isEqualTo(ImportField.INSTALL_DATE);
	}

	@Test
	void twd97ColumnsAreXAndY() {
		ColumnMapping m = detect("編號", "X", "Y");
		assertThat(m.field(1)).isEqualTo(ImportField.TWD97_X);
		assertThat(m.field(2)).isEqualTo(ImportField.TWD97_Y);
	}

	@Test
	void xAndYHoldingDegreesAreReadAsLongitudeAndLatitude() {
		List<Column> columns = List.of(new Column(0, "編號", List.of("A-01")), new Column(1, "X", List.of("120.30", "120.31")),
				new Column(2, "Y", List.of("22.62", "22.63")));
		ColumnMapping.Detection d = ColumnMapping.detect(columns);
		assertThat(d.mapping().field(1)).isEqualTo(ImportField.LONGITUDE);
		assertThat(d.mapping().field(2)).isEqualTo(ImportField.LATITUDE);
		assertThat(d.notices()).extracting(ColumnMapping.Notice::code).containsExactly("import.notice.xyHoldDegrees");
	}

	@Test
	void aSecondColumnForTheSameFieldIsLeftOutWithANotice() {
		ColumnMapping.Detection d = ColumnMapping.detect(columns("編號", "設備編號", "地址"));
		assertThat(d.mapping().field(0)).isEqualTo(ImportField.ASSET_TAG);
		assertThat(d.mapping().field(1)).isNull();
		assertThat(d.notices()).extracting(ColumnMapping.Notice::code).containsExactly("import.notice.fieldTaken");
	}

	@Test
	void saysWhichRequiredColumnsAreMissing() {
		assertThat(detect("地址", "經度").missing()).containsExactly("ASSET_TAG", "LATITUDE");
		assertThat(detect("編號", "備註").missing()).containsExactly("LOCATION");
		assertThat(detect("編號", "X").missing()).containsExactly("TWD97_Y");
		assertThat(detect("編號", "地址").missing()).isEmpty();
	}

	@Test
	void aChosenMappingMayNotUseAFieldTwice() {
		assertThatThrownBy(() -> ColumnMapping.of(3, Map.of(0, ImportField.ASSET_TAG, 2, ImportField.ASSET_TAG)))
			.isInstanceOf(BadValue.class).extracting(e -> ((BadValue) e).code()).isEqualTo("import.mapping.fieldTwice");
	}

	@Test
	void adjustingMovesAFieldToTheChosenColumnAndIgnoresOnRequest() {
		List<Column> columns = columns("編號", "地址", "舊地址", "備註");
		ColumnMapping detected = ColumnMapping.detect(columns).mapping();
		ColumnMapping adjusted = CameraImporter.adjust(columns, detected, Map.of("舊地址", "ADDRESS", "備註", "IGNORE"));
		assertThat(adjusted.field(1)).isNull();
		assertThat(adjusted.field(2)).isEqualTo(ImportField.ADDRESS);
		assertThat(adjusted.field(3)).isNull();
		assertThat(SourceFileTest.catchFile(() -> CameraImporter.adjust(columns, detected, Map.of("nope", "ADDRESS"))).code())
			.isEqualTo("import.mapping.unknownColumn");
		assertThat(SourceFileTest.catchFile(() -> CameraImporter.adjust(columns, detected, Map.of("備註", "COLOUR"))).code())
			.isEqualTo("import.mapping.unknownField");
	}
}
