package io.watchkeeper.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Importing door-plate files: TWD97 and WGS84, UTF-8 and Big5, bad lines reported per line, duplicates, replace. */
@SpringBootTest
@AutoConfigureMockMvc
class GazetteerImportIT {

	@Autowired
	Gazetteers gazetteers;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private Map<String, Object> plate(long dataset, String roadKey, int number) {
		return jdbc.queryForMap("""
				SELECT district, road, road_key, lane, alley, number, sub, ST_X(location) AS lon, ST_Y(location) AS lat
				  FROM door_plate WHERE dataset_id = ? AND road_key = ? AND number = ? ORDER BY sub LIMIT 1""", dataset, roadKey, number);
	}

	@Test
	void aTwd97FileInTheCitysColumnsIsConvertedToWgs84() {
		String csv = """
				縣市,鄉鎮市區,村里,鄰,街.路段,地區,巷,弄,號,橫坐標,縱坐標
				高雄市,苓雅區,苓雅里,5,四維三路,,,,2號,180000,2500000
				高雄市,苓雅區,苓雅里,5,四維三路,,,,4之1號,180010.5,2500003.25
				高雄市,苓雅區,苓雅里,6,中正二路,,十五巷,二弄,7,180100,2500100
				臺東縣,臺東市,,,中華路一段,,,,100,250000,2600000
				""";
		Gazetteers.Imported imported = gazetteers.importFile("GIT twd97", null, utf8(csv), "kh.csv", "it", null);
		assertThat(imported.rows()).isEqualTo(4);
		assertThat(imported.coordinates()).isEqualTo("TWD97");
		assertThat(imported.encoding()).isEqualTo("UTF-8");
		Map<String, Object> two = plate(imported.datasetId(), "四維三路", 2);
		assertThat(two).containsEntry("district", "苓雅區");
		assertThat((Double) two.get("lon")).isBetween(120.25, 120.40);
		assertThat((Double) two.get("lat")).isBetween(22.5, 22.7);
		assertThat(plate(imported.datasetId(), "四維三路", 4)).containsEntry("sub", 1);
		assertThat(plate(imported.datasetId(), "中正二路", 7)).containsEntry("lane", 15).containsEntry("alley", 2);
		// on the central meridian of TM2 zone 121 the easting is 250,000 m
		Map<String, Object> meridian = plate(imported.datasetId(), "中華路1段", 100);
		assertThat((Double) meridian.get("lon")).isCloseTo(121.0, within(1e-6));
		assertThat(meridian).containsEntry("district", "台東市");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM gazetteer_road WHERE dataset_id = ?", Long.class,
				imported.datasetId())).isEqualTo(3);
	}

	@Test
	void aBig5FileWithFullAddressesAndWgs84() {
		String csv = "門牌地址,WGS84經度,WGS84緯度\n" + "高雄市前鎮區中山二路５號,120.3070,22.6070\n"
				+ "高雄市前鎮區中山二路7之2號,120.3071,22.6072\n" + "高雄市前鎮區中山二路9-1號,120.3072,22.6074\n";
		Gazetteers.Imported imported = gazetteers.importFile("GIT big5", "高雄市", csv.getBytes(Charset.forName("Big5")),
				"big5.csv", "it", null);
		assertThat(imported.encoding()).isEqualTo("Big5");
		assertThat(imported.coordinates()).isEqualTo("WGS84");
		assertThat(imported.rows()).isEqualTo(3);
		assertThat(plate(imported.datasetId(), "中山二路", 5)).containsEntry("district", "前鎮區")
			.containsEntry("lon", 120.3070);
		assertThat(plate(imported.datasetId(), "中山二路", 9)).containsEntry("sub", 1);
		assertThat(jdbc.queryForObject("SELECT city FROM door_plate WHERE dataset_id = ? LIMIT 1", String.class,
				imported.datasetId())).isEqualTo("高雄市");
	}

	@Test
	void everyBadLineIsReportedAndNothingIsWritten() {
		long before = jdbc.queryForObject("SELECT count(*) FROM door_plate", Long.class);
		String csv = """
				鄉鎮市區,街路段,巷,弄,號,經度,緯度
				前鎮區,中山二路,,,5,120.307,22.607
				前鎮區,中山二路,,,7,,22.607
				前鎮區,中山二路,,,9,abc,22.607
				前鎮區,中山二路,,,11,139.7,35.6
				前鎮區,,,,13,120.307,22.607
				前鎮區,中山二路,,,,120.307,22.607
				""";
		assertThatThrownBy(() -> gazetteers.importFile("GIT bad", null, utf8(csv), "bad.csv", "it", null))
			.isInstanceOfSatisfying(Gazetteers.RefusedFile.class, e -> {
				assertThat(e.total).isEqualTo(5);
				assertThat(e.problems).extracting(p -> p.line() + " " + p.field() + " " + p.code()).containsExactly(
						"3 lon gazetteer.line.coordinateMissing", "4 lon gazetteer.line.coordinateNotNumber",
						"5 coordinates gazetteer.line.outsideTaiwan", "6 road gazetteer.line.noRoad",
						"7 number gazetteer.line.noNumber");
			});
		assertThat(jdbc.queryForObject("SELECT count(*) FROM door_plate", Long.class)).isEqualTo(before);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM gazetteer_dataset WHERE name = 'GIT bad'", Long.class)).isZero();
	}

	@Test
	void aTwd97PointOutsideTaiwanAfterConversionRefusesTheFile() {
		String csv = "街路段,號,橫坐標,縱坐標\n中山路,1,250000,2600000\n中山路,3,250000,2949000\n";
		assertThatThrownBy(() -> gazetteers.importFile("GIT north", null, utf8(csv), "n.csv", "it", null))
			.isInstanceOfSatisfying(Gazetteers.RefusedFile.class, e -> assertThat(e.problems)
				.extracting(p -> p.line() + " " + p.code()).containsExactly("3 gazetteer.line.outsideTaiwan"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM gazetteer_dataset WHERE name = 'GIT north'", Long.class)).isZero();
	}

	@Test
	void duplicatesKeepTheFirstLineAndAreWarnings() {
		String csv = """
				街路段,號,經度,緯度
				中山二路,5,120.3070,22.6070
				中山二路,5號,120.3999,22.6999
				中山二路,6,120.3080,22.6080
				中山２路,５,120.3998,22.6998
				""";
		Gazetteers.Imported imported = gazetteers.importFile("GIT dup", null, utf8(csv), "dup.csv", "it", null);
		assertThat(imported.rows()).isEqualTo(2);
		assertThat(imported.duplicates()).isEqualTo(2);
		assertThat(imported.warnings()).extracting(w -> w.line() + " " + w.code() + " " + w.args())
			.containsExactly("3 gazetteer.line.duplicate [2]", "5 gazetteer.line.duplicate [2]");
		assertThat(plate(imported.datasetId(), "中山二路", 5)).containsEntry("lon", 120.3070);
	}

	@Test
	void importingUnderTheSameNameReplacesAndRemovalRemoves() {
		Gazetteers.Imported first = gazetteers.importFile("GIT replace", null,
				utf8("街路段,號,經度,緯度\n中山二路,5,120.3070,22.6070\n"), "a.csv", "it", null);
		Gazetteers.Imported second = gazetteers.importFile("GIT replace", null,
				utf8("街路段,號,經度,緯度\n中山三路,5,120.3070,22.6070\n中山三路,7,120.3071,22.6071\n"), "b.csv", "it", null);
		assertThat(second.replaced()).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM door_plate WHERE dataset_id = ?", Long.class, first.datasetId())).isZero();
		assertThat(jdbc.queryForObject("SELECT row_count FROM gazetteer_dataset WHERE name = 'GIT replace'", Long.class)).isEqualTo(2);
		gazetteers.remove(second.datasetId(), "it", null);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM door_plate WHERE dataset_id = ?", Long.class, second.datasetId())).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'gazetteer.removed' AND object_id = ?",
				Long.class, String.valueOf(second.datasetId()))).isEqualTo(1);
	}

	@Test
	void theApiAnswers400NamingLineAndFieldAndAcceptsGzip() throws Exception {
		String bad = "街路段,號,經度,緯度\n中山二路,5,120.3070,22.6070\n中山二路,7,x,22.6\n";
		String body = mvc.perform(multipart("/api/gazetteer/datasets").file(new MockMultipartFile("file", "bad.csv", "text/csv", utf8(bad)))
			.with(user("gz-admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("line 3: lon").contains("not a number: x").contains("nothing was imported");

		String noCoordinates = mvc.perform(multipart("/api/gazetteer/datasets")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", utf8("街路段,號\n中山二路,5\n")))
			.with(user("gz-admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(noCoordinates).contains("Columns missing").contains("TWD97");

		mvc.perform(multipart("/api/gazetteer/datasets").file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] { (byte) 0xFF, (byte) 0xFE, 0, 0, (byte) 0x81 }))
			.with(user("gz-admin").roles("ADMIN")).with(csrf())).andExpect(status().isBadRequest());

		ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
			out.write(utf8("街路段,號,經度,緯度\n中山四路,5,120.3070,22.6070\n"));
		}
		String ok = mvc.perform(multipart("/api/gazetteer/datasets").file(new MockMultipartFile("file", "GIT gz.csv.gz", "application/gzip", gz.toByteArray()))
			.param("city", "高雄市").with(user("gz-admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(ok).contains("\"name\":\"GIT gz\"").contains("\"rows\":1");

		mvc.perform(multipart("/api/gazetteer/datasets").file(new MockMultipartFile("file", "a.csv", "text/csv", utf8(bad)))
			.with(user("gz-dispatcher").roles("DISPATCHER")).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void thePageListsDatasetsAndShowsBadLines() throws Exception {
		gazetteers.importFile("GIT page", "高雄市", utf8("街路段,號,經度,緯度\n中山五路,5,120.3070,22.6070\n"), "p.csv", "it", null);
		String page = mvc.perform(get("/admin/gazetteer").with(user("gz-admin").roles("ADMIN")).param("lang", "zh-TW"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("門牌資料").contains("GIT page");
		String refused = mvc.perform(multipart("/admin/gazetteer")
			.file(new MockMultipartFile("file", "bad.csv", "text/csv", utf8("街路段,號,經度,緯度\n中山五路,5,<script>,22.6\n")))
			.with(user("gz-admin").roles("ADMIN")).with(csrf()).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("nothing was imported").contains("line 2: lon").contains("&lt;script&gt;")
			.doesNotContain("<script>,");
	}
}
