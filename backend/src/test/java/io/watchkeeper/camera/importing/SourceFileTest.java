package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.watchkeeper.camera.importing.SourceFile.SourceRecord;

class SourceFileTest {

	static final String CSV = "編號,安裝地址,經度,緯度\nLAAA001-01,高雄市苓雅區四維三路2號,120.3014,22.6209\n";

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] big5(String s) {
		return s.getBytes(TextEncoding.BIG5);
	}

	static SourceFile analyze(String name, byte[] bytes) {
		return SourceFile.analyze(name, bytes, null, TextEncoding.Choice.AUTO, 1000);
	}

	static List<SourceRecord> records(SourceFile file) {
		List<SourceRecord> all = new ArrayList<>();
		file.records().forEachRemaining(all::add);
		return all;
	}

	static String code(Runnable r) {
		try {
			r.run();
		}
		catch (ImportFileException e) {
			return e.code();
		}
		throw new AssertionError("expected the file to be refused");
	}

	@Test
	void utf8WithAndWithoutBom() {
		SourceFile plain = analyze("a.csv", utf8(CSV));
		assertThat(plain.encoding().label()).isEqualTo("UTF-8");
		byte[] bom = utf8("\uFEFF" + CSV);
		SourceFile withBom = analyze("a.csv", bom);
		assertThat(withBom.encoding().label()).isEqualTo("UTF-8");
		assertThat(withBom.columns().get(0).header()).as("the BOM is not part of the first header").isEqualTo("編號");
		assertThat(records(withBom).get(0).values()[1]).isEqualTo("高雄市苓雅區四維三路2號");
	}

	@Test
	void big5IsDetectedAndDecoded() {
		SourceFile file = analyze("a.csv", big5(CSV));
		assertThat(file.encoding().label()).isEqualTo("Big5");
		assertThat(file.columns().get(1).header()).isEqualTo("安裝地址");
		assertThat(records(file).get(0).values()[1]).isEqualTo("高雄市苓雅區四維三路2號");
	}

	@Test
	void aFileThatIsNeitherUtf8NorBig5IsRefusedNamingTheLine() {
		byte[] bytes = utf8("編號,地址\nA-01,ok\nA-02,x\n");
		byte[] broken = new byte[bytes.length + 2];
		System.arraycopy(bytes, 0, broken, 0, bytes.length);
		broken[bytes.length] = (byte) 0xFF; // line 4: 0xFF is neither UTF-8 nor a Big5 lead byte
		broken[bytes.length + 1] = (byte) 0xFF;
		ImportFileException e = catchFile(() -> analyze("a.csv", broken));
		assertThat(e.code()).isEqualTo("import.file.encoding.neither");
		assertThat(e.args().get(0)).isEqualTo(4);
	}

	@Test
	void big5BytesChosenAsUtf8AreRefusedNamingTheLine() {
		byte[] bytes = big5("asset tag,address\nA-01,ok\nA-02,高雄\n");
		ImportFileException e = catchFile(() -> SourceFile.analyze("a.csv", bytes, null, TextEncoding.Choice.UTF_8, 100));
		assertThat(e.code()).isEqualTo("import.file.encoding.invalid");
		assertThat(e.args()).containsExactly("UTF-8", 3, "0xB0 0xAA 0xB6");
		assertThat(SourceFile.analyze("a.csv", bytes, null, TextEncoding.Choice.BIG5, 100).encoding().label()).isEqualTo("Big5");
	}

	@Test
	void emptyBlankHeaderOnlyAndHeaderlessFilesAreRefused() {
		assertThat(code(() -> analyze("a.csv", new byte[0]))).isEqualTo("import.file.empty");
		assertThat(code(() -> analyze("a.csv", utf8("\uFEFF \n\r\n")))).isEqualTo("import.file.empty");
		assertThat(code(() -> analyze("a.csv", utf8("編號,地址\n")))).isEqualTo("import.file.noRows");
		assertThat(code(() -> analyze("a.csv", utf8("編號,地址\n,\n \n")))).isEqualTo("import.file.noRows");
		assertThat(code(() -> analyze("a.csv", utf8(",,\nA-01,x,y\n")))).isEqualTo("import.file.noHeader");
	}

	@Test
	void tooManyRowsIsRefusedBeforeReading() {
		StringBuilder sb = new StringBuilder("編號,地址\n");
		for (int i = 0; i < 20; i++) {
			sb.append("A").append(i).append(",x\n");
		}
		ImportFileException e = catchFile(() -> SourceFile.analyze("a.csv", utf8(sb.toString()), null, TextEncoding.Choice.AUTO, 10));
		assertThat(e.code()).isEqualTo("import.file.tooManyRows");
		assertThat(e.status()).isEqualTo(413);
	}

	@Test
	void recordsCarryTheirLineInTheFileAcrossQuotedLineBreaksAndBlankLines() {
		SourceFile file = analyze("a.csv", utf8("編號,地址\nA-01,\"一行\n兩行\"\n\nA-02,x\r\nA-03,y"));
		List<SourceRecord> records = records(file);
		assertThat(records).extracting(SourceRecord::line).containsExactly(2, 5, 6);
		assertThat(records.get(0).values()[1]).isEqualTo("一行\n兩行");
	}

	@Test
	void tabsAndSemicolonsAreDelimitersToo() {
		assertThat(analyze("a.txt", utf8("編號\t地址\nA-01\t高雄, 三民\n")).columns()).hasSize(2);
		assertThat(analyze("a.csv", utf8("編號;地址\nA-01;x\n")).delimiter()).isEqualTo(';');
	}

	@Test
	void aRowWithMoreValuesThanHeadersIsAProblemOfThatRow() {
		List<SourceRecord> records = records(analyze("a.csv", utf8("編號,地址\nA-01,高雄市,三民區\nA-02,x,\n")));
		assertThat(records.get(0).problem().code()).isEqualTo("import.error.columnCount");
		assertThat(records.get(1).problem()).as("trailing empty values are harmless").isNull();
	}

	@Test
	void anUnclosedQuoteIsReportedOnItsLine() {
		List<SourceRecord> records = records(analyze("a.csv", utf8("編號,地址\nA-01,x\nA-02,\"never closed\nA-03,y\n")));
		assertThat(records).hasSize(2);
		assertThat(records.get(1).line()).isEqualTo(3);
		assertThat(records.get(1).problem().code()).isEqualTo("import.error.csvSyntax");
	}

	@Test
	void geoJsonPropertiesBecomeColumnsAndTheGeometryOneMore() {
		String json = """
				{"type": "FeatureCollection", "features": [
				  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [120.3014, 22.6209]},
				   "properties": {"編號": "LAAA001-01", "攝影方向": "東"}},
				  {"type": "Feature", "geometry": null, "properties": {"編號": "LAAA001-02", "安裝地址": "高雄市"}},
				  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[120, 22], [121, 23]]},
				   "properties": {"編號": "LAAA001-03"}}
				]}""";
		SourceFile file = analyze("cams.geojson", utf8(json));
		assertThat(file.format()).isEqualTo(SourceFile.Format.GEOJSON);
		assertThat(file.columns()).extracting(ColumnMapping.Column::header)
			.containsExactly("編號", "攝影方向", "安裝地址", SourceFile.GEOMETRY_COLUMN);
		List<SourceRecord> records = records(file);
		assertThat(records).extracting(SourceRecord::line).containsExactly(1, 2, 3);
		assertThat(records.get(0).values()).containsExactly("LAAA001-01", "東", null, "120.3014,22.6209");
		assertThat(records.get(1).values()[2]).isEqualTo("高雄市");
		assertThat(records.get(2).problem().code()).isEqualTo("import.error.geometry.notPoint");
	}

	@Test
	void jsonThatIsNotAFeatureCollectionOrNotJsonIsRefused() {
		assertThat(code(() -> analyze("a.geojson", utf8("{\"type\": \"Feature\", \"properties\": {}}"))))
			.isEqualTo("import.file.notFeatureCollection");
		ImportFileException e = catchFile(() -> analyze("a.json", utf8("{\"type\": \"FeatureCollection\",\n \"features\": [ {,] }")));
		assertThat(e.code()).isEqualTo("import.file.json");
		assertThat(e.args().get(0)).isEqualTo(2);
		assertThat(code(() -> analyze("a.geojson", utf8("{\"type\": \"FeatureCollection\", \"features\": []}"))))
			.isEqualTo("import.file.noRows");
	}

	@Test
	void formatIsGuessedFromContentWhenTheNameSaysNothing() {
		assertThat(analyze("upload", utf8("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"id\":\"A\"}}]}"))
			.format()).isEqualTo(SourceFile.Format.GEOJSON);
		assertThat(analyze("upload", utf8(CSV)).format()).isEqualTo(SourceFile.Format.CSV);
	}

	static ImportFileException catchFile(Runnable r) {
		try {
			r.run();
		}
		catch (ImportFileException e) {
			return e;
		}
		throw new AssertionError("expected the file to be refused");
	}
}
