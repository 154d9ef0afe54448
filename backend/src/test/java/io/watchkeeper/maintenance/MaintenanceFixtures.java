package io.watchkeeper.maintenance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.TestUsers;

/**
 * Test data of the maintenance tests, all with the {@code ITM} prefix (vendors, contracts, squads, cameras) or
 * {@code itm-} (users), made idempotently so that every test class can call {@link #ensure}.
 */
final class MaintenanceFixtures {

	static final String PASSWORD = "itm maintenance secret";
	static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	private static final AtomicInteger cameras = new AtomicInteger();
	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	/** Ids of the fixture rows. */
	record Ids(long vendor1, long vendor2, long contract1, long contract2, long expiredContract, long precinctA,
			long precinctB, long hqSquad, long squadA, long squadB) {
	}

	/** The users, one per role and scope. */
	static final String ADMIN = "itm-admin", DISPATCHER = "itm-dispatcher", VENDOR1 = "itm-vendor1",
			VENDOR2 = "itm-vendor2", SQUAD_A = "itm-squad-a", SQUAD_B = "itm-squad-b", PROCUREMENT = "itm-procurement",
			INVESTIGATOR = "itm-investigator", VIEWER = "itm-viewer";

	private MaintenanceFixtures() {
	}

	static LocalDate today() {
		return LocalDate.now(TAIPEI);
	}

	static synchronized Ids ensure(JdbcTemplate jdbc) {
		LocalDate today = today();
		long vendor1 = upsertVendor(jdbc, "ITM-V1", "測試維護廠商甲", "ITM vendor one");
		long vendor2 = upsertVendor(jdbc, "ITM-V2", "測試維護廠商乙", "ITM vendor two");
		List<Long> precincts = jdbc.queryForList("SELECT id FROM precinct ORDER BY code", Long.class);
		// precinct A: one that no other contract covers today, so that routing by precinct is ours to predict
		Long uncovered = jdbc.query("""
				SELECT p.id FROM precinct p
				 WHERE NOT EXISTS (SELECT 1 FROM maintenance_contract_precinct mp
				                     JOIN maintenance_contract mc ON mc.id = mp.contract_id
				                    WHERE mp.precinct_id = p.id AND mc.code NOT LIKE 'ITM-%'
				                      AND ? BETWEEN mc.starts_on AND mc.ends_on)
				 ORDER BY p.code DESC LIMIT 1""", rs -> rs.next() ? rs.getLong(1) : null, today);
		long precinctA = uncovered != null ? uncovered : precincts.get(precincts.size() - 1);
		long precinctB = precincts.get(0) == precinctA ? precincts.get(1) : precincts.get(0);
		long contract1 = upsertContract(jdbc, "ITM-C1", vendor1, today.minusDays(30), today.plusDays(365), 4, 24);
		long contract2 = upsertContract(jdbc, "ITM-C2", vendor2, today.minusDays(30), today.plusDays(365), 8, 48);
		long expired = upsertContract(jdbc, "ITM-C-OLD", vendor1, today.minusYears(2), today.minusYears(1), 4, 24);
		jdbc.update("INSERT INTO maintenance_contract_precinct (contract_id, precinct_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
				contract1, precinctA);
		jdbc.update("""
				INSERT INTO repair_squad (code, name_zh, name_en, precinct_id) VALUES ('ITM-SQ-HQ', '測試總局維修班', 'ITM HQ squad', NULL)
				ON CONFLICT DO NOTHING""");
		long hq = jdbc.queryForObject("SELECT id FROM repair_squad WHERE precinct_id IS NULL", Long.class);
		long squadA = upsertSquad(jdbc, "ITM-SQ-A", "測試分局維修班甲", precinctA);
		long squadB = upsertSquad(jdbc, "ITM-SQ-B", "測試分局維修班乙", precinctB);

		TestUsers.ensure(jdbc, ADMIN, PASSWORD, "ADMIN");
		TestUsers.ensure(jdbc, DISPATCHER, PASSWORD, "DISPATCHER");
		TestUsers.ensure(jdbc, VENDOR1, PASSWORD, "VENDOR_TECHNICIAN");
		TestUsers.ensure(jdbc, VENDOR2, PASSWORD, "VENDOR_TECHNICIAN");
		TestUsers.ensure(jdbc, SQUAD_A, PASSWORD, "SQUAD_MEMBER");
		TestUsers.ensure(jdbc, SQUAD_B, PASSWORD, "SQUAD_MEMBER");
		TestUsers.ensure(jdbc, PROCUREMENT, PASSWORD, "PROCUREMENT");
		TestUsers.ensure(jdbc, INVESTIGATOR, PASSWORD, "INVESTIGATOR");
		TestUsers.ensure(jdbc, VIEWER, PASSWORD, "VIEWER");
		jdbc.update("UPDATE app_user SET vendor_id = ? WHERE username = ?", vendor1, VENDOR1);
		jdbc.update("UPDATE app_user SET vendor_id = ? WHERE username = ?", vendor2, VENDOR2);
		jdbc.update("UPDATE app_user SET squad_id = ? WHERE username = ?", squadA, SQUAD_A);
		jdbc.update("UPDATE app_user SET squad_id = ? WHERE username = ?", squadB, SQUAD_B);
		return new Ids(vendor1, vendor2, contract1, contract2, expired, precinctA, precinctB, hq, squadA, squadB);
	}

	/** A fresh camera with a unique ITM asset tag. */
	static long camera(JdbcTemplate jdbc, Long precinctId, Long contractId, Long supplierVendorId, LocalDate warrantyEnd) {
		String tag = "ITM" + RUN + "-" + cameras.incrementAndGet();
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, address, precinct_id, contract_id, supplier_vendor_id, install_date,
				                    warranty_end, status, make, model)
				VALUES (?, '測試路一段1號', ?, ?, ?, DATE '2020-01-01', ?, 'ACTIVE', 'ITM', 'Dome')
				RETURNING id""", Long.class, tag, precinctId, contractId, supplierVendorId, warrantyEnd);
	}

	static String assetTag(JdbcTemplate jdbc, long cameraId) {
		return jdbc.queryForObject("SELECT asset_tag FROM camera WHERE id = ?", String.class, cameraId);
	}

	/** An open outage of the camera, started {@code hoursAgo} hours ago. */
	static long outage(JdbcTemplate jdbc, long cameraId, int hoursAgo) {
		return jdbc.queryForObject("""
				INSERT INTO outage (camera_id, started_at, cause, source)
				VALUES (?, now() - make_interval(hours => ?), 'REPORTED_DOWN', 'itm-test') RETURNING id""", Long.class,
				cameraId, hoursAgo);
	}

	private static long upsertVendor(JdbcTemplate jdbc, String code, String zh, String en) {
		return jdbc.queryForObject("""
				INSERT INTO vendor (code, name_zh, name_en) VALUES (?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh RETURNING id""", Long.class, code, zh, en);
	}

	private static long upsertContract(JdbcTemplate jdbc, String code, long vendor, LocalDate from, LocalDate to,
			int response, int restore) {
		return jdbc.queryForObject("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, name_en, starts_on, ends_on, response_hours, restore_hours)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on RETURNING id""",
				Long.class, code, vendor, "測試合約 " + code, "ITM contract " + code, from, to, response, restore);
	}

	private static long upsertSquad(JdbcTemplate jdbc, String code, String zh, long precinct) {
		return jdbc.queryForObject("""
				INSERT INTO repair_squad (code, name_zh, name_en, precinct_id) VALUES (?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET precinct_id = EXCLUDED.precinct_id RETURNING id""", Long.class, code, zh,
				code, precinct);
	}
}
