package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Directions in every form police lists write them (issue 13), beyond the basic ones of ValueParsersTest. */
class DirectionsTest {

	@ParameterizedTest(name = "{0} is {1}°")
	@CsvSource(delimiter = '|', textBlock = """
			北          | 0
			東北        | 45
			北東        | 45
			東          | 90
			東南        | 135
			南東        | 135
			南          | 180
			西南        | 225
			南西        | 225
			西          | 270
			西北        | 315
			北西        | 315
			北北東       | 23
			東北東       | 68
			東南東       | 113
			南南東       | 158
			南南西       | 203
			西南西       | 248
			西北西       | 293
			北北西       | 338
			朝東南       | 135
			往北        | 0
			向西        | 270
			向東側       | 90
			北東側       | 45
			朝北東方向    | 45
			面向南       | 180
			正北        | 0
			東北角       | 45
			朝東(往市區)   | 90
			朝東（車道）   | 90
			東 北       | 45
			ＮＥ        | 45
			N          | 0
			NE         | 45
			NNE        | 23
			ENE        | 68
			SSW        | 203
			WNW        | 293
			north      | 0
			north-east | 45
			North East | 45
			northeast  | 45
			N.E.       | 45
			south-south-west | 203
			east       | 90
			45         | 45
			45°        | 45
			45 °       | 45
			45度        | 45
			４５        | 45
			0          | 0
			359        | 359
			270.4      | 270
			""")
	void readsEveryWrittenForm(String text, int degrees) throws BadValue {
		CompassHeading.Direction d = CompassHeading.read(text);
		assertThat(d.allRound()).isFalse();
		assertThat(d.degrees()).isEqualTo(degrees);
	}

	@ParameterizedTest(name = "{0} is all-round")
	@ValueSource(strings = { "全景", "環景", "360", "360°", "360度", "360度全景", "全景攝影機", "魚眼", "魚眼鏡頭", "fisheye",
			"Fish-eye", "panoramic", "360 view", "omni", "全方位", "（全景）" })
	void wordsForAllRoundViewsMeanNoHeading(String text) throws BadValue {
		CompassHeading.Direction d = CompassHeading.read(text);
		assertThat(d.allRound()).isTrue();
		assertThat(d.degrees()).isNull();
	}

	@ParameterizedTest(name = "{0} cannot be read")
	@ValueSource(strings = { "往左營方向", "東西", "雙向", "up", "361", "-5", "北偏東100度", "東偏西", "中正路" })
	void whatIsNoDirectionIsSaidSo(String text) {
		assertThatThrownBy(() -> CompassHeading.read(text)).isInstanceOf(BadValue.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void anEmptyCellIsNoDirection(String text) throws BadValue {
		assertThat(CompassHeading.read(text)).isNull();
	}

	@org.junit.jupiter.api.Test
	void invisibleDirectionMarksAreIgnored() throws BadValue {
		assertThat(CompassHeading.read("\u200E東\u200E").degrees()).isEqualTo(90);
		assertThat(CompassHeading.read("\u202B全景\u202C").allRound()).isTrue();
	}
}
