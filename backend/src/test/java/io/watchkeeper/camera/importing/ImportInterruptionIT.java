package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import whose node died (kill -9 in the write phase: its one transaction rolled back, its row still says
 * RUNNING) is marked INTERRUPTED by the sweep within the configured time, keeps its upload, and runs again with
 * the page's one button, writing every row exactly once. A run this node holds keeps its heartbeat whatever it
 * is doing, so the sweep leaves it alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportInterruptionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportWatch watch;

	@Autowired
	ImportProperties properties;

	@Test
	void aDeadNodesRunIsMarkedInterruptedAndRunsAgainWithOneClickWritingEveryRowOnce() throws Exception {
		long id = validatedThroughTheApi("PGK001");
		// the node that ran it for real died in the write phase: nothing of its transaction is left but the row
		jdbc.update("""
				UPDATE import_job SET status = 'RUNNING', dry_run = false, phase = 'WRITING', run_by = 'api-dispatcher',
				       started_at = now() - interval '2 minutes', heartbeat_at = now() - interval '1 minute'
				 WHERE id = ?""", id);

		Duration limit = properties.interruptedAfter().plus(properties.heartbeat()).plusSeconds(3);
		long deadline = System.nanoTime() + limit.toNanos();
		while (!"INTERRUPTED".equals(statusOf(id)) && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(statusOf(id)).as("marked within %s", limit).isEqualTo("INTERRUPTED");

		mvc.perform(get("/api/imports/" + id).with(user("api-dispatcher").roles("DISPATCHER")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("INTERRUPTED"))
			.andExpect(jsonPath("$.interrupted").value(true));
		String en = page("/imports/" + id + "?lang=en");
		assertThat(en).contains("This run was interrupted").contains("id=\"run-again\"").contains("Run the import again")
			.contains("name=\"dryRun\" value=\"false\"");
		assertThat(page("/imports/" + id + "?lang=zh-TW")).contains("已中斷").contains("重新匯入");

		// the button: the same form the page posts, the job's own mapping
		mvc.perform(post("/imports/" + id + "/run").param("dryRun", "false")
			.with(user("page-dispatcher").roles("DISPATCHER")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(awaitEnd(id)).isEqualTo("APPLIED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'PGK001-%'", Integer.class))
			.isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE import_id = ?", Integer.class, id)).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT content IS NULL FROM import_job WHERE id = ?", Boolean.class, id))
			.as("the upload is dropped once applied").isTrue();
		mvc.perform(post("/imports/" + id + "/run").param("dryRun", "false")
			.with(user("page-dispatcher").roles("DISPATCHER")).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'PGK001-%'", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void aRunThisNodeHoldsKeepsItsHeartbeatSoTheSweepLeavesItAlone() throws Exception {
		long id = validatedThroughTheApi("PGK002");
		watch.hold(id);
		try {
			// as if it sat in one long write transaction for a while: only the watch can touch its heartbeat. Older
			// than fresh() but younger than interrupted-after (20 s), so that the sweeps of the other application
			// contexts the suite keeps running on this database leave it alone, as they would a live node's run.
			jdbc.update("""
					UPDATE import_job SET status = 'RUNNING', dry_run = false, phase = 'WRITING',
					       heartbeat_at = now() - interval '12 seconds' WHERE id = ?""", id);
			long deadline = System.nanoTime() + properties.heartbeat().multipliedBy(3).toNanos();
			while (!fresh(id) && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(fresh(id)).as("heartbeat touched by the watch").isTrue();
			assertThat(statusOf(id)).isEqualTo("RUNNING");
		}
		finally {
			watch.release(id);
			jdbc.update("UPDATE import_job SET status = 'FAILED' WHERE id = ?", id);
		}
	}

	@Test
	void anInterruptedRunKeepsItsUploadWhenOldUploadsAreForgotten() throws Exception {
		long id = validatedThroughTheApi("PGK003");
		jdbc.update("""
				UPDATE import_job SET status = 'INTERRUPTED', created_at = now() - interval '3 days',
				       finished_at = now() - interval '1 hour' WHERE id = ?""", id);
		// another upload forgets uploads older than a day
		validatedThroughTheApi("PGK004");
		assertThat(jdbc.queryForObject("SELECT content IS NOT NULL FROM import_job WHERE id = ?", Boolean.class, id))
			.isTrue();
	}

	private long validatedThroughTheApi(String site) throws Exception {
		String csv = "\uFEFF編號,安裝地址,經度,緯度\n"
				+ site + "-01,高雄市苓雅區四維三路2號," + ImportTestData.LON + "," + ImportTestData.LAT + "\n"
				+ site + "-02,高雄市苓雅區四維三路2號," + ImportTestData.LON + "," + ImportTestData.LAT + "\n"
				+ site + "-03,高雄市苓雅區四維三路2號," + ImportTestData.LON + "," + ImportTestData.LAT + "\n";
		String body = mvc.perform(multipart("/api/imports")
			.file(new MockMultipartFile("file", site + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", "true").with(user("api-dispatcher").roles("DISPATCHER")).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VALIDATED"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return Long.parseLong(body.replaceFirst("(?s)^\\{\"id\":(\\d+),.*", "$1"));
	}

	private String statusOf(long id) {
		return jdbc.queryForObject("SELECT status FROM import_job WHERE id = ?", String.class, id);
	}

	private boolean fresh(long id) {
		return jdbc.queryForObject("SELECT heartbeat_at > now() - interval '10 seconds' FROM import_job WHERE id = ?",
				Boolean.class, id);
	}

	private String awaitEnd(long id) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			String status = statusOf(id);
			if (!status.equals("QUEUED") && !status.equals("RUNNING") && !status.equals("INTERRUPTED")) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(user("page-dispatcher").roles("DISPATCHER"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
