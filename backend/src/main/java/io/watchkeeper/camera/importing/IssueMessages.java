package io.watchkeeper.camera.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says issues, notices and file errors in the reader's language, with field names as labels. */
@Component
class IssueMessages {

	static final String FIELD_PREFIX = "@field:";

	private final MessageSource messages;

	IssueMessages(MessageSource messages) {
		this.messages = messages;
	}

	String render(String code, List<?> args, Locale locale) {
		Object[] resolved = new Object[args.size()];
		for (int i = 0; i < resolved.length; i++) {
			resolved[i] = resolve(args.get(i), locale);
		}
		return messages.getMessage(code, resolved, code, locale);
	}

	/**
	 * An argument as it is stored: fields as {@code @field:NAME}, fractional numbers as plain text (so
	 * that MessageFormat does not round coordinates to three decimals), lists element by element.
	 */
	static Object plain(Object arg) {
		if (arg instanceof ImportField f) {
			return FIELD_PREFIX + f.name();
		}
		if (arg instanceof Double || arg instanceof Float) {
			return java.math.BigDecimal.valueOf(((Number) arg).doubleValue()).stripTrailingZeros().toPlainString();
		}
		if (arg instanceof List<?> list) {
			return list.stream().map(IssueMessages::plain).toList();
		}
		return arg == null || arg instanceof Number || arg instanceof String ? arg : arg.toString();
	}

	String fieldLabel(String field, Locale locale) {
		return field == null ? "" : messages.getMessage("import.field." + field, null, field, locale);
	}

	private Object resolve(Object raw, Locale locale) {
		Object arg = plain(raw);
		if (arg instanceof String s && s.startsWith(FIELD_PREFIX)) {
			return fieldLabel(s.substring(FIELD_PREFIX.length()), locale);
		}
		if (arg instanceof List<?> list) {
			List<String> parts = new ArrayList<>();
			for (Object o : list) {
				parts.add(String.valueOf(resolve(o, locale)));
			}
			return String.join(locale.getLanguage().equals("zh") ? "、" : ", ", parts);
		}
		return arg;
	}
}
