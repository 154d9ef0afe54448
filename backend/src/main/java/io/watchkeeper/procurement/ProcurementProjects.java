package io.watchkeeper.procurement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.maintenance.ProjectOrders;
import io.watchkeeper.procurement.ProcurementInputRefused.Violation;
import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;
import io.watchkeeper.shared.NotFoundException;

/**
 * Procurement projects other modules make (planning makes one of a plan year) and their upkeep: milestones, the
 * vendor once awarded, the warranty terms the delivered cameras get. The code, names, amounts and fiscal year follow
 * the same rules as a project added by hand ({@link ProcurementInput}, the code unique whatever its case). When a vendor
 * is set, the project's open replacement orders go to it ({@link ProjectOrders#handToVendor}).
 */
@Service
public class ProcurementProjects {

	/** A funding source's share of a project, by the source's code. */
	public record Share(String code, Long amountNtd) {
	}

	/** A replacement project made of a plan year. {@code budgetNtd} is required here (the caller defaults it). */
	public record NewProject(String code, String nameZh, String nameEn, Integer fiscalYear, Long budgetNtd,
			int plannedCameraCount, Integer warrantyYears, List<Share> fundingSources, ProjectMilestones milestones,
			String vendorCode, Long planId, Integer planYear) {
	}

	/** The project made: its id, code as stored, and vendor (null until awarded). */
	public record Created(long id, String code, Long vendorId) {
	}

	/** What the upkeep form and PUT /api/projects/{id} change. */
	public record Upkeep(ProjectMilestones milestones, String vendorCode, Integer warrantyYears) {
	}

	private final JdbcTemplate jdbc;
	private final ProjectOrders orders;
	private final AuditLog audit;
	private final Clock clock;

	ProcurementProjects(JdbcTemplate jdbc, ProjectOrders orders, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Adds a REPLACEMENT project with its funding shares, milestones, warranty terms and vendor. 400 naming each field
	 * at fault (an unknown funding source or vendor code, an amount below zero or above a trillion, dates out of
	 * order); a code already taken is refused naming {@code code}. Not audited here: the caller records what it made.
	 */
	@Transactional
	public Created create(NewProject p) {
		List<Violation> violations = new ArrayList<>();
		String code = ProcurementInput.code(p.code(), violations);
		String nameZh = ProcurementInput.text(p.nameZh(), "nameZh", true, violations);
		String nameEn = ProcurementInput.text(p.nameEn(), "nameEn", false, violations);
		Integer year = p.fiscalYear();
		if (year == null || year < ProcurementInput.FIRST_YEAR || year > ProcurementInput.LAST_YEAR) {
			violations.add(new Violation("fiscalYear", "procurement.form.error.year", new Object[0],
					"not a fiscal year between " + ProcurementInput.FIRST_YEAR + " and " + ProcurementInput.LAST_YEAR));
		}
		amount(p.budgetNtd(), "budgetNtd", true, violations);
		warranty(p.warrantyYears(), true, violations);
		List<long[]> shares = shares(p.fundingSources(), violations);
		Long vendor = vendor(p.vendorCode(), violations);
		ProjectMilestones milestones = p.milestones() == null ? ProjectMilestones.NONE : p.milestones();
		refuse(violations, milestones.problems("milestones."));
		if (code != null && Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM procurement_project WHERE upper(code) = ?)", Boolean.class, code))) {
			throw duplicate(code);
		}
		long id;
		try {
			id = jdbc.queryForObject("""
					INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd,
					    planned_camera_count, warranty_years, vendor_id, plan_id, plan_year, budgeted_on, tendering_on,
					    awarded_on, started_on, completion_due_on, completed_on, accepted_on)
					VALUES (?, ?, ?, 'REPLACEMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
					code, nameZh, nameEn, year, p.budgetNtd(), p.plannedCameraCount(), p.warrantyYears(), vendor,
					p.planId(), p.planYear(), milestones.budgetedOn(), milestones.tenderingOn(), milestones.awardedOn(),
					milestones.startedOn(), milestones.completionDueOn(), milestones.completedOn(), milestones.acceptedOn());
		}
		catch (DuplicateKeyException e) {
			throw duplicate(code);
		}
		jdbc.batchUpdate("INSERT INTO project_funding (project_id, funding_source_id, amount_ntd) VALUES (?, ?, ?)",
				shares.stream().map(s -> new Object[] { id, s[0], s[1] }).toList());
		return new Created(id, code, vendor);
	}

	/**
	 * Changes a project's milestones, vendor and warranty terms; audited PROJECT_UPDATED with what changed. A vendor
	 * newly set takes the project's open replacement orders.
	 */
	@Transactional
	public void update(long id, Upkeep u) {
		Map<String, Object> before = jdbc.query("""
				SELECT p.budgeted_on, p.tendering_on, p.awarded_on, p.started_on, p.completion_due_on, p.completed_on,
				       p.accepted_on, v.code AS vendor_code, p.vendor_id, p.warranty_years
				  FROM procurement_project p LEFT JOIN vendor v ON v.id = p.vendor_id WHERE p.id = ? FOR UPDATE OF p""",
				rs -> rs.next() ? row(rs) : null, id);
		if (before == null) {
			throw new NotFoundException("Procurement project", id);
		}
		List<Violation> violations = new ArrayList<>();
		warranty(u.warrantyYears(), false, violations);
		String vendorCode = ProcurementInput.clean(u.vendorCode());
		Long vendor = vendor(vendorCode, violations);
		ProjectMilestones m = u.milestones() == null ? ProjectMilestones.NONE : u.milestones();
		refuse(violations, m.problems("milestones."));
		jdbc.update("""
				UPDATE procurement_project SET budgeted_on = ?, tendering_on = ?, awarded_on = ?, started_on = ?,
				       completion_due_on = ?, completed_on = ?, accepted_on = ?, vendor_id = ?, warranty_years = ?
				 WHERE id = ?""", m.budgetedOn(), m.tenderingOn(), m.awardedOn(), m.startedOn(), m.completionDueOn(),
				m.completedOn(), m.acceptedOn(), vendor, u.warrantyYears(), id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("budgetedOn", m.budgetedOn());
		after.put("tenderingOn", m.tenderingOn());
		after.put("awardedOn", m.awardedOn());
		after.put("startedOn", m.startedOn());
		after.put("completionDueOn", m.completionDueOn());
		after.put("completedOn", m.completedOn());
		after.put("acceptedOn", m.acceptedOn());
		after.put("vendorCode", vendor == null ? null : vendorCode.toUpperCase(Locale.ROOT));
		after.put("warrantyYears", u.warrantyYears());
		Map<String, Object> changes = new LinkedHashMap<>();
		after.forEach((field, value) -> {
			Object old = before.get(field);
			String o = old == null ? null : old.toString();
			String n = value == null ? null : value.toString();
			if (!java.util.Objects.equals(o, n)) {
				changes.put(field, java.util.Arrays.asList(o, n));
			}
		});
		if (vendor != null) {
			int handed = orders.handToVendor(id, vendor, AuditLog.currentActor(), clock.instant());
			if (handed > 0) {
				changes.put("ordersHandedToVendor", handed);
			}
		}
		if (!changes.isEmpty()) {
			audit.record(AuditAction.PROJECT_UPDATED, "procurement_project", id, changes);
		}
	}

	/** The vendor with this code (any case), or null when none is given; a code no vendor has is refused. */
	public Long vendorId(String code) {
		List<Violation> violations = new ArrayList<>();
		Long id = vendor(ProcurementInput.clean(code), violations);
		refuse(violations, List.of());
		return id;
	}

	private static Map<String, Object> row(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, Object> m = new LinkedHashMap<>();
		for (String[] c : new String[][] { { "budgetedOn", "budgeted_on" }, { "tenderingOn", "tendering_on" },
				{ "awardedOn", "awarded_on" }, { "startedOn", "started_on" }, { "completionDueOn", "completion_due_on" },
				{ "completedOn", "completed_on" }, { "acceptedOn", "accepted_on" } }) {
			m.put(c[0], rs.getObject(c[1], java.time.LocalDate.class));
		}
		m.put("vendorCode", rs.getString("vendor_code"));
		m.put("warrantyYears", rs.getObject("warranty_years"));
		return m;
	}

	private Long vendor(String code, List<Violation> violations) {
		if (code == null || code.isBlank()) {
			return null;
		}
		List<Long> ids = jdbc.queryForList("SELECT id FROM vendor WHERE upper(code) = upper(?)", Long.class, code.strip());
		if (ids.isEmpty()) {
			violations.add(new Violation("vendorCode", "procurement.form.error.unknownVendor", new Object[] { code },
					"no vendor has the code " + code));
			return null;
		}
		return ids.get(0);
	}

	private static void warranty(Integer years, boolean required, List<Violation> violations) {
		if (years == null) {
			if (required) {
				violations.add(ProcurementInput.required("warrantyYears"));
			}
		}
		else if (years < 0 || years > 20) {
			violations.add(new Violation("warrantyYears", "procurement.form.error.warrantyYears", new Object[0],
					"warranty years run from 0 to 20"));
		}
	}

	private static void amount(Long amount, String field, boolean required, List<Violation> violations) {
		if (amount == null) {
			if (required) {
				violations.add(ProcurementInput.required(field));
			}
		}
		else if (amount < 0 || amount > ProcurementInput.MAX_AMOUNT) {
			violations.add(new Violation(field, "procurement.form.error.amount", new Object[] { amount },
					"not an amount in whole New Taiwan dollars (0 to 1,000,000,000,000): " + amount));
		}
	}

	/** [funding source id, amount] per share; unknown, repeated or unpriced sources are named by their index. */
	private List<long[]> shares(List<Share> given, List<Violation> violations) {
		List<long[]> shares = new ArrayList<>();
		if (given == null) {
			return shares;
		}
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			Share s = given.get(i);
			String field = "fundingSources[" + i + "]";
			if (s == null || s.code() == null || s.code().isBlank()) {
				violations.add(ProcurementInput.required(field + ".code"));
				continue;
			}
			amount(s.amountNtd(), field + ".amountNtd", true, violations);
			List<Long> ids = jdbc.queryForList("SELECT id FROM funding_source WHERE upper(code) = upper(?)", Long.class,
					s.code().strip());
			if (ids.isEmpty()) {
				violations.add(new Violation(field + ".code", "procurement.form.error.unknownSource", new Object[0],
						"no funding source has the code " + s.code()));
			}
			else if (!seen.add(ids.get(0))) {
				violations.add(new Violation(field + ".code", "procurement.form.error.repeatedSource", new Object[0],
						"funding source " + s.code() + " is named twice"));
			}
			else if (s.amountNtd() != null) {
				shares.add(new long[] { ids.get(0), s.amountNtd() });
			}
		}
		return shares;
	}

	private static void refuse(List<Violation> violations, List<FieldError> more) {
		if (violations.isEmpty() && more.isEmpty()) {
			return;
		}
		List<FieldError> errors = new ArrayList<>(violations.stream().map(v -> new FieldError(v.field(), v.english())).toList());
		errors.addAll(more);
		throw new InvalidInputException("Some fields are not valid", errors);
	}

	private static InvalidInputException duplicate(String code) {
		return new InvalidInputException("code", "another procurement project has the code " + code);
	}
}
