package io.watchkeeper.camera.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.AreaAssignment;
import io.watchkeeper.security.AuditLog;

/**
 * Precinct and district boundaries: loaded from the bundled Kaohsiung files when the tables are empty, and
 * replaced by an administrator's upload of a file of the same shape. A replacement is validated completely
 * before anything is written, then applied in one transaction: areas are updated by code, new ones inserted,
 * missing ones removed (refused while anything but automatically placed cameras refers to them), and every
 * camera whose area was not set by hand is re-assigned by point in polygon.
 */
@Service
public class Boundaries {

	private static final Logger log = LoggerFactory.getLogger(Boundaries.class);

	/** What a replacement did, per area code. {@code camerasReassigned} counts cameras whose area changed. */
	public record Replacement(String kind, String fileName, int features, List<String> inserted, List<String> updated,
			List<String> removed, List<String> repaired, int camerasReassigned) {
	}

	/** One area as the admin page lists it. */
	public record AreaSummary(String code, String nameZh, String nameEn, long cameras, int parts, int vertices,
			double areaKm2, OffsetDateTime updatedAt) {
	}

	private final BoundaryRepository repository;
	private final AreaAssignment areaAssignment;
	private final AuditLog audit;

	Boundaries(BoundaryRepository repository, AreaAssignment areaAssignment, AuditLog audit) {
		this.repository = repository;
		this.areaAssignment = areaAssignment;
		this.audit = audit;
	}

	/** Loads the bundled Kaohsiung precincts and districts into whichever table is empty; true if anything was loaded. */
	@Transactional
	public boolean loadBundledIfEmpty() {
		repository.lockForWriting();
		boolean loaded = false;
		for (BoundaryKind kind : BoundaryKind.values()) {
			if (repository.count(kind) == 0) {
				List<BoundaryFile.Area> areas = BoundaryFile.validate(kind, bundled(kind));
				areas.forEach(area -> repository.upsert(kind, area));
				log.info("Loaded {} {} from {}", areas.size(), kind.plural(), kind.bundledFile());
				loaded = true;
			}
		}
		if (loaded && repository.anyCameraPlaced()) {
			areaAssignment.assignAll();
		}
		return loaded;
	}

	/**
	 * Replaces all boundaries of one kind with those in the file. Throws {@code BoundaryFileException} naming
	 * every bad feature and field, or (a conflict) every area to be removed that is still referred to;
	 * in both cases nothing is changed.
	 */
	@Transactional
	public Replacement replace(BoundaryKind kind, byte[] content, String fileName) {
		List<BoundaryFile.Area> areas = BoundaryFile.validate(kind, content);
		repository.lockForWriting();
		Map<String, Long> existing = repository.idsByCode(kind);
		Set<String> incoming = areas.stream().map(BoundaryFile.Area::code).collect(Collectors.toSet());
		Map<String, Long> missing = new LinkedHashMap<>(existing);
		missing.keySet().removeAll(incoming);
		List<GeoJsonPolygons.Problem> blocking = repository.referencesBlockingRemoval(kind, List.copyOf(missing.values()));
		if (!blocking.isEmpty()) {
			throw new BoundaryFileException(kind == BoundaryKind.PRECINCT ? "boundary.inUse.precinct" : "boundary.inUse.district", List.of(), blocking, true);
		}
		List<String> inserted = new ArrayList<>();
		List<String> updated = new ArrayList<>();
		List<String> repaired = new ArrayList<>();
		for (BoundaryFile.Area area : areas) {
			(repository.upsert(kind, area) ? inserted : updated).add(area.code());
			if (area.repair() != null) {
				repaired.add(area.code() + ": " + area.repair());
			}
		}
		try {
			repository.remove(kind, List.copyOf(missing.values()));
		}
		catch (DataIntegrityViolationException e) {
			// Something newer than this code refers to the area (e.g. a table added by another module).
			throw new BoundaryFileException(kind == BoundaryKind.PRECINCT ? "boundary.referenced.precinct" : "boundary.referenced.district", List.of(String.join(", ", missing.keySet())),
					List.of(), true);
		}
		int reassigned = areaAssignment.assignAll();
		Replacement result = new Replacement(kind.table(), fileName, areas.size(), inserted, updated,
				List.copyOf(missing.keySet()), repaired, reassigned);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("file", fileName);
		details.put("features", areas.size());
		details.put("inserted", inserted.size());
		details.put("updated", updated.size());
		details.put("removed", missing.size());
		details.put("repaired", repaired.size());
		details.put("camerasReassigned", reassigned);
		details.put("insertedCodes", inserted);
		details.put("removedCodes", List.copyOf(missing.keySet()));
		audit.record("boundaries.replaced", kind.table(), null, details);
		log.info("Replaced {} from {}: {}", kind.plural(), fileName, details);
		return result;
	}

	@Transactional(readOnly = true)
	public List<AreaSummary> list(BoundaryKind kind) {
		return repository.summaries(kind);
	}

	private static byte[] bundled(BoundaryKind kind) {
		try (InputStream in = Boundaries.class.getClassLoader().getResourceAsStream(kind.bundledFile())) {
			if (in == null) {
				throw new IllegalStateException("Missing " + kind.bundledFile() + " on the classpath (gis-data module)");
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
