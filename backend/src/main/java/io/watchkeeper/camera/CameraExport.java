package io.watchkeeper.camera;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import io.watchkeeper.shared.SpreadsheetText;

/**
 * Writes the filtered camera list as CSV (UTF-8 with a byte-order mark, so spreadsheet programs show the
 * Chinese headers and addresses) or as a GeoJSON FeatureCollection, row by row as the database delivers.
 */
@Component
class CameraExport {

	/** The CSV columns, in order; headers come from the camera message bundle ({@code camera.csv.<key>}). */
	static final List<String> COLUMNS = List.of("assetTag", "siteCode", "siteIndex", "address", "longitude", "latitude",
			"precinct", "station", "district", "heading", "fovDeg", "rangeM", "installDate", "serviceLifeYears", "endOfLife",
			"warrantyEnd", "lpr", "make", "model", "status", "fundingSource", "project", "contract", "supplierVendor",
			"decommissionedOn", "decommissionReason", "notes", "state");

	private final CameraCatalog catalog;
	private final MessageSource messages;
	private final JsonMapper json;

	CameraExport(CameraCatalog catalog, MessageSource messages, JsonMapper json) {
		this.catalog = catalog;
		this.messages = messages;
		this.json = json;
	}

	void csv(CameraListParams params, Locale locale, OutputStream out) throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		List<String> headers = COLUMNS.stream()
			.map(c -> messages.getMessage("camera.csv." + c, null, c, locale)).toList();
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(headers.toArray(String[]::new)).get());
		catalog.export(params.toFilter(), params.sortColumn(), params.descending(), c -> {
			List<Object> row = new ArrayList<>(COLUMNS.size());
			row.add(c.assetTag());
			row.add(c.siteCode());
			row.add(c.siteIndex());
			row.add(cell(c.address()));
			row.add(c.longitude());
			row.add(c.latitude());
			row.add(c.precinct() == null ? null : c.precinct().name(locale));
			row.add(c.station() == null ? null : cell(c.station().name(locale)));
			row.add(c.district() == null ? null : c.district().name(locale));
			row.add(c.heading());
			row.add(c.fovDeg());
			row.add(c.rangeM());
			row.add(c.installDate());
			row.add(c.serviceLifeYears());
			row.add(c.endOfLife());
			row.add(c.warrantyEnd());
			row.add(label("camera.lpr.", c.lpr().name(), locale));
			row.add(cell(c.make()));
			row.add(cell(c.model()));
			row.add(label("camera.status.", c.status().name(), locale));
			row.add(c.fundingSource() == null ? null : c.fundingSource().code());
			row.add(c.project() == null ? null : c.project().code());
			row.add(c.contract() == null ? null : c.contract().code());
			row.add(c.supplierVendor() == null ? null : c.supplierVendor().code());
			row.add(c.decommissionedOn());
			row.add(cell(c.decommissionReason()));
			row.add(cell(c.notes()));
			// the one rule of CameraState, as the list shows it; the importer ignores this column (status is what it reads)
			row.add(label("camera.state.", c.state().name(), locale));
			try {
				csv.printRecord(row);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		csv.flush();
	}

	void geoJson(CameraListParams params, Locale locale, OutputStream out) {
		try (JsonGenerator gen = json.createGenerator(out)) {
			gen.writeStartObject();
			gen.writeStringProperty("type", "FeatureCollection");
			gen.writeArrayPropertyStart("features");
			catalog.export(params.toFilter(), params.sortColumn(), params.descending(), c -> {
				Map<String, Object> feature = new LinkedHashMap<>();
				feature.put("type", "Feature");
				feature.put("id", c.id());
				feature.put("geometry", c.placed()
						? Map.of("type", "Point", "coordinates", List.of(c.longitude(), c.latitude())) : null);
				Map<String, Object> p = new LinkedHashMap<>();
				p.put("assetTag", c.assetTag());
				p.put("siteCode", c.siteCode());
				p.put("address", c.address());
				p.put("precinct", c.precinct() == null ? null : c.precinct().code());
				p.put("precinctName", c.precinct() == null ? null : c.precinct().name(locale));
				p.put("station", c.station() == null ? null : c.station().code());
				p.put("stationName", c.station() == null ? null : c.station().name(locale));
				p.put("district", c.district() == null ? null : c.district().code());
				p.put("districtName", c.district() == null ? null : c.district().name(locale));
				p.put("heading", c.heading());
				p.put("fovDeg", c.fovDeg());
				p.put("rangeM", c.rangeM());
				p.put("installDate", text(c.installDate()));
				p.put("endOfLife", text(c.endOfLife()));
				p.put("warrantyEnd", text(c.warrantyEnd()));
				p.put("lpr", c.lpr().name());
				p.put("status", c.status().name());
				p.put("state", c.state().name());
				p.put("make", c.make());
				p.put("model", c.model());
				p.put("fundingSource", c.fundingSource() == null ? null : c.fundingSource().code());
				p.put("project", c.project() == null ? null : c.project().code());
				p.put("decommissionedOn", text(c.decommissionedOn()));
				feature.put("properties", p);
				gen.writePOJO(feature);
			});
			gen.writeEndArray();
			gen.writeEndObject();
		}
	}

	/**
	 * A code as the reader's language says it ("故障" under Chinese headers, "Faulty" under English ones); the
	 * importer reads these labels back (see {@code CameraValues}), so the export stays re-importable.
	 */
	private String label(String prefix, String code, Locale locale) {
		return messages.getMessage(prefix + code, null, code, locale);
	}

	static String cell(String text) {
		return SpreadsheetText.defuse(text);
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
