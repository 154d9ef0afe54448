package io.watchkeeper.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;

/**
 * Writes the half-year report as DOCX (to paste into the council report: the section's title, its numbered items as
 * the customer writes them, 1. 2. … and (1) (2) … for sub-items, then the figures beside the previous period's, the
 * projects and the maintenance table; A4, 標楷體 for the Chinese as council reports use, Times New Roman for Latin)
 * and as XLSX (one sheet per table, numbers as numeric cells, dates as date cells, header rows frozen). XLSX string
 * cells are never run as formulas, so text goes in as it is (see {@link io.watchkeeper.shared.SpreadsheetText}).
 */
@Component
class HalfYearExport {

	static final String EAST_ASIAN_FONT = "標楷體";

	static final String LATIN_FONT = "Times New Roman";

	private final HalfYearFormat format;

	HalfYearExport(HalfYearFormat format) {
		this.format = format;
	}

	/** watchkeeper-half-year-2023-H1 */
	static String fileName(HalfYear period) {
		return "watchkeeper-half-year-" + period.key();
	}

	// ------------------------------------------------------------------ DOCX

	void docx(HalfYearReport r, Locale locale, OutputStream out) throws IOException {
		try (XWPFDocument doc = new XWPFDocument()) {
			a4(doc);
			defaultFonts(doc);
			XWPFParagraph title = doc.createParagraph();
			run(title, msg("reporting.halfYear.docx.title", locale, HalfYearFormat.period(r.period(), locale)), true, 16);

			List<HalfYearReport.Paragraph> text = paragraphs(r, locale);
			int item = -1;
			int sub = 0;
			for (HalfYearReport.Paragraph p : text) {
				if (p.item() != item) {
					item = p.item();
					sub = 0;
				}
				String prefix = "";
				if (p.level() == 0) {
					prefix = p.item() + ".";
				}
				else if (p.level() == 1) {
					sub++;
					prefix = "(" + sub + ")";
				}
				XWPFParagraph paragraph = doc.createParagraph();
				paragraph.setIndentationLeft(p.level() == 0 ? 0 : 280 * p.level());
				paragraph.setSpacingAfter(60);
				if (!prefix.isEmpty() && !HalfYearFormat.zh(locale)) {
					prefix += " ";
				}
				run(paragraph, prefix + p.plain(), false, 14);
			}

			heading(doc, msg("reporting.halfYear.figures", locale, HalfYearFormat.period(r.period(), locale),
					HalfYearFormat.period(r.previous(), locale)));
			List<List<String>> figures = new ArrayList<>();
			figures.add(List.of(msg("reporting.halfYear.col.item", locale), msg("reporting.halfYear.col.figure", locale),
					HalfYearFormat.period(r.period(), locale), HalfYearFormat.period(r.previous(), locale),
					msg("reporting.halfYear.col.change", locale)));
			for (HalfYearReport.Figure f : r.figures()) {
				figures.add(List.of(String.valueOf(f.item()), HalfYearFormat.label(f, locale),
						HalfYearFormat.figure(f.unit(), f.value(), locale),
						HalfYearFormat.figure(f.unit(), f.previousValue(), locale),
						HalfYearFormat.change(f.unit(), f.change(), locale)));
			}
			table(doc, figures, 0, 2, 3, 4);

			heading(doc, msg("reporting.halfYear.projects", locale));
			List<List<String>> projects = new ArrayList<>();
			projects.add(List.of(msg("reporting.halfYear.col.item", locale), msg("reporting.halfYear.col.project", locale),
					msg("reporting.halfYear.col.budget", locale), msg("reporting.halfYear.col.funding", locale),
					msg("reporting.halfYear.col.cameras", locale), msg("reporting.halfYear.col.milestones", locale)));
			for (Section s : sections(r)) {
				for (HalfYearReport.Project p : s.projects()) {
					projects.add(List.of(String.valueOf(s.item()), projectName(p, locale), HalfYearFormat.amount(p.budgetNtd(), locale),
							HalfYearFormat.funding(p, locale), cameras(p, locale), format.milestones(p, locale)));
				}
			}
			table(doc, projects, 0, 2, 4);

			heading(doc, msg("reporting.halfYear.maintenanceTable", locale, msg("reporting.group." + r.groupBy(), locale)));
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of(msg("reporting.group." + r.groupBy(), locale), msg("reporting.col.cameras", locale),
					msg("reporting.col.outages", locale), msg("reporting.col.availability", locale),
					msg("reporting.col.mttr", locale), msg("reporting.col.byVendors", locale),
					msg("reporting.col.inHouse", locale), msg("reporting.col.decommissioned", locale),
					msg("reporting.col.replaced", locale)));
			for (MaintenanceReport.Row row : r.maintenanceRows()) {
				rows.add(List.of(rowName(row, locale), row.camerasInService() == null ? "—" : HalfYearFormat.integer(row.camerasInService()),
						HalfYearFormat.integer(row.outages()), ReportFormat.decimal(row.availabilityPercent(), 2),
						ReportFormat.decimal(row.mttrHours(), 1), HalfYearFormat.integer(row.restoredByVendors()),
						HalfYearFormat.integer(row.restoredInHouse()), HalfYearFormat.integer(row.decommissioned()),
						HalfYearFormat.integer(row.replaced())));
			}
			table(doc, rows, 1, 2, 3, 4, 5, 6, 7, 8);

			XWPFParagraph note = doc.createParagraph();
			run(note, msg("reporting.halfYear.docx.generated", locale, HalfYearFormat.date(r.asOf(), locale),
					r.generatedAt().toString()), false, 9);
			doc.write(out);
		}
	}

	private static void a4(XWPFDocument doc) {
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(1134));
		margins.setBottom(BigInteger.valueOf(1134));
		margins.setLeft(BigInteger.valueOf(1134));
		margins.setRight(BigInteger.valueOf(1134));
	}

	/** The document's default fonts too, so text typed after pasting stays in them. */
	private static void defaultFonts(XWPFDocument doc) {
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(LATIN_FONT);
		fonts.setHAnsi(LATIN_FONT);
		fonts.setCs(LATIN_FONT);
		fonts.setEastAsia(EAST_ASIAN_FONT);
		doc.createStyles().setDefaultFonts(fonts);
	}

	private static XWPFRun run(XWPFParagraph paragraph, String text, boolean bold, int points) {
		XWPFRun run = paragraph.createRun();
		run.setFontFamily(LATIN_FONT, FontCharRange.ascii);
		run.setFontFamily(LATIN_FONT, FontCharRange.hAnsi);
		run.setFontFamily(EAST_ASIAN_FONT, FontCharRange.eastAsia);
		run.setFontSize(points);
		run.setBold(bold);
		run.setText(text);
		return run;
	}

	private static void heading(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setSpacingBefore(240);
		run(p, text, true, 14);
	}

	/** A table with a bold header row; the columns named in {@code numeric} aligned right. */
	private static void table(XWPFDocument doc, List<List<String>> rows, int... numeric) {
		XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
		table.setWidth("100%");
		table.setTableAlignment(TableRowAlign.CENTER);
		for (int r = 0; r < rows.size(); r++) {
			XWPFTableRow row = table.getRow(r);
			if (r == 0) {
				row.setRepeatHeader(true);
			}
			for (int c = 0; c < rows.get(r).size(); c++) {
				XWPFTableCell cell = row.getCell(c);
				XWPFParagraph p = cell.getParagraphs().get(0);
				if (r > 0 && contains(numeric, c)) {
					p.setAlignment(ParagraphAlignment.RIGHT);
				}
				run(p, rows.get(r).get(c), r == 0, 11);
			}
		}
	}

	private static boolean contains(int[] values, int value) {
		for (int v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}

	// ------------------------------------------------------------------ XLSX

	void xlsx(HalfYearReport r, Locale locale, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Styles styles = new Styles(book);
			String thisPeriod = HalfYearFormat.period(r.period(), locale);
			String previousPeriod = HalfYearFormat.period(r.previous(), locale);

			Sheet figures = sheet(book, msg("reporting.halfYear.sheet.figures", locale));
			header(figures, styles, msg("reporting.halfYear.col.item", locale), msg("reporting.halfYear.col.key", locale),
					msg("reporting.halfYear.col.figure", locale), msg("reporting.halfYear.col.unit", locale), thisPeriod,
					previousPeriod, msg("reporting.halfYear.col.change", locale), msg("reporting.halfYear.col.records", locale));
			int n = 1;
			for (HalfYearReport.Figure f : r.figures()) {
				write(figures.createRow(n++), styles, f.item(), f.key(), HalfYearFormat.label(f, locale),
						msg("reporting.halfYear.unit." + f.unit(), locale), f.value(), f.previousValue(), f.change(), f.records());
			}
			finish(figures, 6, 18, 44, 8, 18, 18, 14, 50);

			Sheet projects = sheet(book, msg("reporting.halfYear.sheet.projects", locale));
			header(projects, styles, msg("reporting.halfYear.col.item", locale), msg("reporting.halfYear.col.code", locale),
					msg("reporting.halfYear.col.project", locale), msg("reporting.halfYear.col.precinct", locale),
					msg("reporting.halfYear.col.district", locale), msg("reporting.halfYear.col.budget", locale),
					msg("reporting.halfYear.col.funding", locale), msg("reporting.halfYear.col.cameras", locale),
					msg("reporting.halfYear.col.realtimeLpr", locale), msg("reporting.halfYear.col.stage", locale),
					msg("reporting.halfYear.milestone.budgeted", locale), msg("reporting.halfYear.milestone.tendering", locale),
					msg("reporting.halfYear.milestone.awarded", locale), msg("reporting.halfYear.milestone.started", locale),
					msg("reporting.halfYear.milestone.due", locale), msg("reporting.halfYear.milestone.completed", locale),
					msg("reporting.halfYear.milestone.accepted", locale));
			n = 1;
			for (Section s : sections(r)) {
				for (HalfYearReport.Project p : s.projects()) {
					write(projects.createRow(n++), styles, s.item(), p.code(), projectName(p, locale),
							HalfYearFormat.zh(locale) ? p.precinctZh() : p.precinctEn(),
							HalfYearFormat.zh(locale) ? p.districtZh() : p.districtEn(), p.budgetNtd(),
							HalfYearFormat.funding(p, locale), p.cameras(), p.realtimeLpr(),
							msg("reporting.halfYear.stage." + p.stage(), locale), p.budgetedOn(), p.tenderingOn(),
							p.awardedOn(), p.startedOn(), p.completionDueOn(), p.completedOn(), p.acceptedOn());
				}
			}
			finish(projects, 6, 16, 40, 14, 12, 16, 50, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12);

			Sheet funding = sheet(book, msg("reporting.halfYear.sheet.funding", locale));
			header(funding, styles, msg("reporting.halfYear.col.item", locale), msg("reporting.halfYear.col.code", locale),
					msg("reporting.halfYear.col.source", locale), msg("reporting.halfYear.col.kind", locale),
					msg("reporting.halfYear.col.sponsor", locale), msg("reporting.halfYear.col.amount", locale));
			n = 1;
			for (Section s : sections(r)) {
				for (HalfYearReport.Project p : s.projects()) {
					for (HalfYearReport.Funding f : p.funding()) {
						write(funding.createRow(n++), styles, s.item(), p.code(),
								HalfYearFormat.zh(locale) || f.nameEn() == null ? f.nameZh() : f.nameEn(), f.kind(), f.sponsor(),
								f.amountNtd());
					}
				}
			}
			finish(funding, 6, 16, 40, 22, 24, 16);

			Sheet maintenance = sheet(book, msg("reporting.halfYear.sheet.maintenance", locale));
			header(maintenance, styles, msg("reporting.col.code", locale), msg("reporting.group." + r.groupBy(), locale),
					msg("reporting.col.cameras", locale), msg("reporting.col.outages", locale),
					msg("reporting.col.downtime", locale), msg("reporting.col.availability", locale),
					msg("reporting.col.mttr", locale), msg("reporting.col.outageMttr", locale),
					msg("reporting.col.opened", locale), msg("reporting.col.closed", locale),
					msg("reporting.col.byVendors", locale), msg("reporting.col.inHouse", locale),
					msg("reporting.col.decommissioned", locale), msg("reporting.col.replaced", locale));
			n = 1;
			for (MaintenanceReport.Row row : r.maintenanceRows()) {
				write(maintenance.createRow(n++), styles, row.code(), rowName(row, locale), row.camerasInService(),
						row.outages(), row.downtimeHours(), row.availabilityPercent(), row.mttrHours(), row.outageMttrHours(),
						row.ordersOpened(), row.ordersClosed(), row.restoredByVendors(), row.restoredInHouse(),
						row.decommissioned(), row.replaced());
			}
			finish(maintenance, 14, 24, 12, 10, 12, 12, 10, 12, 10, 10, 12, 12, 12, 10);

			Sheet availability = sheet(book, msg("reporting.halfYear.sheet.availability", locale));
			header(availability, styles, msg("reporting.halfYear.col.month", locale), thisPeriod + " (%)",
					msg("reporting.halfYear.col.month", locale), previousPeriod + " (%)");
			List<HalfYearReport.MonthValue> now = months(r.charts().availability(), r.period());
			List<HalfYearReport.MonthValue> before = months(r.charts().availability(), r.previous());
			for (int i = 0; i < 6; i++) {
				write(availability.createRow(i + 1), styles, now.get(i).month().toString(), now.get(i).value(),
						before.get(i).month().toString(), before.get(i).value());
			}
			finish(availability, 12, 28, 12, 28);

			Sheet restored = sheet(book, msg("reporting.halfYear.sheet.restored", locale));
			header(restored, styles, msg("reporting.col.code", locale), msg("reporting.group.precinct", locale),
					msg("reporting.col.byVendors", locale), msg("reporting.col.inHouse", locale));
			n = 1;
			for (HalfYearReport.PrecinctRestored p : r.charts().restoredByPrecinct()) {
				write(restored.createRow(n++), styles, p.code(), HalfYearFormat.zh(locale) ? p.nameZh() : p.nameEn(),
						p.restoredByVendors(), p.restoredInHouse());
			}
			finish(restored, 14, 24, 16, 16);

			Sheet lpr = sheet(book, msg("reporting.halfYear.sheet.lpr", locale));
			header(lpr, styles, msg("reporting.halfYear.col.month", locale), msg("reporting.halfYear.col.lprCameras", locale));
			n = 1;
			for (HalfYearReport.MonthCount m : r.charts().lprOverTime()) {
				write(lpr.createRow(n++), styles, m.month().toString(), m.count());
			}
			finish(lpr, 12, 24);

			Sheet text = sheet(book, msg("reporting.halfYear.sheet.text", locale));
			header(text, styles, msg("reporting.halfYear.col.item", locale), msg("reporting.halfYear.col.level", locale),
					msg("reporting.halfYear.col.text", locale));
			n = 1;
			for (HalfYearReport.Paragraph p : paragraphs(r, locale)) {
				write(text.createRow(n++), styles, p.item(), p.level(), p.plain());
			}
			finish(text, 6, 6, 120);
			book.write(out);
		}
	}

	/** The six months of {@code half} in order, with the value the chart has for each (null where it has none). */
	static List<HalfYearReport.MonthValue> months(List<HalfYearReport.MonthValue> values, HalfYear half) {
		List<HalfYearReport.MonthValue> result = new ArrayList<>();
		YearMonth first = YearMonth.from(half.from());
		for (int i = 0; i < 6; i++) {
			YearMonth month = first.plusMonths(i);
			result.add(values.stream().filter(v -> v.month().equals(month)).findFirst()
				.orElse(new HalfYearReport.MonthValue(month, null)));
		}
		return result;
	}

	private record Styles(CellStyle header, CellStyle integer, CellStyle decimal, CellStyle date) {

		Styles(XSSFWorkbook book) {
			this(book.createCellStyle(), book.createCellStyle(), book.createCellStyle(), book.createCellStyle());
			Font bold = book.createFont();
			bold.setBold(true);
			header.setFont(bold);
			integer.setDataFormat(book.createDataFormat().getFormat("#,##0"));
			decimal.setDataFormat(book.createDataFormat().getFormat("#,##0.0#"));
			date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
		}
	}

	private static Sheet sheet(XSSFWorkbook book, String name) {
		return book.createSheet(WorkbookUtil.createSafeSheetName(name));
	}

	private static void header(Sheet sheet, Styles styles, String... names) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < names.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(names[i]);
			cell.setCellStyle(styles.header());
		}
	}

	/** Numbers as numeric cells (whole numbers with thousands separators), dates as date cells, text as it is. */
	private static void write(Row row, Styles styles, Object... values) {
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			if (v == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (v instanceof BigDecimal b) {
				cell.setCellValue(b.doubleValue());
				cell.setCellStyle(b.scale() > 0 && b.stripTrailingZeros().scale() > 0 ? styles.decimal() : styles.integer());
			}
			else if (v instanceof Number number) {
				cell.setCellValue(number.doubleValue());
				cell.setCellStyle(styles.integer());
			}
			else if (v instanceof LocalDate day) {
				cell.setCellValue(day);
				cell.setCellStyle(styles.date());
			}
			else {
				cell.setCellValue(v.toString());
			}
		}
	}

	/** Header row frozen, column widths in characters. */
	private static void finish(Sheet sheet, int... widths) {
		sheet.createFreezePane(0, 1);
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

	// ------------------------------------------------------------------ both

	/** The items with projects: 2 replacements, 3 new installations, 4 subsidised, 5 local funds. */
	record Section(int item, List<HalfYearReport.Project> projects) {
	}

	static List<Section> sections(HalfYearReport r) {
		return List.of(new Section(2, r.replacements()), new Section(3, r.newInstallations()),
				new Section(4, r.subsidies() == null ? List.of() : r.subsidies().projects()), new Section(5, r.localFunds()));
	}

	private static List<HalfYearReport.Paragraph> paragraphs(HalfYearReport r, Locale locale) {
		if (r.text() == null) {
			return List.of();
		}
		List<HalfYearReport.Paragraph> text = HalfYearFormat.zh(locale) ? r.text().zh() : r.text().en();
		return text == null ? List.of() : text;
	}

	private static String projectName(HalfYearReport.Project p, Locale locale) {
		return HalfYearFormat.zh(locale) || p.nameEn() == null ? p.nameZh() : p.nameEn();
	}

	private static String rowName(MaintenanceReport.Row row, Locale locale) {
		return HalfYearFormat.zh(locale) ? row.nameZh() : row.nameEn();
	}

	private String cameras(HalfYearReport.Project p, Locale locale) {
		String cameras = HalfYearFormat.count(HalfYearReport.Unit.CAMERAS, p.cameras(), locale);
		return p.realtimeLpr() > 0 ? msg("reporting.halfYear.camerasWithLpr", locale, cameras, HalfYearFormat.integer(p.realtimeLpr()))
				: cameras;
	}

	private String msg(String key, Locale locale, Object... args) {
		return format.message(key, locale, args);
	}
}
