package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.watchkeeper.reporting.HalfYearReport.Cases;
import io.watchkeeper.reporting.HalfYearReport.Funding;
import io.watchkeeper.reporting.HalfYearReport.Maintenance;
import io.watchkeeper.reporting.HalfYearReport.Paragraph;
import io.watchkeeper.reporting.HalfYearReport.Project;
import io.watchkeeper.reporting.HalfYearReport.Segment;
import io.watchkeeper.reporting.HalfYearReport.Stage;
import io.watchkeeper.reporting.HalfYearReport.Subsidies;

/**
 * The wording over a report built by hand with the customer's figures for 112年上半年 (the demo's projects, funding
 * names and dates), its stage variants and empty items. No database.
 */
class HalfYearWordingTest {

	static final HalfYear H1_2023 = new HalfYear(2023, 1);

	final HalfYearWording wording = new HalfYearWording();

	static Funding funding(long id, String kind, String zh, String en, long amount) {
		return new Funding(id, "F" + id, kind, zh, en, null, amount);
	}

	static Project project(long id, String zh, String en, long budget, String precinctZh, String precinctEn,
			String districtZh, String districtEn, long cameras, long realtime, List<Funding> funding, Stage stage,
			LocalDate budgeted, LocalDate tendering, LocalDate awarded, LocalDate started, LocalDate due,
			LocalDate completed, LocalDate accepted) {
		return new Project(id, "P" + id, zh, en, "NEW_INSTALLATION", budget, precinctZh == null ? null : id, precinctZh,
				precinctEn, districtZh, districtEn, cameras, realtime, funding, stage, budgeted, tendering, awarded, started,
				due, completed, accepted);
	}

	static final Project REPLACEMENT = project(1, "112年汰換使用逾8年重要路口監視器（併導入車牌辨識等影像分析功能）",
			"2023 replacement of 530 cameras", 49_955_000, null, null, null, null, 530, 0,
			List.of(funding(11, "CITY_BUDGET", "112年汰換使用逾8年重要路口監視器", "2023 replacement of intersection cameras over 8 years old", 39_955_000),
					funding(12, "CITY_BUDGET", "112年監錄系統導入車牌辨識等影像分析功能", "2023 licence-plate recognition and video analytics", 10_000_000)),
			Stage.STARTED, null, null, LocalDate.of(2023, 3, 30), LocalDate.of(2023, 4, 21), LocalDate.of(2023, 12, 31), null, null);
	static final Project NEW_30M = project(2, "112年追加編列新增本市重要路口錄影監視系統設備",
			"2023 new intersection cameras (supplementary budget)", 30_000_000, null, null, null, null, 0, 0,
			List.of(funding(13, "CITY_BUDGET", "112年追加編列新增本市重要路口錄影監視系統設備", "2023 supplementary budget for new intersection cameras", 30_000_000)),
			Stage.TENDERING, LocalDate.of(2023, 6, 20), LocalDate.of(2023, 6, 30), null, null, null, null, null);
	static final Project SUBSIDY = project(3, "中央補助設置監視器（219支，其中40支即時車辨）", "Central-subsidy cameras", 20_526_000,
			null, null, null, null, 219, 40, List.of(funding(14, "CENTRAL_SUBSIDY", "中央補助設置監視器經費", "Central-government subsidy for cameras", 20_526_000)),
			Stage.BUDGETED, LocalDate.of(2023, 6, 30), null, null, null, LocalDate.of(2023, 12, 31), null, null);
	static final Project HUNEI = project(4, "台電促協金湖內分局茄萣地區監視器（50支）", "Taipower community fund: 50 cameras in Qieding",
			3_500_000, "湖內分局", "Hunei Precinct", "茄萣區", "Qieding", 50, 0,
			List.of(funding(15, "SOE_COMMUNITY_FUND", "台電促協金（湖內分局茄萣地區）", "Taipower community fund, Hunei precinct (Qieding)", 3_500_000)),
			Stage.ACCEPTED, null, null, null, null, null, LocalDate.of(2023, 3, 17), LocalDate.of(2023, 3, 29));
	static final Project GANGSHAN = project(5, "台電促協金岡山分局永安區監視器（52支）", "Taipower community fund: 52 cameras in Yong'an",
			5_000_000, "岡山分局", "Gangshan Precinct", "永安區", "Yong'an", 52, 0,
			List.of(funding(16, "SOE_COMMUNITY_FUND", "台電促協金（岡山分局永安區）", "Taipower community fund, Gangshan precinct (Yong'an)", 5_000_000)),
			Stage.ACCEPTED, null, null, null, null, null, LocalDate.of(2023, 3, 30), LocalDate.of(2023, 4, 21));

	static HalfYearReport report(long decommissioned, List<Project> replacements, List<Project> newInstallations,
			Subsidies subsidies, List<Project> localFunds, long lpr, Cases cases, Maintenance maintenance) {
		return new HalfYearReport(H1_2023, H1_2023.previous(), H1_2023.to(), Instant.parse("2023-07-01T00:00:00Z"),
				decommissioned, replacements, newInstallations, subsidies, localFunds, lpr, cases, maintenance, "precinct",
				List.of(), List.of(), null, null);
	}

	static HalfYearReport customers() {
		return report(120, List.of(REPLACEMENT), List.of(NEW_30M), new Subsidies(20_526_000, 219, 40, List.of(SUBSIDY)),
				List.of(GANGSHAN, HUNEI), 3_178, new Cases(9_427, 1_414, new BigDecimal("15.0")),
				new Maintenance(2023, 69_769_000, 17, 17, 7, true, 2_360, 4_849));
	}

	static List<String> plain(List<Paragraph> paragraphs) {
		return paragraphs.stream().map(Paragraph::plain).toList();
	}

	@Test
	void theCustomersFiguresGiveTheCustomersSentences() {
		HalfYearReport.Text text = wording.text(customers());
		assertThat(text.zh()).extracting(Paragraph::item).containsExactly(1, 2, 3, 4, 5, 5, 5, 6, 7, 8, 8, 8);
		assertThat(text.zh()).extracting(Paragraph::level).containsExactly(0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1);
		assertThat(plain(text.zh())).containsExactly(
				"錄影監視系統適時汰舊換新，本期汰除已逾8年使用年限，且故障或不符治安需要而無修復效益之攝影機120支。",
				"112年「汰換使用逾8年重要路口監視器」預算金額3,995萬5,000元併「監錄系統導入車牌辨識等影像分析功能」預算1,000萬元，"
						+ "合計4,995萬5,000元，汰換使用逾8年錄影監視系統攝影機530支，已於112年3月30日決標，4月21日開工，預計112年12月完工。",
				// the customer adds 「已委請專業廠商逐一現勘地點及路段」: no record holds it
				"112年追加編列新增本市重要路口錄影監視系統設備預算3,000萬元，於112年6月20日經市議會三讀審議通過，刻正辦理招標採購事宜中。",
				"截至112年6月底止，警察局爭取中央補助設置監視器經費合計2,052萬6,000元，預計建置219支攝影機，其中40支導入即時車辨功能。",
				"爭取台電等國營事業、地方補助：",
				// the customer writes 「(1)湖內分局：」 on a line of its own and 茄萣地區; the registry's district is 茄萣區
				"湖內分局：台電促協金350萬元，於茄萣區裝設50支攝影機，已於112年3月17日完工，3月29日驗收完畢。",
				"岡山分局：台電促協金500萬元，於永安區裝設52支攝影機，已於112年3月30日完工，4月21日驗收完畢。",
				"導入車牌辨識及軌跡查詢等智慧分析功能至112年6月計有3,178支。",
				"本期因調閱監視器而破獲刑案件數計1,414件，占全般刑案查獲數15.0%。",
				"加強保養維運能力：",
				"112年度錄影監視系統維運案總預算金額6,976萬9,000元，按逾保固期監視器數量依比率下授各分局辦理招標，分別由7家公司得標，"
						+ "提升維修效率，本期計經維修恢復畫面之監視器數2,360支。",
				"為加快故障監錄設備維護速度，警察局及各分局均組成維修小組，針對專業技術程度較低或不需較精密儀器零件之故障問題，"
						+ "本期計自力維修恢復畫面之監視器數4,849支。");
	}

	@Test
	void everyPieceThatStatesAFigureNamesIt() {
		List<Segment> zh = wordingSegments(wording.text(customers()).zh());
		assertThat(zh).filteredOn(s -> s.figure() != null).extracting(Segment::text, Segment::figure).containsExactly(
				org.assertj.core.groups.Tuple.tuple("120支", "decommissioned"),
				org.assertj.core.groups.Tuple.tuple("3,995萬5,000元", "project:1"),
				org.assertj.core.groups.Tuple.tuple("1,000萬元", "project:1"),
				org.assertj.core.groups.Tuple.tuple("4,995萬5,000元", "replacement.budget"),
				org.assertj.core.groups.Tuple.tuple("530支", "replacement.cameras"),
				org.assertj.core.groups.Tuple.tuple("3,000萬元", "newInstallation.budget"),
				org.assertj.core.groups.Tuple.tuple("2,052萬6,000元", "subsidy.amount"),
				org.assertj.core.groups.Tuple.tuple("219支", "subsidy.cameras"),
				org.assertj.core.groups.Tuple.tuple("40支", "subsidy.realtimeLpr"),
				org.assertj.core.groups.Tuple.tuple("350萬元", "project:4"),
				org.assertj.core.groups.Tuple.tuple("50支", "project:4"),
				org.assertj.core.groups.Tuple.tuple("500萬元", "project:5"),
				org.assertj.core.groups.Tuple.tuple("52支", "project:5"),
				org.assertj.core.groups.Tuple.tuple("3,178支", "lpr.cameras"),
				org.assertj.core.groups.Tuple.tuple("1,414件", "cases.solvedWithFootage"),
				org.assertj.core.groups.Tuple.tuple("15.0%", "cases.share"),
				org.assertj.core.groups.Tuple.tuple("6,976萬9,000元", "maintenance.budget"),
				org.assertj.core.groups.Tuple.tuple("7家", "maintenance.companies"),
				org.assertj.core.groups.Tuple.tuple("2,360支", "maintenance.restoredByVendors"),
				org.assertj.core.groups.Tuple.tuple("4,849支", "maintenance.restoredInHouse"));
		// no digit outside a figure but years, dates and the service life
		assertThat(zh).filteredOn(s -> s.figure() == null).extracting(Segment::text)
			.allSatisfy(t -> assertThat(t.replaceAll("\\d+年\\d+月\\d+日|\\d+月\\d+日|\\d+年\\d+月|112年|逾8年", "")).doesNotContainPattern("\\d"));
		// English names the same figures in the same order
		assertThat(wordingSegments(wording.text(customers()).en())).filteredOn(s -> s.figure() != null)
			.extracting(Segment::figure).containsExactlyElementsOf(zh.stream().map(Segment::figure).filter(Objects::nonNull).toList());
	}

	@Test
	void theEnglishReadsRight() {
		List<String> en = plain(wording.text(customers()).en());
		assertThat(en).hasSize(12);
		assertThat(en.get(0)).isEqualTo("Cameras are renewed in good time: in the period, 120 cameras past their 8-year service "
				+ "life and faulty, or no longer needed and not worth repairing, were decommissioned.");
		assertThat(en.get(1)).isEqualTo("2023 budget \"Replacement of intersection cameras over 8 years old\" NT$39,955,000 and "
				+ "\"Licence-plate recognition and video analytics\" NT$10,000,000, NT$49,955,000 in all, to replace 530 cameras in "
				+ "service for over 8 years; tender awarded on 2023-03-30, work started on 2023-04-21, due for completion in "
				+ "December 2023.");
		assertThat(en.get(2)).isEqualTo("The 2023 budget \"New intersection cameras (supplementary budget)\" of NT$30,000,000 was "
				+ "passed by the City Council on 2023-06-20; the tender is under way.");
		assertThat(en.get(3)).isEqualTo("By the end of June 2023, the police had obtained central-government subsidies for cameras "
				+ "of NT$20,526,000, to install 219 cameras, 40 of them with real-time plate recognition.");
		assertThat(en.get(5)).isEqualTo("Hunei Precinct: NT$3,500,000 from the Taipower community fund for 50 cameras in Qieding; "
				+ "completed on 2023-03-17, accepted on 2023-03-29.");
		assertThat(en.get(7)).isEqualTo("Plate recognition and trajectory search were available on 3,178 cameras at the end of June 2023.");
		assertThat(en.get(8)).isEqualTo("In the period, 1,414 criminal cases were solved with camera footage contributing, 15.0 % of all cases solved.");
		assertThat(en.get(10)).isEqualTo("The 2023 CCTV maintenance contracts total NT$69,769,000, shared among the precincts in "
				+ "proportion to their cameras out of warranty for each to tender; 7 companies won them. In the period, the vendors "
				+ "restored the picture of 2,360 cameras.");
		assertThat(en).allSatisfy(t -> assertThat(t).doesNotContain("  ").doesNotEndWith(" ").doesNotContain("null"));
	}

	@Test
	void aProjectIsPhrasedByTheStageItHadReached() {
		Project budgeted = withStage(NEW_30M, Stage.BUDGETED, null, null, null, null, null);
		assertThat(item(3, report(0, List.of(), List.of(budgeted), empty(), List.of(), 0, noCases(), noContracts())))
			.isEqualTo("112年追加編列新增本市重要路口錄影監視系統設備預算3,000萬元，於112年6月20日經市議會三讀審議通過，將辦理招標採購。");
		Project awarded = withStage(NEW_30M, Stage.AWARDED, LocalDate.of(2023, 6, 28), null, LocalDate.of(2024, 3, 31), null, null);
		assertThat(item(3, report(0, List.of(), List.of(awarded), empty(), List.of(), 0, noCases(), noContracts())))
			.as("a date of the same year as the one before it in the sentence goes without its year")
			.isEqualTo("112年追加編列新增本市重要路口錄影監視系統設備預算3,000萬元，於112年6月20日經市議會三讀審議通過，已於6月28日決標，預計113年3月完工。");
		Project accepted = withStage(REPLACEMENT, Stage.ACCEPTED, LocalDate.of(2023, 3, 30), LocalDate.of(2023, 4, 21),
				LocalDate.of(2023, 12, 31), LocalDate.of(2023, 12, 20), LocalDate.of(2024, 1, 19));
		assertThat(item(2, report(0, List.of(accepted), List.of(), empty(), List.of(), 0, noCases(), noContracts())))
			.endsWith("攝影機530支，已於112年3月30日決標，4月21日開工，12月20日完工，113年1月19日驗收完畢。");
		Project tendering = withStage(REPLACEMENT, Stage.TENDERING, null, null, LocalDate.of(2023, 12, 31), null, null);
		assertThat(item(2, report(0, List.of(tendering), List.of(), empty(), List.of(), 0, noCases(), noContracts())))
			.endsWith("攝影機530支，刻正辦理招標採購事宜中，預計112年12月完工。");
		assertThat(plain(wording.text(report(0, List.of(tendering), List.of(), empty(), List.of(), 0, noCases(), noContracts())).en())
			.get(1)).endsWith("530 cameras in service for over 8 years; the tender is under way, due for completion in December 2023.");
	}

	@Test
	void severalProjectsEachStateTheirOwnAndTheTotalFollows() {
		Project second = new Project(9, "P9", "112年LPR升級", "2023 LPR upgrade", "LPR_UPGRADE", 2_000_000, null, null, null, null,
				null, 20, 0, List.of(funding(19, "CITY_BUDGET", "112年車牌辨識升級", "2023 LPR upgrade", 2_000_000)), Stage.AWARDED,
				null, null, LocalDate.of(2023, 5, 2), null, null, null, null);
		HalfYearReport.Text text = wording.text(report(0, List.of(REPLACEMENT, second), List.of(), empty(), List.of(), 0,
				noCases(), noContracts()));
		Paragraph item2 = text.zh().get(1);
		assertThat(item2.plain()).contains("「車牌辨識升級」預算金額200萬元，汰換使用逾8年錄影監視系統攝影機20支，已於112年5月2日決標。")
			.endsWith("以上汰換案合計預算5,195萬5,000元，攝影機550支。");
		assertThat(item2.segments()).filteredOn(s -> "project:9".equals(s.figure())).extracting(Segment::text)
			.containsExactly("200萬元", "20支");
		assertThat(item2.segments()).filteredOn(s -> "replacement.budget".equals(s.figure())).extracting(Segment::text)
			.containsExactly("5,195萬5,000元");
	}

	@Test
	void anItemWithNothingInThePeriodSaysSoPlainly() {
		HalfYearReport.Text text = wording.text(report(0, List.of(), List.of(), empty(), List.of(), 0, noCases(), noContracts()));
		assertThat(plain(text.zh())).containsExactly("錄影監視系統適時汰舊換新，本期無汰除之攝影機。", "本期無汰換案。",
				"本期無新增監視器預算經審議通過。", "截至112年6月底止，本年度尚無中央補助設置監視器經費。",
				"爭取國營事業、地方補助：本期無國營事業或地方補助之建置案。", "導入車牌辨識及軌跡查詢等智慧分析功能至112年6月計有0支。",
				"本期無查獲刑案。", "加強保養維運能力：", "112年度無錄影監視系統維運案，本期計經維修恢復畫面之監視器數0支。",
				"為加快故障監錄設備維護速度，警察局及各分局均組成維修小組，針對專業技術程度較低或不需較精密儀器零件之故障問題，本期計自力維修恢復畫面之監視器數0支。");
		assertThat(plain(text.en())).contains("No replacement project was active in the period.",
				"No camera was decommissioned in the period.", "No criminal case was solved in the period.");
		assertThat(text.zh()).extracting(Paragraph::item).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 8, 8);
	}

	@Test
	void withoutABudgetSplitOneCompanyAndTheSecondHalfTheClausesFollowTheData() {
		HalfYear h2 = new HalfYear(2023, 2);
		HalfYearReport r = new HalfYearReport(h2, h2.previous(), h2.to(), Instant.parse("2024-01-01T00:00:00Z"), 3, List.of(),
				List.of(), empty(), List.of(), 10, new Cases(10, 1, new BigDecimal("10.0")),
				new Maintenance(2023, 1_000_000, 1, 1, 1, false, 5, 6), "precinct", List.of(), List.of(), null, null);
		List<String> zh = plain(wording.text(r).zh());
		assertThat(zh.get(3)).startsWith("截至112年12月底止");
		assertThat(zh.get(5)).isEqualTo("導入車牌辨識及軌跡查詢等智慧分析功能至112年12月計有10支。");
		assertThat(zh.get(8)).isEqualTo("112年度錄影監視系統維運案總預算金額100萬元，由1家公司得標，提升維修效率，本期計經維修恢復畫面之監視器數5支。");
		assertThat(plain(wording.text(r).en()).get(8)).contains("1 company won it.");
	}

	private String item(int item, HalfYearReport report) {
		return wording.text(report).zh().stream().filter(p -> p.item() == item && p.level() == 0).findFirst().orElseThrow().plain();
	}

	private static List<Segment> wordingSegments(List<Paragraph> paragraphs) {
		return paragraphs.stream().flatMap(p -> p.segments().stream()).toList();
	}

	private static Project withStage(Project p, Stage stage, LocalDate awarded, LocalDate started, LocalDate due,
			LocalDate completed, LocalDate accepted) {
		return new Project(p.id(), p.code(), p.nameZh(), p.nameEn(), p.purpose(), p.budgetNtd(), p.precinctId(), p.precinctZh(),
				p.precinctEn(), p.districtZh(), p.districtEn(), p.cameras(), p.realtimeLpr(), p.funding(), stage, p.budgetedOn(),
				p.tenderingOn(), awarded, started, due, completed, accepted);
	}

	private static Subsidies empty() {
		return new Subsidies(0, 0, 0, List.of());
	}

	private static Cases noCases() {
		return new Cases(0, 0, null);
	}

	private static Maintenance noContracts() {
		return new Maintenance(2023, 0, 0, 0, 0, false, 0, 0);
	}
}
