package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 12: the camera page links the camera's work orders and its outage history, each only for the roles
 * that may open it, and the links lead to that camera's orders and outages.
 */
class CameraLinksIT extends SecurityHttpSupport {

	@Test
	void theCameraPageLinksItsWorkOrdersAndOutagesForThoseWhoMayOpenThem() {
		String tag = "ITCL" + (System.nanoTime() % 1_000_000) + "-01";
		long camera = jdbc.queryForObject("INSERT INTO camera (asset_tag, status, lpr) VALUES (?, 'ACTIVE', 'NONE') RETURNING id",
				Long.class, tag);
		long outage = jdbc.queryForObject("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, source)
				VALUES (?, now() - interval '30 hours', now() - interval '26 hours', 'SILENT', 'itcl') RETURNING id""",
				Long.class, camera);
		long order = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, outage_id, state, opened_at, created_by)
				VALUES ('REPAIR', ?, 'OUTAGE', ?, 'NEW', now() - interval '30 hours', 'itcl') RETURNING id""", Long.class,
				camera, outage);
		for (Role role : Role.values()) {
			Browser browser = loggedIn(user(role));
			if (role == Role.VENDOR_TECHNICIAN || role == Role.SQUAD_MEMBER) {
				// these test users maintain no camera, so this one is outside their scope: as good as none
				assertThat(browser.get("/cameras/" + camera + "?lang=en").statusCode()).as("%s camera page", role)
					.isEqualTo(404);
				continue;
			}
			String page = browser.get("/cameras/" + camera + "?lang=en").body();

			int orders = browser.get("/work-orders?camera=" + tag).statusCode();
			assertThat(orders).as("%s /work-orders", role).isIn(200, 403);
			String ordersLink = href(page, "camera-work-orders");
			assertThat(ordersLink != null).as("%s: link to the camera's work orders", role).isEqualTo(orders == 200);
			if (ordersLink != null) {
				String list = browser.get(ordersLink).body();
				if (role == Role.ADMIN || role == Role.DISPATCHER) {
					assertThat(list).as("%s: the camera's order is listed", role).contains("/work-orders/" + order + "\"");
				}
			}

			int outages = browser.get("/outages/cameras/" + camera).statusCode();
			assertThat(outages).as("%s /outages/cameras/{id}", role).isIn(200, 403);
			String outagesLink = href(page, "camera-outages");
			assertThat(outagesLink != null).as("%s: link to the camera's outages", role).isEqualTo(outages == 200);
			if (outagesLink != null) {
				String history = browser.get(outagesLink + "?lang=zh-TW").body();
				assertThat(history).contains(tag, "data-outage=\"" + outage + "\"", "無回報（逾時）", "4 小時");
				assertThat(history.contains("href=\"/work-orders/" + order + "\""))
					.as("%s: the outage's order linked only for those who may open it", role).isEqualTo(orders == 200);
			}
		}
		assertThat(loggedIn(user(Role.VIEWER)).get("/outages/cameras/999999999").statusCode()).isEqualTo(404);
	}

	private static String href(String page, String id) {
		Matcher m = Pattern.compile("<a[^>]*id=\"" + id + "\"[^>]*href=\"([^\"]+)\"|<a[^>]*href=\"([^\"]+)\"[^>]*id=\"" + id + "\"")
			.matcher(page);
		if (!m.find()) {
			return null;
		}
		return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
	}
}
