package io.watchkeeper.camera;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/** Finds cameras: the list with its filters, one camera with its site and audit trail, the reference lists. */
@Service
@Transactional(readOnly = true)
public class CameraCatalog {

	/** Beyond this offset a page costs too much to skip to; narrowing the filter or exporting is the answer. */
	static final long MAX_OFFSET = 100_000;

	private final CameraQueries queries;
	private final CameraProperties properties;
	private final Clock clock;

	CameraCatalog(CameraQueries queries, CameraProperties properties, ObjectProvider<Clock> clock) {
		this.queries = queries;
		this.properties = properties;
		this.clock = clock.getIfAvailable(() -> Clock.system(CameraRegistry.TAIWAN));
	}

	/**
	 * One page of the list. Fetches one row more than the page to know whether another follows, and counts
	 * matches only up to {@code watchkeeper.camera.count-cap}.
	 */
	public CameraPage list(CameraFilter filter, CameraSort sort, boolean descending, int page, int size) {
		if (size < 1 || size > properties.maxPageSize()) {
			throw new InvalidInputException("size", "page size must be between 1 and " + properties.maxPageSize());
		}
		if (page < 0) {
			throw new InvalidInputException("page", "page must be 0 or more");
		}
		long offset = (long) page * size;
		if (offset > MAX_OFFSET) {
			throw new InvalidInputException("page", "pages beyond the first " + MAX_OFFSET
					+ " cameras are not shown; narrow the filter or export the list");
		}
		LocalDate today = LocalDate.now(clock);
		queries.preferIndexReads();
		List<CameraListItem> rows = queries.list(filter, today, sort, descending, offset, size + 1);
		boolean hasNext = rows.size() > size;
		List<CameraListItem> items = hasNext ? rows.subList(0, size) : rows;
		long total;
		boolean exact;
		if (page == 0 && !hasNext) {
			total = items.size(); // everything fits on the first page: no need to count
			exact = true;
		}
		else {
			long counted = queries.countUpTo(filter, today, properties.countCap() + 1L);
			exact = counted <= properties.countCap();
			total = exact ? counted : properties.countCap();
		}
		return new CameraPage(List.copyOf(items), page, size, hasNext, total, exact);
	}

	public CameraView get(long id) {
		return queries.findView(id).orElseThrow(() -> new NotFoundException("Camera", id));
	}

	public CameraView getByAssetTag(String assetTag) {
		String tag = assetTag == null ? "" : assetTag.strip().toUpperCase(java.util.Locale.ROOT);
		return queries.findIdByAssetTag(tag).flatMap(queries::findView)
			.orElseThrow(() -> new NotFoundException("Camera with asset tag", assetTag));
	}

	/** The other cameras on the camera's site. */
	public List<CameraListItem> neighbours(long id) {
		return queries.neighbours(id);
	}

	/** The camera's audit trail, newest first (the latest 200 events). */
	public List<AuditEntry> auditTrail(long id) {
		return queries.auditTrail(id, 200);
	}

	/** Every matching camera, in order, for an export (at most {@code watchkeeper.camera.export-max-rows}). */
	public void export(CameraFilter filter, CameraSort sort, boolean descending, Consumer<CameraView> consumer) {
		queries.forEach(filter, LocalDate.now(clock), sort, descending, properties.exportMaxRows(), consumer);
	}

	public List<Reference> precincts() {
		return queries.precincts();
	}

	public List<Reference> districts() {
		return queries.districts();
	}

	public List<Reference> fundingSources() {
		return queries.fundingSources();
	}

	public List<Reference> projects() {
		return queries.projects();
	}

	public List<Reference> contracts() {
		return queries.contracts();
	}

	public List<Reference> vendors() {
		return queries.vendors();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}
}
