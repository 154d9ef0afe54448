package io.watchkeeper.reporting;

import static io.watchkeeper.reporting.CouncilStyle.amountEn;
import static io.watchkeeper.reporting.CouncilStyle.amountZh;
import static io.watchkeeper.reporting.CouncilStyle.rocDate;
import static io.watchkeeper.reporting.CouncilStyle.rocMonth;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.watchkeeper.camera.CameraDetails;
import io.watchkeeper.reporting.HalfYearReport.Funding;
import io.watchkeeper.reporting.HalfYearReport.Paragraph;
import io.watchkeeper.reporting.HalfYearReport.Project;
import io.watchkeeper.reporting.HalfYearReport.Segment;
import io.watchkeeper.reporting.HalfYearReport.Stage;

/**
 * Writes the report's text from its figures, in zh-TW in the council report's conventions ({@link CouncilStyle}:
 * amounts as 3,995萬5,000元, dates as 112年3月30日, counts in 支 and 件) and in English: one paragraph per item 1..8
 * (level 0), item 5's projects and item 8's vendors and in-house squads as sub-items (level 1). The numbering
 * (「2.」, 「(1)」) is not part of the text: whoever prints it numbers level 0 by {@link Paragraph#item()} and level 1
 * by its place under the item. Every piece that states a figure is a segment naming it: the report's figure key, or
 * {@code project:<id>} for one project's own amount or cameras.
 *
 * <p>The sentences follow the seed report's section 八 (lines 185–201 of the customer's report); a project is phrased
 * by the milestones it had reached on the report's {@code asOf} day.
 */
@Component
public class HalfYearWording {

	/** A leading ROC year of a budget line's name: 「112年」, 「112年度」. */
	private static final Pattern ROC_YEAR = Pattern.compile("^(\\d{2,3})年度?");
	/** A leading western year of an English name: "2023 ". */
	private static final Pattern WESTERN_YEAR = Pattern.compile("^(?:19|20)\\d{2}\\s+");
	/** A trailing full-width parenthetical: 「台電促協金（湖內分局茄萣地區）」 → 「台電促協金」. */
	private static final Pattern TRAILING_NOTE_ZH = Pattern.compile("\\s*（[^（）]*）$");
	private static final Pattern TRAILING_NOTE_EN = Pattern.compile("\\s*[,(][^,()]*\\)?$");
	private static final Set<String> LOCAL_KINDS = Set.of("SOE_COMMUNITY_FUND", "DONATION", "OTHER");
	private static final int SERVICE_LIFE = CameraDetails.DEFAULT_SERVICE_LIFE_YEARS;
	/** Item 5 tells the projects in the order they happened (the report: 湖內 completed 3月17日, then 岡山 3月30日). */
	private static final Comparator<Project> AS_THEY_HAPPENED = Comparator
		.comparing(HalfYearWording::stageDay, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Project::precinctZh, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparingLong(Project::id);

	/** The text of {@code report} (its own {@code text} is ignored). */
	public HalfYearReport.Text text(HalfYearReport report) {
		List<Paragraph> zh = new ArrayList<>();
		List<Paragraph> en = new ArrayList<>();
		item1(report, zh, en);
		item2(report, zh, en);
		item3(report, zh, en);
		item4(report, zh, en);
		item5(report, zh, en);
		item6(report, zh, en);
		item7(report, zh, en);
		item8(report, zh, en);
		return new HalfYearReport.Text(List.copyOf(zh), List.copyOf(en));
	}

	private static void item1(HalfYearReport r, List<Paragraph> zh, List<Paragraph> en) {
		Words z = new Words(1, 0);
		Words e = new Words(1, 0);
		if (r.decommissioned() > 0) {
			z.text("錄影監視系統適時汰舊換新，本期汰除已逾" + SERVICE_LIFE + "年使用年限，且故障或不符治安需要而無修復效益之攝影機")
				.figure(CouncilStyle.cameras(r.decommissioned()), "decommissioned").text("。");
			e.text("Cameras are renewed in good time: in the period, ")
				.figure(camerasEn(r.decommissioned()), "decommissioned")
				.text(" past their " + SERVICE_LIFE + "-year service life and faulty, or no longer needed and not worth "
						+ "repairing, were decommissioned.");
		}
		else {
			z.text("錄影監視系統適時汰舊換新，本期無汰除之攝影機。");
			e.text("No camera was decommissioned in the period.");
		}
		zh.add(z.paragraph());
		en.add(e.paragraph());
	}

	/**
	 * 「112年「汰換使用逾8年重要路口監視器」預算金額3,995萬5,000元併「監錄系統導入車牌辨識等影像分析功能」預算1,000萬元，合計
	 * 4,995萬5,000元，汰換使用逾8年錄影監視系統攝影機530支，已於112年3月30日決標，4月21日開工，預計112年12月完工。」
	 */
	private static void item2(HalfYearReport r, List<Paragraph> zh, List<Paragraph> en) {
		Words z = new Words(2, 0);
		Words e = new Words(2, 0);
		List<Project> projects = r.replacements();
		boolean one = projects.size() == 1;
		for (Project p : projects) {
			String budgetKey = one ? "replacement.budget" : projectKey(p);
			String camerasKey = one ? "replacement.cameras" : projectKey(p);
			List<Funding> funding = p.funding().isEmpty()
					? List.of(new Funding(0, p.code(), "CITY_BUDGET", p.nameZh(), p.nameEn(), null, p.budgetNtd()))
					: p.funding();
			z.text(rocYearOf(funding.get(0).nameZh(), r) + "年");
			e.text(westernYearOf(funding.get(0).nameZh(), r) + " budget ");
			for (int i = 0; i < funding.size(); i++) {
				Funding f = funding.get(i);
				String amountKey = funding.size() == 1 ? budgetKey : projectKey(p);
				z.text((i == 0 ? "" : "併") + "「" + withoutYear(f.nameZh()) + "」" + (i == 0 ? "預算金額" : "預算"))
					.figure(amountZh(f.amountNtd()), amountKey);
				e.text((i == 0 ? "" : i == funding.size() - 1 ? " and " : ", ") + "\"" + withoutYearEn(f.nameEn()) + "\" ")
					.figure(amountEn(f.amountNtd()), amountKey);
			}
			if (funding.size() > 1) {
				z.text("，合計").figure(amountZh(p.budgetNtd()), budgetKey);
				e.text(", ").figure(amountEn(p.budgetNtd()), budgetKey).text(" in all");
			}
			z.text("，汰換使用逾" + SERVICE_LIFE + "年錄影監視系統攝影機").figure(CouncilStyle.cameras(p.cameras()), camerasKey);
			e.text(", to replace ").figure(camerasEn(p.cameras()), camerasKey)
				.text(" in service for over " + SERVICE_LIFE + " years");
			stageZh(z.text("，"), p, null);
			stageEn(e.text("; "), p);
			z.text("。");
			e.text(".");
			if (!one) {
				e.text(" ");
			}
		}
		if (projects.isEmpty()) {
			z.text("本期無汰換案。");
			e.text("No replacement project was active in the period.");
		}
		else if (!one) {
			long budget = projects.stream().mapToLong(Project::budgetNtd).sum();
			long cameras = projects.stream().mapToLong(Project::cameras).sum();
			z.text("以上汰換案合計預算").figure(amountZh(budget), "replacement.budget").text("，攝影機")
				.figure(CouncilStyle.cameras(cameras), "replacement.cameras").text("。");
			e.text("Together: ").figure(amountEn(budget), "replacement.budget").text(" for ")
				.figure(camerasEn(cameras), "replacement.cameras").text(".");
		}
		zh.add(z.paragraph());
		en.add(e.paragraph());
	}

	/** 「112年追加編列新增本市重要路口錄影監視系統設備預算3,000萬元，於112年6月20日經市議會三讀審議通過，刻正辦理招標採購事宜中。」 */
	private static void item3(HalfYearReport r, List<Paragraph> zh, List<Paragraph> en) {
		Words z = new Words(3, 0);
		Words e = new Words(3, 0);
		List<Project> projects = r.newInstallations();
		boolean one = projects.size() == 1;
		for (Project p : projects) {
			String key = one ? "newInstallation.budget" : projectKey(p);
			z.text(rocYearOf(p.nameZh(), r) + "年" + withoutYear(p.nameZh()) + "預算").figure(amountZh(p.budgetNtd()), key);
			e.text("The " + westernYearOf(p.nameZh(), r) + " budget \"" + withoutYearEn(p.nameEn()) + "\" of ")
				.figure(amountEn(p.budgetNtd()), key);
			if (p.budgetedOn() != null) {
				z.text("，於" + rocDate(p.budgetedOn()) + "經市議會三讀審議通過");
				e.text(" was passed by the City Council on " + p.budgetedOn());
			}
			else {
				e.text(" was passed");
			}
			stageZh(z.text("，"), p, p.budgetedOn());
			stageEn(e.text("; "), p);
			z.text("。");
			e.text(". ");
		}
		if (projects.isEmpty()) {
			z.text("本期無新增監視器預算經審議通過。");
			e.text("No budget for new cameras was passed in the period.");
		}
		else if (!one) {
			long budget = projects.stream().mapToLong(Project::budgetNtd).sum();
			z.text("以上合計").figure(amountZh(budget), "newInstallation.budget").text("。");
			e.text("Together: ").figure(amountEn(budget), "newInstallation.budget").text(".");
		}
		zh.add(z.paragraph());
		en.add(e.trimmed());
	}

	/** 「截至112年6月底止，警察局爭取中央補助設置監視器經費合計2,052萬6,000元，預計建置219支攝影機，其中40支導入即時車辨功能。」 */
	private static void item4(HalfYearReport r, List<Paragraph> zh, List<Paragraph> en) {
		Words z = new Words(4, 0);
		Words e = new Words(4, 0);
		YearMonth end = YearMonth.from(r.period().to());
		HalfYearReport.Subsidies s = r.subsidies();
		z.text("截至" + CouncilStyle.rocMonthEnd(end) + "止，");
		e.text("By the end of " + monthEn(end) + ", ");
		if (s.amountNtd() == 0 && s.cameras() == 0) {
			z.text("本年度尚無中央補助設置監視器經費。");
			e.text("no central-government subsidy for cameras had been obtained this year.");
		}
		else {
			boolean built = !s.projects().isEmpty() && s.projects().stream()
				.allMatch(p -> p.stage() == Stage.COMPLETED || p.stage() == Stage.ACCEPTED);
			z.text("警察局爭取中央補助設置監視器經費合計").figure(amountZh(s.amountNtd()), "subsidy.amount")
				.text(built ? "，已建置" : "，預計建置").figure(CouncilStyle.cameras(s.cameras()), "subsidy.cameras").text("攝影機");
			e.text("the police had obtained central-government subsidies for cameras of ")
				.figure(amountEn(s.amountNtd()), "subsidy.amount").text(built ? ", which installed " : ", to install ")
				.figure(camerasEn(s.cameras()), "subsidy.cameras");
			if (s.realtimeLpr() > 0) {
				z.text("，其中").figure(CouncilStyle.cameras(s.realtimeLpr()), "subsidy.realtimeLpr").text("導入即時車辨功能");
				e.text(", ").figure(CouncilStyle.number(s.realtimeLpr()), "subsidy.realtimeLpr")
					.text(" of them with real-time plate recognition");
			}
			z.text("。");
			e.text(".");
		}
		zh.add(z.paragraph());
		en.add(e.paragraph());
	}

	/**
	 * 「爭取台電等國營事業、地方補助：」, then per project 「湖內分局：台電促協金350萬元，於茄萣區裝設50支攝影機，已於112年3月17日完工，
	 * 3月29日驗收完畢。」
	 */
	private static void item5(HalfYearReport r, List<Paragraph> zh, List<Paragraph> en) {
		List<Project> projects = r.localFunds();
		boolean taipower = projects.stream().flatMap(p -> localFunding(p).stream())
			.anyMatch(f -> f.nameZh().startsWith("台電"));
		if (projects.isEmpty()) {
			zh.add(new Words(5, 0).text("爭取國營事業、地方補助：本期無國營事業或地方補助之建置案。").paragraph());
			en.add(new Words(5, 0).text("Funds from state-owned enterprises and local sources: none in the period.").paragraph());
			return;
		}
		zh.add(new Words(5, 0).text(taipower ? "爭取台電等國營事業、地方補助：" : "爭取國營事業、地方補助：").paragraph());
		en.add(new Words(5, 0).text("Funds obtained from state-owned enterprises" + (taipower ? " such as Taipower" : "")
				+ " and local sources:").paragraph());
		for (Project p : projects.stream().sorted(AS_THEY_HAPPENED).toList()) {
			Words z = new Words(5, 1);
			Words e = new Words(5, 1);
			String key = projectKey(p);
			z.text((p.precinctZh() == null ? "警察局" : p.precinctZh()) + "：");
			e.text((p.precinctEn() == null ? "Police headquarters" : p.precinctEn()) + ": ");
			List<Funding> funding = localFunding(p);
			for (int i = 0; i < funding.size(); i++) {
				Funding f = funding.get(i);
				z.text((i == 0 ? "" : "、") + shortName(f.nameZh())).figure(amountZh(f.amountNtd()), key);
				e.text(i == 0 ? "" : " and ").figure(amountEn(f.amountNtd()), key).text(" from " + shortNameEn(f));
			}
			z.text("，" + (p.districtZh() == null ? "" : "於" + p.districtZh()) + "裝設")
				.figure(CouncilStyle.cameras(p.cameras()), key).text("攝影機");
			e.text(" for ").figure(camerasEn(p.cameras()), key).text(p.districtEn() == null ? "" : " in " + p.districtEn());
			stageZh(z.text("，"), p, null);
			stageEn(e.text("; "), p);
			zh.add(z.text("。").paragraph());
			en.add(e.text(".").paragraph());
		}
	}

	/** 「導入車牌辨識及軌跡查詢等智慧分析功能至112年6月計有3,178支。」 */
	private static void item6(HalfYearReport r, List<Paragraph> zh, List<Paragraph> en) {
		YearMonth end = YearMonth.from(r.period().to());
		zh.add(new Words(6, 0).text("導入車牌辨識及軌跡查詢等智慧分析功能至" + rocMonth(end) + "計有")
			.figure(CouncilStyle.cameras(r.lprCameras()), "lpr.cameras").text("。").paragraph());
		en.add(new Words(6, 0).text("Plate recognition and trajectory search were available on ")
			.figure(camerasEn(r.lprCameras()), "lpr.cameras").text(" at the end of " + monthEn(end) + ".").paragraph());
	}

	/** 「本期因調閱監視器而破獲刑案件數計1,414件，占全般刑案查獲數15.0%。」 */
	private static void item7(HalfYearReport r, List<Paragraph> zh, List<Paragraph> en) {
		Words z = new Words(7, 0);
		Words e = new Words(7, 0);
		HalfYearReport.Cases c = r.cases();
		if (c.solved() == 0) {
			z.text("本期無查獲刑案。");
			e.text("No criminal case was solved in the period.");
		}
		else {
			z.text("本期因調閱監視器而破獲刑案件數計").figure(CouncilStyle.cases(c.solvedWithFootage()), "cases.solvedWithFootage");
			e.text("In the period, ").figure(CouncilStyle.countEn(c.solvedWithFootage(), "criminal case", "criminal cases"),
					"cases.solvedWithFootage").text(" were solved with camera footage contributing");
			if (c.sharePercent() != null) {
				z.text("，占全般刑案查獲數").figure(CouncilStyle.percentZh(c.sharePercent()), "cases.share");
				e.text(", ").figure(CouncilStyle.percentEn(c.sharePercent()), "cases.share").text(" of all cases solved");
			}
			z.text("。");
			e.text(".");
		}
		zh.add(z.paragraph());
		en.add(e.paragraph());
	}

	/**
	 * 「加強保養維運能力：」, (1) 「112年度錄影監視系統維運案總預算金額6,976萬9,000元，按逾保固期監視器數量依比率下授各分局辦理招標，
	 * 分別由7家公司得標，提升維修效率，本期計經維修恢復畫面之監視器數2,360支。」, (2) the squads' 4,849支.
	 */
	private static void item8(HalfYearReport r, List<Paragraph> zh, List<Paragraph> en) {
		HalfYearReport.Maintenance m = r.maintenance();
		zh.add(new Words(8, 0).text("加強保養維運能力：").paragraph());
		en.add(new Words(8, 0).text("Maintenance:").paragraph());
		Words z = new Words(8, 1);
		Words e = new Words(8, 1);
		if (m.contracts() > 0) {
			z.text(CouncilStyle.rocYear(m.fiscalYear()) + "年度錄影監視系統維運案總預算金額")
				.figure(amountZh(m.budgetNtd()), "maintenance.budget");
			e.text("The " + m.fiscalYear() + " CCTV maintenance contracts total ").figure(amountEn(m.budgetNtd()),
					"maintenance.budget");
			if (m.splitByOutOfWarranty()) {
				z.text("，按逾保固期監視器數量依比率下授各分局辦理招標");
				e.text(", shared among the precincts in proportion to their cameras out of warranty for each to tender");
			}
			else if (m.precincts() > 1) {
				z.text("，由各分局辦理招標");
				e.text(", tendered by the precincts");
			}
			z.text(m.companies() > 1 ? "，分別由" : "，由").figure(CouncilStyle.companies(m.companies()), "maintenance.companies")
				.text("公司得標，提升維修效率，");
			e.text("; ").figure(CouncilStyle.countEn(m.companies(), "company", "companies"), "maintenance.companies")
				.text(m.companies() == 1 ? " won it. " : " won them. ");
		}
		else {
			z.text(CouncilStyle.rocYear(m.fiscalYear()) + "年度無錄影監視系統維運案，");
			e.text("There are no " + m.fiscalYear() + " CCTV maintenance contracts. ");
		}
		z.text("本期計經維修恢復畫面之監視器數").figure(CouncilStyle.cameras(m.restoredByVendors()), "maintenance.restoredByVendors")
			.text("。");
		e.text("In the period, the vendors restored the picture of ")
			.figure(camerasEn(m.restoredByVendors()), "maintenance.restoredByVendors").text(".");
		zh.add(z.paragraph());
		en.add(e.paragraph());
		zh.add(new Words(8, 1).text("為加快故障監錄設備維護速度，警察局及各分局均組成維修小組，針對專業技術程度較低或不需較精密儀器零件之故障問題，"
				+ "本期計自力維修恢復畫面之監視器數").figure(CouncilStyle.cameras(m.restoredInHouse()), "maintenance.restoredInHouse")
			.text("。").paragraph());
		en.add(new Words(8, 1).text("To repair faults faster, headquarters and every precinct have repair squads for faults that "
				+ "need little specialist skill or precision parts; in the period they restored the picture of ")
			.figure(camerasEn(m.restoredInHouse()), "maintenance.restoredInHouse").text(" themselves.").paragraph());
	}

	/**
	 * The project's stage on the report's day: the milestones it reached (「已於112年3月30日決標，4月21日開工」, a date of
	 * the same year as the one before it in the sentence without its year), then what comes next (「預計112年12月完工」,
	 * 「刻正辦理招標採購事宜中」).
	 */
	static void stageZh(Words z, Project p, LocalDate before) {
		List<String> parts = new ArrayList<>();
		LocalDate last = before;
		String[] labels = { "決標", "開工", "完工", "驗收完畢" };
		LocalDate[] days = { p.awardedOn(), p.startedOn(), p.completedOn(), p.acceptedOn() };
		StringBuilder done = new StringBuilder();
		for (int i = 0; i < days.length; i++) {
			if (days[i] != null) {
				done.append(done.isEmpty() ? "已於" : "，").append(rocDate(days[i], last)).append(labels[i]);
				last = days[i];
			}
		}
		if (!done.isEmpty()) {
			parts.add(done.toString());
		}
		if (p.awardedOn() == null && p.completedOn() == null) {
			parts.add(switch (p.stage()) {
			case TENDERING -> "刻正辦理招標採購事宜中";
			case PLANNED, BUDGETED -> "將辦理招標採購";
			default -> "刻正施工中";
			});
		}
		if (p.completedOn() == null && p.completionDueOn() != null) {
			parts.add("預計" + rocMonth(YearMonth.from(p.completionDueOn())) + "完工");
		}
		z.text(String.join("，", parts));
	}

	static void stageEn(Words e, Project p) {
		List<String> parts = new ArrayList<>();
		if (p.awardedOn() != null) {
			parts.add("tender awarded on " + p.awardedOn());
		}
		if (p.startedOn() != null) {
			parts.add("work started on " + p.startedOn());
		}
		if (p.completedOn() != null) {
			parts.add("completed on " + p.completedOn());
		}
		if (p.acceptedOn() != null) {
			parts.add("accepted on " + p.acceptedOn());
		}
		if (p.awardedOn() == null && p.completedOn() == null) {
			parts.add(switch (p.stage()) {
			case TENDERING -> "the tender is under way";
			case PLANNED, BUDGETED -> "the tender is yet to be held";
			default -> "work is under way";
			});
		}
		if (p.completedOn() == null && p.completionDueOn() != null) {
			parts.add("due for completion in " + monthEn(YearMonth.from(p.completionDueOn())));
		}
		e.text(String.join(", ", parts));
	}

	/** The day the project reached its stage: completed, else started, awarded, tendering, budgeted. */
	private static LocalDate stageDay(Project p) {
		for (LocalDate day : new LocalDate[] { p.completedOn(), p.startedOn(), p.awardedOn(), p.tenderingOn(), p.budgetedOn() }) {
			if (day != null) {
				return day;
			}
		}
		return null;
	}

	/** The parts paid by state-owned enterprises and local sources; all of them when there are none of those kinds. */
	private static List<Funding> localFunding(Project p) {
		List<Funding> local = p.funding().stream().filter(f -> LOCAL_KINDS.contains(f.kind())).toList();
		return local.isEmpty() ? p.funding() : local;
	}

	private static String projectKey(Project p) {
		return "project:" + p.id();
	}

	/** The ROC year a name starts with (「112年汰換…」 → 112), else the period's. */
	private static int rocYearOf(String nameZh, HalfYearReport r) {
		Matcher m = ROC_YEAR.matcher(nameZh == null ? "" : nameZh);
		return m.find() ? Integer.parseInt(m.group(1)) : r.period().rocYear();
	}

	private static int westernYearOf(String nameZh, HalfYearReport r) {
		return rocYearOf(nameZh, r) + 1911;
	}

	/** 「112年汰換使用逾8年重要路口監視器」 → 「汰換使用逾8年重要路口監視器」. */
	static String withoutYear(String nameZh) {
		return ROC_YEAR.matcher(nameZh).replaceFirst("");
	}

	private static String withoutYearEn(String nameEn) {
		String name = WESTERN_YEAR.matcher(nameEn == null ? "" : nameEn).replaceFirst("");
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** 「台電促協金（湖內分局茄萣地區）」 → 「台電促協金」 (the report's short label), without a leading year. */
	static String shortName(String nameZh) {
		return TRAILING_NOTE_ZH.matcher(withoutYear(nameZh)).replaceFirst("");
	}

	/** "Taipower community fund, Hunei precinct (Qieding)" → "the Taipower community fund". */
	private static String shortNameEn(Funding f) {
		String name = TRAILING_NOTE_EN.matcher(withoutYearEn(f.nameEn())).replaceFirst("");
		name = TRAILING_NOTE_EN.matcher(name).replaceFirst("");
		return "the " + (name.isEmpty() ? f.code() : name);
	}

	private static String camerasEn(long n) {
		return CouncilStyle.countEn(n, "camera", "cameras");
	}

	/** "June 2023". */
	private static String monthEn(YearMonth month) {
		return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
	}

	/** A paragraph in the making: plain pieces run together, a figure is a piece of its own. */
	static final class Words {

		private final int item;
		private final int level;
		private final List<Segment> segments = new ArrayList<>();
		private final StringBuilder plain = new StringBuilder();

		Words(int item, int level) {
			this.item = item;
			this.level = level;
		}

		Words text(String text) {
			plain.append(text);
			return this;
		}

		Words figure(String text, String key) {
			flush();
			segments.add(new Segment(text, key));
			return this;
		}

		Paragraph paragraph() {
			flush();
			return new Paragraph(item, level, List.copyOf(segments));
		}

		/** The paragraph without trailing blanks (sentences were joined with a space). */
		Paragraph trimmed() {
			String rest = plain.toString().stripTrailing();
			plain.setLength(0);
			plain.append(rest);
			return paragraph();
		}

		private void flush() {
			if (!plain.isEmpty()) {
				segments.add(new Segment(plain.toString(), null));
				plain.setLength(0);
			}
		}
	}
}
