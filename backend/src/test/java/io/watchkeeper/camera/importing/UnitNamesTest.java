package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unit cell as police lists write it, split into precinct and station (issue 13). */
class UnitNamesTest {

	@ParameterizedTest(name = "{0} -> [{1}] [{2}]")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			新興分局 中正四路派出所              | 新興分局     | 中正四路派出所
			新興分局　中正四路派出所              | 新興分局     | 中正四路派出所
			高雄市政府警察局新興分局中正四路派出所     | 新興分局     | 中正四路派出所
			高雄市政府警察局 新興分局 中正四路派出所   | 新興分局     | 中正四路派出所
			新興分局/中正四路所                | 新興分局     | 中正四路所
			新興分局／中正四路所                | 新興分局     | 中正四路所
			新興分局-中正四路派出所              | 新興分局     | 中正四路派出所
			新興分局、中正四路派出所              | 新興分局     | 中正四路派出所
			新興分局中正四路派出所               | 新興分局     | 中正四路派出所
			中正四路派出所(新興分局)             | 新興分局     | 中正四路派出所
			三民第一分局 鼎山派出所              | 三民第一分局   | 鼎山派出所
			臺中市政府警察局第一分局繼光派出所        | 第一分局     | 繼光派出所
			六龜分局 寶來分駐所                | 六龜分局     | 寶來分駐所
			桃源分局梅山駐在所                 | 桃源分局     | 梅山駐在所
			中正四路派出所                   | -        | 中正四路派出所
			中正四路所                     | -        | 中正四路所
			新興分局                      | 新興分局     | -
			高雄市政府警察局新興分局              | 新興分局     | -
			新興                        | 新興       | -
			Xinxing Precinct, Zhongzheng 4th Rd. Station | Xinxing Precinct | Zhongzheng 4th Rd. Station
			Xinxing Precinct                | Xinxing Precinct | -
			Zhongzheng Police Station       | -        | Zhongzheng Police Station
			""")
	void splitsPrecinctAndStation(String cell, String precinct, String station) {
		UnitNames.Unit unit = UnitNames.split(cell);
		assertThat(unit.precinct()).isEqualTo(precinct);
		assertThat(unit.station()).isEqualTo(station);
	}

	@Test
	void anEmptyCellIsNoUnit() {
		assertThat(UnitNames.split("  ")).isNull();
		assertThat(UnitNames.split(null)).isNull();
	}

	@ParameterizedTest(name = "{0} and {1} name one station")
	@CsvSource(delimiter = '|', textBlock = """
			中正四路派出所 | 中正四路所
			中正四路派出所 | 中正四路 派出所
			中正四路派出所 | 中正四路
			寶來分駐所   | 寶來
			Zhongzheng Station | zhongzheng police station
			""")
	void stationKeysIgnoreTheSuffix(String a, String b) {
		assertThat(UnitNames.stationKey(a)).isEqualTo(UnitNames.stationKey(b)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0} is created as {1}")
	@CsvSource(delimiter = '|', textBlock = """
			中正四路所   | 中正四路派出所
			中正四路派出所 | 中正四路派出所
			中正四路    | 中正四路派出所
			寶來分駐所   | 寶來分駐所
			""")
	void newStationsGetTheirFullName(String written, String name) {
		assertThat(UnitNames.stationName(written)).isEqualTo(name);
	}

	@Test
	void invisibleDirectionMarksCopiedFromWebPagesAreIgnored() {
		UnitNames.Unit unit = UnitNames.split("\u200F新興分局 復元派出所\u200F");
		assertThat(unit.precinct()).isEqualTo("新興分局");
		assertThat(unit.station()).isEqualTo("復元派出所");
	}

	@Test
	void onlyChineseNamesMakeNewStations() {
		assertThat(UnitNames.isChinese("德望派出所")).isTrue();
		assertThat(UnitNames.isChinese("Dewang Station")).isFalse();
	}
}
