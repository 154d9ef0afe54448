package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.watchkeeper.shared.GeoPoint;

class CoordinatesTest {

	private final Coordinates coordinates = new Coordinates();

	@Test
	void twd97OnTheCentralMeridianIsLongitude121() throws BadValue {
		GeoPoint p = coordinates.twd97(250_000, 2_500_000).point();
		assertThat(p.longitude()).isCloseTo(121.0, within(1e-9));
		// 2,500 km north of the equator along the meridian, scaled by 0.9999: about 22.6° on GRS80
		assertThat(p.latitude()).isCloseTo(22.6, within(0.02));
	}

	@Test
	void kaohsiungCityHallRoundTripsThroughTwd97() throws BadValue {
		GeoPoint cityHall = new GeoPoint(120.3014, 22.6209);
		double[] xy = coordinates.toTwd97(cityHall);
		// x about 177 km (121° - 120.3° ≈ 72 km west of the 250 km false easting), y about 2,502 km
		assertThat(xy[0]).isBetween(176_000.0, 179_000.0);
		assertThat(xy[1]).isBetween(2_501_000.0, 2_504_000.0);
		GeoPoint back = coordinates.twd97(xy[0], xy[1]).point();
		assertThat(RowValidator.distanceMetres(cityHall, back)).isLessThan(0.001);
	}

	@Test
	void swappedLongitudeAndLatitudeAreTurnedRoundWithAWarning() throws BadValue {
		Coordinates.Reading r = coordinates.lonLat(22.6, 120.3);
		assertThat(r.point()).isEqualTo(new GeoPoint(120.3, 22.6));
		assertThat(r.warningCode()).isEqualTo("import.warning.swappedLonLat");
		assertThat(coordinates.lonLat(120.3, 22.6).warningCode()).isNull();
	}

	@Test
	void swappedTwd97IsTurnedRoundWithAWarning() throws BadValue {
		Coordinates.Reading r = coordinates.twd97(2_502_000, 177_000);
		assertThat(r.warningCode()).isEqualTo("import.warning.swappedXY");
		assertThat(r.point().longitude()).isBetween(120.2, 120.4);
	}

	@Test
	void refusesLocationsOutsideTaiwan() {
		assertThatThrownBy(() -> coordinates.lonLat(139.69, 35.69)).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.coordinates.outsideTaiwan");
		assertThatThrownBy(() -> coordinates.lonLat(0, 0)).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.coordinates.outsideTaiwan");
		assertThatThrownBy(() -> coordinates.twd97(900_000, 2_500_000)).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.coordinates.outsideTaiwanTwd97");
	}

	@Test
	void saysWhenDegreesAndMetresAreInTheWrongColumns() {
		assertThatThrownBy(() -> coordinates.lonLat(177_000, 2_502_000)).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.coordinates.looksLikeTwd97");
		assertThatThrownBy(() -> coordinates.twd97(120.3, 22.6)).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.coordinates.looksLikeDegrees");
	}

	@Test
	void readsNumbersAndDegreesMinutesSeconds() throws BadValue {
		assertThat(Coordinates.number(" 120.30 ")).isEqualTo(120.30);
		assertThat(Coordinates.number("１２０．３")).isEqualTo(120.3);
		assertThat(Coordinates.number("120°18'00\"E")).isCloseTo(120.3, within(1e-9));
		assertThat(Coordinates.number("22度36分")).isCloseTo(22.6, within(1e-9));
		assertThatThrownBy(() -> Coordinates.number("東經120")).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.notNumber");
		assertThatThrownBy(() -> Coordinates.number("NaN")).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.notNumber");
	}

	@Test
	void aCoordinatePairMayComeInEitherOrder() throws BadValue {
		assertThat(coordinates.pair("120.3, 22.6").point()).isEqualTo(new GeoPoint(120.3, 22.6));
		Coordinates.Reading latFirst = coordinates.pair("22.6 120.3");
		assertThat(latFirst.point()).isEqualTo(new GeoPoint(120.3, 22.6));
		assertThat(latFirst.warningCode()).isNull();
		assertThat(coordinates.pair("177000,2502000").point().longitude()).isBetween(120.2, 120.4);
		assertThatThrownBy(() -> coordinates.pair("120.3")).extracting(e -> ((BadValue) e).code())
			.isEqualTo("import.error.coordinates.pair");
	}
}
