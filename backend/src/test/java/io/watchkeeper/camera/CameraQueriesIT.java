package io.watchkeeper.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.maintenance.CameraScope;

/** The camera list's SQL on the real PostGIS: every filter, the text search, sorting, paging and counting. */
@SpringBootTest
class CameraQueriesIT {

	static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CameraQueries queries;

	@Autowired
	CameraCatalog catalog;

	@Autowired
	io.watchkeeper.maintenance.CameraScopes scopes;

	CameraFixtures.Areas areas;
	long fundA, fundB, projectA;

	@BeforeEach
	void fleet() {
		areas = CameraFixtures.ensureAreas(jdbc, "ITQ", 23.40);
		fundA = id("funding_source", "ITQ-FUND-A", "INSERT INTO funding_source (code, kind, name_zh, fiscal_year, amount_ntd) VALUES ('ITQ-FUND-A', 'CITY_BUDGET', '市府預算', 2015, 1000)");
		fundB = id("funding_source", "ITQ-FUND-B", "INSERT INTO funding_source (code, kind, name_zh, fiscal_year, amount_ntd) VALUES ('ITQ-FUND-B', 'CENTRAL_SUBSIDY', '中央補助', 2020, 1000)");
		projectA = id("procurement_project", "ITQ-PROJ-A", "INSERT INTO procurement_project (code, name_zh, purpose, fiscal_year, budget_ntd) VALUES ('ITQ-PROJ-A', '汰換案', 'REPLACEMENT', 2020, 1000)");
		if (jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'QW%' OR asset_tag LIKE 'QE%'", Long.class) > 0) {
			return;
		}
		site("QWA01", "高雄市測試區中山一路1號");
		site("QWB02", "博愛二路/九如二路口");
		camera("QWA01-01", "QWA01", areas.west(), "ACTIVE", "NONE", fundA, projectA, "2010-05-01", "高雄市測試區中山一路1號", 119.31);
		camera("QWA01-02", "QWA01", areas.west(), "FAULTY", "LPR", fundA, null, "2016-07-01", "高雄市測試區中山一路1號", 119.31);
		camera("QW-SPECIAL-3", "QWB02", areas.west(), "ACTIVE", "REALTIME_LPR", fundB, projectA, "2020-01-01", "博愛二路/九如二路口", 119.32);
		camera("QWC03-01", null, areas.west(), "DECOMMISSIONED", "NONE", null, null, "2009-01-01", "民族一路5號", 119.33);
		camera("QED04-01", null, areas.east(), "ACTIVE", "LPR", fundB, null, "2016-02-01", "中山二路9號", 119.41);
		camera("QED04-02", null, areas.east(), "PLANNED", "NONE", null, null, null, "中山二路9號", null);
		camera("QEE05-01", null, areas.east(), "ACTIVE", "NONE", fundA, null, "2018-01-01", "測試100%路", 119.42);
		camera("QEE05-02", null, areas.east(), "ACTIVE", "NONE", fundA, null, "2018-01-02", "測試1000路", 119.43);
	}

	@Test
	void filtersByPrecinctAndDistrict() {
		assertThat(tags(filter().precinct(areas.west()))).containsExactly("QW-SPECIAL-3", "QWA01-01", "QWA01-02", "QWC03-01");
		assertThat(tags(filter().precinct(areas.east()))).containsExactly("QED04-01", "QED04-02", "QEE05-01", "QEE05-02");
		assertThat(tags(filter().district(areas.district()))).hasSize(7).doesNotContain("QED04-02");
	}

	@Test
	void filtersByStatusAndLpr() {
		assertThat(tags(filter().precinct(areas.west()).status(CameraStatus.FAULTY))).containsExactly("QWA01-02");
		assertThat(tags(filter().precinct(areas.west()).lpr(LprFilter.LPR))).containsExactly("QWA01-02");
		assertThat(tags(filter().precinct(areas.west()).lpr(LprFilter.ANY))).containsExactly("QW-SPECIAL-3", "QWA01-02");
		assertThat(tags(filter().precinct(areas.east()).lpr(LprFilter.NONE))).containsExactly("QED04-02", "QEE05-01", "QEE05-02");
	}

	@Test
	void filtersByFundingSourceAndProject() {
		assertThat(tags(filter().precinct(areas.west()).funding(fundA))).containsExactly("QWA01-01", "QWA01-02");
		assertThat(tags(filter().funding(fundB))).containsExactly("QED04-01", "QW-SPECIAL-3");
		assertThat(tags(filter().project(projectA))).containsExactly("QW-SPECIAL-3", "QWA01-01");
	}

	@Test
	void filtersByEndOfLifeYearAndPastEndOfLife() {
		assertThat(tags(filter().text("Q").endOfLifeYear(2024))).containsExactly("QED04-01", "QWA01-02");
		// on 2024-06-30: 2010-05 + 8 and 2016-02 + 8 are past, 2016-07 + 8 is not yet, and the decommissioned
		// camera (2009 + 8) is out of service, so no longer "past end of life"
		assertThat(tags(filter().text("Q").pastEndOfLife())).containsExactly("QED04-01", "QWA01-01");
	}

	@Test
	void findsUnplacedCameras() {
		assertThat(tags(filter().precinct(areas.east()).placed(false))).containsExactly("QED04-02");
		assertThat(tags(filter().precinct(areas.east()).placed(true))).containsExactly("QED04-01", "QEE05-01", "QEE05-02");
	}

	@Test
	void textMatchesAssetTagSiteCodeAndAddress() {
		assertThat(tags(filter().text("qwa01-0"))).as("asset tag, any case").containsExactly("QWA01-01", "QWA01-02");
		assertThat(tags(filter().text("QWB02"))).as("site code of a camera whose tag does not contain it").containsExactly("QW-SPECIAL-3");
		assertThat(tags(filter().precinct(areas.west()).text("中山一路"))).as("address").containsExactly("QWA01-01", "QWA01-02");
		assertThat(tags(filter().text("九如二路口"))).containsExactly("QW-SPECIAL-3");
		assertThat(tags(filter().text("100%"))).as("% is a character, not a wildcard").containsExactly("QEE05-01");
		assertThat(tags(filter().text("測試1_00"))).as("_ is a character, not a wildcard").isEmpty();
	}

	@Test
	void sortsOnWhitelistedColumnsWithStableTies() {
		CameraFilter west = filter().precinct(areas.west()).build();
		assertThat(tags(west, CameraSort.INSTALL_DATE, false)).containsExactly("QWC03-01", "QWA01-01", "QWA01-02", "QW-SPECIAL-3");
		assertThat(tags(west, CameraSort.INSTALL_DATE, true)).containsExactly("QW-SPECIAL-3", "QWA01-02", "QWA01-01", "QWC03-01");
		assertThat(tags(west, CameraSort.STATUS, false)).containsExactly("QW-SPECIAL-3", "QWA01-01", "QWC03-01", "QWA01-02");
		assertThat(tags(west, CameraSort.ASSET_TAG, true)).containsExactly("QWC03-01", "QWA01-02", "QWA01-01", "QW-SPECIAL-3");
		CameraFilter east = filter().precinct(areas.east()).build();
		assertThat(tags(east, CameraSort.END_OF_LIFE, false)).as("no end of life sorts last")
			.containsExactly("QED04-01", "QEE05-01", "QEE05-02", "QED04-02");
		assertThat(tags(east, CameraSort.END_OF_LIFE, true)).as("no end of life sorts last descending too")
			.endsWith("QED04-02").startsWith("QEE05-02");
	}

	@Test
	void pagesWithNextFlagAndCappedCount() {
		CameraFilter east = filter().precinct(areas.east()).build();
		CameraPage first = catalog.list(east, CameraSort.ASSET_TAG, false, 0, 3);
		assertThat(first.items()).extracting(CameraListItem::assetTag).containsExactly("QED04-01", "QED04-02", "QEE05-01");
		assertThat(first.hasNext()).isTrue();
		assertThat(first.total()).isEqualTo(4);
		assertThat(first.totalExact()).isTrue();
		CameraPage second = catalog.list(east, CameraSort.ASSET_TAG, false, 1, 3);
		assertThat(second.items()).extracting(CameraListItem::assetTag).containsExactly("QEE05-02");
		assertThat(second.hasNext()).isFalse();
		assertThat(second.hasPrevious()).isTrue();

		assertThat(queries.matchingIds(east, CameraScope.WHOLE_CITY, TODAY, 2)).as("counting stops at the cap").hasSize(2);
		assertThat(queries.matchingIds(east, CameraScope.WHOLE_CITY, TODAY, 100)).hasSize(4);
	}

	@Test
	void beyondTheCountCapTheTotalIsCountedExactlyAndThePageStillInOrder() {
		CameraFilter east = filter().precinct(areas.east()).build();
		CameraCatalogInTx capped = catalog(new CameraProperties(3, 200, 1000, 100_000, java.time.Duration.ofMillis(500), 2));
		CameraPage page = capped.list(east, CameraSort.ASSET_TAG, true, 0, 2);
		assertThat(page.totalExact()).as("the planner expects few: counted exactly").isTrue();
		assertThat(page.total()).isEqualTo(4);
		assertThat(page.lastPage()).isEqualTo(1);
		assertThat(page.pastEnd()).isFalse();
		assertThat(page.items()).extracting(CameraListItem::assetTag).containsExactly("QEE05-02", "QEE05-01");
		assertThat(page.hasNext()).isTrue();
		assertThat(capped.list(east, CameraSort.ASSET_TAG, true, 1, 2).items()).extracting(CameraListItem::assetTag)
			.containsExactly("QED04-02", "QED04-01");
	}

	@Test
	void aVeryBroadFilterGetsThePlannersEstimateMarkedAsNotExact() {
		CameraFilter east = filter().precinct(areas.east()).build();
		CameraCatalogInTx estimating = catalog(new CameraProperties(3, 200, 1000, 0, java.time.Duration.ofMillis(500), 2));
		CameraPage page = estimating.list(east, CameraSort.ASSET_TAG, false, 0, 2);
		assertThat(page.totalExact()).isFalse();
		assertThat(page.totalKind()).isEqualTo(CameraPage.TotalKind.ESTIMATE);
		assertThat(page.total()).as("never below what was seen: more than the cap").isGreaterThanOrEqualTo(4);
		assertThat(page.items()).hasSize(2);
		assertThat(queries.estimateCount(CameraFilter.none(), CameraScope.WHOLE_CITY, TODAY)).isPositive();

		CameraCatalogInTx counting = catalog(new CameraProperties(3, 200, 1000, 100_000, java.time.Duration.ofMillis(500), 2));
		CameraPage searched = counting.list(filter().text("Q").build(), CameraSort.ASSET_TAG, false, 0, 2);
		assertThat(searched.totalExact()).as("a text search beyond the cap is not counted").isFalse();
		assertThat(searched.totalKind()).isEqualTo(CameraPage.TotalKind.AT_LEAST);
		assertThat(searched.total()).as("the cap as a lower bound").isEqualTo(3);
	}

	@Test
	void theExactCountGivesUpAfterItsTimeoutAndTheTransactionCarriesOn() {
		var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
		tx.executeWithoutResult(status -> {
			java.util.OptionalLong slow = queries.countWithin("SELECT count(*) FROM (SELECT pg_sleep(0.5)) s",
					new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(), java.time.Duration.ofMillis(50));
			assertThat(slow).as("cancelled by the statement timeout").isEmpty();
			assertThat(jdbc.queryForObject("SELECT current_setting('statement_timeout')", String.class))
				.as("the timeout is undone with the savepoint").isEqualTo("0");
			java.util.OptionalLong all = queries.countWithin(CameraFilter.none(), CameraScope.WHOLE_CITY, TODAY, java.time.Duration.ofSeconds(5));
			assertThat(all).hasValue(jdbc.queryForObject("SELECT count(*) FROM camera", Long.class));
		});
	}

	@Test
	void aPagePastTheEndSaysSoAndNamesTheLastPage() {
		CameraFilter east = filter().precinct(areas.east()).build();
		CameraPage page = catalog.list(east, CameraSort.ASSET_TAG, false, 400, 3);
		assertThat(page.items()).isEmpty();
		assertThat(page.pastEnd()).isTrue();
		assertThat(page.lastPage()).isEqualTo(1);
		assertThat(catalog.list(filter().text("NO-SUCH-TAG-ANYWHERE").build(), CameraSort.ASSET_TAG, false, 0, 3).pastEnd())
			.as("an empty first page is 'no match', not 'past the end'").isFalse();
	}

	/** A catalog with other settings, called in a transaction as the Spring bean would be. */
	private CameraCatalogInTx catalog(CameraProperties properties) {
		CameraCatalog c = new CameraCatalog(queries, properties, scopes,
				new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));
		var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
		return (f, sort, desc, page, size) -> tx.execute(s -> c.list(f, sort, desc, page, size));
	}

	interface CameraCatalogInTx {
		CameraPage list(CameraFilter filter, CameraSort sort, boolean descending, int page, int size);
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager txManager;

	@Test
	void listRowsCarryTheNamesOfTheirAreas() {
		CameraListItem row = catalog.list(filter().text("QWA01-01").build(), CameraSort.ASSET_TAG, false, 0, 10).items().get(0);
		assertThat(row.precinct().code()).isEqualTo("ITQ-WEST");
		assertThat(row.district().code()).isEqualTo("ITQ-SEA");
		assertThat(row.siteCode()).isEqualTo("QWA01");
		assertThat(row.endOfLife()).isEqualTo(LocalDate.of(2018, 5, 1));
		assertThat(row.placed()).isTrue();
	}

	// --- fixture helpers

	private List<String> tags(FilterBuilder f) {
		return tags(f.build(), CameraSort.ASSET_TAG, false);
	}

	private List<String> tags(CameraFilter filter, CameraSort sort, boolean descending) {
		return queries.list(filter, CameraScope.WHOLE_CITY, TODAY, sort, descending, 0, 100).stream().map(CameraListItem::assetTag)
			.filter(t -> t.startsWith("Q")).toList();
	}

	private FilterBuilder filter() {
		return new FilterBuilder();
	}

	static class FilterBuilder {
		Long precinct, district, funding, project;
		CameraStatus status;
		LprFilter lpr;
		Integer eolYear;
		boolean past;
		Boolean placed;
		String text;

		FilterBuilder precinct(long id) { precinct = id; return this; }
		FilterBuilder district(long id) { district = id; return this; }
		FilterBuilder funding(long id) { funding = id; return this; }
		FilterBuilder project(long id) { project = id; return this; }
		FilterBuilder status(CameraStatus s) { status = s; return this; }
		FilterBuilder lpr(LprFilter l) { lpr = l; return this; }
		FilterBuilder endOfLifeYear(int y) { eolYear = y; return this; }
		FilterBuilder pastEndOfLife() { past = true; return this; }
		FilterBuilder placed(boolean p) { placed = p; return this; }
		FilterBuilder text(String t) { text = t; return this; }

		CameraFilter build() {
			return new CameraFilter(precinct, district, status, null, lpr, funding, project, eolYear, past, placed, text);
		}
	}

	private long id(String table, String code, String insert) {
		List<Long> ids = jdbc.queryForList("SELECT id FROM " + table + " WHERE code = ?", Long.class, code);
		if (!ids.isEmpty()) {
			return ids.get(0);
		}
		jdbc.update(insert);
		return jdbc.queryForObject("SELECT id FROM " + table + " WHERE code = ?", Long.class, code);
	}

	private void site(String code, String address) {
		jdbc.update("INSERT INTO site (code, address, location) VALUES (?, ?, ST_SetSRID(ST_MakePoint(119.31, 23.45), 4326)) ON CONFLICT (code) DO NOTHING",
				code, address);
	}

	private void camera(String tag, String site, long precinct, String status, String lpr, Long fund, Long project,
			String installed, String address, Double lon) {
		jdbc.update("""
				INSERT INTO camera (asset_tag, site_id, location, address, precinct_id, district_id, area_overridden, lpr, status,
				                    funding_source_id, project_id, install_date, decommissioned_on, decommission_reason)
				VALUES (?, (SELECT id FROM site WHERE code = ?), CASE WHEN ?::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?::float8, 23.45), 4326) END,
				        ?, ?, CASE WHEN ?::float8 IS NULL THEN NULL ELSE ?::bigint END, true, ?, ?, ?, ?, ?::date,
				        CASE WHEN ? = 'DECOMMISSIONED' THEN DATE '2020-01-01' END, CASE WHEN ? = 'DECOMMISSIONED' THEN 'test' END)""",
				tag, site, lon, lon, address, precinct, lon, areas.district(), lpr, status, fund, project, installed, status,
				status);
	}
}
