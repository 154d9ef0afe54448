package io.watchkeeper.camera.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.NotFoundException;

/** Saves, changes and deletes import profiles, audited; and finds the one an upload names. */
@Service
class ImportProfileService {

	private final ImportProfiles profiles;

	private final AuditLog audit;

	ImportProfileService(ImportProfiles profiles, AuditLog audit) {
		this.profiles = profiles;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<ImportProfile> all() {
		return profiles.all();
	}

	@Transactional(readOnly = true)
	ImportProfile get(long id) {
		return profiles.find(id).orElseThrow(() -> new NotFoundException("Import profile", id));
	}

	/**
	 * The profile an upload names, by id (digits) or by name; null for none.
	 *
	 * @throws ImportFileException (400) when no profile is called that
	 */
	@Transactional(readOnly = true)
	ImportProfile named(String reference) {
		if (reference == null || reference.isBlank()) {
			return null;
		}
		String r = reference.strip();
		java.util.Optional<ImportProfile> found = r.chars().allMatch(Character::isDigit) && r.length() < 18
				? profiles.find(Long.parseLong(r)) : profiles.findByName(r);
		return found.orElseThrow(() -> new ImportFileException("import.profile.unknown", Values.forReport(r),
				profiles.all().stream().map(ImportProfile::name).toList()));
	}

	@Transactional
	ImportProfile create(ImportProfileDraft draft) {
		long id = profiles.create(draft, AuditLog.currentActor());
		audit.record("import_profile.saved", "import_profile", id, details(draft, true));
		return get(id);
	}

	@Transactional
	ImportProfile update(long id, long version, ImportProfileDraft draft) {
		get(id);
		if (!profiles.update(id, version, draft, AuditLog.currentActor())) {
			throw new OptimisticLockingFailureException("import profile " + id + " version " + version);
		}
		audit.record("import_profile.saved", "import_profile", id, details(draft, false));
		return get(id);
	}

	@Transactional
	void delete(long id) {
		ImportProfile p = get(id);
		profiles.delete(id);
		audit.record("import_profile.deleted", "import_profile", id, Map.of("name", p.name()));
	}

	private static Map<String, Object> details(ImportProfileDraft d, boolean created) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", d.name());
		details.put("created", created);
		details.put("columns", d.mapping().size());
		details.put("patterns", d.derivations().stream().map(Derivations.Derivation::pattern).toList());
		return details;
	}
}
