package io.watchkeeper.camera;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Clear, localised messages for values that could not even be read: a status that is no status, a
 * precinct id that is no number, a date that does not exist. They name the field, repeat the value and say
 * what is allowed, instead of the framework's conversion text ("Failed to convert property value of type
 * 'java.lang.String' to required type ...").
 */
@Component
class InputMessages {

	private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final MessageSource messages;

	InputMessages(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The message for {@code value} given for {@code field} that could not be converted to {@code type}.
	 *
	 * @param codes for enums, list the codes (API) rather than the localised labels (pages)
	 */
	String unreadable(String field, Object value, Class<?> type, boolean codes, Locale locale) {
		String shown = value == null ? "" : value instanceof Object[] a && a.length == 1 ? String.valueOf(a[0])
				: String.valueOf(value);
		if (shown.length() > 60) {
			shown = shown.substring(0, 60) + "…";
		}
		String hint;
		if (type != null && type.isEnum()) {
			hint = msg("camera.param.oneOf", locale, Arrays.stream(type.getEnumConstants())
				.filter(c -> type != CameraStatus.class || codes || c != CameraStatus.DECOMMISSIONED || "status".equals(field))
				.map(c -> codes ? ((Enum<?>) c).name() : label(type, (Enum<?>) c, locale))
				.collect(Collectors.joining(", ")));
		}
		else if (type == LocalDate.class) {
			hint = isWellFormedDate(shown) ? msg("camera.param.noSuchDate", locale) : msg("camera.param.date", locale);
		}
		else if (type == Boolean.class || type == boolean.class) {
			hint = msg("camera.param.boolean", locale);
		}
		else if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
			hint = msg("camera.param.number", locale);
		}
		else {
			hint = msg("camera.param.other", locale);
		}
		return msg("camera.param.invalid", locale, fieldLabel(field, locale), shown, hint);
	}

	String fieldLabel(String field, Locale locale) {
		String f = field.endsWith("Id") ? field.substring(0, field.length() - 2) : field;
		String label = messages.getMessage("camera.field." + f, null, null, locale);
		if (label == null) {
			label = messages.getMessage("camera.filter." + f, null, field, locale);
		}
		return label;
	}

	String msg(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, code, locale);
	}

	private String label(Class<?> type, Enum<?> value, Locale locale) {
		String prefix = type == CameraStatus.class ? "camera.status." : type == LprFilter.class || type == LprCapability.class
				? "camera.lpr." : null;
		String label = prefix == null ? null : messages.getMessage(prefix + value.name(), null, null, locale);
		return label == null ? value.name() : label + " (" + value.name() + ")";
	}

	/** Whether the text has the form YYYY-MM-DD (whether or not such a day exists). */
	static boolean isWellFormedDate(String text) {
		return text != null && text.strip().matches("\\d{4}-\\d{2}-\\d{2}");
	}

	/** Whether the text is a day that exists in the calendar, written YYYY-MM-DD. */
	static boolean isRealDate(String text) {
		try {
			LocalDate.parse(text.strip(), ISO_STRICT);
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}
}
