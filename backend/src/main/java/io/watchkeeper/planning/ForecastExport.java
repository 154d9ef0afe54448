package io.watchkeeper.planning;

import java.io.IOException;
import java.io.OutputStream;
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

import io.watchkeeper.camera.LprCapability;
import io.watchkeeper.shared.SpreadsheetText;

/**
 * Writes a forecast as CSV (UTF-8 with a byte-order mark, so spreadsheets show the Chinese; text guarded against
 * being run as a formula, as the other exports do) or XLSX (sheet "Forecast": a header row, then the backlog and one
 * row per fiscal year, numbers as numeric cells; sheet "Parameters": the inputs and the prices used). Both have the
 * same columns: period, fiscal year, ROC year, cameras, cost, then cameras and cost of each group.
 */
@Component
class ForecastExport {

	private final MessageSource messages;

	ForecastExport(MessageSource messages) {
		this.messages = messages;
	}

	void csv(Forecast f, Locale locale, OutputStream out) throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
			.setHeader(headers(f, locale).stream().map(ForecastExport::cell).toArray(String[]::new)).get());
		for (List<Object> row : rows(f, locale)) {
			csv.printRecord(row.stream().map(v -> v instanceof String s ? cell(s) : v).toList());
		}
		csv.flush();
	}

	void xlsx(Forecast f, Locale locale, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.createDataFormat().getFormat("#,##0"));
			Sheet sheet = book.createSheet("Forecast");
			write(sheet.createRow(0), new ArrayList<>(headers(f, locale)), null);
			int r = 1;
			for (List<Object> row : rows(f, locale)) {
				write(sheet.createRow(r++), row, money);
			}
			sheet.createFreezePane(1, 1);

			Sheet params = book.createSheet("Parameters");
			int p = 0;
			write(params.createRow(p++), List.of(msg("planning.forecast.export.parameter", locale),
					msg("planning.forecast.export.value", locale)), null);
			write(params.createRow(p++), List.of(msg("planning.forecast.asOf", locale), f.asOf().toString()), null);
			write(params.createRow(p++), List.of(msg("planning.forecast.firstYear", locale), f.firstYear()), null);
			write(params.createRow(p++), List.of(msg("planning.forecast.years", locale), f.years()), null);
			write(params.createRow(p++), List.of(msg("planning.forecast.groupBy", locale),
					msg("planning.forecast.group." + f.groupBy(), locale)), null);
			p++;
			List<Object> priceHeader = new ArrayList<>(List.of(msg("planning.forecast.export.pricesOn", locale),
					msg("planning.forecast.export.usedFor", locale)));
			for (LprCapability k : LprCapability.values()) {
				priceHeader.add(msg("camera.lpr." + k.name(), locale) + " (NT$)");
			}
			write(params.createRow(p++), priceHeader, null);
			for (PriceList.Prices prices : f.prices()) {
				List<Object> row = new ArrayList<>();
				row.add(prices.on().toString());
				row.add(prices.on().equals(f.asOf()) && prices == f.prices().get(0) ? msg("planning.forecast.backlog", locale)
						: String.valueOf(prices.on().getYear()));
				for (LprCapability k : LprCapability.values()) {
					row.add(prices.byKind().get(k));
				}
				write(params.createRow(p++), row, money);
			}
			book.write(out);
		}
	}

	private List<String> headers(Forecast f, Locale locale) {
		List<String> headers = new ArrayList<>(List.of(msg("planning.forecast.export.period", locale),
				msg("planning.forecast.col.fiscalYear", locale), msg("planning.forecast.col.rocYear", locale),
				msg("planning.forecast.col.cameras", locale), msg("planning.forecast.col.cost", locale)));
		for (Forecast.Group g : f.groups()) {
			headers.add(g.label() + " · " + msg("planning.forecast.col.cameras", locale));
			headers.add(g.label() + " · " + msg("planning.forecast.col.cost", locale));
		}
		return headers;
	}

	private List<List<Object>> rows(Forecast f, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		List<Object> backlog = new ArrayList<>();
		backlog.add(msg("planning.forecast.backlog", locale));
		backlog.add(null);
		backlog.add(null);
		backlog.add(f.backlog().cameras());
		backlog.add(f.backlog().cost());
		groups(backlog, f.backlog().byGroup());
		rows.add(backlog);
		for (Forecast.Row r : f.rows()) {
			List<Object> row = new ArrayList<>();
			row.add(String.valueOf(r.fiscalYear()));
			row.add(r.fiscalYear());
			row.add(r.rocYear());
			row.add(r.cameras());
			row.add(r.cost());
			groups(row, r.byGroup());
			rows.add(row);
		}
		return rows;
	}

	private static void groups(List<Object> row, List<Forecast.GroupFigure> byGroup) {
		for (Forecast.GroupFigure g : byGroup) {
			row.add(g.cameras());
			row.add(g.cost());
		}
	}

	private static void write(Row row, List<?> values, CellStyle money) {
		for (int i = 0; i < values.size(); i++) {
			Object v = values.get(i);
			if (v == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
				if (money != null && n.longValue() >= 10_000) {
					cell.setCellStyle(money);
				}
			}
			else {
				cell.setCellValue(v.toString());
			}
		}
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	static String cell(String text) {
		return SpreadsheetText.defuse(text);
	}
}
