package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.shared.ConflictException;

/** The import on the real PostGIS: all-or-nothing, sites, precincts, audit, duplicates, encodings and GeoJSON. */
@SpringBootTest
class CameraImportIT {

	static final String HEADER = "編號,分局,安裝地址,攝影方向,經度,緯度,裝設日期,車牌辨識\n";

	@Autowired
	io.watchkeeper.camera.CameraCatalog catalog;

	@Autowired
	CameraImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	long precinctId;

	@BeforeEach
	void boundaries() {
		precinctId = ImportTestData.precinct(jdbc);
	}

	ImportJob importFile(String name, byte[] bytes, boolean dryRun) {
		CameraImporter.Upload upload = importer.upload(name, bytes, new CameraImporter.UploadOptions(null, null, null), "it-importer",
				false);
		importer.run(upload.jobId(), upload.mapping(), dryRun, upload.file(), "it-importer", "127.0.0.9", false);
		return importer.job(upload.jobId(), true);
	}

	ImportJob importCsv(String csv, boolean dryRun) {
		return importFile("cameras.csv", csv.getBytes(StandardCharsets.UTF_8), dryRun);
	}

	int cameras(String tagPrefix) {
		return jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE ?", Integer.class, tagPrefix + "%");
	}

	int sites(String codePrefix) {
		return jdbc.queryForObject("SELECT count(*) FROM site WHERE code LIKE ?", Integer.class, codePrefix + "%");
	}

	@Test
	void aDryRunChecksEverythingAndWritesNothing() {
		ImportJob job = importCsv(HEADER + "DRY001-01,,高雄市苓雅區四維三路2號,東,120.3014,22.6209,112/03/30,是\n"
				+ "DRY001-02,,高雄市苓雅區四維三路2號,西,120.3015,22.6209,112/03/30,否\n", true);
		assertThat(job.status()).isEqualTo(ImportJob.Status.VALIDATED);
		assertThat(job.rowsRead()).isEqualTo(2);
		assertThat(job.rowsWritten()).isZero();
		assertThat(cameras("DRY")).isZero();
		assertThat(sites("DRY")).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'import.dry_run' AND object_id = ?",
				Integer.class, String.valueOf(job.id()))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'camera.imported' AND details->>'importId' = ?",
				Integer.class, String.valueOf(job.id()))).isZero();
	}

	@Test
	void aFileWithOneBadRowWritesNothingAndReportsThatRow() {
		ImportJob job = importCsv(HEADER + "BAD001-01,,高雄市苓雅區四維三路2號,東,120.3014,22.6209,112/03/30,是\n"
				+ "BAD001-02,,高雄市苓雅區四維三路2號,東,120.3014,22.6209,2023-02-30,是\n"
				+ "BAD002-01,,高雄市苓雅區四維三路2號,東,120.3014,22.6209,112/03/31,是\n", false);
		assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
		assertThat(job.rowsRejected()).isEqualTo(1);
		assertThat(job.errors()).extracting(ImportIssue::line, ImportIssue::field, ImportIssue::column, ImportIssue::value,
				ImportIssue::code).containsExactly(tuple(3, "INSTALL_DATE", "裝設日期", "2023-02-30", "import.error.date.impossible"));
		assertThat(cameras("BAD")).isZero();
		assertThat(sites("BAD")).isZero();
	}

	@Test
	void aGoodFileWritesEveryRowWithSitesGroupedAndPrecinctsAssigned() {
		ImportJob job = importCsv(HEADER
				+ "GOOD001-01,新興分局,高雄市苓雅區四維三路2號,東北,120.3014,22.6209,112/03/30,即時\n"
				+ "GOOD001-02,苓雅分局,高雄市苓雅區四維三路2號,西南,120.3015,22.6209,112/03/30,否\n"
				+ "GOOD002-01,,高雄市苓雅區中正二路,北,22.6250,120.3050,2019-01-05,是\n"
				+ "GOODX9000,新興分局,高雄市苓雅區三多路,,,,1120101,\n", false);
		assertThat(job.status()).isEqualTo(ImportJob.Status.APPLIED);
		assertThat(job.rowsWritten()).isEqualTo(4);
		assertThat(job.sitesCreated()).isEqualTo(2);
		assertThat(job.unplaced()).isEqualTo(1);
		assertThat(job.warnings()).extracting(ImportIssue::line, ImportIssue::code).contains(
				tuple(3, "import.warning.precinctMismatch"), tuple(4, "import.warning.swappedLonLat"));

		var rows = jdbc.queryForList("""
				SELECT c.asset_tag, s.code AS site, c.site_index, c.precinct_id, c.district_id, c.heading_deg, c.lpr,
				       c.install_date::text AS installed, c.address, ST_X(c.location) AS lon
				  FROM camera c LEFT JOIN site s ON s.id = c.site_id WHERE c.asset_tag LIKE 'GOOD%' ORDER BY c.asset_tag""");
		assertThat(rows).extracting(r -> r.get("asset_tag"), r -> r.get("site"), r -> r.get("site_index"))
			.containsExactly(tuple("GOOD001-01", "GOOD001", 1), tuple("GOOD001-02", "GOOD001", 2),
					tuple("GOOD002-01", "GOOD002", 1), tuple("GOODX9000", null, null));
		assertThat(rows).extracting(r -> r.get("precinct_id")).as("the location wins over a named precinct")
			.containsOnly(precinctId);
		assertThat(rows.get(0).get("district_id")).isNotNull();
		assertThat(rows.get(0)).containsEntry("heading_deg", 45).containsEntry("lpr", "REALTIME_LPR")
			.containsEntry("installed", "2023-03-30");
		assertThat(rows.get(2).get("lon")).as("swapped lat/lon turned round").isEqualTo(120.305);
		assertThat(rows.get(3)).containsEntry("address", "高雄市苓雅區三多路").containsEntry("lon", null);
		assertThat(jdbc.queryForObject("SELECT ST_AsText(location) FROM site WHERE code = 'GOOD001'", String.class))
			.isEqualTo("POINT(120.3014 22.6209)");

		assertThat(jdbc.queryForList("SELECT import_id FROM camera WHERE asset_tag LIKE 'GOOD%'", Long.class))
			.as("every camera names the import that created it").hasSize(4).containsOnly(job.id());
		long first = jdbc.queryForObject("SELECT id FROM camera WHERE asset_tag = 'GOOD001-01'", Long.class);
		assertThat(catalog.auditTrail(first)).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo("camera.imported");
			assertThat(e.actor()).isEqualTo("it-importer");
			assertThat(e.remoteAddress()).isEqualTo("127.0.0.9");
			assertThat(e.details()).containsEntry("fileName", "cameras.csv");
			assertThat(((Number) e.details().get("importId")).longValue()).isEqualTo(job.id());
		});
		Map<String, Object> applied = jdbc.queryForMap("""
				SELECT actor, remote_addr, details->>'fileName' AS file, (details->>'camerasCreated')::int AS created
				  FROM audit_event WHERE action = 'import.applied' AND object_id = ?""", String.valueOf(job.id()));
		assertThat(applied).containsEntry("actor", "it-importer").containsEntry("remote_addr", "127.0.0.9")
			.containsEntry("file", "cameras.csv").containsEntry("created", 4);
	}

	@Test
	void anAppliedImportCannotRunAgain() {
		CameraImporter.Upload upload = importer.upload("again.csv",
				(HEADER + "AGAIN001-01,,高雄市,東,120.3014,22.6209,,\n").getBytes(StandardCharsets.UTF_8),
				new CameraImporter.UploadOptions(null, null, null), "it-importer", true);
		importer.run(upload.jobId(), null, false, null, "it-importer", null, false);
		assertThat(importer.job(upload.jobId(), false).status()).isEqualTo(ImportJob.Status.APPLIED);
		assertThat(importer.job(upload.jobId(), false).hasContent()).as("the upload is dropped once applied").isFalse();
		assertThatThrownBy(() -> importer.run(upload.jobId(), null, false, null, "it-importer", null, false))
			.isInstanceOf(ConflictException.class);
		assertThat(cameras("AGAIN")).isEqualTo(1);
	}

	@Test
	void assetTagsAlreadyInTheRegistryAreRejectedPerRow() {
		jdbc.update("INSERT INTO camera (asset_tag) VALUES ('DUPDB001-01') ON CONFLICT DO NOTHING");
		ImportJob job = importCsv(HEADER + "DUPDB002-01,,高雄市,東,120.3014,22.6209,,\n" + "DUPDB001-01,,高雄市,東,120.3014,22.6209,,\n"
				+ "DUPDB002-01,,高雄市,東,120.3014,22.6209,,\n", false);
		assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
		assertThat(job.errors()).extracting(ImportIssue::line, ImportIssue::code).containsExactly(
				tuple(3, "import.error.duplicateInRegistry"), tuple(4, "import.error.duplicateInFile"));
		assertThat(cameras("DUPDB")).isEqualTo(1);
	}

	@Test
	void aBig5FileIsImported() {
		String csv = "設備編號,設置地點,X,Y,啟用日期\nBIGF001-01,高雄市苓雅區四維三路２號,178000,2502000,民國112年3月30日\n";
		ImportJob job = importFile("big5.csv", csv.getBytes(TextEncoding.BIG5), false);
		assertThat(job.encoding()).isEqualTo("Big5");
		assertThat(job.status()).isEqualTo(ImportJob.Status.APPLIED);
		assertThat(jdbc.queryForObject("SELECT address FROM camera WHERE asset_tag = 'BIGF001-01'", String.class))
			.isEqualTo("高雄市苓雅區四維三路２號");
	}

	@Test
	void aGeoJsonFeatureCollectionIsImported() {
		String json = """
				{"type": "FeatureCollection", "features": [
				  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [120.3014, 22.6209]},
				   "properties": {"編號": "GEOJ001-01", "攝影方向": "東南", "裝設日期": "112-03-30", "車牌辨識": "Y"}},
				  {"type": "Feature", "geometry": null, "properties": {"編號": "GEOJ001-02", "安裝地址": "高雄市苓雅區"}}
				]}""";
		ImportJob job = importFile("cameras.geojson", json.getBytes(StandardCharsets.UTF_8), false);
		assertThat(job.status()).isEqualTo(ImportJob.Status.APPLIED);
		assertThat(job.rowsWritten()).isEqualTo(2);
		assertThat(jdbc.queryForObject("""
				SELECT ST_AsText(location) || ' ' || heading_deg || ' ' || lpr || ' ' || precinct_id FROM camera WHERE asset_tag = 'GEOJ001-01'""",
				String.class)).isEqualTo("POINT(120.3014 22.6209) 135 LPR " + precinctId);
	}

	@Test
	void aRowFarOutsideTheDepartmentsAreaIsARowErrorAndNothingIsWritten() {
		ImportJob job = importCsv(HEADER + "FAR001-01,,高雄市苓雅區四維三路2號,東,120.3014,22.6209,112/03/30,是\n"
				+ "FAR002-01,,台北市中正區,東,121.5,25.03,112/03/30,否\n", false);
		assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
		assertThat(job.rowsRejected()).isEqualTo(1);
		String km = String.format(java.util.Locale.ROOT, "%.1f", jdbc.queryForObject("SELECT min(ST_Distance(boundary::geography, "
				+ "ST_SetSRID(ST_MakePoint(121.5, 25.03), 4326)::geography)) / 1000 FROM precinct", Double.class));
		assertThat(job.errors()).extracting(ImportIssue::line, ImportIssue::field, ImportIssue::column, ImportIssue::value,
				ImportIssue::code).containsExactly(tuple(3, "LONGITUDE", "經度", "121.5, 25.03", "import.error.farOutsideArea"));
		assertThat(job.errors().get(0).args()).extracting(String::valueOf).contains(km);
		assertThat(cameras("FAR")).isZero();
		assertThat(sites("FAR")).isZero();
	}

	@Test
	void aGeoJsonFeatureFarOutsideTheAreaIsARowError() {
		String json = """
				{"type": "FeatureCollection", "features": [
				  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.5, 25.03]},
				   "properties": {"編號": "FARJ001-01"}}
				]}""";
		ImportJob job = importFile("far.geojson", json.getBytes(StandardCharsets.UTF_8), false);
		assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
		assertThat(job.errors()).extracting(ImportIssue::line, ImportIssue::code)
			.containsExactly(tuple(1, "import.error.farOutsideArea"));
		assertThat(cameras("FARJ")).isZero();
	}

	@Test
	void proj4jAgreesWithPostgisOnTwd97() {
		Map<String, Object> postgis = jdbc.queryForMap("""
				SELECT ST_X(p) AS x, ST_Y(p) AS y FROM ST_Transform(ST_SetSRID(ST_MakePoint(120.3014, 22.6209), 4326), 3826) p""");
		double[] ours = new Coordinates().toTwd97(new io.watchkeeper.shared.GeoPoint(120.3014, 22.6209));
		assertThat(ours[0]).isCloseTo((Double) postgis.get("x"), org.assertj.core.api.Assertions.within(0.01));
		assertThat(ours[1]).isCloseTo((Double) postgis.get("y"), org.assertj.core.api.Assertions.within(0.01));
	}
}
