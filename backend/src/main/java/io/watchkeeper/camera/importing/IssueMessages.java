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

	String fieldLabel(String field, Locale locale) {
		return field == null ? "" : messages.getMessage("import.field." + field, null, field, locale);
	}

	private Object resolve(Object arg, Locale locale) {
		if (arg instanceof ImportField f) {
			return fieldLabel(f.name(), locale);
		}
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
