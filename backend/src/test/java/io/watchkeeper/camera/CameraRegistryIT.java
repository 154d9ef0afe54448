package io.watchkeeper.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;

/** Registering, editing and decommissioning on the real PostGIS: areas by point in polygon, sites, audit, locking. */
@SpringBootTest
class CameraRegistryIT {

	@Autowired
	CameraRegistry registry;

	@Autowired
	CameraCatalog catalog;

	@Autowired
	CameraRepository cameras;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	CameraFixtures.Areas areas;

	@BeforeEach
	void areas() {
		areas = CameraFixtures.ensureAreas(jdbc, "ITR", 23.30);
	}

	@Test
	void registeringPutsTheCameraInThePrecinctAndDistrictItsLocationLiesIn() {
		long id = registry.register(CameraFixtures.at("RA001-01", 119.35, 23.35, "測試路1號"));
		CameraView camera = catalog.get(id);
		assertThat(camera.precinct().id()).isEqualTo(areas.west());
		assertThat(camera.district().id()).isEqualTo(areas.district());
		assertThat(camera.areaOverridden()).isFalse();
		assertThat(camera.version()).isZero();
	}

	@Test
	void relocatingMovesTheCameraToTheOtherPrecinct() {
		long id = registry.register(CameraFixtures.at("RB001-01", 119.35, 23.35, "測試路2號"));
		registry.update(id, 0, CameraFixtures.at("RB001-01", 119.45, 23.35, "測試路2號之1"));
		CameraView moved = catalog.get(id);
		assertThat(moved.precinct().id()).isEqualTo(areas.east());
		assertThat(moved.longitude()).isEqualTo(119.45);
		assertThat(moved.version()).isEqualTo(1);
		assertThat(audit(id, "camera.updated").get(0)).containsEntry("precinctId", List.of((int) areas.west(), (int) areas.east()))
			.containsEntry("longitude", List.of(119.35, 119.45)).containsEntry("address", List.of("測試路2號", "測試路2號之1"))
			.doesNotContainKey("heading");
	}

	@Test
	void anAreaChosenByHandIsKeptWhereverTheCameraIs() {
		CameraCommand west = CameraFixtures.at("RC001-01", 119.35, 23.35, null);
		CameraCommand byHand = new CameraCommand(west.assetTag(), 119.35, 23.35, null, areas.east(), null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null);
		long id = registry.register(byHand);
		CameraView camera = catalog.get(id);
		assertThat(camera.precinct().id()).isEqualTo(areas.east());
		assertThat(camera.district()).isNull();
		assertThat(camera.areaOverridden()).isTrue();

		registry.update(id, camera.version(), west);
		assertThat(catalog.get(id).precinct().id()).as("back to automatic").isEqualTo(areas.west());
		assertThat(catalog.get(id).areaOverridden()).isFalse();
	}

	@Test
	void aTagWithSiteAndIndexOpensTheSiteOnceAndNeighboursShareIt() {
		long first = registry.register(CameraFixtures.at("RSITE1-01", 119.36, 23.36, "站點路1號"));
		long second = registry.register(CameraFixtures.at("rsite1-02", 119.3601, 23.3601, "站點路1號對面"));
		CameraView a = catalog.get(first);
		CameraView b = catalog.get(second);
		assertThat(b.assetTag()).isEqualTo("RSITE1-02");
		assertThat(a.siteId()).isNotNull().isEqualTo(b.siteId());
		assertThat(a.siteAddress()).as("the site takes its first camera's address").isEqualTo("站點路1號");
		assertThat(b.siteIndex()).isEqualTo(2);
		assertThat(catalog.neighbours(first)).extracting(CameraListItem::assetTag).containsExactly("RSITE1-02");
	}

	@Test
	void unplacedCamerasKeepTheirAddressAndHaveNoDerivedArea() {
		long id = registry.register(CameraFixtures.unplaced("RU001-01", "高雄市某處無座標"));
		CameraView camera = catalog.get(id);
		assertThat(camera.placed()).isFalse();
		assertThat(camera.address()).isEqualTo("高雄市某處無座標");
		assertThat(camera.precinct()).isNull();
	}

	@Test
	void aDuplicateTagIsRefusedAndNothingIsWritten() {
		registry.register(CameraFixtures.at("RD001-01", 119.35, 23.35, null));
		long before = jdbc.queryForObject("SELECT count(*) FROM camera", Long.class);
		assertThatThrownBy(() -> registry.register(CameraFixtures.at("rd001-01", 119.35, 23.35, null)))
			.isInstanceOf(DuplicateAssetTagException.class);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera", Long.class)).isEqualTo(before);
	}

	@Test
	void badInputIsReportedFieldByFieldAndNothingIsWritten() {
		CameraCommand bad = new CameraCommand("R BAD", 22.6, 120.3, "x".repeat(301), 999_999L, null, 400, 0, null,
				LocalDate.of(2020, 1, 1), null, LocalDate.of(2019, 1, 1), null, null, null, null, 888_888L, null, null, null,
				null);
		assertThatThrownBy(() -> registry.register(bad)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.fieldErrors()).extracting(InvalidInputException.FieldError::field)
					.containsExactlyInAnyOrder("assetTag", "longitude", "heading", "fovDeg", "warrantyEnd", "address",
							"precinctId", "fundingSourceId"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'R BAD%'", Long.class)).isZero();
	}

	@Test
	void everyChangeIsAuditedWithItsFields() {
		long id = registry.register(CameraFixtures.at("RE001-01", 119.35, 23.35, "稽核路1號"));
		assertThat(audit(id, "camera.created").get(0)).containsEntry("assetTag", "RE001-01").containsEntry("heading", 90);
		registry.decommission(id, 0L, "鏡頭老化", LocalDate.now(CameraRegistry.TAIWAN));
		Map<String, Object> decommissioned = audit(id, "camera.decommissioned").get(0);
		assertThat(decommissioned).containsEntry("status", List.of("ACTIVE", "DECOMMISSIONED"))
			.containsEntry("decommissionReason", java.util.Arrays.asList(null, "鏡頭老化"));
		assertThatThrownBy(() -> registry.decommission(id, null, "again", LocalDate.now(CameraRegistry.TAIWAN)))
			.isInstanceOf(ConflictException.class).hasMessageContaining("already decommissioned");
		assertThatThrownBy(() -> registry.update(id, 1, CameraFixtures.at("RE001-01", 119.35, 23.35, "稽核路1號")))
			.isInstanceOf(ConflictException.class).hasMessageContaining("kept as history");
	}

	@Test
	void aStaleVersionIsRefused() {
		long id = registry.register(CameraFixtures.at("RF001-01", 119.35, 23.35, null));
		registry.update(id, 0, CameraFixtures.at("RF001-01", 119.35, 23.35, "first edit"));
		assertThatThrownBy(() -> registry.update(id, 0, CameraFixtures.at("RF001-01", 119.35, 23.35, "second edit")))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(catalog.get(id).address()).isEqualTo("first edit");
	}

	@Test
	void twoWritersRaceAndTheLaterOneLoses() throws Exception {
		long id = registry.register(CameraFixtures.at("RG001-01", 119.35, 23.35, null));
		CountDownLatch loaded = new CountDownLatch(1);
		CountDownLatch otherSaved = new CountDownLatch(1);
		// Writer 1 loads the camera, then waits while writer 2 saves, then saves its own change.
		CompletableFuture<Void> writer1 = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
			Camera camera = cameras.findById(id).orElseThrow();
			loaded.countDown();
			await(otherSaved);
			camera.relocate(camera.location(), "writer 1");
			cameras.flush();
		}));
		await(loaded);
		registry.update(id, 0, CameraFixtures.at("RG001-01", 119.35, 23.35, "writer 2"));
		otherSaved.countDown();
		assertThatThrownBy(() -> writer1.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(OptimisticLockingFailureException.class);
		assertThat(catalog.get(id).address()).isEqualTo("writer 2");
		assertThat(catalog.get(id).version()).isEqualTo(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private List<Map<String, Object>> audit(long id, String action) {
		return catalog.auditTrail(id).stream().filter(e -> e.action().equals(action)).map(AuditEntry::details).toList();
	}
}
