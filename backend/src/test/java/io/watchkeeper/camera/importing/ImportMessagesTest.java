package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message code the import can produce is said in both languages. */
class ImportMessagesTest {

	@Test
	void everyCodeUsedInTheImportHasEnglishAndChineseText() throws IOException {
		Set<String> codes = new TreeSet<>();
		Pattern code = Pattern.compile("\"(import\\.(?:error|warning|file|mapping|notice|failed)\\.[A-Za-z.]+)\"");
		try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/watchkeeper/camera/importing"))) {
			for (Path source : sources.toList()) {
				Matcher m = code.matcher(Files.readString(source));
				while (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		for (ImportField f : ImportField.values()) {
			codes.add(f.labelKey());
			codes.add("import.headers." + f.name());
		}
		for (ImportJob.Status s : ImportJob.Status.values()) {
			codes.add("import.status." + s.name());
		}
		assertThat(codes).hasSizeGreaterThan(60);
		Properties en = load("messages/import.properties");
		Properties zh = load("messages/import_zh_TW.properties");
		assertThat(codes).allSatisfy(c -> assertThat(en).as("English " + c).containsKey(c));
		assertThat(codes).allSatisfy(c -> assertThat(zh).as("Chinese " + c).containsKey(c));
		assertThat(zh.keySet()).as("both bundles say the same things").isEqualTo(en.keySet());
		for (Properties bundle : java.util.List.of(en, zh)) {
			bundle.forEach((key, pattern) -> assertThat(new java.text.MessageFormat((String) pattern).format(new Object[] { 1, 2, 3 }))
				.as("%s formats", key).isNotBlank());
		}
	}

	private static Properties load(String resource) throws IOException {
		Properties p = new Properties();
		try (var in = new InputStreamReader(ImportMessagesTest.class.getClassLoader().getResourceAsStream(resource),
				StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}
}
