package io.watchkeeper.demo;

import static io.watchkeeper.demo.DemoCatalog.*;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.watchkeeper.camera.AreaAssignment;
import io.watchkeeper.camera.boundary.Boundaries;
import io.watchkeeper.planning.BudgetSplits;
import io.watchkeeper.reporting.DailySums;

/**
 * Writes the demo data set in one transaction: boundaries (if missing), vendors, funding sources, projects,
 * maintenance contracts (2023 and each following year up to the clock's), repair squads, then sites and cameras
 * streamed with {@code COPY}, then the amounts that follow from the cameras, the demo users, the maintenance
 * history ({@link MaintenanceHistory}), the health coverage that lets the outage history answer for the past
 * ({@link HealthCoverage}), the investigators' cases ({@link InvestigationHistory}) and a {@code demo_dataset}
 * record. Does nothing if there are cameras already.
 */
@Service
class DemoDataLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final String GENERATOR = "watchkeeper-demo/1";

	/** Serialises demo loads across application nodes starting at once. */
	private static final long DEMO_LOCK = 0x574B_4445_4D4FL;

	record Result(int cameras, int sites, long seed, Duration took, Duration sitesTook, Duration camerasTook,
			Duration indexesTook, List<String> users, MaintenanceHistory.Summary maintenance, int healthCovered,
			InvestigationHistory.Summary investigations) {
	}

	record DemoUser(String username, String displayName, String role, String vendorCode, String precinctCode) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("admin", "系統管理員（示範）", "ADMIN", null, null),
			new DemoUser("dispatcher", "維修調度員（示範）", "DISPATCHER", null, null),
			new DemoUser("vendor", "港都保全科技 維修技師（示範）", "VENDOR_TECHNICIAN", "V-KANGDU", null),
			new DemoUser("squad", "三民第一分局維修小組（示範）", "SQUAD_MEMBER", null, "SANMIN1"),
			new DemoUser("procurement", "採購承辦人（示範）", "PROCUREMENT", null, null),
			new DemoUser(InvestigationHistory.INVESTIGATOR, "三民第一分局偵查隊員（示範）", "INVESTIGATOR", null,
					InvestigationHistory.INVESTIGATOR_PRECINCT),
			new DemoUser("viewer", "檢視者（示範）", "VIEWER", null, null));

	private final DataSource dataSource;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final PasswordEncoder passwordEncoder;
	private final Boundaries boundaries;
	private final AreaAssignment areaAssignment;
	private final BudgetSplits budgetSplits;
	private final Clock clock;
	private final DailySums dailySums;

	DemoDataLoader(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			PasswordEncoder passwordEncoder, Boundaries boundaries, AreaAssignment areaAssignment,
			BudgetSplits budgetSplits, Clock clock, DailySums dailySums) {
		this.clock = clock;
		this.dailySums = dailySums;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.passwordEncoder = passwordEncoder;
		this.boundaries = boundaries;
		this.areaAssignment = areaAssignment;
		this.budgetSplits = budgetSplits;
	}

	/** Loads everything with {@code cameras} cameras, unless the database has cameras already (then: empty). */
	Optional<Result> loadIfNoCameras(int cameras, long seed, String demoPassword) {
		return loadIfNoCameras(cameras, seed, demoPassword, Integer.MAX_VALUE);
	}

	/**
	 * The same; from {@code bulkFrom} cameras on, the camera table's secondary indexes and foreign keys are
	 * dropped during the load and restored once at the end (PostgreSQL's own advice for populating a
	 * database), in the same transaction, so a failure leaves them as they were.
	 */
	Optional<Result> loadIfNoCameras(int cameras, long seed, String demoPassword, int bulkFrom) {
		FleetGenerator.Plan.of(cameras); // refuse a bad size before touching anything
		if (demoPassword == null || demoPassword.isBlank()) {
			throw new IllegalArgumentException("watchkeeper.demo.password must not be empty");
		}
		return Optional.ofNullable(transaction.execute(status -> {
			try {
				return load(cameras, seed, demoPassword, bulkFrom);
			}
			catch (SQLException e) {
				throw new IllegalStateException("Loading the demo data failed: " + e.getMessage(), e);
			}
		}));
	}

	private Result load(int cameraCount, long seed, String demoPassword, int bulkFrom) throws SQLException {
		long start = System.nanoTime();
		boundaries.loadBundledIfEmpty();
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, DEMO_LOCK);
		if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM camera)", Boolean.class))) {
			log.info("Demo data not loaded: the database has cameras already");
			return null;
		}
		log.info("Generating the demo data set: {} cameras, seed {}", cameraCount, seed);
		Map<String, Long> precincts = ids("SELECT code, id FROM precinct");
		Map<String, Long> districts = ids("SELECT code, id FROM district");
		KaohsiungAreas areas = KaohsiungAreas.fromClasspath();
		FleetGenerator generator = new FleetGenerator(areas, seed, cameraCount);

		Map<String, Long> vendors = insertVendors();
		Map<String, Long> funding = insertFunding();
		Map<String, Long> projects = insertProjects(vendors, funding, precincts);
		Map<String, Long> contractByPrecinct = insertContracts(vendors, precincts);
		// Contracts of the following years, up to the year of the clock, so that routing today finds one.
		Instant now = clock.instant();
		int currentYear = LocalDate.ofInstant(now, MaintenanceHistory.ZONE).getYear();
		for (int year = CONTRACT_START.getYear() + 1; year <= currentYear; year++) {
			insertContracts(vendors, precincts, year);
		}
		Map<String, Long> squads = insertSquads();

		Connection connection = DataSourceUtils.getConnection(dataSource);
		// Into empty tables, building the secondary indexes once afterwards beats updating them row by row.
		boolean bulk = cameraCount >= bulkFrom;
		List<String> droppedIndexes = bulk ? dropSecondaryIndexes("camera", "site") : List.of();
		List<String> droppedForeignKeys = bulk ? dropForeignKeys("camera") : List.of();
		long sitesStart = System.nanoTime();
		List<FleetGenerator.Site> sites = generator.sites();
		jdbc.execute("LOCK TABLE site IN EXCLUSIVE MODE");
		long siteBase = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM site", Long.class);
		try (CopyWriter copy = new CopyWriter(connection, "COPY site (id, code, address, location) FROM STDIN")) {
			for (FleetGenerator.Site site : sites) {
				copy.add(siteBase + site.number()).add(site.code()).add(site.address()).point(site.lon(), site.lat()).endRow();
			}
			copy.finish();
		}
		jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('site', 'id'), ?)::text", String.class,
				siteBase + sites.size());
		Duration sitesTook = Duration.ofNanos(System.nanoTime() - sitesStart);
		long stationsStart = System.nanoTime();
		DemoStations demoStations = new DemoStations(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc));
		int stationsCreated = demoStations.create(areas, precincts);
		long stationsCreatedAt = System.nanoTime();
		Map<Integer, Long> stationOfSite = demoStations.ofSites(sites, siteBase, precincts);
		log.info("Demo police stations: {} created in {} ms, {} sites given theirs in {} ms", stationsCreated,
				(stationsCreatedAt - stationsStart) / 1_000_000, stationOfSite.size(), (System.nanoTime() - stationsCreatedAt) / 1_000_000);

		long camerasStart = System.nanoTime();
		FleetGenerator.Totals totals;
		try (CopyWriter copy = new CopyWriter(connection, """
				COPY camera (asset_tag, site_id, site_index, location, address, precinct_id, district_id, heading_deg,
				             fov_deg, range_m, install_date, service_life_years, warranty_end, lpr, make, model, status,
				             funding_source_id, project_id, contract_id, supplier_vendor_id, decommissioned_on,
				             decommission_reason, decommission_kind, serial_number, notes, station_id) FROM STDIN""")) {
			Map<String, Long> districtByName = new HashMap<>();
			totals = generator.cameras(sites, c -> {
				Long districtId = districtByName.computeIfAbsent(c.district(), name -> districts.get(areas.districtCode(name)));
				copy.add(c.assetTag()).add(siteBase + c.siteNumber()).add(c.siteIndex());
				if (c.placed()) {
					copy.point(c.lon(), c.lat());
				}
				else {
					copy.add(null); // address only: listed among the unplaced cameras, precinct and district as named
				}
				copy.add(c.address()).add(precincts.get(c.precinct())).add(districtId).add(c.heading()).add(c.fov())
					.add(c.range()).add(c.installDate()).add(8).add(c.warrantyEnd()).add(c.lpr()).add(c.make())
					.add(c.model()).add(c.status()).add(funding.get(c.funding())).add(projects.get(c.project()))
					.add(c.maintained() ? contractByPrecinct.get(c.precinct()) : null).add(vendors.get(c.supplier()))
					.add(c.decommissionedOn()).add(c.decommissionReason()).add(c.decommissionKind()).add(c.serialNumber())
					.add(c.notes()).add(stationOfSite.get(c.siteNumber()));
				copy.endRow();
			});
			copy.finish();
		}
		Duration camerasTook = Duration.ofNanos(System.nanoTime() - camerasStart);
		long indexesStart = System.nanoTime();
		if (!droppedIndexes.isEmpty()) {
			jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
			droppedIndexes.forEach(jdbc::execute);
		}
		droppedForeignKeys.forEach(jdbc::execute); // re-adding checks every row in one join
		Duration indexesTook = Duration.ofNanos(System.nanoTime() - indexesStart);

		// Cameras whose village names an area the database lacks (an admin replaced the boundaries with other
		// codes) get theirs by point in polygon; with the bundled boundaries there are none.
		long[] unassigned = jdbc.queryForList("""
				SELECT id FROM camera WHERE location IS NOT NULL AND (precinct_id IS NULL OR district_id IS NULL)""", Long.class)
			.stream().mapToLong(Long::longValue).toArray();
		areaAssignment.assignCameras(unassigned);
		updateAmounts(totals);
		updateContractBudgets();
		List<String> users = insertUsers(demoPassword, vendors, precincts, squads);
		// The report's decommissions and the replacement project's deliveries, each with its closed work order.
		long decommissionsStart = System.nanoTime();
		DecommissionHistory.Summary decommissions = new DecommissionHistory(jdbc, seed).write(generator.plan());
		log.info("Demo decommissions: {} in {} ms", decommissions, (System.nanoTime() - decommissionsStart) / 1_000_000);
		// The history tables are empty here (the demo loads only into a database without cameras); for a large fleet
		// their indexes and foreign keys are built once afterwards, as for the cameras.
		List<String> historyIndexes = bulk ? dropSecondaryIndexes("outage", "work_order", "work_order_event") : List.of();
		List<String> historyKeys = new java.util.ArrayList<>();
		if (bulk) {
			for (String table : List.of("work_order_event", "work_order", "outage")) {
				historyKeys.addAll(dropForeignKeys(table));
			}
		}
		// A camera's status follows its outages and repair orders (V120); the history is written in a few large
		// statements, so the status is derived once when it is complete, not per statement without indexes.
		cameraStatusTriggers("DISABLE");
		MaintenanceHistory.Summary maintenance;
		try {
			maintenance = new MaintenanceHistory(jdbc, seed, now).generate(totals.cameras);
		}
		finally {
			cameraStatusTriggers("ENABLE");
		}
		long historyIndexesStart = System.nanoTime();
		historyIndexes.forEach(jdbc::execute);
		historyKeys.forEach(jdbc::execute);
		Integer derived = jdbc.queryForObject("SELECT camera_derive_status(NULL)", Integer.class);
		log.info("Demo cameras: {} statuses follow their outages and repair orders", derived);
		if (bulk) {
			log.info("Demo maintenance history: indexes and keys rebuilt in {} ms", (System.nanoTime() - historyIndexesStart) / 1_000_000);
		}
		log.info("Demo maintenance history: {}", maintenance);
		// The outage history answers for the half year and the last months only where health data covers it.
		int healthCovered = HealthCoverage.write(jdbc, now);
		InvestigationHistory.Summary investigations = new InvestigationHistory(jdbc, seed, now,
				InvestigationHistory.INVESTIGATOR_PRECINCT).generate(totals.cameras);
		log.info("Demo health coverage: {} cameras since {}; investigations: {}", healthCovered, HealthCoverage.FIRST_SEEN,
				investigations);
		// The bulk statements above queued "rebuild" markers for the kept per-day sums (V140): sum once, here.
		long sumsStart = System.nanoTime();
		long sumRows = dailySums.rebuildHere();
		log.info("Demo daily sums: {} rows in {} ms", sumRows, (System.nanoTime() - sumsStart) / 1_000_000);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		jdbc.update("INSERT INTO demo_dataset (seed, cameras, sites, generator, duration_ms) VALUES (?, ?, ?, ?, ?)",
				seed, totals.cameras, sites.size(), GENERATOR, took.toMillis());
		jdbc.execute("ANALYZE site");
		jdbc.execute("ANALYZE camera");
		return new Result(totals.cameras, sites.size(), seed, Duration.ofNanos(System.nanoTime() - start), sitesTook,
				camerasTook, indexesTook, users, maintenance, healthCovered, investigations);
	}

	private void cameraStatusTriggers(String enableOrDisable) {
		for (String table : List.of("outage", "work_order")) {
			for (String event : List.of("insert", "update", "delete")) {
				jdbc.execute("ALTER TABLE " + table + " " + enableOrDisable + " TRIGGER " + table + "_camera_status_" + event);
			}
		}
	}

	/**
	 * Drops the indexes of the tables that no constraint needs (the primary keys and unique asset tags and
	 * site codes stay, so duplicates are still refused) and returns the statements that re-create them,
	 * whoever's migration defined them.
	 */
	private List<String> dropSecondaryIndexes(String... tables) {
		List<String> recreate = new java.util.ArrayList<>();
		for (String table : tables) {
			List<String[]> indexes = jdbc.query("""
					SELECT format('%I.%I', n.nspname, i.relname), pg_get_indexdef(i.oid)
					  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
					 WHERE x.indrelid = ?::regclass
					   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)""",
					(rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, table);
			for (String[] index : indexes) {
				jdbc.execute("DROP INDEX " + index[0]);
				recreate.add(index[1]);
			}
		}
		return recreate;
	}

	/**
	 * Drops the table's foreign keys and returns the statements that add them back: checking seven references
	 * per row costs more than the row itself, checking them all at once afterwards costs a join.
	 */
	private List<String> dropForeignKeys(String table) {
		List<String[]> keys = jdbc.query("""
				SELECT format('%I', conname), pg_get_constraintdef(oid) FROM pg_constraint
				 WHERE conrelid = ?::regclass AND contype = 'f' ORDER BY conname""",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, table);
		List<String> recreate = new java.util.ArrayList<>();
		for (String[] key : keys) {
			jdbc.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + key[0]);
			recreate.add("ALTER TABLE " + table + " ADD CONSTRAINT " + key[0] + " " + key[1]);
		}
		return recreate;
	}

	private Map<String, Long> insertVendors() {
		Map<String, Long> ids = new HashMap<>();
		for (Vendor v : VENDORS) {
			ids.put(v.code(), jdbc.queryForObject("""
					INSERT INTO vendor (code, name_zh, name_en, phone, email) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh RETURNING id""", Long.class,
					v.code(), v.nameZh(), v.nameEn(), v.phone(), v.email()));
		}
		return ids;
	}

	private Map<String, Long> insertFunding() {
		Map<String, Long> ids = new HashMap<>();
		for (List<Funding> list : List.of(fixedFunding(), yearlyFunding())) {
			for (Funding f : list) {
				ids.put(f.code(), jdbc.queryForObject("""
						INSERT INTO funding_source (code, kind, name_zh, name_en, sponsor, fiscal_year, amount_ntd)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (code) DO UPDATE SET amount_ntd = EXCLUDED.amount_ntd RETURNING id""", Long.class,
						f.code(), f.kind(), f.nameZh(), f.nameEn(), f.sponsor(), f.fiscalYear(),
						f.amount() == null ? 0L : f.amount()));
			}
		}
		return ids;
	}

	private Map<String, Long> insertProjects(Map<String, Long> vendors, Map<String, Long> funding,
			Map<String, Long> precincts) {
		Map<String, Long> ids = new HashMap<>();
		for (List<Project> list : List.of(fixedProjects(), yearlyProjects())) {
			for (Project p : list) {
				long id = jdbc.queryForObject("""
						INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd,
						       planned_camera_count, vendor_id, precinct_id, budgeted_on, tendering_on, awarded_on, started_on,
						       completion_due_on, completed_on, accepted_on, notes)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (code) DO UPDATE SET budget_ntd = EXCLUDED.budget_ntd RETURNING id""", Long.class,
						p.code(), p.nameZh(), p.nameEn(), p.purpose(), p.fiscalYear(), p.budget() == null ? 0L : p.budget(),
						p.plannedCameras(), vendors.get(p.vendorCode()), precincts.get(p.precinctCode()),
						date(p.budgetedOn()), date(p.tenderingOn()), date(p.awardedOn()), date(p.startedOn()),
						date(p.completionDueOn()), date(p.completedOn()), date(p.acceptedOn()), p.notes());
				ids.put(p.code(), id);
				p.funding().forEach((fundingCode, amount) -> jdbc.update("""
						INSERT INTO project_funding (project_id, funding_source_id, amount_ntd) VALUES (?, ?, ?)
						ON CONFLICT DO NOTHING""", id, funding.get(fundingCode), amount));
			}
		}
		return ids;
	}

	private Map<String, Long> insertContracts(Map<String, Long> vendors, Map<String, Long> precincts) {
		return insertContracts(vendors, precincts, CONTRACT_START.getYear());
	}

	/** The calendar year's contract of each precinct, with the company that won it in 2023. */
	private Map<String, Long> insertContracts(Map<String, Long> vendors, Map<String, Long> precincts, int year) {
		Map<String, Long> byPrecinct = new HashMap<>();
		Map<String, String[]> names = new HashMap<>();
		jdbc.query("SELECT code, name_zh, name_en FROM precinct",
				rs -> { names.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) }); });
		for (Contract c : CONTRACTS) {
			Long precinctId = precincts.get(c.precinctCode());
			if (precinctId == null) {
				continue; // boundaries replaced by an admin without this precinct: its cameras go unmaintained in the demo
			}
			String[] name = names.get(c.precinctCode());
			long id = jdbc.queryForObject("""
					INSERT INTO maintenance_contract (code, vendor_id, name_zh, name_en, starts_on, ends_on, budget_ntd,
					       response_hours, restore_hours)
					VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
					ON CONFLICT (code) DO UPDATE SET vendor_id = EXCLUDED.vendor_id RETURNING id""", Long.class,
					c.code(year), vendors.get(c.vendorCode()), c.nameZh(year, name[0]), c.nameEn(year, name[1]),
					date(CONTRACT_START.withYear(year)), date(CONTRACT_END.withYear(year)), c.responseHours(), c.restoreHours());
			jdbc.update("INSERT INTO maintenance_contract_precinct (contract_id, precinct_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
					id, precinctId);
			byPrecinct.put(c.precinctCode(), id);
		}
		return byPrecinct;
	}

	/** Yearly city and donation money, and the yearly projects, are what their cameras cost. */
	private void updateAmounts(FleetGenerator.Totals totals) {
		for (int year = FIRST_INSTALL_YEAR; year <= LAST_INSTALL_YEAR; year++) {
			for (String code : List.of(cityFunding(year), donationFunding(year))) {
				jdbc.update("UPDATE funding_source SET amount_ntd = ? WHERE code = ?",
						totals.costByFunding.getOrDefault(code, 0L), code);
			}
			long cost = totals.costByFunding.getOrDefault(cityFunding(year), 0L);
			jdbc.update("UPDATE procurement_project SET budget_ntd = ?, planned_camera_count = ? WHERE code = ?", cost,
					totals.camerasByProject.getOrDefault(cityProject(year), 0), cityProject(year));
			jdbc.update("""
					UPDATE project_funding SET amount_ntd = ?
					 WHERE project_id = (SELECT id FROM procurement_project WHERE code = ?)
					   AND funding_source_id = (SELECT id FROM funding_source WHERE code = ?)""", cost, cityProject(year),
					cityFunding(year));
		}
	}

	/**
	 * NT$69,769,000 shared by each precinct's out-of-warranty cameras on 2023-01-01 (seed report 八.8): the product's
	 * own budget split, applied as a user applies it (recorded with its parts, the 2023 contracts' budgets set,
	 * audited), by "demo", so the half-year report can say the budget was split by out-of-warranty cameras.
	 */
	private void updateContractBudgets() {
		budgetSplits.apply(CONTRACT_START.getYear(), MAINTENANCE_BUDGET_2023, CONTRACT_START, "demo");
		// The following years' contracts (demo assumption): the same amount as the precinct's 2023 share.
		jdbc.update("""
				UPDATE maintenance_contract later SET budget_ntd = first.budget_ntd
				  FROM maintenance_contract first
				 WHERE first.starts_on = ? AND later.starts_on > first.starts_on
				   AND substr(later.code, 7) = substr(first.code, 7) AND later.code LIKE 'MC____-%'""", date(CONTRACT_START));
	}

	/** The in-house repair squads: HQ's and one per precinct. */
	private Map<String, Long> insertSquads() {
		jdbc.update("""
				INSERT INTO repair_squad (code, name_zh, name_en, precinct_id)
				VALUES (?, '總局維修小組', 'HQ repair squad', NULL) ON CONFLICT (code) DO NOTHING""", MaintenanceHistory.HQ_SQUAD);
		jdbc.update("""
				INSERT INTO repair_squad (code, name_zh, name_en, precinct_id)
				SELECT 'SQ-' || p.code, p.name_zh || '維修小組', p.name_en || ' repair squad', p.id FROM precinct p
				ON CONFLICT (code) DO NOTHING""");
		return ids("SELECT code, id FROM repair_squad");
	}

	private List<String> insertUsers(String password, Map<String, Long> vendors, Map<String, Long> precincts,
			Map<String, Long> squads) {
		for (DemoUser u : USERS) {
			Long squad = "SQUAD_MEMBER".equals(u.role()) ? squads.get("SQ-" + u.precinctCode()) : null;
			jdbc.update("""
					INSERT INTO app_user (username, display_name, password_hash, vendor_id, precinct_id, squad_id, demo)
					VALUES (?, ?, ?, ?, ?, ?, true) ON CONFLICT (username) DO NOTHING""", u.username(), u.displayName(),
					passwordEncoder.encode(password), vendors.get(u.vendorCode()), precincts.get(u.precinctCode()), squad);
			jdbc.update("""
					INSERT INTO app_user_role (user_id, role) SELECT id, ? FROM app_user WHERE username = ? AND demo
					ON CONFLICT DO NOTHING""", u.role(), u.username());
		}
		return USERS.stream().map(DemoUser::username).toList();
	}

	private Map<String, Long> ids(String sql) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.query(sql, rs -> { ids.put(rs.getString(1), rs.getLong(2)); });
		return ids;
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}
}
