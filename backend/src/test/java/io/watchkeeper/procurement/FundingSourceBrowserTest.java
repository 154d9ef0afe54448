package io.watchkeeper.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/**
 * An administrator's import is refused for a funding source the registry does not know; the error links to the
 * new funding-source form with the code filled in; once the source is added (fiscal year typed as ROC 113), the
 * same file is imported.
 */
class FundingSourceBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void admin() {
		TestUsers.ensure(jdbc, "it-browser-funding-admin", "funding-secret", "ADMIN");
	}

	@Test
	void aSourceAddedFromTheImportErrorIsAcceptedByTheSameImport() throws Exception {
		String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 32), 36).toUpperCase();
		String code = "F2024-BT-" + suffix;
		String site = "FSB" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		Path csv = Files.createTempFile("cameras", ".csv");
		Files.writeString(csv, "\uFEFF編號,安裝地址,經度,緯度,裝設日期,經費來源\n"
				+ site + "-01,高雄市苓雅區四維三路2號,120.3014,22.6209,113/03/30," + code + "\n"
				+ site + "-02,高雄市苓雅區四維三路2號,120.3015,22.6209,113/03/30," + code + "\n", StandardCharsets.UTF_8);

		logIn("it-browser-funding-admin", "funding-secret");
		upload(csv);
		assertThat(browser.findElement(By.id("import-status")).getText()).isEqualTo("有資料列被拒絕");
		assertThat(browser.findElement(By.cssSelector("#import-errors tbody tr .reason")).getText())
			.contains("「" + code + "」", "新增經費來源");
		String addLink = browser.findElement(By.cssSelector("#import-errors .add-funding-source")).getAttribute("href");
		screenshot("funding-import-refused");

		browser.get(addLink + "&lang=zh-TW");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("新增經費來源");
		assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEqualTo(code);
		new Select(browser.findElement(By.id("kind"))).selectByValue("CITY_BUDGET");
		browser.findElement(By.id("nameZh")).sendKeys("測試113年度新增監視器 " + suffix);
		browser.findElement(By.id("sponsor")).sendKeys("高雄市政府");
		browser.findElement(By.id("fiscalYear")).sendKeys("113");
		browser.findElement(By.id("amount")).sendKeys("1,560,000");
		screenshot("funding-form");
		browser.findElement(By.id("funding-submit")).click();

		assertThat(waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
			.isEqualTo("已新增經費來源 " + code + "。");
		String row = browser.findElement(By.cssSelector("#funding-table tr[data-code='" + code + "']")).getText();
		assertThat(row).contains("2024（民國113年）", "NT$1,560,000", "市府預算");

		upload(csv);
		assertThat(browser.findElement(By.id("import-status")).getText()).isEqualTo("已匯入");
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM camera c JOIN funding_source f ON f.id = c.funding_source_id
				 WHERE f.code = ? AND c.asset_tag LIKE ?""", Long.class, code, site + "-%")).isEqualTo(2);
		assertThat(consoleErrors()).filteredOn(e -> !e.getMessage().contains("/favicon.ico")).isEmpty();
	}

	private void upload(Path csv) {
		browser.get(url("/imports?lang=zh-TW"));
		browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
		browser.findElement(By.id("upload-submit")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-table")));
		browser.findElement(By.id("run-apply")).click();
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));
	}
}
