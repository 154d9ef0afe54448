package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Switching the language keeps the page's query (filters, paging, search) and replaces only {@code lang}. */
class LanguageLinksIT extends SecurityHttpSupport {

	static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\" id=\"lang-(zh|en)\"");

	@Test
	void theLanguageLinksKeepTheQuery() {
		Browser browser = loggedIn(user(Role.VIEWER));
		HttpResponse<String> page = browser.get("/cameras?lpr=LPR&page=2&q=%E9%B3%B3%E5%B1%B1&lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher links = LINK.matcher(page.body());
		assertThat(links.find()).isTrue();
		String zh = links.group(1).replace("&amp;", "&");
		assertThat(links.group(2)).isEqualTo("zh");
		assertThat(zh).startsWith("/cameras?").contains("lpr=LPR", "page=2", "q=%E9%B3%B3%E5%B1%B1", "lang=zh-TW")
			.doesNotContain("lang=en");
		assertThat(links.find()).isTrue();
		assertThat(links.group(1).replace("&amp;", "&")).contains("lpr=LPR", "lang=en").doesNotContain("lang=zh-TW");

		// following it shows the same list in Chinese
		HttpResponse<String> chinese = browser.get(zh);
		assertThat(chinese.statusCode()).isEqualTo(200);
		assertThat(chinese.body()).contains("lang=\"zh-TW\"");
	}
}
