package io.watchkeeper.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The camera section of the half-year council report (the seed report's 八, 強化監錄系統功能), every figure counted
 * from the records as of the period's last day (or today while it runs). The wording is
 * {@link HalfYearWording}'s; this is the data.
 *
 * @param period the half year
 * @param previous the half year before, whose figures stand beside these
 * @param asOf the day the figures are counted up to: the period's last day, or today while the period runs
 * @param generatedAt when this was computed
 * @param decommissioned item 1: cameras decommissioned in the period for any reason but a replacement
 * @param replacements item 2: replacement (and LPR-upgrade) projects active in the period
 * @param newInstallations item 3: new-installation projects paid by the city budget whose budget passed in the period
 * @param subsidies item 4: central-government subsidies of the period's year obtained up to its end
 * @param localFunds item 5: projects paid by state-owned enterprises' community funds or local sources, active in the
 *        period, one per precinct and project
 * @param lprCameras item 6: cameras with plate recognition in service at the end of the period
 * @param cases item 7: cases solved in the period, and those with footage contributing
 * @param maintenance item 8: the maintenance budget of the year and the cameras restored in the period
 * @param groupBy grouping of {@code maintenanceRows}
 * @param maintenanceRows the period's maintenance figures by {@code groupBy}, and the city's totals last
 * @param figures every figure of the items, each with the previous period's and the change, and the link to the
 *        records it counts
 * @param charts what the page draws
 * @param text the report's text: zh-TW and English paragraphs
 */
public record HalfYearReport(HalfYear period, HalfYear previous, LocalDate asOf, Instant generatedAt,
		long decommissioned, List<Project> replacements, List<Project> newInstallations, Subsidies subsidies,
		List<Project> localFunds, long lprCameras, Cases cases, Maintenance maintenance, String groupBy,
		List<MaintenanceReport.Row> maintenanceRows, List<Figure> figures, Charts charts, Text text) {

	/** The stage a project had reached on {@code asOf}, by its milestones on or before that day. */
	public enum Stage {
		PLANNED, BUDGETED, TENDERING, AWARDED, STARTED, COMPLETED, ACCEPTED
	}

	/**
	 * One procurement project as the report states it. Milestones after {@code asOf} are null here (the report says
	 * what was known at the period's end), except {@code completionDueOn}, a plan.
	 *
	 * @param cameras cameras the project buys: its planned count, or without one the cameras in the registry that
	 *        name it
	 * @param realtimeLpr of them, with real-time plate recognition (the project's cameras in the registry, planned
	 *        ones included)
	 * @param precinctId the project's precinct, or null for a city-wide project
	 * @param districtZh the district most of its cameras stand in (null without cameras)
	 * @param funding the funding sources and the part of the budget each pays, largest first
	 */
	public record Project(long id, String code, String nameZh, String nameEn, String purpose, long budgetNtd,
			@Schema(nullable = true) Long precinctId, @Schema(nullable = true) String precinctZh,
			@Schema(nullable = true) String precinctEn, @Schema(nullable = true) String districtZh,
			@Schema(nullable = true) String districtEn, long cameras, long realtimeLpr, List<Funding> funding,
			Stage stage, @Schema(nullable = true) LocalDate budgetedOn, @Schema(nullable = true) LocalDate tenderingOn,
			@Schema(nullable = true) LocalDate awardedOn, @Schema(nullable = true) LocalDate startedOn,
			@Schema(nullable = true) LocalDate completionDueOn, @Schema(nullable = true) LocalDate completedOn,
			@Schema(nullable = true) LocalDate acceptedOn) {
	}

	/** A funding source's part of a project. {@code kind}: CITY_BUDGET, CENTRAL_SUBSIDY, SOE_COMMUNITY_FUND, DONATION, OTHER. */
	public record Funding(long id, String code, String kind, String nameZh, String nameEn,
			@Schema(nullable = true) String sponsor, long amountNtd) {
	}

	/** Item 4: central subsidies of the year up to the period's end; the projects they pay for. */
	public record Subsidies(long amountNtd, long cameras, long realtimeLpr, List<Project> projects) {
	}

	/** Item 7: cases closed SOLVED in the period; with footage contributing; share = withFootage / solved in %, one decimal. */
	public record Cases(long solved, long solvedWithFootage, @Schema(nullable = true) BigDecimal sharePercent) {
	}

	/**
	 * Item 8.
	 *
	 * @param fiscalYear the year of the maintenance contracts
	 * @param budgetNtd sum of the budgets of the maintenance contracts of that year
	 * @param contracts how many contracts
	 * @param precincts precincts they cover
	 * @param companies distinct vendors holding them
	 * @param splitByOutOfWarranty true when a budget split by out-of-warranty cameras was applied for that year with
	 *        the same total
	 * @param restoredByVendors closed orders restored by vendors in the period (the maintenance figures' definition)
	 * @param restoredInHouse closed orders restored in-house in the period
	 */
	public record Maintenance(int fiscalYear, long budgetNtd, long contracts, long precincts, long companies,
			boolean splitByOutOfWarranty, long restoredByVendors, long restoredInHouse) {
	}

	/** The unit a figure is counted in: 支 (cameras), 件 (cases), 元 (NT$), % (percent), 家 (companies), 案 (projects). */
	public enum Unit {
		CAMERAS, CASES, NTD, PERCENT, COMPANIES, PROJECTS
	}

	/**
	 * One figure with the previous period's.
	 *
	 * @param key stable name, e.g. {@code decommissioned}, {@code replacement.budget}, {@code cases.share}
	 * @param item the report's item (1..8)
	 * @param value this period's value
	 * @param previousValue the previous period's, null when it has no such figure
	 * @param change value − previousValue, null when either is missing
	 * @param records the path of the list of records the figure is counted from, null for a figure that has none
	 *        (e.g. a share)
	 */
	public record Figure(String key, int item, String labelZh, String labelEn, Unit unit, BigDecimal value,
			@Schema(nullable = true) BigDecimal previousValue, @Schema(nullable = true) BigDecimal change,
			@Schema(nullable = true) String records) {
	}

	/**
	 * What the page draws.
	 *
	 * @param availability per month of the period and the previous one: availability % of the cameras in service
	 * @param restoredByPrecinct per precinct in the period: restored by vendors and in-house
	 * @param lprOverTime cameras with plate recognition in service at each month's end, over the three years up to the
	 *        period's end
	 */
	public record Charts(List<MonthValue> availability, List<PrecinctRestored> restoredByPrecinct,
			List<MonthCount> lprOverTime) {
	}

	public record MonthValue(YearMonth month, @Schema(nullable = true) BigDecimal value) {
	}

	public record MonthCount(YearMonth month, long count) {
	}

	public record PrecinctRestored(String code, String nameZh, String nameEn, long restoredByVendors, long restoredInHouse) {
	}

	/** The text in both languages. */
	public record Text(List<Paragraph> zh, List<Paragraph> en) {
	}

	/**
	 * One paragraph of the text: an item (1..8), or a sub-item (level 1, e.g. 5(1) one precinct's fund), in pieces;
	 * a piece that states a figure names it ({@code figure} = {@link Figure#key()}) so the page links it to its records.
	 */
	public record Paragraph(int item, int level, List<Segment> segments) {

		public String plain() {
			StringBuilder text = new StringBuilder();
			segments.forEach(s -> text.append(s.text()));
			return text.toString();
		}
	}

	public record Segment(String text, @Schema(nullable = true) String figure) {
	}
}
