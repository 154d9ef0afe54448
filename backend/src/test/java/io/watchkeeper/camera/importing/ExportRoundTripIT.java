package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registry's CSV export imports again: every header (zh-TW and English) is recognised, status and LPR
 * codes are read, and funding source, project and contract codes become the same records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExportRoundTripIT {

	/** What survives a round trip, per camera, with the tag's prefix (RTX) cut off. */
	private static final String VALUES = """
			SELECT substr(c.asset_tag, 4) AS tag, s.code IS NOT NULL AS on_site, c.site_index, round(ST_X(c.location)::numeric, 6) AS lon,
			       round(ST_Y(c.location)::numeric, 6) AS lat, c.address, c.precinct_id, c.district_id, c.heading_deg, c.fov_deg,
			       c.range_m, c.install_date, c.service_life_years, c.end_of_life, c.warranty_end, c.lpr, c.make, c.model,
			       c.status, c.funding_source_id, c.project_id,
			       -- the export names the contract that looks after the camera today (issue 9, item 11)
			       camera_contract_on(c.contract_id, c.precinct_id, current_date) AS contract_id, c.notes
			  FROM camera c LEFT JOIN site s ON s.id = c.site_id WHERE c.asset_tag LIKE ? ORDER BY c.asset_tag""";

	@Autowired
	MockMvc mvc;

	@Autowired
	CameraImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void registry() {
		if (jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'RTX%'", Integer.class) > 0) {
			return;
		}
		long vendor = jdbc.queryForObject("INSERT INTO vendor (code, name_zh) VALUES ('RT-VENDOR', '往返測試廠商') RETURNING id", Long.class);
		long funding = jdbc.queryForObject("""
				INSERT INTO funding_source (code, kind, name_zh, fiscal_year, amount_ntd)
				VALUES ('RT-F2019-CITY', 'CITY_BUDGET', '108年度市預算', 2019, 1000000) RETURNING id""", Long.class);
		long project = jdbc.queryForObject("""
				INSERT INTO procurement_project (code, name_zh, purpose, fiscal_year, budget_ntd, vendor_id)
				VALUES ('RT-P2019-01', '108年度新設案', 'NEW_INSTALLATION', 2019, 900000, ?) RETURNING id""", Long.class, vendor);
		long contract = jdbc.queryForObject("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, starts_on, ends_on)
				VALUES ('RT-M2024', ?, '113年度維護', '2024-01-01', '2026-12-31') RETURNING id""", Long.class, vendor);
		long site = jdbc.queryForObject("INSERT INTO site (code, address) VALUES ('RTX001', '高雄市苓雅區四維三路2號') RETURNING id", Long.class);
		jdbc.update("""
				INSERT INTO camera (asset_tag, site_id, site_index, location, address, precinct_id, heading_deg, fov_deg, range_m,
				                    install_date, service_life_years, warranty_end, lpr, make, model, status, funding_source_id,
				                    project_id, contract_id, supplier_vendor_id, notes)
				VALUES ('RTX001-01', ?, 1, ST_SetSRID(ST_MakePoint(120.3014, 22.6209), 4326), '高雄市苓雅區四維三路2號', ?, 45, 90, 60,
				        '2019-06-30', 8, '2022-06-30', 'LPR', 'Vivotek', 'IB9369', 'ACTIVE', ?, ?, ?, ?, '路口東北角'),
				       ('RTX001-02', ?, 2, ST_SetSRID(ST_MakePoint(120.3015, 22.6210), 4326), '高雄市苓雅區四維三路2號', ?, 225, NULL, NULL,
				        '2019-06-30', 10, NULL, 'REALTIME_LPR', 'Hikvision', NULL, 'FAULTY', ?, ?, NULL, NULL, NULL),
				       ('RTX-LONE', NULL, NULL, NULL, '高雄市新興區中正三路1號', ?, NULL, NULL, NULL,
				        NULL, 8, NULL, 'NONE', NULL, NULL, 'PLANNED', NULL, NULL, ?, NULL, NULL)""",
				site, ImportTestData.precinct(jdbc), funding, project, contract, vendor, site, ImportTestData.precinct(jdbc),
				funding, project, ImportTestData.precinct(jdbc), contract);
		jdbc.update("""
				UPDATE camera c SET district_id = d.id FROM district d
				 WHERE c.asset_tag LIKE 'RTX%' AND c.location IS NOT NULL AND ST_Intersects(d.boundary, c.location)""");
	}

	@Test
	void aChineseExportImportsAgainWithEveryValue() throws Exception {
		roundTrip("zh-TW", "RTZ");
	}

	@Test
	void anEnglishExportImportsAgainWithEveryValue() throws Exception {
		roundTrip("en", "RTE");
	}

	@Test
	void anUnknownCodeRejectsTheRowNamingTheValue() throws Exception {
		String csv = export("zh-TW").replace("RTX", "RTU").replace("RT-F2019-CITY", "F2099-NOPE");
		ImportJob job = importCsv(csv);
		assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
		assertThat(job.rowsRejected()).isEqualTo(2);
		assertThat(job.errors()).hasSize(2).allSatisfy(e -> {
			assertThat(e.field()).isEqualTo("FUNDING_SOURCE");
			assertThat(e.column()).isEqualTo("經費來源");
			assertThat(e.value()).isEqualTo("F2099-NOPE");
			assertThat(e.code()).isEqualTo("import.error.unknownFundingSource");
			assertThat(e.args().get(0)).isEqualTo("F2099-NOPE");
		});
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'RTU%'", Integer.class)).isZero();
	}

	private void roundTrip(String lang, String prefix) throws Exception {
		String csv = export(lang);
		assertThat(csv).contains(lang.equals("en") ? "Funding source" : "經費來源").contains("RT-F2019-CITY");
		// codes in the reader's language, not REALTIME_LPR, FAULTY, NONE, ACTIVE (issue 9, item 12)
		if (lang.equals("en")) {
			assertThat(csv).contains(",Real-time LPR,", ",Faulty,", ",No LPR,", ",Active,");
		}
		else {
			assertThat(csv).contains(",即時車牌辨識,", ",故障,", ",無車牌辨識,", ",使用中,");
		}
		assertThat(csv).doesNotContain("REALTIME_LPR", "FAULTY", "NONE", "ACTIVE", "PLANNED");
		ImportJob job = importCsv(csv.replace("RTX", prefix));
		assertThat(job.failure()).isNull();
		assertThat(job.errors()).isEmpty();
		assertThat(job.status()).isEqualTo(ImportJob.Status.APPLIED);
		assertThat(job.rowsWritten()).isEqualTo(3);
		assertThat(job.warnings()).as("every column of the export is recognised").isEmpty();
		assertThat(job.columnMapping().missing()).isEmpty();

		List<Map<String, Object>> original = jdbc.queryForList(VALUES, "RTX%");
		List<Map<String, Object>> imported = jdbc.queryForList(VALUES, prefix + "%");
		assertThat(original).hasSize(3);
		assertThat(original.get(1).get("tag")).isEqualTo("001-01");
		assertThat(original.get(1).get("funding_source_id")).isNotNull();
		assertThat(original.get(1).get("contract_id")).isNotNull();
		assertThat(imported).isEqualTo(original);
	}

	private String export(String lang) throws Exception {
		byte[] body = mvc.perform(get("/api/cameras/export.csv").param("q", "RTX").param("lang", lang)
			.with(user("rt-viewer").roles("VIEWER"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		return new String(body, StandardCharsets.UTF_8);
	}

	private ImportJob importCsv(String csv) {
		CameraImporter.Upload upload = importer.upload("export.csv", csv.getBytes(StandardCharsets.UTF_8),
				new CameraImporter.UploadOptions(null, null, null), "it-roundtrip", false);
		importer.run(upload.jobId(), upload.mapping(), false, upload.file(), "it-roundtrip", "127.0.0.9", false);
		return importer.job(upload.jobId(), true);
	}
}
