package io.watchkeeper.camera;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.maintenance.CameraScope;
import io.watchkeeper.maintenance.CameraScopes;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * Finds cameras: the list with its filters, one camera with its site and audit trail, the reference lists. Every
 * camera it finds lies within the signed-in user's {@link CameraScope} (vendors and squads: the cameras they
 * maintain); a camera outside it is not found.
 */
@Service
@Transactional(readOnly = true)
public class CameraCatalog {

	/** Beyond this offset a page costs too much to skip to; narrowing the filter or exporting is the answer. */
	static final long MAX_OFFSET = 100_000;

	private final CameraQueries queries;
	private final CameraProperties properties;
	private final CameraScopes scopes;
	private final Clock clock;

	CameraCatalog(CameraQueries queries, CameraProperties properties, CameraScopes scopes, ObjectProvider<Clock> clock) {
		this.queries = queries;
		this.properties = properties;
		this.scopes = scopes;
		this.clock = clock.getIfAvailable(() -> Clock.system(CameraRegistry.TAIWAN));
	}

	/**
	 * One page of the list, with the number of matching cameras.
	 * <p>
	 * First the ids of at most cap + 1 matching cameras are fetched (no order, so PostgreSQL stops as soon
	 * as it has them). If there are no more than the cap, that is the exact count, and the page is sorted out
	 * of those ids by primary key; the filter is evaluated once. Otherwise the filter is broad, and the page
	 * comes from an ordered scan that finds its rows quickly. Either way one row more than the page is read
	 * to know whether another page follows.
	 * <p>
	 * A broad filter's total: when the planner expects no more than {@code exact-count-limit} matches, they
	 * are counted exactly under a statement timeout ({@code count-timeout}); beyond that limit, or when the
	 * count takes too long, the planner's estimate is given with {@code totalKind: ESTIMATE}; a text search
	 * beyond the cap gives the cap as a lower bound ({@code AT_LEAST}). The real fleet
	 * (some 20,000 cameras) is thus always counted exactly in a few milliseconds, while a million-camera
	 * database does not spend 100 ms or more counting for "about 1,000,000" on every page.
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
		LocalDate today = today();
		CameraScope scope = scopes.current();
		queries.tunePlannerForList();
		int cap = properties.countCap();
		List<Long> ids = queries.matchingIds(filter, scope, today, cap + 1);
		boolean exact = ids.size() <= cap;
		List<CameraListItem> rows = exact ? queries.listAmong(ids, today, sort, descending, offset, size + 1)
				: queries.list(filter, scope, today, sort, descending, offset, size + 1);
		boolean hasNext = rows.size() > size;
		List<CameraListItem> items = hasNext ? rows.subList(0, size) : rows;
		long total = ids.size();
		CameraPage.TotalKind kind = CameraPage.TotalKind.EXACT;
		if (!exact && filter.text() != null) {
			// A text search is neither counted nor estimated beyond the cap: re-checking thousands of trigram
			// matches costs more than the page (measured on a million cameras: p95 129 ms instead of < 50 ms),
			// and the planner's guess for ILIKE '%...%' is poor. "More than 1,000" is the honest answer.
			total = Math.max(cap, offset + rows.size());
			kind = CameraPage.TotalKind.AT_LEAST;
		}
		else if (!exact) {
			long estimate = queries.estimateCount(filter, scope, today);
			java.util.OptionalLong counted = estimate <= properties.exactCountLimit()
					? queries.countWithin(filter, scope, today, properties.countTimeout()) : java.util.OptionalLong.empty();
			// the estimate can be off; never below what the page itself proves
			total = counted.orElse(Math.max(estimate, Math.max(cap + 1, offset + rows.size())));
			kind = counted.isPresent() ? CameraPage.TotalKind.EXACT : CameraPage.TotalKind.ESTIMATE;
		}
		return CameraPage.of(items, page, size, hasNext, total, kind);
	}

	/** The camera; not found when there is none or it lies outside the caller's scope (its existence stays hidden). */
	public CameraView get(long id) {
		return queries.findView(id, scopes.current(), today()).orElseThrow(() -> new NotFoundException("Camera", id));
	}

	public CameraView getByAssetTag(String assetTag) {
		String tag = assetTag == null ? "" : assetTag.strip().toUpperCase(java.util.Locale.ROOT);
		CameraScope scope = scopes.current();
		return queries.findIdByAssetTag(tag, scope, today()).flatMap(id -> queries.findView(id, scope, today()))
			.orElseThrow(() -> new NotFoundException("Camera with asset tag", assetTag));
	}

	public java.util.Optional<Long> getByAssetTagOptional(String assetTag) {
		return queries.findIdByAssetTag(assetTag.strip().toUpperCase(java.util.Locale.ROOT), scopes.current(), today());
	}

	/** The other cameras on the camera's site that the caller may see. */
	public List<CameraListItem> neighbours(long id) {
		return queries.neighbours(id, scopes.current(), today());
	}

	/** The camera's audit trail, newest first (the latest 200 events). */
	public List<AuditEntry> auditTrail(long id) {
		get(id); // not found outside the caller's scope
		return queries.auditTrail(id, 200);
	}

	/** Every matching camera, in order, for an export (at most {@code watchkeeper.camera.export-max-rows}). */
	public void export(CameraFilter filter, CameraSort sort, boolean descending, Consumer<CameraView> consumer) {
		queries.forEach(filter, scopes.current(), today(), sort, descending, properties.exportMaxRows(),
				consumer);
	}

	/** Every police station with its precinct (for pickers). */
	public List<StationChoice> stations() {
		return queries.stations();
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

	List<Procurement.FundingSourceView> fundingSourceViews() {
		return queries.fundingSourceViews();
	}

	List<Procurement.ProjectView> projectViews() {
		return queries.projectViews(today());
	}

	public List<Reference> contracts() {
		return queries.contracts();
	}

	public List<Reference> vendors() {
		return queries.vendors();
	}

	/** False for vendors and squads, who see only the cameras they maintain (the list says so). */
	public boolean seesWholeCity() {
		return scopes.current().wholeCity();
	}

	/** Today in Taiwan: the day a camera's state and end of life are judged on, as on the map. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(CameraRegistry.TAIWAN));
	}
}
