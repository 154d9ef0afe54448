package io.watchkeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/** The header's menu on a phone: a real button that a keyboard can reach and open, and a list without scripts. */
class HeaderMenuBrowserTest extends BrowserTestSupport {

	static final String USER = "itnav-viewer";
	static final String PASSWORD = "itnav-viewer-secret";

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void user() {
		TestUsers.ensure(jdbc, USER, PASSWORD, "VIEWER");
	}

	private void phone() {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
	}

	private String focused() {
		return (String) browser.executeScript(
				"const e = document.activeElement; return e ? (e.id || e.textContent.trim()) : '';");
	}

	@Test
	void onAPhoneTheKeyboardOpensTheMenuAndReachesItsLinks() throws Exception {
		phone();
		browser.get(url("/login?lang=en"));
		assertThat(browser.findElements(By.id("nav-toggle"))).as("no menu before logging in").isEmpty();
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/cameras?lang=en"));
		WebElement toggle = browser.findElement(By.id("nav-toggle"));
		WebElement nav = browser.findElement(By.id("main-nav"));

		// folded: a real button that says what it controls
		assertThat(toggle.getTagName()).isEqualTo("button");
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(toggle.getAttribute("aria-controls")).isEqualTo("main-nav");
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(toggle.getAttribute("aria-label")).isEqualTo("Menu");
		assertThat(nav.isDisplayed()).isFalse();
		screenshot("header-menu-phone-folded");

		// Tab from the top of the page reaches the button (after the brand), Enter opens the menu
		browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
		for (int i = 0; i < 4 && !"nav-toggle".equals(focused()); i++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
		}
		assertThat(focused()).isEqualTo("nav-toggle");
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(nav.isDisplayed()).isTrue();
		screenshot("header-menu-phone-open");

		// the next Tab is the first link of the menu; Tab on to the map and Enter follows it
		new Actions(browser).sendKeys(Keys.TAB).perform();
		assertThat(focused()).isEqualTo("Cameras");
		for (int i = 0; i < 4 && !"nav-map".equals(focused()); i++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
		}
		assertThat(focused()).isEqualTo("nav-map");
		assertThat(browser.findElement(By.id("nav-map")).isDisplayed()).isTrue();
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		waitUpTo.until(ExpectedConditions.urlContains("/map"));

		// Escape closes an open menu and returns to its button; the button again opens it
		toggle = waitUpTo.until(ExpectedConditions.elementToBeClickable(By.id("nav-toggle")));
		toggle.click();
		assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isTrue();
		new Actions(browser).sendKeys(Keys.ESCAPE).perform();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isFalse();
		assertThat(focused()).isEqualTo("nav-toggle");

		// in Chinese the button is labelled in Chinese
		browser.get(url("/cameras?lang=zh-TW"));
		assertThat(browser.findElement(By.id("nav-toggle")).getAttribute("aria-label")).isEqualTo("選單");

		// a desktop window shows the navigation and no button
		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		browser.get(url("/cameras?lang=en"));
		assertThat(browser.findElement(By.id("nav-toggle")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isTrue();
		// the map page asked for base-map tiles, which the test machine cannot fetch: anything else is an error
		assertThat(consoleErrors()).filteredOn(e -> !e.getMessage().contains("tile.openstreetmap.org")).isEmpty();
	}

	@Test
	void withoutScriptsAPhoneListsTheNavigation() throws Exception {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		phone();
		browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
		browser.get(url("/cameras?lang=en"));
		assertThat(browser.findElement(By.id("nav-toggle")).isDisplayed()).as("a button nothing would answer").isFalse();
		WebElement nav = browser.findElement(By.id("main-nav"));
		assertThat(nav.isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("nav-map")).isDisplayed()).isTrue();
		Long overflow = (Long) browser.executeCdpCommand("Runtime.evaluate", Map.of("expression",
				"document.documentElement.scrollWidth - document.documentElement.clientWidth", "returnByValue", true))
			.entrySet().stream().filter(e -> e.getKey().equals("result"))
			.map(e -> ((Number) ((Map<?, ?>) e.getValue()).get("value")).longValue())
			.findFirst().orElse(0L);
		assertThat(overflow).as("the listed navigation does not widen the page").isLessThanOrEqualTo(0L);
		screenshot("header-menu-phone-no-scripts");
	}
}
