package io.watchkeeper.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed part of the demo data: the seed report's money, projects and dates (DESIGN.md section 2), the
 * seven maintenance companies (fictional names), their 2023 contracts per precinct, and camera models.
 * Dates the report does not give are marked as demo assumptions in the project notes.
 */
final class DemoCatalog {

	/** The generator's "today": statuses and decommissions are as of this date, so the data never depends on the clock. */
	static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

	/** Kaohsiung Main Station (高雄車站, 三民區): the demo's investigations and recent outages gather around it. */
	static final double MAIN_STATION_LON = 120.302498;
	static final double MAIN_STATION_LAT = 22.639444;

	/**
	 * Criminal cases a precinct handles, relative (demo assumption): roughly its population in thousands, the city
	 * centre's precincts (stations, night markets, entertainment districts) weighted up by half.
	 */
	static final Map<String, Integer> CASE_LOAD = Map.ofEntries(Map.entry("SANMIN1", 270), Map.entry("SANMIN2", 190),
			Map.entry("LINGYA", 240), Map.entry("XINXING", 115), Map.entry("YANCHENG", 35), Map.entry("GUSHAN", 150),
			Map.entry("ZUOYING", 200), Map.entry("NANZI", 180), Map.entry("QIANZHEN", 220), Map.entry("XIAOGANG", 150),
			Map.entry("FENGSHAN", 350), Map.entry("LINYUAN", 170), Map.entry("RENWU", 160), Map.entry("GANGSHAN", 200),
			Map.entry("HUNEI", 130), Map.entry("QISHAN", 90), Map.entry("LIUGUI", 20));

	static final int FIRST_INSTALL_YEAR = 2012;
	static final int LAST_INSTALL_YEAR = 2025;

	/** Camera counts of the seed report; fixed whatever the fleet size (scaled down only for fleets under 10,000). */
	static final int REPLACEMENT_CAMERAS = 530;
	static final int SUBSIDY_CAMERAS = 219;
	static final int SUBSIDY_REALTIME_LPR = 40;
	static final int HUNEI_QIEDING_CAMERAS = 50;
	static final int GANGSHAN_YONGAN_CAMERAS = 52;
	static final int FULL_SCALE_FROM = 10_000;

	/**
	 * The seed report's 八.6: plate recognition and trajectory search on 3,178 cameras in service at the end of June
	 * 2023 ({@link #LPR_COUNTED_ON}) in a fleet of the default 20,000; the share is kept for any size.
	 */
	static final int LPR_IN_SERVICE_PER_20000 = 3_178;
	static final LocalDate LPR_COUNTED_ON = LocalDate.of(2023, 6, 30);
	/**
	 * All cameras with plate recognition by {@link #AS_OF} (demo assumption: LPR kept spreading after the report),
	 * 4,000 of 20,000, the replaced and subsidised ones included.
	 */
	static final int LPR_PER_20000 = 4_000;
	/** Real-time LPR: "a few hundred", the subsidy's 40 included. */
	static final int REALTIME_LPR_PER_20000 = 300;

	static final long MAINTENANCE_BUDGET_2023 = 69_769_000L;
	static final LocalDate CONTRACT_START = LocalDate.of(2023, 1, 1);
	static final LocalDate CONTRACT_END = LocalDate.of(2023, 12, 31);

	record Vendor(String code, String nameZh, String nameEn, String phone, String email) {
	}

	/** {@code amount} null: the sum of the cameras it paid for, known once they are generated. */
	record Funding(String code, String kind, String nameZh, String nameEn, String sponsor, int fiscalYear, Long amount) {
	}

	record Project(String code, String purpose, String nameZh, String nameEn, int fiscalYear, Long budget,
			Integer plannedCameras, String vendorCode, String precinctCode, LocalDate budgetedOn, LocalDate tenderingOn,
			LocalDate awardedOn, LocalDate startedOn, LocalDate completionDueOn, LocalDate completedOn,
			LocalDate acceptedOn, String notes, Map<String, Long> funding) {
	}

	record Contract(String code, String vendorCode, String precinctCode, int responseHours, int restoreHours) {

		String nameZh(String precinctNameZh) {
			return nameZh(CONTRACT_START.getYear(), precinctNameZh);
		}

		String nameEn(String precinctNameEn) {
			return nameEn(CONTRACT_START.getYear(), precinctNameEn);
		}

		String nameZh(int year, String precinctNameZh) {
			return rocYear(year) + "年度" + precinctNameZh + "錄影監視系統維運案";
		}

		String nameEn(int year, String precinctNameEn) {
			return year + " CCTV maintenance, " + precinctNameEn;
		}

		/** The same precinct's contract of a following year, with the same company (MC2023-GUSHAN → MC2025-GUSHAN). */
		String code(int year) {
			return "MC" + year + code.substring(6);
		}
	}

	record Model(String make, String model, int fromYear, int toYear, boolean lpr) {
	}

	static final List<Vendor> VENDORS = List.of(
			new Vendor("V-KANGDU", "港都保全科技股份有限公司", "Kangdu Security Technology Co., Ltd.", "07-555-0101", "service@kangdu.example"),
			new Vendor("V-NANXING", "南星智慧監控股份有限公司", "Nanxing Smart Surveillance Co., Ltd.", "07-555-0102", "support@nanxing.example"),
			new Vendor("V-DINGFENG", "鼎峰電通工程有限公司", "Dingfeng Telecom Engineering Co., Ltd.", "07-555-0103", "repair@dingfeng.example"),
			new Vendor("V-XUGUANG", "旭光系統整合股份有限公司", "Xuguang Systems Integration Co., Ltd.", "07-555-0104", "noc@xuguang.example"),
			new Vendor("V-HAIXIAN", "海線網通工程有限公司", "Haixian Network Engineering Co., Ltd.", "07-555-0105", "field@haixian.example"),
			new Vendor("V-GAOPING", "高屏電信工程股份有限公司", "Gaoping Telecom Engineering Co., Ltd.", "07-555-0106", "cctv@gaoping.example"),
			new Vendor("V-LIQUN", "立群科技股份有限公司", "Liqun Technology Co., Ltd.", "07-555-0107", "service@liqun.example"));

	/** Precincts tender separately; seven companies won the seventeen contracts. Urban precincts get tighter targets. */
	static final List<Contract> CONTRACTS = List.of(
			new Contract("MC2023-YANCHENG", "V-KANGDU", "YANCHENG", 4, 24),
			new Contract("MC2023-GUSHAN", "V-KANGDU", "GUSHAN", 4, 24),
			new Contract("MC2023-XINXING", "V-KANGDU", "XINXING", 4, 24),
			new Contract("MC2023-SANMIN1", "V-NANXING", "SANMIN1", 4, 24),
			new Contract("MC2023-SANMIN2", "V-NANXING", "SANMIN2", 4, 24),
			new Contract("MC2023-LINGYA", "V-DINGFENG", "LINGYA", 4, 24),
			new Contract("MC2023-QIANZHEN", "V-DINGFENG", "QIANZHEN", 4, 24),
			new Contract("MC2023-ZUOYING", "V-XUGUANG", "ZUOYING", 4, 24),
			new Contract("MC2023-NANZI", "V-XUGUANG", "NANZI", 6, 36),
			new Contract("MC2023-GANGSHAN", "V-HAIXIAN", "GANGSHAN", 8, 48),
			new Contract("MC2023-HUNEI", "V-HAIXIAN", "HUNEI", 8, 48),
			new Contract("MC2023-FENGSHAN", "V-GAOPING", "FENGSHAN", 4, 24),
			new Contract("MC2023-LINYUAN", "V-GAOPING", "LINYUAN", 8, 48),
			new Contract("MC2023-XIAOGANG", "V-GAOPING", "XIAOGANG", 6, 36),
			new Contract("MC2023-RENWU", "V-LIQUN", "RENWU", 8, 48),
			new Contract("MC2023-QISHAN", "V-LIQUN", "QISHAN", 12, 72),
			new Contract("MC2023-LIUGUI", "V-LIQUN", "LIUGUI", 24, 96));

	static final String REPLACEMENT_PROJECT = "P2023-REPLACE-530";
	static final String NEW_INSTALLATION_PROJECT = "P2023-NEW-30M";
	static final String SUBSIDY_PROJECT = "P2023-CENTRAL-219";
	static final String HUNEI_PROJECT = "P2023-TPC-HUNEI";
	static final String GANGSHAN_PROJECT = "P2023-TPC-GANGSHAN";

	static final String REPLACEMENT_FUNDING = "F2023-CITY-REPLACE";
	static final String LPR_FUNDING = "F2023-CITY-LPR";
	static final String NEW_INSTALLATION_FUNDING = "F2023-CITY-NEW";
	static final String SUBSIDY_FUNDING = "F2023-CENTRAL";
	static final String HUNEI_FUNDING = "F2023-TPC-HUNEI";
	static final String GANGSHAN_FUNDING = "F2023-TPC-GANGSHAN";

	static final String REPLACEMENT_VENDOR = "V-NANXING";
	static final String SUBSIDY_VENDOR = "V-XUGUANG";
	static final String TAIPOWER_VENDOR = "V-HAIXIAN";

	static final LocalDate HUNEI_COMPLETED = LocalDate.of(2023, 3, 17);
	static final LocalDate GANGSHAN_COMPLETED = LocalDate.of(2023, 3, 30);

	/**
	 * The replacement and the subsidy cameras are installed up to this day (FleetGenerator), so both projects are
	 * completed that day and accepted a month later: demo assumptions, as the report ends in June 2023. A project
	 * whose cameras are all in the registry is thereby completed, and the page's stage says so.
	 */
	static final LocalDate LAST_2023_INSTALL = LocalDate.of(2023, 12, 20);
	static final LocalDate LAST_2023_ACCEPTANCE = LocalDate.of(2024, 1, 19);
	static final LocalDate SUBSIDY_AWARDED = LocalDate.of(2023, 8, 15);
	static final LocalDate SUBSIDY_STARTED = LocalDate.of(2023, 9, 1);

	static List<Funding> fixedFunding() {
		return List.of(
				new Funding(REPLACEMENT_FUNDING, "CITY_BUDGET", "112年汰換使用逾8年重要路口監視器", "2023 replacement of intersection cameras over 8 years old",
						"高雄市政府", 2023, 39_955_000L),
				new Funding(LPR_FUNDING, "CITY_BUDGET", "112年監錄系統導入車牌辨識等影像分析功能", "2023 licence-plate recognition and video analytics",
						"高雄市政府", 2023, 10_000_000L),
				new Funding(NEW_INSTALLATION_FUNDING, "CITY_BUDGET", "112年追加編列新增本市重要路口錄影監視系統設備", "2023 supplementary budget for new intersection cameras",
						"高雄市議會三讀通過", 2023, 30_000_000L),
				new Funding(SUBSIDY_FUNDING, "CENTRAL_SUBSIDY", "中央補助設置監視器經費", "Central-government subsidy for cameras",
						"內政部警政署", 2023, 20_526_000L),
				new Funding(HUNEI_FUNDING, "SOE_COMMUNITY_FUND", "台電促協金（湖內分局茄萣地區）", "Taipower community fund, Hunei precinct (Qieding)",
						"台灣電力公司", 2023, 3_500_000L),
				new Funding(GANGSHAN_FUNDING, "SOE_COMMUNITY_FUND", "台電促協金（岡山分局永安區）", "Taipower community fund, Gangshan precinct (Yong'an)",
						"台灣電力公司", 2023, 5_000_000L));
	}

	static List<Project> fixedProjects() {
		Map<String, Long> replacementFunding = new LinkedHashMap<>();
		replacementFunding.put(REPLACEMENT_FUNDING, 39_955_000L);
		replacementFunding.put(LPR_FUNDING, 10_000_000L);
		return List.of(
				new Project(REPLACEMENT_PROJECT, "REPLACEMENT", "112年汰換使用逾8年重要路口監視器（併導入車牌辨識等影像分析功能）",
						"2023 replacement of 530 cameras over 8 years old, with LPR and video analytics", 2023, 49_955_000L,
						REPLACEMENT_CAMERAS, REPLACEMENT_VENDOR, null, null, null, LocalDate.of(2023, 3, 30),
						LocalDate.of(2023, 4, 21), LocalDate.of(2023, 12, 31), LAST_2023_INSTALL, LAST_2023_ACCEPTANCE,
						"決標 112/03/30，開工 112/04/21，預計 112 年 12 月完工（半年報）。完工期限以 12 月底計；"
								+ "完工日（最後一支攝影機安裝日）及驗收日為示範資料假設。",
						replacementFunding),
				new Project(NEW_INSTALLATION_PROJECT, "NEW_INSTALLATION", "112年追加編列新增本市重要路口錄影監視系統設備",
						"2023 new intersection cameras (supplementary budget)", 2023, 30_000_000L, null, null, null,
						LocalDate.of(2023, 6, 20), LocalDate.of(2023, 6, 30), null, null, null, null, null,
						"112/06/20 市議會三讀通過；已委請專業廠商逐一現勘地點及路段，刻正辦理招標（112年6月底）。"
								+ "招標日期以半年報日期計（示範資料假設）；尚無攝影機。",
						Map.of(NEW_INSTALLATION_FUNDING, 30_000_000L)),
				new Project(SUBSIDY_PROJECT, "NEW_INSTALLATION", "中央補助設置監視器（219支，其中40支即時車辨）",
						"Central-subsidy cameras (219, 40 with real-time LPR)", 2023, 20_526_000L, SUBSIDY_CAMERAS,
						SUBSIDY_VENDOR, null, LocalDate.of(2023, 6, 30), null, SUBSIDY_AWARDED, SUBSIDY_STARTED,
						LocalDate.of(2023, 12, 31), LAST_2023_INSTALL, LAST_2023_ACCEPTANCE,
						"截至112年6月底爭取中央補助2,052萬6,000元，預計建置219支攝影機，其中40支導入即時車辨功能。"
								+ "決標、開工、完工（112年9月至12月安裝）及驗收日期為示範資料假設。",
						Map.of(SUBSIDY_FUNDING, 20_526_000L)),
				new Project(HUNEI_PROJECT, "NEW_INSTALLATION", "台電促協金湖內分局茄萣地區監視器（50支）",
						"Taipower community fund: 50 cameras in Qieding (Hunei precinct)", 2023, 3_500_000L,
						HUNEI_QIEDING_CAMERAS, TAIPOWER_VENDOR, "HUNEI", null, null, null, null, null, HUNEI_COMPLETED,
						LocalDate.of(2023, 3, 29), "112/03/17 完工，03/29 驗收完畢。", Map.of(HUNEI_FUNDING, 3_500_000L)),
				new Project(GANGSHAN_PROJECT, "NEW_INSTALLATION", "台電促協金岡山分局永安區監視器（52支）",
						"Taipower community fund: 52 cameras in Yong'an (Gangshan precinct)", 2023, 5_000_000L,
						GANGSHAN_YONGAN_CAMERAS, TAIPOWER_VENDOR, "GANGSHAN", null, null, null, null, null,
						GANGSHAN_COMPLETED, LocalDate.of(2023, 4, 21), "112/03/30 完工，04/21 驗收完畢。",
						Map.of(GANGSHAN_FUNDING, 5_000_000L)));
	}

	/** Cameras bought with each year's city budget: one funding source and one installation project per year. */
	static String cityFunding(int year) {
		return "F" + year + "-CITY";
	}

	static String cityProject(int year) {
		return "P" + year + "-CITY-NEW";
	}

	static String donationFunding(int year) {
		return "F" + year + "-DONATION";
	}

	static String cityVendor(int year) {
		return VENDORS.get(year % VENDORS.size()).code();
	}

	/** NT$ per camera installed with the city budget of that year (pole, camera, network, recorder share). */
	static long unitCost(int year) {
		return 78_000L + (year % 4) * 4_000L;
	}

	static int rocYear(int year) {
		return year - 1911;
	}

	static List<Funding> yearlyFunding() {
		List<Funding> funding = new ArrayList<>();
		for (int year = FIRST_INSTALL_YEAR; year <= LAST_INSTALL_YEAR; year++) {
			funding.add(new Funding(cityFunding(year), "CITY_BUDGET", rocYear(year) + "年度新增重要路口錄影監視系統",
					year + " city budget for new intersection cameras", "高雄市政府", year, null));
			funding.add(new Funding(donationFunding(year), "DONATION", rocYear(year) + "年度地方捐贈監視器",
					year + " cameras donated by communities", "社區發展協會及地方人士", year, null));
		}
		return funding;
	}

	static List<Project> yearlyProjects() {
		List<Project> projects = new ArrayList<>();
		for (int year = FIRST_INSTALL_YEAR; year <= LAST_INSTALL_YEAR; year++) {
			projects.add(new Project(cityProject(year), "NEW_INSTALLATION", rocYear(year) + "年度新增重要路口錄影監視系統建置案",
					year + " new intersection cameras", year, null, null, cityVendor(year), null,
					LocalDate.of(year - 1, 11, 30), LocalDate.of(year, 2, 1), LocalDate.of(year, 3, 15),
					LocalDate.of(year, 4, 1), LocalDate.of(year, 12, 15), LocalDate.of(year, 12, 15),
					LocalDate.of(year, 12, 28), "示範資料：每年度市府預算新增監視器建置案。",
					Map.of(cityFunding(year), 0L)));
		}
		return projects;
	}

	static final List<Model> MODELS = List.of(
			new Model("VIVOTEK", "IB8367-T", 2012, 2016, false),
			new Model("VIVOTEK", "IB836B-HT", 2015, 2019, false),
			new Model("VIVOTEK", "IB9367-EHT", 2018, 2022, false),
			new Model("VIVOTEK", "IB9387-EHT-A", 2020, 2025, false),
			new Model("VIVOTEK", "IB9389-EHT-v2", 2022, 2025, false),
			new Model("Panasonic", "WV-SPW311L", 2012, 2015, false),
			new Model("Sony", "SNC-EB600B", 2013, 2017, false),
			new Model("AXIS", "P1354-E", 2012, 2016, false),
			new Model("AXIS", "P1455-LE", 2019, 2025, false),
			new Model("Hikvision", "DS-2CD2632F-IS", 2013, 2018, false),
			new Model("Dahua", "IPC-HFW4421E", 2014, 2018, false),
			new Model("ACTi", "B45", 2016, 2021, false),
			new Model("GeoVision", "GV-TBL4711", 2018, 2023, false),
			new Model("Hanwha", "XNO-6080R", 2019, 2025, false),
			new Model("GeoVision", "GV-LPR2800-DL", 2012, 2020, true),
			new Model("VIVOTEK", "IB9387-LPR", 2018, 2025, true),
			new Model("AXIS", "P1455-LE-3 LPV", 2019, 2025, true),
			new Model("AXIS", "Q1700-LE", 2021, 2025, true));

	/**
	 * The seed report's half year (2023-01-01 .. 2023-06-30) decommissioned exactly this many cameras, replacements
	 * aside (they count as replacements): fixed for fleets of 10,000 or more, scaled below.
	 */
	static final int DECOMMISSIONED_2023_H1 = 120;
	static final LocalDate DECOMMISSIONS_FROM = LocalDate.of(2023, 1, 1);
	static final LocalDate DECOMMISSIONS_TO = LocalDate.of(2023, 6, 30);

	static final List<String> DECOMMISSION_REASONS = List.of(
			"逾8年使用年限且故障，無修復效益",
			"不符治安需要，經評估撤除",
			"道路拓寬工程，桿位移除",
			"遭車輛撞毀，原址不再設置",
			"影像模糊老舊，逾使用年限汰除");

	/** The kind of each of {@link #DECOMMISSION_REASONS} (camera.decommission_kind), in the same order. */
	static final List<String> DECOMMISSION_KINDS = List.of("END_OF_LIFE_FAULTY", "NOT_NEEDED", "NOT_NEEDED",
			"NOT_WORTH_REPAIRING", "END_OF_LIFE_FAULTY");

	private DemoCatalog() {
	}
}
