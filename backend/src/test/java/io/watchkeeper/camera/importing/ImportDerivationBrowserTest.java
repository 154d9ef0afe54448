package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/**
 * A dispatcher uploads a list whose facts hide in the camera names, picks ready-made patterns for the name
 * column, sees in the preview what they find, saves the mapping as a profile, and uploads the next list with it.
 */
class ImportDerivationBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void dispatcher() {
		TestUsers.ensure(jdbc, "it-derive-dispatcher", "derive-secret", "DISPATCHER");
	}

	@Test
	void pickAPresetSeeThePreviewAndSaveTheProfile() throws Exception {
		Path csv = Files.createTempFile("names", ".csv");
		Files.writeString(csv, "編號,名稱,經度,緯度\n"
				+ "DRV001-01,112擴充-No.031 中正路與五福路口 朝東-車牌,120.3014,22.6209\n"
				+ "DRV002-01,１１３汰換-No.2 往北,120.3015,22.6209\n"
				+ "DRV003-01,<b>監視器</b>,120.3016,22.6209\n", StandardCharsets.UTF_8);

		logIn("it-derive-dispatcher", "derive-secret");
		browser.get(url("/imports?lang=en"));
		browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
		browser.findElement(By.id("upload-submit")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("derive-table")));

		new Select(browser.findElement(By.id("derive-column-0"))).selectByValue("名稱");
		new Select(browser.findElement(By.id("derive-preset-0"))).selectByValue("rocYearAtStart");
		new Select(browser.findElement(By.id("derive-column-1"))).selectByValue("名稱");
		new Select(browser.findElement(By.id("derive-preset-1"))).selectByValue("directionAfterWord");
		browser.findElement(By.id("derive-preview")).click();

		WebElement table = waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("derive-preview-table")));
		List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).findElement(By.className("source")).getText()).startsWith("112擴充");
		assertThat(rows.get(0).findElement(By.className("becomes")).getText()).contains("2023-01-01").contains("90");
		assertThat(rows.get(1).findElement(By.className("becomes")).getText()).as("full-width digits").contains("2024-01-01");
		assertThat(rows.get(2).findElement(By.className("source")).getText()).as("markup shown as text").isEqualTo("<b>監視器</b>");
		assertThat(rows.get(2).findElement(By.className("derived")).getText()).isEqualTo("nothing found");
		assertThat(browser.findElement(By.id("derive-problems")).getText()).contains("1 January");
		// the form keeps what was picked, plus blank rows for more
		assertThat(new Select(browser.findElement(By.id("derive-preset-1"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("directionAfterWord");

		String name = "Browser list " + System.nanoTime();
		browser.findElement(By.id("profile-name")).sendKeys(name);
		screenshot("import-derive-preview");
		browser.findElement(By.id("save-profile-button")).click();
		assertThat(waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-saved"))).getText()).contains(name);
		assertThat(jdbc.queryForObject("SELECT jsonb_array_length(derivations) FROM import_profile WHERE name = ?", Integer.class,
				name)).isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT mapping->>'編號' FROM import_profile WHERE name = ?", String.class, name))
			.isEqualTo("ASSET_TAG");

		// the next list of the same shape, with the profile: its patterns are there without picking them again
		browser.get(url("/imports?lang=en"));
		browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
		new Select(browser.findElement(By.id("import-profile"))).selectByVisibleText(name);
		browser.findElement(By.id("upload-submit")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("derive-table")));
		assertThat(new Select(browser.findElement(By.id("derive-preset-0"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("rocYearAtStart");
		assertThat(browser.findElement(By.id("mapping")).getText()).contains("Profile \"" + name + "\" was applied");
		screenshot("import-derive-profile-applied");
	}
}
