package io.watchkeeper.camera.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every problem a boundary upload can report is said in English and Chinese, with its arguments. */
class BoundaryMessagesTest {

	@Test
	void everyCodeUsedByTheBoundaryUploadHasEnglishAndChineseText() throws IOException {
		Set<String> codes = new TreeSet<>();
		Pattern code = Pattern.compile("\"(boundary\\.(?:problem|rejected|inUse|referenced|blocking|choose)[A-Za-z.]*)\"");
		try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/watchkeeper/camera/boundary"))) {
			for (Path source : sources.toList()) {
				Matcher m = code.matcher(Files.readString(source));
				while (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		assertThat(codes).hasSizeGreaterThan(30).contains("boundary.problem.noFeatures", "boundary.rejected.district");
		Properties en = load("messages/boundary.properties");
		Properties zh = load("messages/boundary_zh_TW.properties");
		assertThat(codes).allSatisfy(c -> assertThat(en).as("English " + c).containsKey(c));
		assertThat(codes).allSatisfy(c -> assertThat(zh).as("Chinese " + c).containsKey(c));
		assertThat(zh.keySet()).isEqualTo(en.keySet());
		for (Properties bundle : List.of(en, zh)) {
			bundle.forEach((key, pattern) -> assertThat(new MessageFormat((String) pattern).format(new Object[] { 1, 2, 3, 4 }))
				.as("%s formats", key).isNotBlank());
		}
	}

	@Test
	void aRefusedFileIsSaidInTheReadersLanguage() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/boundary");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		BoundaryFileException e = null;
		try {
			BoundaryFile.validate(BoundaryKind.DISTRICT, "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes());
		}
		catch (BoundaryFileException refused) {
			e = refused;
		}
		assertThat(e).isNotNull();
		Locale zh = Locale.forLanguageTag("zh-TW");
		assertThat(e.summary(messages, zh)).isEqualTo("行政區界線檔未被接受：共 1 個問題；沒有變更任何資料。");
		assertThat(e.fieldErrors(messages, zh)).singleElement()
			.satisfies(f -> assertThat(f.message()).isEqualTo("此 FeatureCollection 沒有任何圖徵（features）。"));
		assertThat(e.summary(messages, Locale.ENGLISH)).isEqualTo("The district file was not accepted: 1 problem; nothing was changed.");
		assertThat(e.fieldErrors(messages, Locale.ENGLISH).get(0).message()).isEqualTo("The FeatureCollection has no features.");
	}

	private static Properties load(String resource) throws IOException {
		Properties p = new Properties();
		try (var in = new InputStreamReader(BoundaryMessagesTest.class.getClassLoader().getResourceAsStream(resource),
				StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}
}
