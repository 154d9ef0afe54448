package io.watchkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.watchkeeper.support.BrowserTestSupport;

class LoginPageBrowserTest extends BrowserTestSupport {

	@Test
	void loginPageSpeaksBothLanguages() throws Exception {
		browser.get(url("/login?lang=en"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log in");
		browser.findElement(By.id("lang-zh")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登入");
		browser.get(url("/login"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).as("the language choice is remembered").isEqualTo("登入");
		screenshot("login-zh");
		assertThat(consoleErrors()).isEmpty();
	}
}
