package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every audit action has a label in both languages, and every action the code writes is a known one: a new
 * {@code audit.record(..., "x.y", ...)} without a label in {@link AuditAction} and both bundles fails here.
 */
class AuditActionsTest {

	/** An action code passed to {@code audit.record(...)}: a literal like "work_order.close" in the call. */
	private static final Pattern RECORD_CALL = Pattern.compile("audit\\.record\\((.*?)\\);", Pattern.DOTALL);
	private static final Pattern ACTION_LITERAL = Pattern.compile("\"([a-z_]+\\.[a-z_]+)\"");

	@Test
	void everyActionHasALabelInChineseAndInEnglish() {
		Properties english = bundle("messages/security.properties");
		Properties chinese = bundle("messages/security_zh_TW.properties");
		for (AuditAction action : AuditAction.values()) {
			assertThat(english.getProperty(action.labelKey())).as("English label of " + action.code()).isNotBlank()
				.doesNotContain(action.code());
			assertThat(chinese.getProperty(action.labelKey())).as("Chinese label of " + action.code()).isNotBlank()
				.containsPattern("\\p{IsHan}");
		}
	}

	@Test
	void everyActionTheCodeRecordsIsAKnownAction() throws IOException {
		Set<String> written = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher call = RECORD_CALL.matcher(Files.readString(file));
				while (call.find()) {
					Matcher literal = ACTION_LITERAL.matcher(call.group(1));
					while (literal.find()) {
						written.add(literal.group(1));
					}
				}
			}
		}
		assertThat(written).as("actions found in audit.record calls").contains("work_order.close", "auth.login",
				"import.rejected");
		Set<String> known = Arrays.stream(AuditAction.values()).map(AuditAction::code).collect(Collectors.toSet());
		assertThat(known).as("AuditAction lists every action the code writes").containsAll(written);
	}

	@Test
	void theFilterOffersEachFamilyAndEachAction() {
		assertThat(AuditAction.filterChoices()).contains("work_order.*", "work_order.close", "auth.*", "auth.login")
			.doesNotHaveDuplicates();
	}

	private static Properties bundle(String path) {
		Properties properties = new Properties();
		try (InputStream in = AuditActionsTest.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
