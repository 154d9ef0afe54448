package io.watchkeeper.shared;

import java.beans.PropertyEditorSupport;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * One rule for text that comes in, wherever it comes in: no control characters. PostgreSQL cannot store NUL at all
 * (a NUL in an address used to end in a 500), and the other C0 controls, DEL and lone UTF-16 surrogates are never
 * meant in a camera's data. Tab, CR and LF are allowed, since notes run over several lines.
 * <ul>
 * <li>JSON bodies: every {@code String} the API reads goes through {@link #jacksonModule()}; the refusal is a 400
 * problem naming the field (through {@link ApiExceptionHandler}'s unreadable-body answer);</li>
 * <li>request parameters and form fields: every {@code String} Spring binds goes through the editor of
 * {@link Binding}; a page shows the message next to its field ({@code typeMismatch.java.lang.String}), the API
 * answers 400 naming the parameter;</li>
 * <li>the camera importer and the health batch use {@link #problem(String)} for their cells and fields.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class TextInput {

	TextInput() {
	}

	/** Why {@code value} is refused (e.g. "contains the control character U+0000"), or null when it is fine. */
	public static String problem(String value) {
		if (value == null) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
				return CONTROL + codePoint(c) + " at position " + (i + 1);
			}
			if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
					|| Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
				return SURROGATE + codePoint(c) + " at position " + (i + 1);
			}
		}
		return null;
	}

	/**
	 * The refusal somewhere in {@code error}'s causes (a binder's {@link ControlCharacterException} or the JSON
	 * reader's mismatch), or null: lets an error handler say "contains the control character U+0000" rather than a
	 * conversion message.
	 */
	public static String refusal(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ControlCharacterException) {
				return t.getMessage();
			}
			if (t instanceof tools.jackson.core.JacksonException j && j.getOriginalMessage() != null
					&& (j.getOriginalMessage().startsWith(CONTROL) || j.getOriginalMessage().startsWith(SURROGATE))) {
				return j.getOriginalMessage();
			}
		}
		return null;
	}

	private static final String CONTROL = "contains the control character ";

	private static final String SURROGATE = "contains a lone surrogate ";

	private static String codePoint(char c) {
		return String.format(Locale.ROOT, "U+%04X", (int) c);
	}

	/** Thrown by the binder's editor; its message is {@link #problem(String)}'s. */
	public static final class ControlCharacterException extends IllegalArgumentException {

		ControlCharacterException(String message) {
			super(message);
		}
	}

	@Bean
	static JacksonModule jacksonModule() {
		SimpleModule module = new SimpleModule("watchkeeper-text-input");
		module.addDeserializer(String.class, new CheckedStrings());
		return module;
	}

	static final class CheckedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			String problem = problem(value);
			if (problem != null) {
				return ctxt.reportInputMismatch(this, problem);
			}
			return value;
		}
	}

	/** Every String Spring binds from a request parameter or form field, on every controller. */
	@ControllerAdvice
	static class Binding {

		@InitBinder
		void refuseControlCharacters(WebDataBinder binder) {
			binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
				@Override
				public void setAsText(String text) {
					String problem = problem(text);
					if (problem != null) {
						throw new ControlCharacterException(problem);
					}
					setValue(text);
				}
			});
		}
	}
}
