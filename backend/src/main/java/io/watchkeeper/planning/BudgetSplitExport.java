package io.watchkeeper.planning;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.watchkeeper.shared.SpreadsheetText;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A budget split as CSV (UTF-8 with a byte-order mark, formula-like text defused) or XLSX: one row per precinct,
 * then the sum line, which equals the total.
 */
@Component
class BudgetSplitExport {

	private final MessageSource messages;

	BudgetSplitExport(MessageSource messages) {
		this.messages = messages;
	}

	void write(BudgetSplit split, boolean xlsx, Locale locale, HttpServletResponse response) throws IOException {
		String name = "budget-split-" + split.fiscalYear() + (split.id() == null ? "-preview" : "-" + split.id());
		List<List<Object>> rows = rows(split, locale);
		if (xlsx) {
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
			try (XSSFWorkbook book = new XSSFWorkbook()) {
				Sheet sheet = book.createSheet(String.valueOf(split.fiscalYear()));
				CellStyle money = book.createCellStyle();
				money.setDataFormat(book.createDataFormat().getFormat("#,##0"));
				for (int r = 0; r < rows.size(); r++) {
					Row row = sheet.createRow(r);
					List<Object> values = rows.get(r);
					for (int c = 0; c < values.size(); c++) {
						Object v = values.get(c);
						Cell cell = row.createCell(c);
						if (v instanceof Number n) {
							cell.setCellValue(n.doubleValue());
							if (n instanceof Long) {
								cell.setCellStyle(money);
							}
						}
						else if (v != null) {
							cell.setCellValue(v.toString()); // a string cell is never run as a formula
						}
					}
				}
				for (int c = 0; c < 7; c++) {
					sheet.autoSizeColumn(c);
				}
				book.write(response.getOutputStream());
			}
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
		response.getOutputStream().write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }); // spreadsheets read UTF-8 only with it
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL);
		for (List<Object> row : rows) {
			csv.printRecord(row.stream().map(v -> v instanceof String text ? SpreadsheetText.defuse(text) : v).toList());
		}
		csv.flush();
	}

	/** Header, one row per precinct (precinct code, name, cameras, share %, amount, contract), then the sum. */
	private List<List<Object>> rows(BudgetSplit split, Locale locale) {
		boolean zh = "zh".equals(locale.getLanguage());
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of(message("planning.split.fiscalYear", locale), split.fiscalYear() + " ("
				+ message("planning.split.roc", locale, split.rocYear()) + ")", message("planning.split.total", locale),
				split.totalNtd(), message("planning.split.referenceDate", locale), split.referenceDate().toString()));
		rows.add(List.of(message("planning.split.col.code", locale), message("planning.split.col.precinct", locale),
				message("planning.split.col.outOfWarranty", locale), message("planning.split.col.share", locale),
				message("planning.split.col.amount", locale), message("planning.split.col.contract", locale)));
		for (BudgetSplit.Part p : split.parts()) {
			List<Object> row = new ArrayList<>();
			row.add(p.precinctCode());
			row.add(zh || p.precinctNameEn() == null ? p.precinctName() : p.precinctNameEn());
			row.add(p.outOfWarranty());
			row.add(split.sharePercent(p).toPlainString());
			row.add(p.amountNtd());
			row.add(p.contractCode());
			rows.add(row);
		}
		List<Object> sum = new ArrayList<>();
		sum.add(null);
		sum.add(message("planning.split.sum", locale));
		sum.add((int) split.outOfWarranty());
		sum.add("100.00");
		sum.add(split.sumNtd());
		sum.add(null);
		rows.add(sum);
		return rows;
	}

	private String message(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, code, locale);
	}
}
