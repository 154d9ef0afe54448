package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.watchkeeper.reporting.HalfYearReport.Figure;
import io.watchkeeper.reporting.HalfYearReport.Paragraph;
import io.watchkeeper.reporting.HalfYearReport.Segment;
import io.watchkeeper.reporting.HalfYearReport.Unit;

/** The DOCX and XLSX of a report built by hand, written to bytes and read back with POI. */
class HalfYearExportTest {

	static final Locale ZH = Locale.forLanguageTag("zh-TW");

	final HalfYearExport export = new HalfYearExport(new HalfYearFormat(messages()));

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/messages", "messages/reporting");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** A small 2023 H1 report: 120 decommissioned (previous 98), one replacement project, two local funds. */
	static HalfYearReport report() {
		HalfYear period = new HalfYear(2023, 1);
		HalfYearReport.Funding city = new HalfYearReport.Funding(1, "F-CITY", "CITY_BUDGET", "市款", "City budget", null, 39_955_000);
		HalfYearReport.Funding lpr = new HalfYearReport.Funding(2, "F-LPR", "CITY_BUDGET", "影像分析預算", "Analytics budget", null,
				10_000_000);
		HalfYearReport.Project replacement = new HalfYearReport.Project(11, "P-REPL", "汰換使用逾8年重要路口監視器",
				"Replacing cameras over 8 years", "REPLACEMENT", 49_955_000, null, null, null, null, null, 530, 0,
				List.of(city, lpr), HalfYearReport.Stage.STARTED, LocalDate.of(2022, 12, 20), LocalDate.of(2023, 2, 1),
				LocalDate.of(2023, 3, 30), LocalDate.of(2023, 4, 21), LocalDate.of(2023, 12, 31), null, null);
		HalfYearReport.Funding taipower = new HalfYearReport.Funding(3, "F-TPC", "SOE_COMMUNITY_FUND", "台電促協金",
				"Taipower community fund", "=cmd|' /C calc'!A0", 3_500_000);
		HalfYearReport.Project hunei = new HalfYearReport.Project(12, "P-HUNEI", "湖內分局茄萣監視器", "Hunei: Qieding cameras",
				"NEW", 3_500_000, 5L, "湖內分局", "Hunei Precinct", "茄萣區", "Qieding", 50, 0, List.of(taipower),
				HalfYearReport.Stage.ACCEPTED, null, null, null, null, null, LocalDate.of(2023, 3, 17), LocalDate.of(2023, 3, 29));
		List<Figure> figures = List.of(
				new Figure("decommissioned", 1, "汰除攝影機", "Cameras decommissioned", Unit.CAMERAS, new BigDecimal(120),
						new BigDecimal(98), new BigDecimal(22), "/reports/half-year/records?year=2023&half=1&figure=decommissioned"),
				new Figure("replacement.budget", 2, "汰換預算", "Replacement budget", Unit.NTD, new BigDecimal(49_955_000),
						new BigDecimal(59_955_000), new BigDecimal(-10_000_000), null),
				new Figure("cases.share", 7, "占全般刑案查獲數", "Share of cases solved", Unit.PERCENT, new BigDecimal("15.0"),
						new BigDecimal("14.2"), new BigDecimal("0.8"), null),
				new Figure("maintenance.companies", 8, "得標公司", "Companies", Unit.COMPANIES, new BigDecimal(7), null, null, null));
		MaintenanceReport.Row gushan = new MaintenanceReport.Row(1L, "GUSHAN", "鼓山分局", "Gushan Precinct", 800L,
				new BigDecimal("3475200.0"), 40, new BigDecimal("1234.5"), new BigDecimal("99.96"), 38, new BigDecimal("20.5"), 45,
				44, 40, new BigDecimal("18.2"), 30, 12, 3, 7);
		MaintenanceReport.Row total = new MaintenanceReport.Row(null, null, "全市合計", "City total", 800L,
				new BigDecimal("3475200.0"), 40, new BigDecimal("1234.5"), new BigDecimal("99.96"), 38, new BigDecimal("20.5"), 45,
				44, 40, new BigDecimal("18.2"), 30, 12, 3, 7);
		List<HalfYearReport.MonthValue> availability = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			availability.add(new HalfYearReport.MonthValue(YearMonth.of(2022, 7).plusMonths(i),
					i == 11 ? null : new BigDecimal("99.5").add(new BigDecimal(i).movePointLeft(2))));
		}
		HalfYearReport.Charts charts = new HalfYearReport.Charts(availability,
				List.of(new HalfYearReport.PrecinctRestored("GUSHAN", "鼓山分局", "Gushan Precinct", 30, 12)),
				List.of(new HalfYearReport.MonthCount(YearMonth.of(2023, 5), 3_100),
						new HalfYearReport.MonthCount(YearMonth.of(2023, 6), 3_178)));
		HalfYearReport.Text text = new HalfYearReport.Text(
				List.of(new Paragraph(1, 0, List.of(new Segment("本期汰除攝影機", null), new Segment("120支", "decommissioned"),
						new Segment("。", null))),
						new Paragraph(5, 0, List.of(new Segment("爭取台電等國營事業、地方補助：", null))),
						new Paragraph(5, 1, List.of(new Segment("湖內分局：台電促協金", null), new Segment("350萬元", "project:12"),
								new Segment("。", null))),
						new Paragraph(5, 1, List.of(new Segment("岡山分局：台電促協金500萬元。", null)))),
				List.of(new Paragraph(1, 0, List.of(new Segment("120 cameras", "decommissioned"),
						new Segment(" were decommissioned.", null)))));
		return new HalfYearReport(period, period.previous(), period.to(), Instant.parse("2023-07-01T00:00:00Z"), 120,
				List.of(replacement), List.of(), new HalfYearReport.Subsidies(20_526_000, 219, 40, List.of()), List.of(hunei),
				3_178, new HalfYearReport.Cases(9_427, 1_414, new BigDecimal("15.0")),
				new HalfYearReport.Maintenance(2023, 69_769_000, 16, 16, 7, true, 2_360, 4_849), "precinct",
				List.of(gushan, total), figures, charts, text);
	}

	@Test
	void theDocxHasTheTitleTheNumberedItemsAndTheTablesInAFontThatShowsChinese() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		export.docx(report(), ZH, bytes);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes.toByteArray()))) {
			List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(paragraphs.get(0)).isEqualTo("(八)強化監錄系統功能（112年上半年）");
			assertThat(paragraphs).contains("1.本期汰除攝影機120支。", "5.爭取台電等國營事業、地方補助：", "(1)湖內分局：台電促協金350萬元。",
					"(2)岡山分局：台電促協金500萬元。");
			XWPFRun run = doc.getParagraphs().get(1).getRuns().get(0);
			assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("標楷體");

			List<XWPFTable> tables = doc.getTables();
			assertThat(tables).hasSize(3);
			XWPFTable figures = tables.get(0);
			assertThat(figures.getRow(0).getCell(2).getText()).isEqualTo("112年上半年");
			assertThat(figures.getRow(0).getCell(3).getText()).isEqualTo("111年下半年");
			assertThat(cells(figures, 1)).containsExactly("1", "汰除攝影機", "120支", "98支", "+22支");
			assertThat(cells(figures, 2)).containsExactly("2", "汰換預算", "4,995萬5,000元", "5,995萬5,000元", "−1,000萬元");
			assertThat(cells(figures, 3)).containsExactly("7", "占全般刑案查獲數", "15.0%", "14.2%", "+0.8%");
			assertThat(cells(figures, 4)).containsExactly("8", "得標公司", "7家", "—", "—");

			XWPFTable projects = tables.get(1);
			assertThat(cells(projects, 1)).containsExactly("2", "汰換使用逾8年重要路口監視器", "4,995萬5,000元",
					"市款 3,995萬5,000元、影像分析預算 1,000萬元", "530支",
					"預算通過 111年12月20日、招標 112年2月1日、決標 112年3月30日、開工 112年4月21日、預計完工 112年12月31日");
			assertThat(cells(projects, 2)).contains("5", "350萬元", "50支", "完工 112年3月17日、驗收 112年3月29日");

			XWPFTable maintenance = tables.get(2);
			assertThat(cells(maintenance, 1)).containsExactly("鼓山分局", "800", "40", "99.96", "18.2", "30", "12", "3", "7");
			assertThat(cells(maintenance, 2).get(0)).isEqualTo("全市合計");
		}
	}

	@Test
	void theEnglishDocxHasTheEnglishText() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		export.docx(report(), Locale.ENGLISH, bytes);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("VIII. Strengthening the CCTV system, 2023 H1 (January–June)");
			assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("1. 120 cameras were decommissioned.");
			assertThat(cells(doc.getTables().get(0), 2)).containsExactly("2", "Replacement budget", "NT$49,955,000",
					"NT$59,955,000", "−NT$10,000,000");
		}
	}

	@Test
	void theXlsxHasEveryTableWithNumbersAsNumericCells() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		HalfYearReport report = report();
		export.xlsx(report, ZH, bytes);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(8);
			Sheet figures = book.getSheetAt(0);
			assertThat(figures.getSheetName()).isEqualTo("數據");
			assertThat(figures.getPaneInformation().isFreezePane()).isTrue();
			for (int i = 0; i < report.figures().size(); i++) {
				Figure f = report.figures().get(i);
				var row = figures.getRow(i + 1);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(f.key());
				assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(f.value().doubleValue());
				if (f.previousValue() == null) {
					assertThat(row.getCell(5)).isNull();
				}
				else {
					assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(f.change().doubleValue());
				}
			}

			Sheet projects = book.getSheetAt(1);
			assertThat(projects.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(49_955_000d);
			assertThat(projects.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(530d);
			assertThat(projects.getRow(1).getCell(12).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 3, 30));
			assertThat(projects.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(5d);

			Sheet funding = book.getSheetAt(2);
			assertThat(funding.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(3_500_000d);
			// a string cell is stored as text, never as a formula
			assertThat(funding.getRow(3).getCell(4).getCellType()).isEqualTo(CellType.STRING);
			assertThat(funding.getRow(3).getCell(4).getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");

			Sheet maintenance = book.getSheetAt(3);
			assertThat(maintenance.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(30d);
			assertThat(maintenance.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(99.96d);
			assertThat(maintenance.getRow(2).getCell(1).getStringCellValue()).isEqualTo("全市合計");

			Sheet availability = book.getSheetAt(4);
			assertThat(availability.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2023-01");
			assertThat(availability.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(99.56d);
			assertThat(availability.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(99.5d);
			assertThat(availability.getRow(6).getCell(1)).isNull();

			assertThat(book.getSheetAt(5).getRow(1).getCell(3).getNumericCellValue()).isEqualTo(12d);
			assertThat(book.getSheetAt(6).getRow(2).getCell(1).getNumericCellValue()).isEqualTo(3_178d);
			assertThat(book.getSheetAt(7).getRow(3).getCell(2).getStringCellValue()).isEqualTo("湖內分局：台電促協金350萬元。");
		}
	}

	@Test
	void amountsCountsAndChangesReadAsTheReportWritesThem() {
		assertThat(HalfYearFormat.amount(39_955_000, ZH)).isEqualTo("3,995萬5,000元");
		assertThat(HalfYearFormat.amount(10_000_000, ZH)).isEqualTo("1,000萬元");
		assertThat(HalfYearFormat.amount(69_769_000, ZH)).isEqualTo("6,976萬9,000元");
		assertThat(HalfYearFormat.amount(9_800, ZH)).isEqualTo("9,800元");
		assertThat(HalfYearFormat.amount(20_526_000, Locale.ENGLISH)).isEqualTo("NT$20,526,000");
		assertThat(HalfYearFormat.change(Unit.CAMERAS, new BigDecimal(-3), ZH)).isEqualTo("−3支");
		assertThat(HalfYearFormat.change(Unit.CASES, BigDecimal.ZERO, Locale.ENGLISH)).isEqualTo("0 cases");
		assertThat(HalfYearFormat.date(LocalDate.of(2023, 3, 30), ZH)).isEqualTo("112年3月30日");
	}

	private static List<String> cells(XWPFTable table, int row) {
		return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
	}
}
