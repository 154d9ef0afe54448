package io.watchkeeper.procurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.procurement.ProcurementInputRefused.Violation;
import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;

/**
 * Adds procurement projects (the camera import names them by code): a code taken once whatever its case, and
 * when a funding source is named, the whole budget drawn from it. Audited.
 */
@Service
class Projects {

	private final JdbcTemplate jdbc;
	private final AuditLog audit;

	Projects(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	long create(ProjectDraft project) {
		Long source = null;
		if (project.fundingSourceCode() != null) {
			source = jdbc.query("SELECT id FROM funding_source WHERE upper(code) = ?", (rs, n) -> rs.getLong(1),
					project.fundingSourceCode()).stream().findFirst()
				.orElseThrow(() -> new ProcurementInputRefused(List.of(new Violation("fundingSourceCode",
						"procurement.form.error.unknownSource", new Object[0],
						"no funding source has the code " + project.fundingSourceCode())), false));
		}
		Integer taken = jdbc.queryForObject("SELECT count(*) FROM procurement_project WHERE upper(code) = ?",
				Integer.class, project.code());
		if (taken != null && taken > 0) {
			throw duplicate(project.code());
		}
		long id;
		try {
			id = jdbc.queryForObject("""
					INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd,
					    planned_camera_count) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, project.code(),
					project.nameZh(), project.nameEn(), project.purpose(), project.fiscalYear(),
					project.budget().amount(), project.plannedCameraCount());
		}
		catch (DuplicateKeyException e) {
			throw duplicate(project.code());
		}
		if (source != null) {
			jdbc.update("INSERT INTO project_funding (project_id, funding_source_id, amount_ntd) VALUES (?, ?, ?)", id,
					source, project.budget().amount());
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("code", project.code());
		details.put("purpose", project.purpose());
		details.put("nameZh", project.nameZh());
		details.put("fiscalYear", project.fiscalYear());
		details.put("budgetNtd", project.budget().amount());
		details.put("plannedCameraCount", project.plannedCameraCount());
		details.put("fundingSource", project.fundingSourceCode());
		audit.record(AuditAction.PROJECT_CREATED, "procurement_project", id, details);
		return id;
	}

	private static ProcurementInputRefused duplicate(String code) {
		return new ProcurementInputRefused(List.of(new Violation("code", "procurement.form.error.duplicateProjectCode",
				new Object[] { code }, "another procurement project has the code " + code)), true);
	}
}
