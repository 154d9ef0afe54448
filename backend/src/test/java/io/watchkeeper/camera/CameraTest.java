package io.watchkeeper.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.InvalidInputException;

class CameraTest {

	static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
	static final GeoPoint KAOHSIUNG_STATION = new GeoPoint(120.30153, 22.63982);

	static CameraDetails details(LocalDate installed) {
		return new CameraDetails(new Heading(90), 90, 60, installed, 8, installed == null ? null : installed.plusYears(2),
				LprCapability.LPR, "VIVOTEK", "IB9387-HT", CameraStatus.ACTIVE, null, null, null, null, null);
	}

	static Camera camera() {
		AssetTag tag = AssetTag.of("LAAA001-02");
		Site site = Site.openFor("LAAA001", KAOHSIUNG_STATION, "博愛一路/九如二路口");
		return Camera.register(tag, site, KAOHSIUNG_STATION, "博愛一路/九如二路口", details(LocalDate.of(2015, 3, 30)));
	}

	@Test
	void registersOnTheSiteItsTagNames() {
		Camera camera = camera();
		assertThat(camera.assetTag().value()).isEqualTo("LAAA001-02");
		assertThat(camera.site().code()).isEqualTo("LAAA001");
		assertThat(camera.siteIndex()).isEqualTo(2);
		assertThat(camera.status()).isEqualTo(CameraStatus.ACTIVE);
		assertThat(camera.location()).isEqualTo(KAOHSIUNG_STATION);
		assertThat(camera.areaOverridden()).isFalse();
	}

	@Test
	void endOfLifeIsInstallDatePlusServiceLife() {
		assertThat(details(LocalDate.of(2015, 3, 30)).endOfLife()).isEqualTo(LocalDate.of(2023, 3, 30));
		assertThat(details(null).endOfLife()).isNull();
	}

	@Test
	void refusesALocationOutsideTaiwan() {
		assertThatThrownBy(() -> Camera.register(AssetTag.of("X-01"), null, new GeoPoint(100.5, 13.7), null,
				details(null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("outside Taiwan");
	}

	@Test
	void detailsReportEveryBrokenRuleAtOnce() {
		assertThatThrownBy(() -> new CameraDetails(null, 0, 5000, LocalDate.of(2020, 1, 1), 40,
				LocalDate.of(2019, 1, 1), null, "x".repeat(81), null, CameraStatus.DECOMMISSIONED, null, null, null, null,
				null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("fovDeg", "rangeM", "serviceLifeYears", "warrantyEnd", "status", "make"));
	}

	@Test
	void decommissionsOnceWithReasonAndDate() {
		Camera camera = camera();
		camera.decommission("鏡頭老化無法修復", LocalDate.of(2024, 1, 15), TODAY);
		assertThat(camera.status()).isEqualTo(CameraStatus.DECOMMISSIONED);
		assertThat(camera.decommissionedOn()).isEqualTo(LocalDate.of(2024, 1, 15));
		assertThat(camera.decommissionReason()).isEqualTo("鏡頭老化無法修復");

		assertThatThrownBy(() -> camera.decommission("again", TODAY, TODAY)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already decommissioned on 2024-01-15");
	}

	@Test
	void aDecommissionedCameraIsHistoryAndCannotBeChanged() {
		Camera camera = camera();
		camera.decommission("replaced", TODAY, TODAY);
		assertThatThrownBy(() -> camera.edit(details(null))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> camera.relocate(null, "elsewhere")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> camera.chooseAreaByHand(1L, 2L)).isInstanceOf(ConflictException.class);
	}

	@Test
	void refusesDecommissioningWithoutReasonInTheFutureOrBeforeInstallation() {
		Camera camera = camera();
		assertThatThrownBy(() -> camera.decommission(" ", TODAY.plusDays(1), TODAY))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.extracting(InvalidInputException.FieldError::field).containsExactly("reason", "on"));
		assertThatThrownBy(() -> camera.decommission("typo", LocalDate.of(2014, 1, 1), TODAY))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get(0).message())
				.contains("before the install date 2015-03-30"));
		assertThat(camera.status()).isEqualTo(CameraStatus.ACTIVE);
	}

	@Test
	void choosingTheAreaByHandSticksUntilLocationRulesAgain() {
		Camera camera = camera();
		camera.chooseAreaByHand(3L, 4L);
		assertThat(camera.areaOverridden()).isTrue();
		assertThat(camera.precinctId()).isEqualTo(3L);
		camera.relocate(null, "unknown pole");
		assertThat(camera.precinctId()).as("a hand-chosen area survives losing the location").isEqualTo(3L);
		camera.deriveAreaFromLocation();
		assertThat(camera.areaOverridden()).isFalse();
		assertThat(camera.precinctId()).as("no location, no derived area").isNull();
	}

	@Test
	void diffListsOnlyChangedFieldsAsOldAndNew() {
		Camera camera = camera();
		Map<String, Object> before = camera.snapshot();
		camera.edit(new CameraDetails(new Heading(180), 90, 60, LocalDate.of(2015, 3, 30), 10,
				LocalDate.of(2017, 3, 30), LprCapability.REALTIME_LPR, "VIVOTEK", "IB9387-HT", CameraStatus.FAULTY, null,
				null, null, null, null));
		Map<String, Object> diff = Camera.diff(before, camera.snapshot());
		assertThat(diff).containsOnlyKeys("heading", "serviceLifeYears", "lpr", "status");
		assertThat(diff.get("heading")).isEqualTo(List.of(90, 180));
		assertThat(diff.get("status")).isEqualTo(List.of("ACTIVE", "FAULTY"));
	}
}
