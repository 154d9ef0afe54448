package io.watchkeeper.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.investigation.SolvedCases;
import io.watchkeeper.reporting.HalfYearQueries.Page;
import io.watchkeeper.reporting.HalfYearQueries.ProjectLists;
import io.watchkeeper.reporting.HalfYearReport.Cases;
import io.watchkeeper.reporting.HalfYearReport.Charts;
import io.watchkeeper.reporting.HalfYearReport.Figure;
import io.watchkeeper.reporting.HalfYearReport.Maintenance;
import io.watchkeeper.reporting.HalfYearReport.PrecinctRestored;
import io.watchkeeper.reporting.HalfYearReport.Project;
import io.watchkeeper.reporting.HalfYearReport.Subsidies;
import io.watchkeeper.reporting.HalfYearReport.Text;
import io.watchkeeper.reporting.HalfYearReport.Unit;

/**
 * Computes the half-year report ({@link HalfYearReport}) and the records behind each figure ({@link HalfYearRecords}).
 * Everything is counted as of {@code asOf}: the period's last day, or today (in the city's zone) while it runs.
 */
@Service
public class HalfYearReports {

	public static final int DEFAULT_LIMIT = 1000;
	public static final int MAX_LIMIT = 10_000;

	private static final String PROJECT_FIGURE = "project:";

	/** One figure of the report: its key, item, unit, labels and how it is read from a period's numbers. */
	private record Definition(String key, int item, Unit unit, String labelZh, String labelEn, boolean hasRecords,
			Function<Numbers, BigDecimal> value) {
	}

	private static final List<Definition> DEFINITIONS = List.of(
			def("decommissioned", 1, Unit.CAMERAS, "汰除攝影機", "Cameras decommissioned", n -> BigDecimal.valueOf(n.decommissioned())),
			def("replacement.budget", 2, Unit.NTD, "汰換經費", "Replacement budget", n -> sum(n.projects().replacements(), Project::budgetNtd)),
			def("replacement.cameras", 2, Unit.CAMERAS, "汰換攝影機", "Cameras replaced", n -> sum(n.projects().replacements(), Project::cameras)),
			def("newInstallation.budget", 3, Unit.NTD, "新設經費", "New-installation budget",
					n -> sum(n.projects().newInstallations(), Project::budgetNtd)),
			def("subsidy.amount", 4, Unit.NTD, "中央補助款", "Central subsidies", n -> BigDecimal.valueOf(n.subsidies().amountNtd())),
			def("subsidy.cameras", 4, Unit.CAMERAS, "補助建置攝影機", "Subsidized cameras", n -> BigDecimal.valueOf(n.subsidies().cameras())),
			def("subsidy.realtimeLpr", 4, Unit.CAMERAS, "即時車牌辨識攝影機", "Real-time LPR cameras (subsidized)",
					n -> BigDecimal.valueOf(n.subsidies().realtimeLpr())),
			def("local.amount", 5, Unit.NTD, "國營事業及地方經費", "State-owned enterprise and local funds", n -> n.localAmount()),
			def("local.cameras", 5, Unit.CAMERAS, "地方經費建置攝影機", "Cameras from local funds", n -> sum(n.projects().localFunds(), Project::cameras)),
			def("lpr.cameras", 6, Unit.CAMERAS, "車牌辨識攝影機", "Cameras with plate recognition", n -> BigDecimal.valueOf(n.lprCameras())),
			def("cases.solvedWithFootage", 7, Unit.CASES, "錄影監視系統協助破案", "Cases solved with footage",
					n -> BigDecimal.valueOf(n.cases().solvedWithFootage())),
			def("cases.solved", 7, Unit.CASES, "破案件數", "Cases solved", n -> BigDecimal.valueOf(n.cases().solved())),
			def("cases.share", 7, Unit.PERCENT, "監錄協助破案比率", "Share solved with footage", n -> n.cases().sharePercent()),
			def("maintenance.budget", 8, Unit.NTD, "維護經費", "Maintenance budget", n -> BigDecimal.valueOf(n.maintenance().budgetNtd())),
			def("maintenance.companies", 8, Unit.COMPANIES, "維護廠商", "Maintenance companies",
					n -> BigDecimal.valueOf(n.maintenance().companies())),
			def("maintenance.restoredByVendors", 8, Unit.CAMERAS, "廠商修復", "Restored by vendors",
					n -> BigDecimal.valueOf(n.maintenance().restoredByVendors())),
			def("maintenance.restoredInHouse", 8, Unit.CAMERAS, "自行修復", "Restored in-house",
					n -> BigDecimal.valueOf(n.maintenance().restoredInHouse())),
			def("maintenance.availability", 8, Unit.PERCENT, "妥善率", "Availability", n -> n.availability()));

	private static final Map<String, Definition> BY_KEY = DEFINITIONS.stream()
		.collect(Collectors.toMap(Definition::key, d -> d, (a, b) -> a, LinkedHashMap::new));

	private static Definition def(String key, int item, Unit unit, String zh, String en, Function<Numbers, BigDecimal> value) {
		return new Definition(key, item, unit, zh, en, unit != Unit.PERCENT, value);
	}

	/** The figure keys, in the report's order. */
	public static List<String> figureKeys() {
		return List.copyOf(BY_KEY.keySet());
	}

	private final HalfYearQueries queries;
	private final MaintenanceFigures figures;
	private final SolvedCases solvedCases;
	private final HalfYearWording wording;
	private final Clock clock;

	HalfYearReports(HalfYearQueries queries, MaintenanceFigures figures, SolvedCases solvedCases, HalfYearWording wording,
			Clock clock) {
		this.queries = queries;
		this.figures = figures;
		this.solvedCases = solvedCases;
		this.wording = wording;
		this.clock = clock;
	}

	/** The day the figures of {@code period} are counted up to: its last day, or today while it runs. */
	public LocalDate asOf(HalfYear period) {
		LocalDate today = LocalDate.now(clock.withZone(figures.zone()));
		return period.to().isAfter(today) ? today : period.to();
	}

	/** The report of {@code period} with its maintenance table grouped by {@code grouping}, text included. */
	@Transactional(readOnly = true)
	public HalfYearReport report(HalfYear period, Grouping grouping) {
		queries.withoutJit();
		Numbers now = numbers(period, grouping);
		Numbers before = numbers(period.previous(), Grouping.PRECINCT);
		List<Figure> figureList = new ArrayList<>();
		for (Definition d : DEFINITIONS) {
			BigDecimal value = d.value().apply(now);
			BigDecimal previous = d.value().apply(before);
			figureList.add(new Figure(d.key(), d.item(), d.labelZh(), d.labelEn(), d.unit(), value, previous,
					value == null || previous == null ? null : value.subtract(previous),
					d.hasRecords() ? recordsHref(period, d.key()) : null));
		}
		MaintenanceReport byPrecinct = grouping == Grouping.PRECINCT ? now.maintenanceTable()
				: figures.figures(period.period(), Grouping.PRECINCT);
		YearMonth lastMonth = YearMonth.from(period.to());
		// while the period runs, LPR counts stop at this month: a month's end not yet reached has no count
		YearMonth lprMonth = YearMonth.from(now.asOf());
		Charts charts = new Charts(figures.availabilityByMonth(YearMonth.from(period.previous().from()), lastMonth),
				byPrecinct.rows().stream().filter(r -> r.key() != null)
					.map(r -> new PrecinctRestored(r.code(), r.nameZh(), r.nameEn(), r.restoredByVendors(), r.restoredInHouse()))
					.toList(),
				figures.lprInServiceAtMonthEnds(lprMonth.minusMonths(35), lprMonth));
		List<MaintenanceReport.Row> rows = new ArrayList<>(now.maintenanceTable().rows());
		rows.add(now.maintenanceTable().totals());
		HalfYearReport draft = new HalfYearReport(period, period.previous(), now.asOf(), clock.instant(), now.decommissioned(),
				now.projects().replacements(), now.projects().newInstallations(), now.subsidies(), now.projects().localFunds(),
				now.lprCameras(), now.cases(), now.maintenance(), grouping.param(), List.copyOf(rows), List.copyOf(figureList), charts,
				null);
		return withText(draft, wording.text(draft));
	}

	private static HalfYearReport withText(HalfYearReport r, Text text) {
		return new HalfYearReport(r.period(), r.previous(), r.asOf(), r.generatedAt(), r.decommissioned(), r.replacements(),
				r.newInstallations(), r.subsidies(), r.localFunds(), r.lprCameras(), r.cases(), r.maintenance(), r.groupBy(),
				r.maintenanceRows(), r.figures(), r.charts(), text);
	}

	static String recordsHref(HalfYear period, String figure) {
		return "/reports/half-year/records?year=" + period.year() + "&half=" + period.half() + "&figure=" + figure;
	}

	/** Everything one period's figures are read from (the previous period's too, without text and charts). */
	private record Numbers(LocalDate asOf, MaintenanceReport maintenanceTable, ProjectLists projects, Subsidies subsidies,
			BigDecimal localAmount, long lprCameras, Cases cases, Maintenance maintenance) {

		long decommissioned() {
			return maintenanceTable.totals().decommissioned();
		}

		BigDecimal availability() {
			return maintenanceTable.totals().availabilityPercent();
		}
	}

	private Numbers numbers(HalfYear period, Grouping grouping) {
		LocalDate asOf = asOf(period);
		MaintenanceReport table = figures.figures(period.period(), grouping);
		MaintenanceReport.Row totals = table.totals();
		ProjectLists projects = queries.projects(period, asOf);
		Subsidies subsidies = new Subsidies(subsidyAmount(projects, period.year()), sumLong(projects.subsidized(), Project::cameras),
				sumLong(projects.subsidized(), Project::realtimeLpr), projects.subsidized());
		BigDecimal localAmount = BigDecimal.valueOf(projects.localFunds().stream().mapToLong(p -> localAmount(projects, p.id())).sum());
		SolvedCases.Counts counts = solvedCases.solved(period.from(), period.to());
		HalfYearQueries.Contracts contracts = queries.contracts(period.year());
		Maintenance maintenance = new Maintenance(period.year(), contracts.budgetNtd(), contracts.contracts(),
				contracts.precincts(), contracts.companies(), contracts.splitByOutOfWarranty(), totals.restoredByVendors(),
				totals.restoredInHouse());
		return new Numbers(asOf, table, projects, subsidies, localAmount, figures.lprInServiceAt(asOf),
				new Cases(counts.solved(), counts.solvedWithFootage(), counts.sharePercent()), maintenance);
	}

	/** The central subsidies of {@code year} in the subsidized projects. */
	private static long subsidyAmount(ProjectLists lists, int year) {
		return lists.subsidized().stream().mapToLong(p -> subsidyAmount(lists, p.id(), year)).sum();
	}

	/** Project {@code id}'s parts paid by central subsidies of {@code year}. */
	private static long subsidyAmount(ProjectLists lists, long id, int year) {
		return lists.funding().getOrDefault(id, List.of()).stream()
			.filter(f -> "CENTRAL_SUBSIDY".equals(f.funding().kind()) && f.fiscalYear() == year)
			.mapToLong(f -> f.funding().amountNtd()).sum();
	}

	/** Project {@code id}'s parts paid by state-owned enterprises and local sources. */
	private static long localAmount(ProjectLists lists, long id) {
		return lists.funding().getOrDefault(id, List.of()).stream()
			.filter(f -> HalfYearQueries.LOCAL_KINDS.contains(f.funding().kind()))
			.mapToLong(f -> f.funding().amountNtd()).sum();
	}

	private static long sumLong(Collection<Project> projects, java.util.function.ToLongFunction<Project> value) {
		return projects.stream().mapToLong(value).sum();
	}

	private static BigDecimal sum(Collection<Project> projects, java.util.function.ToLongFunction<Project> value) {
		return BigDecimal.valueOf(sumLong(projects, value));
	}

	/**
	 * The records behind figure {@code figure} of {@code period} (at most {@code limit} rows, total always counted).
	 * An unknown figure is a 400 naming {@code figure}, a limit outside 1..{@value #MAX_LIMIT} one naming {@code limit}.
	 */
	@Transactional(readOnly = true)
	public HalfYearRecords records(HalfYear period, String figure, int limit) {
		return records(period, figure, limit, false);
	}

	/**
	 * The same; {@code caseWorker} (an administrator) sees which cases the case figures count, everybody else only
	 * how many per precinct: investigation keeps from other roles that a case exists.
	 */
	public HalfYearRecords records(HalfYear period, String figure, int limit, boolean caseWorker) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ReportInputException("limit", "reporting.error.halfYear.limit",
					"limit must be between 1 and " + MAX_LIMIT + ", not " + limit, limit, MAX_LIMIT);
		}
		String key = figure == null ? "" : figure.strip();
		queries.withoutJit();
		LocalDate asOf = asOf(period);
		if (key.startsWith(PROJECT_FIGURE)) {
			return projectCameras(period, key, limit);
		}
		Definition d = BY_KEY.get(key);
		if (d == null || !d.hasRecords()) {
			throw new ReportInputException("figure", "reporting.error.halfYear.figure", "figure must be one of "
					+ DEFINITIONS.stream().filter(Definition::hasRecords).map(Definition::key).collect(Collectors.joining(", "))
					+ " or project:<id>, not '" + figure + "'", figure);
		}
		Page page = switch (key) {
		case "decommissioned" -> queries.decommissionedCameras(period, asOf, limit);
		case "replacement.budget", "newInstallation.budget", "subsidy.amount", "local.amount" ->
			projects(queries.projects(period, asOf), key, period.year(), limit);
		case "replacement.cameras" -> queries.projectCameras(ids(queries.projects(period, asOf).replacements()), false, limit);
		case "subsidy.cameras" -> queries.projectCameras(ids(queries.projects(period, asOf).subsidized()), false, limit);
		case "subsidy.realtimeLpr" -> queries.projectCameras(ids(queries.projects(period, asOf).subsidized()), true, limit);
		case "local.cameras" -> queries.projectCameras(ids(queries.projects(period, asOf).localFunds()), false, limit);
		case "lpr.cameras" -> queries.lprCameras(asOf, limit);
		case "cases.solved", "cases.solvedWithFootage" -> caseWorker ? cases(period, key.equals("cases.solvedWithFootage"), limit)
				: casesByPrecinct(period, key.equals("cases.solvedWithFootage"));
		case "maintenance.budget", "maintenance.companies" -> queries.contracts(period.year(), limit);
		case "maintenance.restoredByVendors" -> restored(period, "RESTORED_BY_VENDOR", limit);
		case "maintenance.restoredInHouse" -> restored(period, "RESTORED_IN_HOUSE", limit);
		default -> throw new IllegalStateException("no records for " + key);
		};
		return new HalfYearRecords(period, key, d.labelZh(), d.labelEn(), page.total(), limit, page.rows());
	}

	private HalfYearRecords projectCameras(HalfYear period, String key, int limit) {
		HalfYearQueries.ProjectName project;
		try {
			project = queries.project(Long.parseLong(key.substring(PROJECT_FIGURE.length()))).orElse(null);
		}
		catch (NumberFormatException e) {
			project = null;
		}
		if (project == null) {
			throw new ReportInputException("figure", "reporting.error.halfYear.project",
					"figure " + key + " names no procurement project", key);
		}
		Page page = queries.projectCameras(List.of(project.id()), false, limit);
		return new HalfYearRecords(period, PROJECT_FIGURE + project.id(), project.code() + " " + project.nameZh() + " 攝影機",
				"Cameras of " + project.code() + " " + project.nameEn(), page.total(), limit, page.rows());
	}

	private static List<Long> ids(List<Project> projects) {
		return projects.stream().map(Project::id).toList();
	}

	/** The projects a money figure sums, each with the amount it adds (detail, NT$): the sum of the details is the figure. */
	private static Page projects(ProjectLists lists, String key, int year, int limit) {
		List<Project> projects = switch (key) {
		case "replacement.budget" -> lists.replacements();
		case "newInstallation.budget" -> lists.newInstallations();
		case "subsidy.amount" -> lists.subsidized();
		default -> lists.localFunds();
		};
		return new Page(projects.size(), projects.stream().limit(limit)
			.map(p -> new HalfYearRecords.Row("project", p.id(), p.code(), p.nameZh(), p.nameEn(),
					String.valueOf(switch (key) {
					case "subsidy.amount" -> subsidyAmount(lists, p.id(), year);
					case "local.amount" -> localAmount(lists, p.id());
					default -> p.budgetNtd();
					}), p.budgetedOn(), "/procurement/projects/" + p.id()))
			.toList());
	}

	/** The cases themselves, for administrators: number, precinct, closing day, a link; no title (it may name people). */
	private Page cases(HalfYear period, boolean withFootageOnly, int limit) {
		SolvedCases.Counts counts = solvedCases.solved(period.from(), period.to());
		List<HalfYearRecords.Row> rows = solvedCases.records(period.from(), period.to(), withFootageOnly, limit).stream()
			.map(c -> new HalfYearRecords.Row("case", c.id(), c.caseNumber(), c.precinctZh() == null ? "總局" : c.precinctZh(),
					c.precinctEn() == null ? "Headquarters" : c.precinctEn(), null, c.closedOn(), "/cases/" + c.id()))
			.toList();
		return new Page(withFootageOnly ? counts.solvedWithFootage() : counts.solved(), rows);
	}

	/** How many per precinct, for report readers who may not know which cases exist; the counts add up to the figure. */
	private Page casesByPrecinct(HalfYear period, boolean withFootageOnly) {
		List<HalfYearRecords.Row> rows = solvedCases.solvedByPrecinct(period.from(), period.to()).stream()
			.filter(p -> (withFootageOnly ? p.solvedWithFootage() : p.solved()) > 0)
			.map(p -> new HalfYearRecords.Row("case-count", p.precinctId() == null ? 0 : p.precinctId(),
					p.code() == null ? "HQ" : p.code(), p.nameZh() == null ? "總局" : p.nameZh(),
					p.nameEn() == null ? "Headquarters" : p.nameEn(),
					String.valueOf(withFootageOnly ? p.solvedWithFootage() : p.solved()), null, null))
			.toList();
		return new Page(rows.stream().mapToLong(r -> Long.parseLong(r.detail())).sum(), rows);
	}

	private Page restored(HalfYear period, String resolution, int limit) {
		Instant start = period.from().atStartOfDay(figures.zone()).toInstant();
		Instant end = period.to().plusDays(1).atStartOfDay(figures.zone()).toInstant();
		Instant now = clock.instant();
		Instant until = end.isAfter(now) ? (now.isAfter(start) ? now : start) : end;
		return queries.restoredOrders(resolution, start, until, figures.zone(), limit);
	}
}
