package io.watchkeeper.camera;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.watchkeeper.maintenance.DecommissionKind;
import io.watchkeeper.maintenance.ReplacementCameras;

/**
 * The registry's side of closing replacement and decommission orders ({@link ReplacementCameras}): the project's
 * terms read here (warranty years, its funding source with the largest share, its vendor), the cameras changed by
 * {@link CameraRegistry}.
 */
@Component
class RegistryReplacements implements ReplacementCameras {

	private final CameraRegistry registry;
	private final NamedParameterJdbcTemplate jdbc;

	RegistryReplacements(CameraRegistry registry, NamedParameterJdbcTemplate jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@Override
	public Delivered replace(long oldCameraId, Long projectId, NewCamera camera, Instant at) {
		CameraRegistry.ProjectTerms terms = projectId == null ? new CameraRegistry.ProjectTerms(null, null, null, null)
				: terms(projectId);
		Camera delivered = registry.replace(oldCameraId, new CameraRegistry.Replacement(camera.make(), camera.model(),
				camera.serialNumber(), camera.installDate(), LprCapability.valueOf(camera.lpr()), camera.heading(),
				camera.warrantyEnd()), terms);
		return new Delivered(delivered.id(), delivered.assetTag().value());
	}

	@Override
	public void decommission(long cameraId, DecommissionKind kind, String reason, LocalDate on) {
		registry.decommissionAs(cameraId, kind.name(), reason, on);
	}

	private CameraRegistry.ProjectTerms terms(long projectId) {
		List<CameraRegistry.ProjectTerms> rows = jdbc.query("""
				SELECT p.id, p.warranty_years, p.vendor_id,
				       (SELECT pf.funding_source_id FROM project_funding pf WHERE pf.project_id = p.id
				         ORDER BY pf.amount_ntd DESC, pf.funding_source_id LIMIT 1) AS funding_source_id
				  FROM procurement_project p WHERE p.id = :id""", Map.of("id", projectId),
				(rs, n) -> new CameraRegistry.ProjectTerms(rs.getLong("id"), (Integer) rs.getObject("warranty_years"),
						(Long) rs.getObject("funding_source_id"), (Long) rs.getObject("vendor_id")));
		return rows.isEmpty() ? new CameraRegistry.ProjectTerms(null, null, null, null) : rows.get(0);
	}
}
