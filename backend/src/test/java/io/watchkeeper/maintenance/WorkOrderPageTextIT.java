package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.MaintenanceFixtures.DISPATCHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.watchkeeper.notification.Notifications;

/** Issue 9, item 12: what the work-order page says about an order's number and its escalations. */
class WorkOrderPageTextIT extends MaintenanceHttp {

	private static final Pattern ESCALATED_ROW = Pattern.compile("<tr class=\"history-row\" data-action=\"ESCALATED\">(.*?)</tr>",
			Pattern.DOTALL);

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	Notifications notifications;

	@Test
	void orderNumbersAreNeverGroupedWithThousandsSeparators() {
		jdbc.queryForObject("SELECT setval('work_order_id_seq', greatest(nextval('work_order_id_seq'), 12771))", Long.class);
		long order = openOrder(MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null), "REPAIR");
		assertThat(order).isGreaterThanOrEqualTo(1000);
		String grouped = String.format("%,d", order);
		Browser dispatcher = loggedIn(DISPATCHER);
		String zh = dispatcher.get("/work-orders/" + order + "?lang=zh-TW").body();
		assertThat(zh).contains("工單 " + order).doesNotContain(grouped);
		String en = dispatcher.get("/work-orders/" + order + "?lang=en").body();
		assertThat(en).contains("Work order " + order).doesNotContain(grouped);
	}

	@Test
	void anEscalationInTheHistorySaysWhatChangedAndWhoWasNotified() {
		long order = openOrder(MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null), "REPAIR");
		jdbc.update("UPDATE work_order SET response_due_at = now() - interval '1 hour' WHERE id = ?", order);
		Instant now = Instant.now();
		int escalated = new SlaEscalation(named, notifications, Clock.fixed(now, ZoneOffset.UTC)).escalateOverdueOrders();
		assertThat(escalated).isPositive();

		Browser dispatcher = loggedIn(DISPATCHER);
		String zh = escalatedRow(dispatcher.get("/work-orders/" + order + "?lang=zh-TW").body());
		assertThat(zh).contains("優先等級由「一般」提高為「高」", "回應期限", "已通知：維護調度員、廠商維修人員")
			.doesNotContain("→");
		String en = escalatedRow(dispatcher.get("/work-orders/" + order + "?lang=en").body());
		assertThat(en).contains("Priority raised from “Normal” to “High”", "response due time", "Notified: ")
			.doesNotContain("→");
	}

	@Test
	void theWorkOrderCsvSpeaksTheLanguageOfItsHeaders() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long order = openOrder(camera, "REPAIR");
		String tag = MaintenanceFixtures.assetTag(jdbc, camera);
		String zh = get(DISPATCHER, "/api/work-orders/export.csv?lang=zh-TW&camera=" + tag).body();
		String zhRow = zh.lines().filter(l -> l.startsWith(order + ",")).findFirst().orElseThrow();
		assertThat(zh).contains("類別,狀態,優先等級");
		assertThat(zhRow).contains(",維修,已派工,一般,").doesNotContain("REPAIR", "ASSIGNED", "NORMAL");
		String en = get(DISPATCHER, "/api/work-orders/export.csv?lang=en&camera=" + tag).body();
		assertThat(en.lines().filter(l -> l.startsWith(order + ",")).findFirst().orElseThrow())
			.contains(",Repair,Assigned,Normal,");
	}

	private static String escalatedRow(String page) {
		Matcher row = ESCALATED_ROW.matcher(page);
		assertThat(row.find()).as("an ESCALATED history row").isTrue();
		return row.group(1).replaceAll("\\s+", " ");
	}
}
