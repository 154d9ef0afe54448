package io.watchkeeper.planning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.maintenance.ProjectOrders;
import io.watchkeeper.procurement.ProcurementProjects;
import io.watchkeeper.procurement.ProjectMilestones;
import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * A plan year made into a procurement project: the cameras the plan put in that year (all, or those of a precinct,
 * or those named) become a REPLACEMENT project of that fiscal year, and each gets its replacement order linked to the
 * project in the same transaction: the orders the lifecycle job raised are adopted, the others opened, never two
 * (see {@link ProjectOrders#link}). Cameras already in another project (a non-cancelled replacement order with a
 * project) and cameras decommissioned since the plan are left out and counted; when none remains it is refused.
 * The budget defaults to the sum of the cameras' unit prices in the plan. Audited PLAN_PROJECT_CREATED with the
 * counts.
 */
@Service
class PlanProjects {

	/** Makers of projects from plans take turns, so two projects never take the same camera (arbitrary key). */
	private static final long LOCK = 0x57_4B_50_4C_50_4AL;

	/** At most this many cameras may be named in one request (a plan year holds fewer in practice). */
	static final int MAX_CAMERA_IDS = 100_000;

	private final NamedParameterJdbcTemplate jdbc;
	private final ProcurementProjects projects;
	private final ProjectOrders orders;
	private final AuditLog audit;
	private final Clock clock;

	PlanProjects(NamedParameterJdbcTemplate jdbc, ProcurementProjects projects, ProjectOrders orders, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.orders = orders;
		this.audit = audit;
		this.clock = clock;
	}

	/** The request of POST /api/planning/plans/{id}/years/{fy}/project (and the page's form). */
	record ProjectRequest(String code, String nameZh, String nameEn, Long budgetNtd,
			List<ProcurementProjects.Share> fundingSources, Long precinctId, List<Long> cameraIds, Integer warrantyYears,
			ProjectMilestones milestones, String vendorCode) {
	}

	/** What was made: the project, its cameras, the orders adopted and opened, and the cameras left out. */
	record MadeProject(long projectId, String code, int cameras, int adoptedOrders, int createdOrders,
			int leftOutInProject, int leftOutDecommissioned, long budgetNtd) {
	}

	private record PlannedCamera(long cameraId, long unitPrice, boolean decommissioned, boolean inProject) {
	}

	@Transactional
	MadeProject make(long planId, int fiscalYear, ProjectRequest r) {
		Integer firstYear = jdbc.query("SELECT first_year FROM replacement_plan WHERE id = :id", Map.of("id", planId),
				rs -> rs.next() ? rs.getInt(1) : null);
		if (firstYear == null) {
			throw new NotFoundException("Replacement plan", planId);
		}
		if (r.cameraIds() != null && r.cameraIds().size() > MAX_CAMERA_IDS) {
			throw new InvalidInputException("cameraIds", "at most " + MAX_CAMERA_IDS + " cameras in one project");
		}
		jdbc.getJdbcTemplate().execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
		long[] named = r.cameraIds() == null ? null : r.cameraIds().stream().mapToLong(Long::longValue).toArray();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("plan", planId)
			.addValue("year", fiscalYear)
			.addValue("precinct", r.precinctId())
			.addValue("named", named);
		List<PlannedCamera> planned = jdbc.query("""
				SELECT pc.camera_id, pc.unit_price_ntd, c.status = 'DECOMMISSIONED' AS decommissioned,
				       EXISTS (SELECT 1 FROM work_order w
				                WHERE w.camera_id = pc.camera_id AND w.kind = 'REPLACEMENT' AND w.state <> 'CANCELLED'
				                  AND w.project_id IS NOT NULL) AS in_project
				  FROM replacement_plan_camera pc JOIN camera c ON c.id = pc.camera_id
				 WHERE pc.plan_id = :plan AND pc.fiscal_year = :year
				   AND (CAST(:precinct AS bigint) IS NULL OR c.precinct_id = :precinct)
				   AND (CAST(:named AS bigint[]) IS NULL OR pc.camera_id = ANY (CAST(:named AS bigint[])))
				 ORDER BY pc.rank""", params,
				(rs, n) -> new PlannedCamera(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4)));
		if (planned.isEmpty()) {
			String field = r.cameraIds() != null ? "cameraIds" : r.precinctId() != null ? "precinctId" : "fiscalYear";
			throw new InvalidInputException(field, "The plan puts no camera" + (field.equals("fiscalYear") ? "" : " of this selection")
					+ " in " + fiscalYear + ": there is nothing to make a project of");
		}
		if (named != null) {
			Set<Long> found = new HashSet<>(planned.stream().map(PlannedCamera::cameraId).toList());
			List<Long> strangers = r.cameraIds().stream().filter(id -> !found.contains(id)).distinct().limit(10).toList();
			if (!strangers.isEmpty()) {
				throw new InvalidInputException("cameraIds", "The plan does not put these cameras in " + fiscalYear + ": "
						+ strangers);
			}
		}
		List<PlannedCamera> taken = new ArrayList<>();
		int inProject = 0;
		int decommissioned = 0;
		for (PlannedCamera c : planned) {
			if (c.decommissioned()) {
				decommissioned++;
			}
			else if (c.inProject()) {
				inProject++;
			}
			else {
				taken.add(c);
			}
		}
		if (taken.isEmpty()) {
			throw new ConflictException("Every camera of this selection is already in a project (" + inProject
					+ ") or decommissioned (" + decommissioned + "); nothing is left for a new project");
		}
		long budget = r.budgetNtd() != null ? r.budgetNtd() : taken.stream().mapToLong(PlannedCamera::unitPrice).sum();
		ProcurementProjects.Created project = projects.create(new ProcurementProjects.NewProject(r.code(), r.nameZh(),
				r.nameEn(), fiscalYear, budget, taken.size(), r.warrantyYears(), r.fundingSources(), r.milestones(),
				r.vendorCode(), planId, fiscalYear));
		String actor = AuditLog.currentActor();
		ProjectOrders.Linked linked = orders.link(project.id(),
				taken.stream().mapToLong(PlannedCamera::cameraId).toArray(), actor, clock.instant());
		int handed = project.vendorId() == null ? 0 : orders.handToVendor(project.id(), project.vendorId(), actor,
				clock.instant());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("planId", planId);
		details.put("fiscalYear", fiscalYear);
		details.put("code", project.code());
		details.put("budgetNtd", budget);
		details.put("cameras", taken.size());
		details.put("adoptedOrders", linked.adopted());
		details.put("createdOrders", linked.created());
		details.put("leftOutInProject", inProject);
		details.put("leftOutDecommissioned", decommissioned);
		if (r.precinctId() != null) {
			details.put("precinctId", r.precinctId());
		}
		if (named != null) {
			details.put("cameraIdsGiven", named.length);
		}
		if (project.vendorId() != null) {
			details.put("vendorId", project.vendorId());
			details.put("ordersHandedToVendor", handed);
		}
		audit.record(AuditAction.PLAN_PROJECT_CREATED, "procurement_project", project.id(), details);
		return new MadeProject(project.id(), project.code(), taken.size(), linked.adopted(), linked.created(), inProject,
				decommissioned, budget);
	}
}
