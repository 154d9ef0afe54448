package io.watchkeeper.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressNormalisationTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			高雄市前鎮區中山二路5號                 | 前鎮區中山二路5號
			高雄市前鎮區中山二路5之1號              | 前鎮區中山二路5之1號
			前鎮區中山二路5-1號                     | 前鎮區中山二路5之1號
			前鎮區中山二路5號之1                    | 前鎮區中山二路5之1號
			前鎮區中山二路五號之一                  | 前鎮區中山二路5之1號
			前鎮區中山二路5－1號                    | 前鎮區中山二路5之1號
			臺北市中正區重慶南路一段122號           | 中正區重慶南路1段122號
			台北市中正區重慶南路1段122號            | 中正區重慶南路1段122號
			中正區重慶南路１段１２２號              | 中正區重慶南路1段122號
			重慶南路三段十五巷二弄七號              | 重慶南路3段15巷2弄7號
			重慶南路 3 段 15 巷 2 弄 7 號           | 重慶南路3段15巷2弄7號
			苓雅區四維三路2號前                      | 苓雅區四維三路2號
			苓雅區四維三路2號對面路燈桿              | 苓雅區四維三路2號
			苓雅區四維三路2號旁電桿                  | 苓雅區四維三路2號
			苓雅區四維三路2號附近                    | 苓雅區四維三路2號
			苓雅區四維三路2號(市府前)                | 苓雅區四維三路2號
			苓雅區四維三路2號（市府前）              | 苓雅區四維三路2號
			苓雅區四維三路2號3樓之1                  | 苓雅區四維三路2號
			苓雅區四維三路2號十二樓                  | 苓雅區四維三路2號
			苓雅區苓雅里5鄰四維三路2號               | 苓雅區四維三路2號
			苓雅區苓雅里四維三路2號                  | 苓雅區四維三路2號
			802高雄市苓雅區四維三路2號               | 苓雅區四維三路2號
			中正4路100號                             | 中正四路100號
			中正四路100~104號                        | 中正四路100號
			中正四路100、102號                       | 中正四路100號
			中正四路100號                            | 中正四路100號
			中正四路235巷口                          | 中正四路235巷
			中正四路                                 | 中正四路
			鳳山區　光復路二段１３２號             | 鳳山區光復路2段132號
			鳳山區光復路2段132號B1                 | 鳳山區光復路2段132號
			""")
	void normalisesDoorPlates(String raw, String expected) {
		assertThat(AddressNormaliser.parse(raw).text()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1} x {2}")
	@CsvSource(delimiter = '|', textBlock = """
			中正四路與中華三路口              | 中正四路 | 中華三路
			中正四路/中華三路口               | 中正四路 | 中華三路
			中正四路、中華三路交叉口          | 中正四路 | 中華三路
			中正四路與中華三路交岔路口        | 中正四路 | 中華三路
			中正四路中華三路口                | 中正四路 | 中華三路
			新興區中正四路與中華三路口旁      | 中正四路 | 中華三路
			臺北市中正區重慶南路一段與忠孝西路一段口 | 重慶南路1段 | 忠孝西路1段
			中正４路／中華３路口              | 中正四路 | 中華三路
			中山路與和平一路口                | 中山路   | 和平一路
			""")
	void readsIntersections(String raw, String first, String second) {
		Address a = AddressNormaliser.parse(raw);
		assertThat(a.kind()).isEqualTo(Address.Kind.INTERSECTION);
		assertThat(a.roadKey()).isEqualTo(first);
		assertThat(a.road2Key()).isEqualTo(second);
	}

	@Test
	void readsTheParts() {
		Address a = AddressNormaliser.parse("高雄市前鎮區中山二路一段三十巷5弄12號之3");
		assertThat(a.kind()).isEqualTo(Address.Kind.DOOR_PLATE);
		assertThat(a.city()).isEqualTo("高雄市");
		assertThat(a.district()).isEqualTo("前鎮區");
		assertThat(a.road()).isEqualTo("中山二路");
		assertThat(a.section()).isEqualTo(1);
		assertThat(a.roadKey()).isEqualTo("中山二路1段");
		assertThat(a.lane()).isEqualTo(30);
		assertThat(a.alley()).isEqualTo(5);
		assertThat(a.number()).isEqualTo(12);
		assertThat(a.sub()).isEqualTo(3);
	}

	@Test
	void aMissingDistrictStaysMissingAndACountyTownIsADistrict() {
		assertThat(AddressNormaliser.parse("中山二路12號").district()).isNull();
		assertThat(AddressNormaliser.parse("高雄市中山二路12號").city()).isEqualTo("高雄市");
		Address county = AddressNormaliser.parse("屏東縣潮州鎮中山路12號");
		assertThat(county.district()).isEqualTo("潮州鎮");
		assertThat(county.roadKey()).isEqualTo("中山路");
		// a road whose name begins like a town is a road when no county is named
		assertThat(AddressNormaliser.parse("新市一路12號").roadKey()).isEqualTo("新市一路");
	}

	@Test
	void roadOnlyAndLaneOnlyAreRoads() {
		assertThat(AddressNormaliser.parse("三民區九如二路").kind()).isEqualTo(Address.Kind.ROAD);
		Address lane = AddressNormaliser.parse("三民區九如二路235巷口");
		assertThat(lane.kind()).isEqualTo(Address.Kind.ROAD);
		assertThat(lane.lane()).isEqualTo(235);
	}

	@Test
	void nonsenseIsUnreadableNeverAnError() {
		for (String s : new String[] { null, "", "   ", "12345", "<script>alert(1)</script>", "=CMD()", "\u0000\u0001",
				"號號號", "之之之", "x".repeat(10_000), "(((((((", "中" }) {
			assertThat(AddressNormaliser.parse(s).kind()).as(String.valueOf(s)).isEqualTo(Address.Kind.UNREADABLE);
		}
	}

	@Test
	void chineseNumbers() {
		assertThat(AddressNormaliser.chineseNumber("三")).isEqualTo(3);
		assertThat(AddressNormaliser.chineseNumber("十五")).isEqualTo(15);
		assertThat(AddressNormaliser.chineseNumber("二十")).isEqualTo(20);
		assertThat(AddressNormaliser.chineseNumber("一百零五")).isEqualTo(105);
		assertThat(AddressNormaliser.chineseNumber("一〇五")).isEqualTo(105);
		assertThat(AddressNormaliser.chineseNumber("兩百")).isEqualTo(200);
	}
}
