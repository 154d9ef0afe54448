package io.watchkeeper.camera.importing;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.watchkeeper.camera.AreaAssignment;
import io.watchkeeper.camera.FarOutsideAreaException;
import io.watchkeeper.camera.importing.ColumnMapping.Column;
import io.watchkeeper.camera.importing.ColumnMapping.Notice;
import io.watchkeeper.camera.importing.ImportJob.Failure;
import io.watchkeeper.camera.importing.ImportJob.Status;
import io.watchkeeper.camera.importing.ImportJobs.Outcome;
import io.watchkeeper.camera.importing.SourceFile.SourceRecord;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.NotFoundException;
import jakarta.annotation.PreDestroy;

/**
 * The camera import. An upload is analysed (encoding, format, columns, a proposed mapping) and kept as
 * an {@code import_job}; a run then reads every record, checks it, streams the valid ones into a staging
 * table and checks those against the registry. A dry run stops there and writes nothing. A real run
 * writes only when no row was rejected, and then everything in one transaction: sites, cameras with
 * precinct and district (each marked with the import), and the import's audit event. Runs go on in the
 * background; progress and the report are in the job row, so any node can show them.
 */
@Service
class CameraImporter {

	private static final Logger log = LoggerFactory.getLogger(CameraImporter.class);

	private static final long PROGRESS_EVERY_MS = 400;

	private final ImportJobs jobs;

	private final ImportStaging staging;

	private final io.watchkeeper.camera.boundary.Stations stations;

	private final AuditLog audit;

	private final ImportProperties properties;

	private final TransactionTemplate inTransaction;

	private final TransactionTemplate inOwnTransaction;

	private final ImportWatch watch;

	private final AreaAssignment areas;

	private final ExecutorService runners;

	private final ProgrammeNames programmes;

	CameraImporter(ImportJobs jobs, ImportStaging staging, AuditLog audit, ImportProperties properties,
			PlatformTransactionManager transactions, ImportWatch watch, AreaAssignment areas, ProgrammeNames programmes,
			io.watchkeeper.camera.boundary.Stations stations) {
		this.jobs = jobs;
		this.stations = stations;
		this.programmes = programmes;
		this.areas = areas;
		this.watch = watch;
		this.staging = staging;
		this.audit = audit;
		this.properties = properties;
		this.inTransaction = new TransactionTemplate(transactions);
		this.inOwnTransaction = new TransactionTemplate(transactions);
		this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		AtomicInteger threads = new AtomicInteger();
		this.runners = Executors.newFixedThreadPool(Math.max(1, properties.runners()), r -> {
			Thread t = new Thread(r, "camera-import-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	@PreDestroy
	void stop() {
		runners.shutdownNow();
	}

	/** How an upload is to be read; nulls mean "detect". */
	record UploadOptions(SourceFile.Format format, TextEncoding.Choice encoding, Map<String, String> mapping) {
	}

	/** An analysed upload: its job and, when the caller runs it right away, the file in memory. */
	record Upload(long jobId, SourceFile file, ColumnMapping mapping) {
	}

	/**
	 * Reads the file far enough to refuse it as a whole or to propose a mapping, and records the job.
	 *
	 * @param keepContent store the file with the job, for a run started later (possibly on another node)
	 * @throws ImportFileException when the file cannot be imported at all; no job is recorded then
	 */
	Upload upload(String fileName, byte[] bytes, UploadOptions options, String actor, boolean keepContent) {
		return upload(fileName, bytes, options, actor, keepContent, false);
	}

	/**
	 * As {@link #upload(String, byte[], UploadOptions, String, boolean)}; with {@code acceptIncomplete} a
	 * mapping that lacks a required field is recorded too, so that the person can complete it on the
	 * page (a run refuses it until then).
	 */
	Upload upload(String fileName, byte[] bytes, UploadOptions options, String actor, boolean keepContent,
			boolean acceptIncomplete) {
		return upload(fileName, bytes, options, null, null, actor, keepContent, acceptIncomplete);
	}

	/**
	 * As {@link #upload(String, byte[], UploadOptions, String, boolean, boolean)}, with a profile and
	 * derivations. The profile's encoding and format apply where the options say "detect"; its mapping is
	 * applied by header under the options' changes; its derivations unless others are given. Headers the
	 * profile needs and the file lacks refuse the upload, or with {@code acceptIncomplete} become a notice
	 * next to the mapping. The derivations are checked against the file's columns and kept with the job.
	 *
	 * @param profile null for none
	 * @param derivations null for the profile's (or none)
	 */
	Upload upload(String fileName, byte[] bytes, UploadOptions options, ImportProfile profile,
			List<Derivations.Derivation> derivations, String actor, boolean keepContent, boolean acceptIncomplete) {
		Shaped shaped = shape(fileName, bytes, options, profile, derivations, acceptIncomplete);
		String given = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
		String name = given.length() > 255 ? given.substring(0, 255) : given;
		long id = inTransaction.execute(tx -> {
			jobs.forgetOldUploads(Duration.ofDays(1));
			return jobs.create(name, bytes.length, shaped.file(), shaped.mapping(), shaped.derivations(), shaped.notices(),
					keepContent ? bytes : null, actor);
		});
		return new Upload(id, shaped.file(), shaped.mapping());
	}

	private record Shaped(SourceFile file, ColumnMapping mapping, List<Derivations.Derivation> derivations,
			List<Notice> notices) {
	}

	/** Reads the file and works out its mapping and derivations, from detection, the profile and the options. */
	private Shaped shape(String fileName, byte[] bytes, UploadOptions options, ImportProfile profile,
			List<Derivations.Derivation> derivations, boolean acceptIncomplete) {
		refuseIfTooLarge(bytes.length);
		if (profile != null) {
			ImportProfile.Options o = profile.options() == null ? ImportProfile.Options.none() : profile.options();
			options = new UploadOptions(options.format() != null ? options.format() : o.format(),
					(options.encoding() == null || options.encoding() == TextEncoding.Choice.AUTO) && o.encoding() != null
							? o.encoding() : options.encoding(), options.mapping());
		}
		if (fileName != null && Values.hasControlCharacters(fileName)) {
			throw new ImportFileException("import.file.controlCharactersInName", Values.forReport(fileName));
		}
		SourceFile file = SourceFile.analyze(fileName, bytes, options.format(),
				options.encoding() == null ? TextEncoding.Choice.AUTO : options.encoding(), properties.maxRows());
		ColumnMapping.Detection detection = ColumnMapping.detect(file.columns());
		Map<String, String> changes = options.mapping();
		List<Notice> notices = new java.util.ArrayList<>(detection.notices());
		if (profile != null) {
			ImportProfile.Fitted fitted = profile.fit(file.columns());
			List<String> headers = file.columns().stream().map(Column::header).toList();
			if (!fitted.missingHeaders().isEmpty()) {
				if (!acceptIncomplete) {
					throw new ImportFileException("import.profile.missingColumns", profile.name(), fitted.missingHeaders(), headers);
				}
				notices.add(new Notice(0, "import.profile.missingColumns", List.of(profile.name(), fitted.missingHeaders(), headers)));
			}
			notices.add(new Notice(0, "import.profile.applied", List.of(profile.name())));
			Map<String, String> merged = new LinkedHashMap<>(fitted.mapping());
			if (changes != null) {
				merged.putAll(changes);
			}
			changes = merged;
			if (derivations == null) {
				derivations = fitted.derivations();
			}
		}
		ColumnMapping mapping = changes == null || changes.isEmpty() ? detection.mapping()
				: adjust(file.columns(), detection.mapping(), changes);
		List<Derivations.Derivation> toDerive = derivations == null ? List.of() : List.copyOf(derivations);
		Derivations derived = Derivations.bind(toDerive, file.columns(), mapping, DerivedValue.Programmes.none());
		List<String> missing = derived.mapping().missing();
		if (!missing.isEmpty() && !acceptIncomplete) {
			throw new ImportFileException("import.file.missingColumns",
					missing.stream().map(m -> (Object) (IssueMessages.FIELD_PREFIX + m)).toList(),
					file.columns().stream().map(Column::header).toList());
		}
		return new Shaped(file, mapping, toDerive, notices);
	}

	/** A file read as an upload reads it, with the mapping and derivations it would get; nothing recorded. */
	record Analysis(SourceFile file, ColumnMapping mapping, List<Derivations.Derivation> derivations, List<Notice> notices) {
	}

	/** As an upload reads the file, with a profile and derivations, without recording a job (for a preview). */
	Analysis analyze(String fileName, byte[] bytes, UploadOptions options, ImportProfile profile,
			List<Derivations.Derivation> derivations) {
		Shaped shaped = shape(fileName, bytes, options, profile, derivations, true);
		return new Analysis(shaped.file(), shaped.mapping(), shaped.derivations(), shaped.notices());
	}

	/** Refuses a file larger than one import takes, before anyone reads it. */
	void refuseIfTooLarge(long size) {
		if (size > properties.maxFileSize().toBytes()) {
			throw new ImportFileException(413, "import.file.tooLarge", megabytes(size), properties.maxFileSize().toMegabytes(),
					properties.maxRows());
		}
	}

	/**
	 * The detected mapping changed where the user said otherwise: {@code header -> FIELD}, or an empty
	 * field (or {@code IGNORE}) to ignore the column. A field the user gives to one column is taken away
	 * from the column it was detected in.
	 */
	static ColumnMapping adjust(List<Column> columns, ColumnMapping detected, Map<String, String> changes) {
		Map<Integer, ImportField> chosen = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			chosen.put(i, detected.field(i));
		}
		for (Map.Entry<String, String> change : changes.entrySet()) {
			int column = -1;
			for (Column c : columns) {
				if (c.header().equals(change.getKey().strip())) {
					column = c.index();
					break;
				}
			}
			if (column < 0) {
				throw new ImportFileException("import.mapping.unknownColumn", change.getKey(),
						columns.stream().map(Column::header).toList());
			}
			ImportField field = field(change.getValue());
			if (field != null) {
				chosen.replaceAll((i, f) -> f == field ? null : f);
			}
			chosen.put(column, field);
		}
		return checked(columns.size(), chosen);
	}

	static ImportField field(String name) {
		if (name == null || name.isBlank() || name.equalsIgnoreCase("IGNORE")) {
			return null;
		}
		try {
			return ImportField.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new ImportFileException("import.mapping.unknownField", name,
					java.util.Arrays.stream(ImportField.values()).map(Enum::name).toList());
		}
	}

	static ColumnMapping checked(int columnCount, Map<Integer, ImportField> chosen) {
		try {
			return ColumnMapping.of(columnCount, chosen);
		}
		catch (BadValue e) {
			throw new ImportFileException(e.code(), e.args().toArray());
		}
	}

	ImportJob job(long id, boolean withIssues) {
		ImportJob job = jobs.find(id, withIssues);
		if (job == null) {
			throw new NotFoundException("Import", id);
		}
		return job;
	}

	List<ImportJob> recent(int limit) {
		return jobs.recent(limit);
	}

	/**
	 * Starts a run of an uploaded file.
	 *
	 * @param mapping the mapping to use, or null to keep the job's
	 * @param file the file when the caller has it in memory, or null to load it from the job
	 * @param background run on an import thread and return at once, or run in this thread to the end
	 * @throws ConflictException when the job is running or was applied already
	 */
	void run(long id, ColumnMapping mapping, boolean dryRun, SourceFile file, String actor, String remoteAddress,
			boolean background) {
		run(id, mapping, null, false, dryRun, ImportOptions.DEFAULT, file, actor, remoteAddress, background);
	}

	/** As {@link #run(long, ColumnMapping, boolean, SourceFile, String, String, boolean)}, reading the list as {@code options} say. */
	void run(long id, ColumnMapping mapping, boolean dryRun, ImportOptions options, SourceFile file, String actor,
			String remoteAddress, boolean background) {
		run(id, mapping, null, false, dryRun, options, file, actor, remoteAddress, background);
	}

	/** As below, read with the default options. */
	void run(long id, ColumnMapping mapping, List<Derivations.Derivation> derivations, boolean confirmUnmatched,
			boolean dryRun, SourceFile file, String actor, String remoteAddress, boolean background) {
		run(id, mapping, derivations, confirmUnmatched, dryRun, ImportOptions.DEFAULT, file, actor, remoteAddress, background);
	}

	/**
	 * As {@link #run(long, ColumnMapping, boolean, SourceFile, String, String, boolean)}, with derivations and options.
	 *
	 * @param derivations the derivations to run, or null to keep the job's
	 * @param confirmUnmatched go on although a derivation matches nothing in the first rows (else refused,
	 *        saying which; a derivation too slow on a cell of those rows is always refused)
	 * @param options how strictly to read the list, and whether to create unknown stations
	 */
	void run(long id, ColumnMapping mapping, List<Derivations.Derivation> derivations, boolean confirmUnmatched,
			boolean dryRun, ImportOptions options, SourceFile file, String actor, String remoteAddress, boolean background) {
		ImportJob job = job(id, false);
		ColumnMapping chosen = mapping != null ? mapping : job.columnMapping();
		List<Derivations.Derivation> toDerive = derivations != null ? derivations : job.derivationList();
		Derivations derived = Derivations.bind(toDerive, job.columns(), chosen, DerivedValue.Programmes.none());
		List<String> missing = derived.mapping().missing();
		if (!missing.isEmpty()) {
			throw new ImportFileException("import.file.missingColumns",
					missing.stream().map(m -> (Object) (IssueMessages.FIELD_PREFIX + m)).toList(),
					job.columns().stream().map(Column::header).toList());
		}
		SourceFile source = file != null ? file : file(job);
		if (!derived.isEmpty()) {
			refuseUnmatched(derived, source, confirmUnmatched);
		}
		if (!jobs.claim(id, dryRun, chosen, toDerive, actor)) {
			throw new ConflictException(job.status() == Status.APPLIED ? "Import " + id + " was applied already"
					: "Import " + id + " is running; wait for it to finish");
		}
		SourceFile toRun = source;
		// held from the claim on: a run waiting in the queue behind others keeps its heartbeat too
		watch.hold(id);
		Runnable work = () -> {
			try {
				execute(id, job.fileName(), toRun, chosen, toDerive, dryRun, options, actor, remoteAddress);
			}
			finally {
				watch.release(id);
			}
		};
		if (background) {
			try {
				runners.submit(work);
			}
			catch (RuntimeException e) {
				watch.release(id);
				throw e;
			}
		}
		else {
			work.run();
		}
	}

	/** The job's uploaded file, read again as it was analysed. */
	SourceFile file(ImportJob job) {
		byte[] content = jobs.content(job.id());
		if (content == null) {
			throw new ConflictException("The uploaded file of import " + job.id() + " is no longer kept; upload it again");
		}
		return SourceFile.reopen(content, job.format(), encoding(job.encoding()), job.delimiter(), job.columns(),
				job.estimatedRows());
	}

	/** Derivations that match nothing in the first rows are said before running; the user may go on. */
	static void refuseUnmatched(Derivations derived, SourceFile source, boolean confirmed) {
		Derivations.Check check = derived.check(source.records());
		if (!check.tooSlow().isEmpty()) {
			int d = check.tooSlow().get(0);
			throw new ImportFileException("import.derive.pattern.tooSlowOnRows", derived.pattern(d), derived.header(d));
		}
		if (!check.unmatched().isEmpty() && !confirmed) {
			throw new ImportFileException("import.derive.matchesNothing",
					check.unmatched().stream().map(d -> (Object) (derived.header(d) + ": " + derived.pattern(d))).toList(),
					check.rowsChecked());
		}
	}

	static TextEncoding.Detected encoding(String label) {
		return switch (label) {
			case "Big5" -> new TextEncoding.Detected(TextEncoding.BIG5, label, 0);
			case "UTF-16LE" -> new TextEncoding.Detected(java.nio.charset.StandardCharsets.UTF_16LE, label, 2);
			case "UTF-16BE" -> new TextEncoding.Detected(java.nio.charset.StandardCharsets.UTF_16BE, label, 2);
			default -> new TextEncoding.Detected(java.nio.charset.StandardCharsets.UTF_8, "UTF-8", 0);
		};
	}

	private void execute(long id, String fileName, SourceFile file, ColumnMapping mapping,
			List<Derivations.Derivation> derivations, boolean dryRun, ImportOptions options, String actor,
			String remoteAddress) {
		ImportReport report = new ImportReport(properties.maxListedIssues());
		Outcome outcome;
		try {
			inOwnTransaction.executeWithoutResult(tx -> jobs.started(id));
			outcome = inTransaction.execute(tx -> {
				Outcome o = validateAndWrite(id, fileName, file, mapping, derivations, dryRun, options, actor, remoteAddress,
						report);
				if (o.status() != Status.APPLIED) {
					tx.setRollbackOnly();
				}
				return o;
			});
		}
		catch (DuplicateKeyException e) {
			log.info("Import {} lost a race for asset tags or sites: {}", id, e.getMostSpecificCause().getMessage());
			outcome = new Outcome(Status.FAILED, 0, 0, 0, 0, 0, 0, report,
					new Failure("import.failed.concurrent", List.of()));
		}
		catch (ImportFileException e) {
			outcome = new Outcome(Status.FAILED, 0, 0, 0, 0, 0, 0, report, new Failure(e.code(), e.args()));
		}
		catch (RuntimeException e) {
			log.error("Import {} failed", id, e);
			outcome = new Outcome(Status.FAILED, 0, 0, 0, 0, 0, 0, report,
					new Failure("import.failed.unexpected", List.of(String.valueOf(e.getMessage()))));
		}
		if (outcome.status() != Status.APPLIED) {
			Outcome o = outcome;
			try {
				inOwnTransaction.executeWithoutResult(tx -> {
					jobs.finish(id, o);
					if (o.status() != Status.FAILED) {
						audit.record(actor, dryRun ? "import.dry_run" : "import.rejected", "import", id,
								details(fileName, file, o, options), remoteAddress);
					}
				});
			}
			catch (RuntimeException e) {
				log.error("Import {}: could not record its outcome", id, e);
			}
		}
	}

	private Outcome validateAndWrite(long id, String fileName, SourceFile file, ColumnMapping fileMapping,
			List<Derivations.Derivation> derivations, boolean dryRun, ImportOptions options, String actor,
			String remoteAddress, ImportReport report) {
		long started = System.currentTimeMillis();
		AreaNames areas = staging.areaNames();
		// derived values are read as the columns of the fields they fill: the file's, or virtual ones appended
		Derivations derived = Derivations.bind(derivations, file.columns(), fileMapping, programmes.load());
		List<Column> columns = derived.columns();
		ColumnMapping mapping = derived.mapping();
		for (Column c : file.columns()) {
			ImportField f = mapping.field(c.index());
			if (f == null && !derived.reads(c.index())) {
				report.warning(new ImportIssue(1, null, c.header(), null, "import.warning.columnIgnored", List.of(c.header())));
			}
		}
		RowValidator validator = new RowValidator(mapping, columns, areas, staging.stationNames(), staging.registryCodes(),
				options, report);
		int read = 0;
		int unplaced = 0;
		long lastProgress = System.currentTimeMillis();
		try (ImportStaging.Copy copy = staging.open()) {
			for (Iterator<SourceRecord> records = file.records(); records.hasNext();) {
				SourceRecord record = records.next();
				read++;
				if (read > properties.maxRows()) {
					throw new ImportFileException(413, "import.file.tooManyRows", read, properties.maxRows());
				}
				CameraRow row = validator.validate(derived.apply(record, report));
				if (row != null) {
					copy.write(row);
					if (row.location() == null) {
						unplaced++;
					}
				}
				if (System.currentTimeMillis() - lastProgress > PROGRESS_EVERY_MS) {
					lastProgress = System.currentTimeMillis();
					progress(id, "READING", read, report.rejectedRows());
				}
			}
			copy.finish();
		}
		long readMs = System.currentTimeMillis() - started;
		progress(id, "CHECKING", read, report.rejectedRows());
		staging.prepare();
		long preparedMs = System.currentTimeMillis() - started;
		checkAgainstRegistry(mapping, columns, report);
		long checkedMs = System.currentTimeMillis() - started;
		log.info("Import {}: {} rows read and staged in {} ms, placed in {} ms, checked in {} ms; {} rejected", id, read,
				readMs, preparedMs - readMs, checkedMs - preparedMs, report.rejectedRows());
		if (dryRun || report.hasErrors()) {
			return new Outcome(report.hasErrors() ? Status.REJECTED : Status.VALIDATED, read, report.rejectedRows(), 0, 0, 0,
					unplaced, report, null);
		}
		progress(id, "WRITING", read, 0);
		int stationsCreated = options.createStations() ? createStations() : 0;
		ImportStaging.SiteCounts sites = staging.insertSites();
		long sitesMs = System.currentTimeMillis();
		int written = staging.insertCameras(id);
		log.info("Import {}: {} stations and {} sites created in {} ms, {} cameras written in {} ms", id, stationsCreated,
				sites.created(), sitesMs - started - checkedMs, written, System.currentTimeMillis() - sitesMs);
		Outcome outcome = new Outcome(Status.APPLIED, read, 0, written, sites.created(), sites.reused(), unplaced, report, null);
		Map<String, Object> applied = details(fileName, file, outcome, options);
		applied.put("stationsCreated", stationsCreated);
		audit.record(actor, "import.applied", "import", id, applied, remoteAddress);
		jobs.finish(id, outcome);
		return outcome;
	}

	/**
	 * Creates the stations the list names and the registry lacks (the run chose to), through the stations' own
	 * service (codes, audit), in the import's transaction; returns how many rows name them.
	 */
	private int createStations() {
		List<ImportStaging.NewStation> wanted = staging.newStations();
		Map<ImportStaging.NewStation, io.watchkeeper.camera.boundary.Stations.StationName> names = new LinkedHashMap<>();
		for (ImportStaging.NewStation n : wanted) {
			names.put(n, new io.watchkeeper.camera.boundary.Stations.StationName(n.precinctId(), n.name()));
		}
		Map<io.watchkeeper.camera.boundary.Stations.StationName, Long> ids = stations.createMissing(names.values(), "import");
		Map<ImportStaging.NewStation, Long> byRow = new LinkedHashMap<>();
		names.forEach((row, name) -> byRow.put(row, ids.get(name)));
		staging.pointAtStations(byRow);
		return wanted.size();
	}

	private void checkAgainstRegistry(ColumnMapping mapping, List<Column> columns, ImportReport report) {
		java.util.function.Function<ImportField, String> header = f -> mapping.column(f) < 0 ? null
				: columns.get(mapping.column(f)).header();
		for (ImportStaging.Clash clash : staging.tagsAlreadyInRegistry()) {
			report.error(new ImportIssue(clash.line(), ImportField.ASSET_TAG.name(), header.apply(ImportField.ASSET_TAG),
					clash.assetTag(), "import.error.duplicateInRegistry", List.of(clash.assetTag(), clash.cameraId())));
		}
		ImportField precinctField = mapping.has(ImportField.PRECINCT) ? ImportField.PRECINCT : ImportField.UNIT;
		for (ImportStaging.AreaMismatch m : staging.precinctMismatches()) {
			report.warning(new ImportIssue(m.line(), precinctField.name(), header.apply(precinctField), m.named(),
					"import.warning.precinctMismatch", List.of(m.named(), m.located())));
		}
		ImportField stationField = mapping.has(ImportField.STATION) ? ImportField.STATION : ImportField.UNIT;
		for (ImportStaging.AreaMismatch m : staging.stationMismatches()) {
			report.warning(new ImportIssue(m.line(), stationField.name(), header.apply(stationField), m.named(),
					"import.warning.stationMismatch", List.of(m.named(), m.located())));
		}
		for (ImportStaging.AreaMismatch m : staging.districtMismatches()) {
			report.warning(new ImportIssue(m.line(), ImportField.DISTRICT.name(), header.apply(ImportField.DISTRICT), m.named(),
					"import.warning.districtMismatch", List.of(m.named(), m.located())));
		}
		// Far outside the department's area is a row error: an import has no way to confirm it row by row, and
		// a whole file is all or nothing. Those rows need no "outside every precinct" warning as well.
		ImportField locationField = mapping.has(ImportField.LONGITUDE) ? ImportField.LONGITUDE : ImportField.COORDINATES;
		java.util.Set<Integer> farOutside = new java.util.HashSet<>();
		for (ImportStaging.FarOutside f : staging.farOutsideArea(areas.toleranceMetres())) {
			farOutside.add(f.line());
			report.error(new ImportIssue(f.line(), locationField.name(), header.apply(locationField), f.lon() + ", " + f.lat(),
					"import.error.farOutsideArea", List.of(f.lon(), f.lat(), FarOutsideAreaException.format(f.kilometres()),
							FarOutsideAreaException.format(areas.toleranceMetres() / 1000))));
		}
		for (ImportStaging.Located l : staging.outsideEveryPrecinct()) {
			if (farOutside.contains(l.line())) {
				continue;
			}
			report.warning(new ImportIssue(l.line(), null, null, l.lon() + ", " + l.lat(), "import.warning.outsidePrecincts",
					List.of(l.lon(), l.lat())));
		}
		for (ImportStaging.Spread s : staging.spreadSites(properties.siteSpreadMetres())) {
			report.warning(new ImportIssue(s.line(), ImportField.ASSET_TAG.name(), header.apply(ImportField.ASSET_TAG),
					s.siteCode(), s.firstLine() == null ? "import.warning.siteFarFromRegistry" : "import.warning.siteSpread",
					s.firstLine() == null ? List.of(s.siteCode(), s.metres()) : List.of(s.siteCode(), s.metres(), s.firstLine())));
		}
	}

	private void progress(long id, String phase, int read, int rejected) {
		inOwnTransaction.executeWithoutResult(tx -> jobs.progress(id, phase, read, rejected));
	}

	private static Map<String, Object> details(String fileName, SourceFile file, Outcome o, ImportOptions options) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("fileName", fileName);
		details.put("format", file.format().name());
		details.put("encoding", file.encoding().label());
		details.put("rowsRead", o.rowsRead());
		details.put("rowsRejected", o.rowsRejected());
		details.put("camerasCreated", o.rowsWritten());
		details.put("sitesCreated", o.sitesCreated());
		details.put("sitesReused", o.sitesReused());
		details.put("unplaced", o.unplaced());
		details.put("errors", o.report() == null ? 0 : o.report().errorCount());
		details.put("warnings", o.report() == null ? 0 : o.report().warningCount());
		details.put("strict", options.strict());
		details.put("createStations", options.createStations());
		return details;
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
	}
}
