package io.watchkeeper.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.LprCapability;
import io.watchkeeper.planning.PlanViews.Comparison;
import io.watchkeeper.planning.PlanViews.PlanCamera;
import io.watchkeeper.planning.PlanViews.PlanSummary;
import io.watchkeeper.planning.PlanViews.PlanView;
import io.watchkeeper.planning.PlanViews.YearView;
import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/** Budget-capped replacement plans: computed (preview), saved with their inputs, read, compared and deleted. */
@Service
public class Plans {

	private final PlanQueries queries;
	private final PriorityFacts facts;
	private final PriceList priceList;
	private final PlanningProperties properties;
	private final AuditLog audit;
	private final Clock clock;
	private final ZoneId zone;

	Plans(PlanQueries queries, PriorityFacts facts, PriceList priceList, PlanningProperties properties, AuditLog audit,
			Clock clock, @Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.queries = queries;
		this.facts = facts;
		this.priceList = priceList;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	PlanningProperties properties() {
		return properties;
	}

	private record Computed(PlanInputs inputs, Candidates candidates, PlanFill.Result result) {
	}

	private Computed compute(PlanInputs.Request request) {
		PlanInputs in = request.inputs(today(), properties);
		if (in.precinctId() != null && !queries.precinctExists(in.precinctId())) {
			throw new InvalidInputException("precinctId", "No precinct has id " + in.precinctId());
		}
		List<Map<LprCapability, Long>> prices = new ArrayList<>(in.years());
		facts.ensure(in.asOf());
		Candidates candidates = queries.candidates(in);
		Set<LprCapability> kinds = EnumSet.noneOf(LprCapability.class);
		for (LprCapability k : candidates.lpr) {
			kinds.add(k);
		}
		for (int y = 0; y < in.years(); y++) {
			prices.add(priceList.on(LocalDate.of(in.firstYear() + y, 1, 1)).requireAll(kinds).byKind());
		}
		int[] ranked = candidates.rank(in.weights(), in.firstYear());
		return new Computed(in, candidates, PlanFill.fill(candidates, ranked, in.firstYear(), in.budgets(), prices));
	}

	private PlanView view(Long id, String name, Computed c, String by, java.time.Instant at) {
		PlanInputs in = c.inputs();
		return new PlanView(id, name, in.asOf(), in.firstYear(), in.years(), in.budgetPerYear(), in.precinctId(),
				in.weights(), c.result().years().stream().map(YearView::of).toList(), c.result().plannedCameras(),
				c.result().plannedCost(), c.candidates().size, by, at, facts.computedAt(in.asOf()).orElse(null));
	}

	/** Computes a plan without saving it (the priority facts of its asOf are computed once if not kept yet). */
	@Transactional
	public PlanView preview(PlanInputs.Request request) {
		return view(null, null, compute(request), null, null);
	}

	/** Computes and saves a plan under a name unique whatever its case; audited PLAN_SAVED. */
	@Transactional
	public PlanView save(PlanInputs.Request request) {
		String name = request.name() == null ? "" : request.name().strip();
		if (name.isEmpty() || name.length() > 120) {
			throw new InvalidInputException("name", "name is required (at most 120 characters)");
		}
		if (queries.nameTaken(name)) {
			throw new InvalidInputException("name", "A plan named \"" + name + "\" exists already");
		}
		Computed c = compute(request);
		long id;
		try {
			id = queries.save(name, c.inputs(), c.candidates(), c.result(), AuditLog.currentActor());
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("A plan named \"" + name + "\" was saved at the same time");
		}
		audit.record(AuditAction.PLAN_SAVED, "replacement_plan", id, Map.of("name", name, "firstYear",
				c.inputs().firstYear(), "years", c.inputs().years(), "plannedCameras", c.result().plannedCameras(),
				"plannedCost", c.result().plannedCost()));
		return get(id);
	}

	@Transactional(readOnly = true)
	public List<PlanSummary> list() {
		return queries.list();
	}

	@Transactional(readOnly = true)
	public PlanView get(long id) {
		return queries.plan(id).orElseThrow(() -> new NotFoundException("Plan", id));
	}

	@Transactional(readOnly = true)
	public List<PlanCamera> cameras(long id, int fiscalYear, Long precinctId, Integer limit, Integer offset,
			Locale locale) {
		get(id);
		int max = properties.listLimit();
		int l = limit == null ? Math.min(100, max) : limit;
		int o = offset == null ? 0 : offset;
		if (l < 1 || l > max) {
			throw new InvalidInputException("limit", "limit must be between 1 and " + max);
		}
		if (o < 0) {
			throw new InvalidInputException("offset", "offset must be 0 or more");
		}
		return queries.cameras(id, fiscalYear, precinctId, l, o, locale);
	}

	@Transactional(readOnly = true)
	public Comparison compare(long a, long b) {
		PlanSummary sa = queries.summary(a).orElseThrow(() -> new NotFoundException("Plan", a));
		PlanSummary sb = queries.summary(b).orElseThrow(() -> new NotFoundException("Plan", b));
		return new Comparison(sa, sb, queries.weights(a), queries.weights(b), queries.compare(a, b));
	}

	/** Deletes a plan no project was made from (409 otherwise); audited PLAN_DELETED. */
	@Transactional
	public void delete(long id) {
		PlanSummary plan = queries.summary(id).orElseThrow(() -> new NotFoundException("Plan", id));
		if (queries.madeIntoProject(id)) {
			throw new ConflictException("A procurement project was made from plan \"" + plan.name()
					+ "\"; it stays as the project's record");
		}
		queries.delete(id);
		audit.record(AuditAction.PLAN_DELETED, "replacement_plan", id, Map.of("name", plan.name()));
	}

	/** Recomputes the kept priority facts of a date (downtime, repairs, footage, coverage); returns their rows. */
	@Transactional
	public int refreshFacts(LocalDate asOf) {
		return facts.compute(asOf != null ? asOf : today());
	}
}
