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

/** Every message of derivations and profiles is said in both languages, and each formats. */
class ImportProfileMessagesTest {

	@Test
	void everyDerivationAndProfileCodeHasEnglishAndChineseText() throws IOException {
		Set<String> codes = new TreeSet<>();
		Pattern code = Pattern.compile("\"(import\\.(?:derive|profile)\\.[A-Za-z.]+)\"");
		try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/watchkeeper/camera/importing"))) {
			for (Path source : sources.toList()) {
				Matcher m = code.matcher(Files.readString(source));
				while (m.find()) {
					if (!m.group(1).endsWith(".")) {
						codes.add(m.group(1));
					}
				}
			}
		}
		DerivationPresets.ALL.forEach(p -> codes.add(p.labelKey()));
		assertThat(codes).hasSizeGreaterThan(25);
		Properties en = load("messages/import_profile.properties");
		Properties zh = load("messages/import_profile_zh_TW.properties");
		assertThat(codes).allSatisfy(c -> assertThat(en).as("English " + c).containsKey(c));
		assertThat(codes).allSatisfy(c -> assertThat(zh).as("Chinese " + c).containsKey(c));
		assertThat(zh.keySet()).as("both bundles say the same things").isEqualTo(en.keySet());
		for (Properties bundle : java.util.List.of(en, zh)) {
			bundle.forEach((key, pattern) -> assertThat(new java.text.MessageFormat((String) pattern).format(new Object[] { 1, 2, 3, 4 }))
				.as("%s formats", key).isNotBlank());
		}
	}

	private static Properties load(String resource) throws IOException {
		Properties p = new Properties();
		try (var in = new InputStreamReader(ImportProfileMessagesTest.class.getClassLoader().getResourceAsStream(resource),
				StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}
}
