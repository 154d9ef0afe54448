package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/** A dispatcher imports a small CSV with one bad row on the page and sees that row's error; nothing is written. */
class ImportPageBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void dispatcher() {
		ImportTestData.precinct(jdbc);
		TestUsers.ensure(jdbc, "it-browser-dispatcher", "import-secret", "DISPATCHER");
	}

	@Test
	void aBadRowIsShownWithLineColumnAndReasonAndNothingIsWritten() throws Exception {
		Path csv = Files.createTempFile("cameras", ".csv");
		Files.writeString(csv, "\uFEFF編號,安裝地址,攝影方向,經度,緯度,裝設日期\n"
				+ "WEB001-01,高雄市苓雅區四維三路2號,東北,120.3014,22.6209,112/03/30\n"
				+ "WEB001-02,高雄市苓雅區四維三路2號,西南,120.3015,22.6209,112/02/30\n"
				+ "WEB002-01,<script>alert(1)</script>,北,120.3050,22.6250,1120401\n", StandardCharsets.UTF_8);

		logIn("it-browser-dispatcher", "import-secret");
		consoleErrors(); // the landing page after login belongs to the registry, not to this test
		browser.get(url("/imports?lang=en"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Import cameras");
		browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
		browser.findElement(By.id("upload-submit")).click();

		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-table")));
		assertThat(browser.findElement(By.id("import-encoding")).getText()).isEqualTo("UTF-8");
		assertThat(selected("target-5")).as("裝設日期 was recognised").isEqualTo("INSTALL_DATE");
		assertThat(selected("target-3")).isEqualTo("LONGITUDE");
		screenshot("import-mapping");

		browser.findElement(By.id("run-apply")).click();
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));
		assertThat(browser.findElement(By.id("import-status")).getText()).isEqualTo("Rows rejected");
		assertThat(browser.findElement(By.id("import-summary")).getText()).contains("1 of 3 rows were rejected")
			.contains("nothing was written");
		List<WebElement> errors = browser.findElements(By.cssSelector("#import-errors tbody tr"));
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).findElement(By.className("line")).getText()).isEqualTo("3");
		assertThat(errors.get(0).findElement(By.className("column")).getText()).isEqualTo("裝設日期");
		assertThat(errors.get(0).findElement(By.className("value")).getText()).isEqualTo("112/02/30");
		assertThat(errors.get(0).findElement(By.className("reason")).getText()).contains("Impossible date");
		screenshot("import-rejected");

		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'WEB%'", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM site WHERE code LIKE 'WEB%'", Integer.class)).isZero();
		// Chrome asks for /favicon.ico after the (registry's, not yet merged) landing page 404s; not this page's doing
		assertThat(consoleErrors()).filteredOn(e -> !e.getMessage().contains("/favicon.ico")).isEmpty();
	}

	@Test
	void anEmptyFileIsRefusedOnThePageInChinese() throws Exception {
		Path empty = Files.createTempFile("empty", ".csv");
		logIn("it-browser-dispatcher", "import-secret");
		browser.get(url("/imports?lang=zh-TW"));
		browser.findElement(By.id("import-file")).sendKeys(empty.toAbsolutePath().toString());
		browser.findElement(By.id("upload-submit")).click();
		assertThat(waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-error"))).getText())
			.isEqualTo("檔案是空的。");
	}

	private String selected(String id) {
		return new org.openqa.selenium.support.ui.Select(browser.findElement(By.id(id))).getFirstSelectedOption()
			.getAttribute("value");
	}
}
