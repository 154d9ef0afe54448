package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real lists' unit columns and directions on the real PostGIS: "分局 派出所" in one cell in its written forms, a station
 * alone, unknown and ambiguous stations, stations created when the run says so, a station boundary that decides for a
 * placed camera; directions in every form, an unreadable one kept without heading unless the run is strict.
 */
@SpringBootTest
class ImportUnitsIT {

	@Autowired
	CameraImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	long xinxing;

	long lingya;

	/** Names unique to one test run: the database outlives it. */
	String run;

	long zhongzheng4;

	@BeforeEach
	void stations() {
		xinxing = ImportTestData.precinct(jdbc);
		lingya = jdbc.queryForObject("SELECT id FROM precinct WHERE name_zh = ?", Long.class,
				ImportTestData.OTHER_PRECINCT_NAME);
		run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
		zhongzheng4 = station(xinxing, "中正四路" + run + "派出所", null);
		station(xinxing, "同名" + run + "派出所", null);
		station(lingya, "同名" + run + "派出所", null);
	}

	long station(long precinct, String name, String boundaryWkt) {
		return jdbc.queryForObject("""
				INSERT INTO station (code, precinct_id, name_zh, boundary)
				VALUES (?, ?, ?, ST_Multi(ST_GeomFromText(?, 4326))) RETURNING id""", Long.class,
				"T" + run + "-" + ThreadLocalRandom.current().nextInt(1_000_000), precinct, name, boundaryWkt);
	}

	ImportJob importCsv(String csv, boolean dryRun, ImportOptions options) {
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		CameraImporter.Upload upload = importer.upload("units.csv", bytes, new CameraImporter.UploadOptions(null, null, null),
				"it-importer", false);
		importer.run(upload.jobId(), upload.mapping(), dryRun, options, upload.file(), "it-importer", "127.0.0.9", false);
		return importer.job(upload.jobId(), true);
	}

	Map<String, Object> camera(String tag) {
		return jdbc.queryForMap("""
				SELECT c.precinct_id, c.station_id, c.heading_deg, c.fov_deg, c.notes, s.name_zh AS station
				  FROM camera c LEFT JOIN station s ON s.id = c.station_id WHERE c.asset_tag = ?""", tag);
	}

	@Test
	void unitCellsInTheirWrittenFormsNamePrecinctAndStation() {
		String r = run;
		ImportJob job = importCsv("編號,所屬單位,安裝地址,攝影方向\n"
				+ "U" + r + "-01,新興分局 中正四路" + r + "派出所,中正四路1號,北東\n"
				+ "U" + r + "-02,高雄市政府警察局新興分局中正四路" + r + "派出所,中正四路1號,朝東南\n"
				+ "U" + r + "-03,新興分局/中正四路" + r + "所,中正四路1號,往北\n"
				+ "U" + r + "-04,中正四路" + r + "派出所,中正四路1號,NNE\n"
				+ "U" + r + "-05,新興分局 七賢" + r + "派出所,七賢一路2號,全景\n"
				+ "U" + r + "-06,同名" + r + "派出所,七賢一路3號,90°\n"
				+ "U" + r + "-07,不存在分局 某某派出所,七賢一路4號,亂寫一通\n"
				+ "U" + r + "-08,新興分局－中正四路" + r + "派出所,中正四路1號,south-west\n", false, ImportOptions.DEFAULT);

		assertThat(job.status()).as("warnings never reject a row").isEqualTo(ImportJob.Status.APPLIED);
		assertThat(job.rowsWritten()).isEqualTo(8);
		for (String n : List.of("01", "02", "03", "04", "08")) {
			assertThat(camera("U" + r + "-" + n)).as("row " + n).containsEntry("precinct_id", xinxing)
				.containsEntry("station_id", zhongzheng4);
		}
		assertThat(camera("U" + r + "-01")).containsEntry("heading_deg", 45);
		assertThat(camera("U" + r + "-02")).containsEntry("heading_deg", 135);
		assertThat(camera("U" + r + "-03")).containsEntry("heading_deg", 0);
		assertThat(camera("U" + r + "-04")).containsEntry("heading_deg", 23);
		assertThat(camera("U" + r + "-08")).containsEntry("heading_deg", 225);
		assertThat(camera("U" + r + "-05")).as("unknown station: precinct kept, station not, the unit in the notes")
			.containsEntry("precinct_id", xinxing).containsEntry("station_id", null)
			.containsEntry("heading_deg", null).containsEntry("fov_deg", 360);
		assertThat((String) camera("U" + r + "-05").get("notes")).contains("七賢" + r + "派出所");
		assertThat(camera("U" + r + "-06")).as("a station name two precincts use names neither")
			.containsEntry("station_id", null).containsEntry("precinct_id", null).containsEntry("heading_deg", 90);
		assertThat(camera("U" + r + "-07")).containsEntry("precinct_id", null).containsEntry("heading_deg", null);

		assertThat(job.warnings()).extracting(ImportIssue::line, ImportIssue::field, ImportIssue::code).contains(
				tuple(6, "UNIT", "import.warning.unknownStation"), tuple(7, "UNIT", "import.warning.stationAmbiguous"),
				tuple(8, "UNIT", "import.warning.unknownPrecinct"), tuple(8, "HEADING", "import.warning.heading.unknown"));
		assertThat(job.warnings()).filteredOn(w -> w.line() >= 2 && w.line() <= 5).as("rows read in full warn nothing")
			.isEmpty();
	}

	@Test
	void stationsTheRegistryLacksAreCreatedUnderTheNamedPrecinctWhenTheRunSaysSo() {
		String r = run;
		String csv = "編號,分局,派出所,地址\n"
				+ "N" + r + "-01,新興分局,七賢" + r + "所,七賢一路2號\n"
				+ "N" + r + "-02,新興分局,七賢" + r + "派出所,七賢一路2號\n"
				+ "N" + r + "-03,苓雅分局,七賢" + r + "派出所,七賢一路9號\n";
		ImportJob dry = importCsv(csv, true, new ImportOptions(false, true));
		assertThat(dry.warnings()).extracting(ImportIssue::line, ImportIssue::code).contains(
				tuple(2, "import.warning.stationCreated"), tuple(4, "import.warning.stationCreated"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM station WHERE name_zh = ?", Integer.class,
				"七賢" + r + "派出所")).as("a dry run creates nothing").isZero();

		ImportJob job = importCsv(csv, false, new ImportOptions(false, true));
		assertThat(job.status()).isEqualTo(ImportJob.Status.APPLIED);
		List<Map<String, Object>> created = jdbc.queryForList(
				"SELECT id, precinct_id FROM station WHERE name_zh = ? ORDER BY precinct_id", "七賢" + r + "派出所");
		assertThat(created).as("one per precinct, the short form 所 written out").hasSize(2);
		Map<String, Object> one = camera("N" + r + "-01");
		Map<String, Object> two = camera("N" + r + "-02");
		assertThat(one.get("station_id")).isNotNull().isEqualTo(two.get("station_id"));
		assertThat(one).containsEntry("precinct_id", xinxing);
		assertThat(camera("N" + r + "-03")).containsEntry("precinct_id", lingya);
		assertThat(camera("N" + r + "-03").get("station_id")).isNotEqualTo(one.get("station_id")).isNotNull();
		assertThat(jdbc.queryForObject("""
				SELECT (details->>'stationsCreated')::int FROM audit_event WHERE action = 'import.applied' AND object_id = ?""",
				Integer.class, String.valueOf(job.id()))).isEqualTo(2);
	}

	@Test
	void aCameraWithAViewAngleOf360KeepsNoHeading() {
		String r = run;
		ImportJob job = importCsv("編號,分局,地址,方向,視角\n" + "O" + r + "-01,新興分局,中正四路1號,NNE,360\n"
				+ "O" + r + "-02,新興分局,中正四路1號,NNE,90\n", false, ImportOptions.DEFAULT);
		assertThat(job.status()).isEqualTo(ImportJob.Status.APPLIED);
		assertThat(camera("O" + r + "-01")).containsEntry("heading_deg", null).containsEntry("fov_deg", 360);
		assertThat(camera("O" + r + "-02")).containsEntry("heading_deg", 23).containsEntry("fov_deg", 90);
		assertThat(job.warnings()).extracting(ImportIssue::line, ImportIssue::code)
			.contains(tuple(2, "import.warning.allRoundHeading"));
	}

	@Test
	void aStrictRunRefusesARowWhoseDirectionCannotBeRead() {
		String r = run;
		String csv = "編號,分局,地址,方向\n" + "S" + r + "-01,新興分局,中正四路1號,東北\n"
				+ "S" + r + "-02,新興分局,中正四路1號,往左營方向\n";
		ImportJob strict = importCsv(csv, false, new ImportOptions(true, false));
		assertThat(strict.status()).isEqualTo(ImportJob.Status.REJECTED);
		assertThat(strict.errors()).extracting(ImportIssue::line, ImportIssue::field, ImportIssue::code)
			.containsExactly(tuple(3, "HEADING", "import.error.heading.unknown"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE ?", Integer.class, "S" + r + "%"))
			.isZero();
	}

	@Test
	void aStationBoundaryDecidesForAPlacedCameraAndADisagreeingNameIsWarned() {
		String r = run;
		double lon = Double.parseDouble(ImportTestData.LON);
		double lat = Double.parseDouble(ImportTestData.LAT);
		long around = station(xinxing, "圍" + r + "派出所", "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))".formatted(
				lon - 0.001, lat - 0.001, lon + 0.001, lat - 0.001, lon + 0.001, lat + 0.001, lon - 0.001, lat + 0.001,
				lon - 0.001, lat - 0.001));
		ImportJob job = importCsv("編號,單位,經度,緯度\n" + "B" + r + "-01,新興分局 中正四路" + r + "派出所," + lon + "," + lat
				+ "\n" + "B" + r + "-02,新興分局 圍" + r + "派出所," + lon + "," + lat + "\n", false, ImportOptions.DEFAULT);
		assertThat(job.status()).isEqualTo(ImportJob.Status.APPLIED);
		assertThat(camera("B" + r + "-01")).containsEntry("station_id", around);
		assertThat(camera("B" + r + "-02")).containsEntry("station_id", around);
		assertThat(job.warnings()).extracting(ImportIssue::line, ImportIssue::code)
			.contains(tuple(2, "import.warning.stationMismatch")).doesNotContain(tuple(3, "import.warning.stationMismatch"));
	}
}
