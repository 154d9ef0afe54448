package io.watchkeeper.investigation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.watchkeeper.investigation.CaseViews.CanvassView;
import io.watchkeeper.shared.SpreadsheetText;

/**
 * Writes a canvass snapshot as CSV, as the camera export does: UTF-8 with a byte-order mark (spreadsheets show the
 * Chinese), headers and codes in the reader's language, one row per camera with every column, and text a person
 * typed guarded against being run as a formula.
 */
@Component
class CanvassCsv {

	static final List<String> COLUMNS = List.of("ordinal", "assetTag", "address", "longitude", "latitude", "distanceM",
			"bearingDeg", "headingDeg", "fovDeg", "rangeM", "facing", "availability", "downIntervals", "unknownIntervals",
			"lpr", "retentionDays", "footageExpiresOn", "expired", "alongM", "offsetM", "travel");

	private final MessageSource messages;

	CanvassCsv(MessageSource messages) {
		this.messages = messages;
	}

	void write(CanvassView view, Locale locale, OutputStream out) throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		String[] headers = COLUMNS.stream().map(c -> messages.getMessage("investigation.csv." + c, null, c, locale))
			.toArray(String[]::new);
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(headers).get());
		int ordinal = 0;
		for (CanvassCamera c : view.cameras()) {
			List<Object> row = new ArrayList<>(COLUMNS.size());
			row.add(++ordinal);
			row.add(cell(c.assetTag()));
			row.add(cell(c.address()));
			row.add(c.longitude());
			row.add(c.latitude());
			row.add(Math.round(c.distanceM() * 10) / 10.0);
			row.add(c.bearingDeg() == null ? null : Math.round(c.bearingDeg() * 10) / 10.0);
			row.add(c.headingDeg());
			row.add(c.fovDeg());
			row.add(c.rangeM());
			row.add(label("investigation.facing.", c.facing().name(), locale));
			row.add(label("investigation.availability.", c.availability().name(), locale));
			row.add(intervals(c.downIntervals()));
			row.add(intervals(c.unknownIntervals()));
			row.add(label("camera.lpr.", c.lpr(), locale));
			row.add(c.retentionDays());
			row.add(c.footageExpiresOn());
			row.add(label("investigation.expired.", String.valueOf(c.expired()), locale));
			row.add(c.alongM() == null ? null : Math.round(c.alongM() * 10) / 10.0);
			row.add(c.offsetM() == null ? null : Math.round(c.offsetM() * 10) / 10.0);
			row.add(c.travel() == null ? null : label("investigation.travel.", c.travel().name(), locale));
			csv.printRecord(row);
		}
		csv.flush();
	}

	private static String intervals(List<CanvassCamera.Interval> intervals) {
		return intervals == null ? "" : intervals.stream().map(i -> i.from() + "/" + i.to()).collect(Collectors.joining("; "));
	}

	private String label(String prefix, String code, Locale locale) {
		return messages.getMessage(prefix + code, null, code, locale);
	}

	static String cell(String text) {
		return SpreadsheetText.defuse(text);
	}
}
