package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The main navigation offers each role exactly the pages it may open (issue 9, item 12: the investigator's lacked
 * the outage board). The links are read from each role's navigation and every link any role sees is opened as
 * every role: in the navigation if and only if not refused.
 */
class NavLinksIT extends SecurityHttpSupport {

	private static final Pattern NAV = Pattern.compile("<nav class=\"mainnav\"[^>]*>(.*?)</nav>", Pattern.DOTALL);
	private static final Pattern HREF = Pattern.compile("href=\"([^\"?#]+)[^\"]*\"");

	@Test
	void eachRoleIsOfferedExactlyThePagesItMayOpen() {
		Map<Role, Set<String>> offered = new LinkedHashMap<>();
		Map<Role, Browser> browsers = new LinkedHashMap<>();
		Set<String> everyLink = new TreeSet<>();
		for (Role role : Role.values()) {
			Browser browser = loggedIn(user(role));
			browsers.put(role, browser);
			Matcher nav = NAV.matcher(browser.get("/cameras").body());
			assertThat(nav.find()).as("%s sees a navigation", role).isTrue();
			Set<String> links = new TreeSet<>();
			Matcher href = HREF.matcher(nav.group(1));
			while (href.find()) {
				links.add(href.group(1));
			}
			offered.put(role, links);
			everyLink.addAll(links);
		}
		assertThat(everyLink).contains("/outages", "/map", "/work-orders");
		for (Role role : Role.values()) {
			for (String link : everyLink) {
				int status = browsers.get(role).get(link).statusCode();
				assertThat(status).as("%s GET %s", role, link).isNotIn(401, 404, 500);
				assertThat(offered.get(role).contains(link)).as("%s: %s in the navigation (answer %d)", role, link, status)
					.isEqualTo(status != 403);
			}
		}
		assertThat(offered.get(Role.INVESTIGATOR)).contains("/outages");
	}
}
