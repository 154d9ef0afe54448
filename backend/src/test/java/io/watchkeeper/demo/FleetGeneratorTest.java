package io.watchkeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.watchkeeper.demo.FleetGenerator.Camera;
import io.watchkeeper.demo.FleetGenerator.Site;

class FleetGeneratorTest {

	static KaohsiungAreas areas;
	static List<Site> sites;
	static List<Camera> cameras;
	static FleetGenerator.Totals totals;

	@BeforeAll
	static void generateTheDefaultFleet() {
		areas = KaohsiungAreas.fromClasspath();
		FleetGenerator generator = new FleetGenerator(areas, 20230630L, 20_000);
		sites = generator.sites();
		cameras = new ArrayList<>();
		totals = generator.cameras(sites, cameras::add);
	}

	@Test
	void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
		FleetGenerator again = new FleetGenerator(areas, 20230630L, 20_000);
		List<Site> sitesAgain = again.sites();
		List<Camera> camerasAgain = new ArrayList<>();
		again.cameras(sitesAgain, camerasAgain::add);
		assertThat(sitesAgain).isEqualTo(sites);
		assertThat(camerasAgain).isEqualTo(cameras);

		FleetGenerator other = new FleetGenerator(areas, 42L, 20_000);
		List<Camera> otherCameras = new ArrayList<>();
		other.cameras(other.sites(), otherCameras::add);
		assertThat(otherCameras).hasSize(20_000).isNotEqualTo(cameras);
		assertThat(otherCameras.get(0).lon()).isNotEqualTo(cameras.get(0).lon());
	}

	@Test
	void makesExactlyTheAskedNumberOfUniquelyTaggedCamerasOnSitesOfOneToThree() {
		assertThat(cameras).hasSize(20_000);
		assertThat(totals.cameras).isEqualTo(20_000);
		Set<String> tags = new HashSet<>();
		cameras.forEach(c -> tags.add(c.assetTag()));
		assertThat(tags).hasSize(20_000);
		Pattern tag = Pattern.compile("^([A-Z0-9]+)-(\\d{1,2})$");
		assertThat(cameras).allSatisfy(c -> {
			var m = tag.matcher(c.assetTag());
			assertThat(m.matches()).isTrue();
			assertThat(sites.get(c.siteNumber() - 1).code()).isEqualTo(m.group(1));
			assertThat(Integer.parseInt(m.group(2))).isEqualTo(c.siteIndex());
		});
		assertThat(sites).allSatisfy(s -> assertThat(s.cameras()).isBetween(1, 3));
		assertThat(sites.get(0).code()).isEqualTo("LAAA001");
		assertThat(FleetGenerator.siteCode(999)).isEqualTo("LAAB001");
		assertThat(FleetGenerator.siteCode(26 * 999)).isEqualTo("LABA001");
		assertThat(sites.stream().mapToInt(Site::cameras).sum()).isEqualTo(20_000);
	}

	@Test
	void licencePlateRecognitionMatchesTheReport() {
		// 八.6: 3,178 cameras with LPR in service at the end of June 2023; more since
		assertThat(count(c -> !c.lpr().equals("NONE") && inServiceOn(c, LocalDate.of(2023, 6, 30)))).isEqualTo(3_178);
		assertThat(count(c -> !c.lpr().equals("NONE") && inServiceOn(c, LocalDate.of(2023, 5, 31)))).isLessThan(3_178);
		assertThat(count(c -> !c.lpr().equals("NONE"))).isEqualTo(4_000);
		assertThat(count(c -> c.lpr().equals("REALTIME_LPR"))).isEqualTo(300);
		assertThat(count(c -> c.lpr().equals("REALTIME_LPR") && DemoCatalog.SUBSIDY_PROJECT.equals(c.project())))
			.isEqualTo(40);
		assertThat(cameras).filteredOn(c -> !c.lpr().equals("NONE"))
			.allSatisfy(c -> assertThat(c.status()).isIn("ACTIVE", "FAULTY"))
			.allSatisfy(c -> assertThat(c.installDate().getYear()).isGreaterThanOrEqualTo(2016));
	}

	@Test
	void aRealisticShareOfCamerasInServiceIsPastItsEightYearLife() {
		List<Camera> inService = cameras.stream().filter(c -> c.status().equals("ACTIVE") || c.status().equals("FAULTY")).toList();
		long past = inService.stream().filter(c -> !c.installDate().plusYears(8).isAfter(DemoCatalog.AS_OF)).count();
		double share = past / (double) inService.size();
		assertThat(share).isBetween(0.28, 0.40);
		assertThat(cameras).filteredOn(c -> c.installDate() != null)
			.allSatisfy(c -> assertThat(c.installDate()).isBetween(LocalDate.of(2012, 1, 1), LocalDate.of(2025, 12, 31)));
	}

	@Test
	void statusesAreMostlyActiveWithSomeFaultyAndAFewPlannedOrDecommissioned() {
		Map<String, Long> byStatus = new TreeMap<>();
		cameras.forEach(c -> byStatus.merge(c.status(), 1L, Long::sum));
		assertThat(byStatus.get("ACTIVE")).isGreaterThan(17_000);
		assertThat(byStatus.get("FAULTY")).isBetween(400L, 1_500L);
		assertThat(byStatus.get("PLANNED")).isBetween(20L, 150L);
		assertThat(byStatus.get("DECOMMISSIONED")).isBetween(530L + 200, 530L + 1_200);
		assertThat(cameras).filteredOn(c -> c.status().equals("DECOMMISSIONED")).allSatisfy(c -> {
			assertThat(c.decommissionedOn()).isAfterOrEqualTo(c.installDate()).isBeforeOrEqualTo(DemoCatalog.AS_OF);
			assertThat(c.decommissionReason()).isNotBlank();
		});
		assertThat(cameras).filteredOn(c -> c.status().equals("PLANNED"))
			.allSatisfy(c -> assertThat(c.installDate()).isNull());
		assertThat(cameras).filteredOn(c -> !c.status().equals("DECOMMISSIONED"))
			.allSatisfy(c -> assertThat(c.decommissionedOn()).isNull());
	}

	@Test
	void aFewActiveOrPlannedCamerasOnOrdinarySitesHaveAnAddressButNoCoordinates() {
		List<Camera> unplaced = cameras.stream().filter(c -> !c.placed()).toList();
		assertThat(unplaced).as("about 0.4 %% of 20,000").hasSizeBetween(50, 130);
		assertThat(unplaced).allSatisfy(c -> {
			assertThat(c.status()).isIn("ACTIVE", "PLANNED");
			assertThat(c.address()).isNotBlank();
			assertThat(c.notes()).contains(FleetGenerator.UNPLACED_NOTE);
		});
		assertThat(unplaced).extracting(Camera::status).contains("ACTIVE");
		List<Camera> again = new ArrayList<>();
		FleetGenerator generator = new FleetGenerator(areas, 20230630L, 20_000);
		generator.cameras(generator.sites(), again::add);
		assertThat(again.stream().filter(c -> !c.placed()).map(Camera::assetTag).toList())
			.as("deterministic").isEqualTo(unplaced.stream().map(Camera::assetTag).toList());
	}

		@Test
	void fieldsStayInsideTheirRanges() {
		assertThat(cameras).allSatisfy(c -> {
			assertThat(c.heading()).isBetween(0, 359);
			assertThat(c.fov()).isBetween(30, 110);
			assertThat(c.range()).isBetween(30, 150);
			if (c.installDate() != null) {
				long warrantyYears = c.installDate().until(c.warrantyEnd()).getYears();
				assertThat(warrantyYears).isBetween(2L, 5L);
				assertThat(c.make()).isNotBlank();
			}
		});
	}

	@Test
	void theSeedReportsProjectsHaveTheirCamerasInTheRightPlaces() {
		assertThat(totals.camerasByProject.get(DemoCatalog.REPLACEMENT_PROJECT)).isEqualTo(530);
		assertThat(totals.camerasByProject.get(DemoCatalog.SUBSIDY_PROJECT)).isEqualTo(219);
		assertThat(totals.camerasByProject.get(DemoCatalog.HUNEI_PROJECT)).isEqualTo(50);
		assertThat(totals.camerasByProject.get(DemoCatalog.GANGSHAN_PROJECT)).isEqualTo(52);
		assertThat(totals.camerasByProject).doesNotContainKey(DemoCatalog.NEW_INSTALLATION_PROJECT);
		assertThat(cameras).filteredOn(c -> DemoCatalog.HUNEI_PROJECT.equals(c.project())).allSatisfy(c -> {
			assertThat(c.district()).isEqualTo("茄萣區");
			assertThat(c.precinct()).isEqualTo("HUNEI");
			assertThat(c.installDate()).isEqualTo(LocalDate.of(2023, 3, 17));
		});
		assertThat(cameras).filteredOn(c -> DemoCatalog.GANGSHAN_PROJECT.equals(c.project())).allSatisfy(c -> {
			assertThat(c.district()).isEqualTo("永安區");
			assertThat(c.precinct()).isEqualTo("GANGSHAN");
		});
		// Every replacement camera took the place of an old camera on the same pole, decommissioned that day.
		Map<String, Camera> byTag = new TreeMap<>();
		cameras.forEach(c -> byTag.put(c.assetTag(), c));
		assertThat(cameras).filteredOn(c -> DemoCatalog.REPLACEMENT_PROJECT.equals(c.project())).allSatisfy(c -> {
			Camera old = byTag.get(c.assetTag().replace("-02", "-01"));
			assertThat(old.status()).isEqualTo("DECOMMISSIONED");
			assertThat(old.decommissionedOn()).isEqualTo(c.installDate());
			assertThat(old.installDate().plusYears(8)).isBeforeOrEqualTo(c.installDate());
			assertThat(c.lpr()).isEqualTo("LPR");
			assertThat(c.installDate()).isBetween(LocalDate.of(2023, 4, 21), LocalDate.of(2023, 12, 31));
		});
	}

	@Test
	void cityVillagesAreDenserThanMountainOnes() {
		Map<String, Integer> byDistrict = new TreeMap<>();
		cameras.forEach(c -> byDistrict.merge(c.district(), 1, Integer::sum));
		assertThat(byDistrict).hasSize(38);
		// 三民區 is about 20 km², 桃源區 about 930 km².
		assertThat(byDistrict.get("三民區") / 20.0).isGreaterThan(50 * byDistrict.get("桃源區") / 930.0);
	}

	@Test
	void addressesReadLikeACameraList() {
		assertThat(sites).extracting(Site::address).allSatisfy(a -> assertThat(a).matches(".+(路口|街口|段口|號前|K|角）)$"));
		assertThat(sites).filteredOn(s -> s.district().equals("前金區")).extracting(Site::address)
			.anySatisfy(a -> assertThat(a).matches("[^/]+路/[^/]+路口"));
	}

	@Test
	void theMaintenanceBudgetIsSplitByOutOfWarrantyCamerasToTheDollar() {
		assertThat(totals.outOfWarranty2023ByPrecinct).hasSize(17);
		Map<String, Long> split = io.watchkeeper.planning.LargestRemainder.split(69_769_000L,
				new java.util.TreeMap<>(totals.outOfWarranty2023ByPrecinct));
		assertThat(split.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(69_769_000L);
		int all = totals.outOfWarranty2023ByPrecinct.values().stream().mapToInt(Integer::intValue).sum();
		split.forEach((precinct, amount) -> assertThat((double) amount)
			.isCloseTo(69_769_000.0 * totals.outOfWarranty2023ByPrecinct.get(precinct) / all, org.assertj.core.data.Offset.offset(1.0)));
	}

	@Test
	void smallFleetsScaleTheProjectsDownAndSizesOutsideTheRangeAreRefused() {
		FleetGenerator.Plan small = FleetGenerator.Plan.of(2_000);
		assertThat(small.replacementPairs()).isEqualTo(106);
		assertThat(small.subsidy()).isEqualTo(44);
		assertThat(small.general() + 2 * small.replacementPairs() + small.subsidy() + small.qieding() + small.yongan())
			.isEqualTo(2_000);
		FleetGenerator.Plan million = FleetGenerator.Plan.of(1_000_000);
		assertThat(million.replacementPairs()).isEqualTo(530);
		assertThat(million.generalLpr() + 530 + 40).isEqualTo(200_000);
		assertThat(million.lprInServiceMid2023()).isEqualTo(158_900);
		assertThatThrownBy(() -> FleetGenerator.Plan.of(99)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 100");
		assertThatThrownBy(() -> FleetGenerator.Plan.of(1_000_001)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theLprCountOfJune2023IsExactForOtherSizesAndSeeds() {
		for (int n : new int[] { 100, 2_000, 10_000 }) {
			for (long seed : new long[] { 20230630L, 7L }) {
				FleetGenerator generator = new FleetGenerator(areas, seed, n);
				List<Camera> fleet = new ArrayList<>();
				generator.cameras(generator.sites(), fleet::add);
				assertThat(fleet.stream().filter(c -> !c.lpr().equals("NONE") && inServiceOn(c, LocalDate.of(2023, 6, 30))).count())
					.as("fleet of %d, seed %d", n, seed).isEqualTo(Math.round(n * 3_178 / 20_000.0));
			}
		}
	}

	/** In service at the end of {@code day}: installed on or before it, not decommissioned on or before it, not planned. */
	private static boolean inServiceOn(Camera c, LocalDate day) {
		return !c.status().equals("PLANNED") && c.installDate() != null && !c.installDate().isAfter(day)
				&& (c.decommissionedOn() == null || c.decommissionedOn().isAfter(day));
	}

	private static long count(Predicate<Camera> p) {
		return cameras.stream().filter(p).count();
	}
}
