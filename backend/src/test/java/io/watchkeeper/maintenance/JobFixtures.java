package io.watchkeeper.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for the jobs' tests, straight in SQL, every code and asset tag starting with {@code ITJ} (and a per-run
 * nonce, so that tests never collide with each other's rows or assume an empty table).
 */
public final class JobFixtures {

	public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	private static final AtomicInteger SEQ = new AtomicInteger();

	private JobFixtures() {
	}

	/** A unique code with the ITJ prefix, e.g. {@code ITJ-lc-ab12-7}. */
	public static String code(String what) {
		return "ITJ-" + what + "-" + RUN + "-" + SEQ.incrementAndGet();
	}

	/** Noon in Taipei on that day. */
	public static Instant noonTaipei(LocalDate day) {
		return ZonedDateTime.of(day.atTime(12, 0), TAIPEI).toInstant();
	}

	public static long vendor(JdbcTemplate jdbc) {
		return jdbc.queryForObject("INSERT INTO vendor (code, name_zh) VALUES (?, '測試廠商') RETURNING id", Long.class,
				code("V"));
	}

	public static long contract(JdbcTemplate jdbc, long vendorId, LocalDate from, LocalDate to) {
		return jdbc.queryForObject("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, starts_on, ends_on, response_hours, restore_hours)
				VALUES (?, ?, '測試契約', ?, ?, 4, 24) RETURNING id""", Long.class, code("C"), vendorId, from, to);
	}

	public static long anyPrecinct(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT min(id) FROM precinct", Long.class);
	}

	/** A camera in service with the given install date (8-year life) and optional warranty. */
	public static long camera(JdbcTemplate jdbc, LocalDate installed, Long precinctId, Long supplierId,
			LocalDate warrantyEnd, Long contractId) {
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, install_date, precinct_id, supplier_vendor_id, warranty_end, contract_id)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, code("CAM"), installed, precinctId, supplierId,
				warrantyEnd, contractId);
	}

	/** An order of the given state; ASSIGNED and later states are assigned to {@code vendorId} under warranty. */
	public static long warrantyOrder(JdbcTemplate jdbc, long cameraId, String state, long vendorId, Instant opened) {
		return jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, assignee_kind, vendor_id, opened_at, assigned_at,
				                        hold_reason, on_hold_since, restored_at)
				VALUES ('REPAIR', ?, 'MANUAL', ?, 'WARRANTY_VENDOR', ?, ?, ?,
				        CASE WHEN ? = 'ON_HOLD' THEN 'waiting for a part' END, CASE WHEN ? = 'ON_HOLD' THEN CAST(? AS timestamptz) END,
				        CASE WHEN ? = 'RESTORED' THEN CAST(? AS timestamptz) END)
				RETURNING id""", Long.class, cameraId, state, vendorId, java.sql.Timestamp.from(opened),
				java.sql.Timestamp.from(opened), state, state, java.sql.Timestamp.from(opened), state,
				java.sql.Timestamp.from(opened));
	}
}
