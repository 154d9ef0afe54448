package io.watchkeeper.camera.boundary;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.AreaAssignment;
import io.watchkeeper.camera.boundary.GeoJsonPolygons.Problem;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.NotFoundException;

/**
 * Police stations (派出所): the units under a precinct. A station has a Chinese name unique within its precinct, an
 * optional English name, a code (generated as {@code <precinct code>-NN} when none is given) and an optional
 * boundary; cameras whose area was not set by hand follow the station boundaries by point in polygon
 * ({@link AreaAssignment}). A station is removed only while no camera or user refers to it. Every change is
 * audited ({@code station.created}, {@code station.updated}, {@code station.deleted}, {@code station.uploaded}).
 */
@Service
public class Stations {

	/** A station as lists and the API show it; {@code camerasByState} counts its cameras per {@code CameraState}. */
	public record Station(long id, String code, long precinctId, String precinctCode, String precinctNameZh,
			String precinctNameEn, String nameZh, String nameEn, boolean hasBoundary, long cameras,
			Map<String, Long> camerasByState, long users, OffsetDateTime updatedAt) {
	}

	/** What a person gives for a new station or a change: {@code code} may be blank (generated or kept). */
	public record StationInput(Long precinctId, String nameZh, String nameEn, String code) {
	}

	/** A station named within its precinct, as the import finds and creates them. */
	public record StationName(long precinctId, String nameZh) {

		public StationName {
			nameZh = name(nameZh);
		}
	}

	static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,32}");

	static final int MAX_NAME = 100;

	private static final java.time.ZoneId TAIWAN = java.time.ZoneId.of("Asia/Taipei");

	private final StationRepository repository;

	private final BoundaryRepository boundaries;

	private final AreaAssignment areaAssignment;

	private final AuditLog audit;

	private final Clock clock;

	Stations(StationRepository repository, BoundaryRepository boundaries, AreaAssignment areaAssignment, AuditLog audit,
			Clock clock) {
		this.repository = repository;
		this.boundaries = boundaries;
		this.areaAssignment = areaAssignment;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every station (or those of one precinct) in precinct code then name order, with camera counts by state. */
	@Transactional(readOnly = true)
	public List<Station> list(Long precinctId) {
		return repository.list(precinctId, today());
	}

	@Transactional(readOnly = true)
	public Optional<Station> find(long id) {
		return repository.find(id, today());
	}

	/** A precinct by its id or its code (case-insensitive). */
	@Transactional(readOnly = true)
	public Optional<Long> precinctId(String idOrCode) {
		String v = idOrCode == null ? "" : idOrCode.strip();
		if (v.matches("[0-9]{1,18}")) {
			long id = Long.parseLong(v);
			return repository.precinctCode(id).map(c -> id);
		}
		return repository.precinctIdByCode(v);
	}

	/** Every precinct's id by its code, for forms that choose one. */
	@Transactional(readOnly = true)
	public Map<String, Long> precinctIdsByCode() {
		return repository.precinctIdsByCode();
	}

	/** The station of that name in the precinct (the name compared after trimming and folding full-width forms). */
	@Transactional(readOnly = true)
	public Optional<Long> findId(long precinctId, String nameZh) {
		String name = name(nameZh);
		return name == null ? Optional.empty() : repository.idByName(precinctId, name);
	}

	/** Every station's id by precinct and Chinese name: for an import that resolves many rows at once. */
	@Transactional(readOnly = true)
	public Map<StationName, Long> ids() {
		return repository.idsByName();
	}

	/** The station of that name in the precinct, created (with a generated code, audited) when there is none. */
	@Transactional
	public long findOrCreate(long precinctId, String nameZh) {
		StationName wanted = new StationName(precinctId, nameZh);
		return createMissing(List.of(wanted), "import").get(wanted);
	}

	/**
	 * Creates, in one statement, every named station that does not exist yet (codes generated), and returns the ids
	 * of all the names asked for. Runs in the caller's transaction (e.g. the import's), so a failed import creates
	 * none. One audit event {@code station.created} lists what was created and {@code how}. Names must be valid
	 * (see {@link #problems(String, String)}); a precinct that does not exist is refused.
	 */
	@Transactional
	public Map<StationName, Long> createMissing(Collection<StationName> names, String how) {
		if (names.isEmpty()) {
			return Map.of();
		}
		for (StationName n : names) {
			String problem = problems(n.nameZh(), "nameZh").stream().findFirst().map(Problem::code).orElse(null);
			if (problem != null) {
				throw new IllegalArgumentException("Invalid station name '" + n.nameZh() + "': " + problem);
			}
		}
		boundaries.lockForWriting();
		List<StationName> created = repository.createMissing(List.copyOf(new LinkedHashSet<>(names)));
		Map<StationName, Long> all = repository.idsByName();
		Map<StationName, Long> ids = new LinkedHashMap<>();
		for (StationName n : names) {
			Long id = all.get(n);
			if (id == null) {
				throw new IllegalStateException("Station " + n + " could not be created (unknown precinct or code taken)");
			}
			ids.put(n, id);
		}
		if (!created.isEmpty()) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("how", how);
			details.put("count", created.size());
			details.put("stations", created.stream().map(n -> n.precinctId() + ":" + n.nameZh()).toList());
			audit.record("station.created", "station", created.size() == 1 ? ids.get(created.get(0)) : null, details);
		}
		return ids;
	}

	/** Creates a station; throws {@link BoundaryFileException} naming each bad field. */
	@Transactional
	public Station create(StationInput input) {
		boundaries.lockForWriting();
		Checked c = check(null, input);
		String code = c.code != null ? c.code : generatedCode(c.precinctId);
		long id = repository.insert(code, c.precinctId, c.nameZh, c.nameEn);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("code", code);
		details.put("precinctId", c.precinctId);
		details.put("nameZh", c.nameZh);
		details.put("nameEn", c.nameEn);
		audit.record("station.created", "station", id, details);
		return find(id).orElseThrow();
	}

	/**
	 * Renames a station (and changes its code or English name; a blank code keeps the current one). Moving it to
	 * another precinct is refused while cameras or users refer to it, since they belong to its precinct.
	 */
	@Transactional
	public Station update(long id, StationInput input) {
		boundaries.lockForWriting();
		Station before = require(id);
		Checked c = check(before, input);
		String code = c.code != null ? c.code : before.code();
		if (c.precinctId != before.precinctId()) {
			long[] refs = repository.references(id);
			if (refs[0] + refs[1] > 0) {
				throw new ConflictException("Station " + before.nameZh() + " cannot move to another precinct while " + refs[0]
						+ " cameras and " + refs[1] + " users belong to it");
			}
		}
		Map<String, Object> changed = new LinkedHashMap<>();
		diff(changed, "code", before.code(), code);
		diff(changed, "precinctId", before.precinctId(), c.precinctId);
		diff(changed, "nameZh", before.nameZh(), c.nameZh);
		diff(changed, "nameEn", before.nameEn(), c.nameEn);
		if (!changed.isEmpty()) {
			repository.update(id, code, c.precinctId, c.nameZh, c.nameEn);
			audit.record("station.updated", "station", id, changed);
			if (changed.containsKey("precinctId") && before.hasBoundary()) {
				areaAssignment.assignAll();
			}
		}
		return find(id).orElseThrow();
	}

	/**
	 * Sets the station's boundary from a GeoJSON file holding one (Multi)Polygon feature or a bare geometry, then lets
	 * cameras follow; returns how many cameras changed station.
	 */
	@Transactional
	public int setBoundary(long id, byte[] geoJson) {
		Station station = require(id);
		GeoJsonPolygons.Result parsed = GeoJsonPolygons.read(StationFile.asFeatureCollection(geoJson));
		if (!parsed.ok() || parsed.features().size() != 1) {
			List<Problem> problems = parsed.ok()
					? List.of(new Problem("boundary", "station.problem.oneBoundary", parsed.features().size()))
					: parsed.problems();
			throw new BoundaryFileException("station.rejected.boundary", List.of(problems.size()), problems, false);
		}
		GeoJsonPolygons.Feature feature = parsed.features().get(0);
		boundaries.lockForWriting();
		if (!repository.setBoundary(id, feature.geometryJson(), feature.topologyProblem() != null)) {
			throw new BoundaryFileException("station.rejected.boundary", List.of(1),
					List.of(new Problem("boundary", "station.problem.emptyRepair", feature.topologyProblem())), false);
		}
		List<String> outside = repository.boundariesMostlyOutsidePrecinct(List.of(id));
		if (!outside.isEmpty()) {
			throw new BoundaryFileException("station.rejected.boundary", List.of(1),
					List.of(new Problem("boundary", "station.problem.outsidePrecinct", outside.get(0))), false);
		}
		int reassigned = areaAssignment.assignAll();
		audit.record("station.updated", "station", id, Map.of("boundary", "set", "code", station.code(),
				"camerasReassigned", reassigned));
		return reassigned;
	}

	/** Removes the station's boundary; its cameras keep the station (it is still their precinct's). */
	@Transactional
	public void clearBoundary(long id) {
		Station station = require(id);
		if (!station.hasBoundary()) {
			return;
		}
		boundaries.lockForWriting();
		repository.clearBoundary(id);
		audit.record("station.updated", "station", id, Map.of("boundary", "cleared", "code", station.code()));
	}

	/** Deletes a station; refused (409) while cameras or users refer to it. */
	@Transactional
	public void delete(long id) {
		boundaries.lockForWriting();
		Station station = require(id);
		long[] refs = repository.references(id);
		if (refs[0] + refs[1] > 0) {
			throw new StationInUseException(station.nameZh(), refs[0], refs[1]);
		}
		repository.delete(id);
		audit.record("station.deleted", "station", id, Map.of("code", station.code(), "precinctId", station.precinctId(),
				"nameZh", station.nameZh()));
	}

	/** What an upload did: stations created and updated (by name), boundaries set, cameras whose station changed. */
	public record Upload(String fileName, String format, int rows, List<String> created, List<String> updated,
			int boundaries, int camerasReassigned) {
	}

	/**
	 * Adds and updates stations from a file (see {@link StationFile}): stations named in it are created (their
	 * code generated when the file gives none) or updated (English name, code and boundary where the file gives
	 * them); stations not in the file stay as they are. All or nothing: any bad line refuses the whole file with
	 * every problem ({@link BoundaryFileException}). After boundaries changed, cameras follow.
	 */
	@Transactional
	public Upload upload(byte[] content, String fileName) {
		boundaries.lockForWriting();
		StationFile.Parsed parsed = StationFile.read(fileName, content, repository.precinctKeys());
		List<StationFile.Entry> entries = parsed.entries();
		List<Problem> problems = new ArrayList<>();
		Map<String, StationName> holders = repository.holdersOfCodes(
				entries.stream().map(StationFile.Entry::code).filter(java.util.Objects::nonNull).toList());
		Map<StationName, Long> existing = repository.idsByName();
		for (StationFile.Entry e : entries) {
			StationName holder = e.code() == null ? null : holders.get(e.code());
			if (holder != null && !holder.equals(new StationName(e.precinctId(), e.nameZh()))) {
				problems.add(new Problem(e.where(), "station.problem.codeTaken", e.code()));
			}
		}
		List<StationFile.Entry> repaired = entries.stream().filter(e -> e.repair() != null).toList();
		for (int i : repository.emptyOnceRepaired(repaired.stream().map(StationFile.Entry::geometryJson).toList())) {
			problems.add(new Problem(repaired.get(i).where(), "station.problem.emptyRepair", repaired.get(i).repair()));
		}
		if (!problems.isEmpty()) {
			throw new BoundaryFileException("station.file.rejected", List.of(problems.size()), problems, false);
		}
		List<StationFile.Entry> fresh = entries.stream()
			.filter(e -> !existing.containsKey(new StationName(e.precinctId(), e.nameZh()))).toList();
		repository.insertWithCodes(fresh.stream().filter(e -> e.code() != null).toList());
		repository.createMissing(fresh.stream().filter(e -> e.code() == null)
			.map(e -> new StationName(e.precinctId(), e.nameZh())).toList());
		List<Long> written = repository.apply(entries);
		List<String> outside = repository.boundariesMostlyOutsidePrecinct(written);
		if (!outside.isEmpty()) {
			// nothing of the file stays: the exception rolls the whole upload back
			throw new BoundaryFileException("station.file.rejected", List.of(outside.size()),
					outside.stream().map(o -> new Problem("boundary", "station.problem.outsidePrecinct", o)).toList(), false);
		}
		java.util.Set<Long> freshIds = new java.util.HashSet<>();
		Map<StationName, Long> ids = repository.idsByName();
		List<String> created = new ArrayList<>();
		for (StationFile.Entry e : fresh) {
			freshIds.add(ids.get(new StationName(e.precinctId(), e.nameZh())));
			created.add(e.nameZh());
		}
		List<String> updated = new ArrayList<>();
		java.util.Set<Long> writtenIds = new java.util.HashSet<>(written);
		for (StationFile.Entry e : entries) {
			Long id = ids.get(new StationName(e.precinctId(), e.nameZh()));
			if (writtenIds.contains(id) && !freshIds.contains(id)) {
				updated.add(e.nameZh());
			}
		}
		int boundariesSet = (int) entries.stream().filter(e -> e.geometryJson() != null).count();
		int reassigned = boundariesSet > 0 ? areaAssignment.assignAll() : 0;
		Upload result = new Upload(fileName, parsed.format(), entries.size(), created, updated, boundariesSet, reassigned);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("file", fileName);
		details.put("format", parsed.format());
		details.put("rows", entries.size());
		details.put("created", created);
		details.put("updated", updated);
		details.put("boundaries", boundariesSet);
		details.put("camerasReassigned", reassigned);
		audit.record("station.uploaded", "station", null, details);
		return result;
	}

	/** A station that may not be deleted, with what refers to it. */
	public static class StationInUseException extends ConflictException {

		private final String name;

		private final long cameras;

		private final long users;

		StationInUseException(String name, long cameras, long users) {
			super("Station " + name + " cannot be deleted: " + cameras + " cameras and " + users
					+ " users belong to it; move them to another station first");
			this.name = name;
			this.cameras = cameras;
			this.users = users;
		}

		Object[] args() {
			return new Object[] { name, cameras, users };
		}
	}

	Station require(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("Station", id));
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(TAIWAN));
	}

	String generatedCode(long precinctId) {
		String prefix = repository.precinctCode(precinctId).orElseThrow();
		prefix = prefix.length() > 25 ? prefix.substring(0, 25) : prefix;
		return prefix + "-" + String.format(Locale.ROOT, "%02d", repository.nextNumber(prefix));
	}

	private record Checked(long precinctId, String nameZh, String nameEn, String code) {
	}

	private Checked check(Station before, StationInput input) {
		List<Problem> problems = new ArrayList<>();
		Long precinctId = input.precinctId();
		if (precinctId == null) {
			problems.add(new Problem("precinctId", "station.problem.precinct.required"));
		}
		else if (repository.precinctCode(precinctId).isEmpty()) {
			problems.add(new Problem("precinctId", "station.problem.precinct.unknown", precinctId));
		}
		String nameZh = name(input.nameZh());
		problems.addAll(problems(nameZh, "nameZh"));
		String nameEn = name(input.nameEn());
		if (nameEn != null) {
			problems.addAll(problems(nameEn, "nameEn"));
		}
		String code = code(input.code());
		if (code != null && !CODE.matcher(code).matches()) {
			problems.add(new Problem("code", "station.problem.code", input.code()));
		}
		else if (code != null) {
			Optional<Long> holder = repository.idByCode(code);
			if (holder.isPresent() && (before == null || holder.get() != before.id())) {
				problems.add(new Problem("code", "station.problem.codeTaken", code));
			}
		}
		if (problems.isEmpty()) {
			Optional<Long> holder = repository.idByName(precinctId, nameZh);
			if (holder.isPresent() && (before == null || holder.get() != before.id())) {
				problems.add(new Problem("nameZh", "station.problem.nameTaken", nameZh));
			}
		}
		if (!problems.isEmpty()) {
			throw new BoundaryFileException("station.rejected", List.of(problems.size()), problems, false);
		}
		return new Checked(precinctId, nameZh, nameEn, code);
	}

	/** What is wrong with a (normalised) name given for {@code field}: required, length, control characters, formula. */
	static List<Problem> problems(String name, String field) {
		if (name == null) {
			return List.of(new Problem(field, "station.problem.name.required"));
		}
		if (name.length() > MAX_NAME) {
			return List.of(new Problem(field, "station.problem.name.long", MAX_NAME));
		}
		String control = io.watchkeeper.shared.TextInput.problem(name);
		if (control != null || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0 || name.indexOf('\t') >= 0) {
			return List.of(new Problem(field, "station.problem.name.control"));
		}
		if ("=+-@".indexOf(name.charAt(0)) >= 0) {
			return List.of(new Problem(field, "station.problem.name.formula", name.substring(0, 1)));
		}
		return List.of();
	}

	/** A name as stored: full-width forms folded, spaces collapsed and trimmed; null when blank. */
	static String name(String value) {
		if (value == null) {
			return null;
		}
		String v = Normalizer.normalize(value, Normalizer.Form.NFKC).replace("\uFEFF", "").replaceAll("[ \\u3000]+", " ").strip();
		return v.isEmpty() ? null : v;
	}

	/** A lookup key: the name without spaces, lower case. */
	static String key(String value) {
		String v = name(value);
		return v == null ? null : v.replace(" ", "").toLowerCase(Locale.ROOT);
	}

	static String code(String value) {
		String v = name(value);
		return v == null ? null : v.toUpperCase(Locale.ROOT);
	}

	private static void diff(Map<String, Object> changed, String field, Object before, Object after) {
		if (!java.util.Objects.equals(before, after)) {
			changed.put(field, java.util.Arrays.asList(before, after));
		}
	}
}
