package io.watchkeeper.maintenance;

import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;

/**
 * A refusal whose sentence is also in the maintenance message bundle: the API answers with the English
 * message, the pages show {@link #messageKey()} with {@link #messageArgs()} in the reader's language. An
 * argument may itself be a message key ({@link #label}), e.g. a state's name.
 */
interface Localized {

	String messageKey();

	Object[] messageArgs();

	/** An argument shown as the bundle's text for this key (a state, an action, a resolution). */
	static DefaultMessageSourceResolvable label(String key) {
		return new DefaultMessageSourceResolvable(new String[] { key }, key);
	}

	/** 400 for one field, with a localised sentence. */
	final class Invalid extends InvalidInputException implements Localized {

		private final String key;
		private final Object[] args;

		Invalid(String field, String message, String key, Object... args) {
			super(message, List.of(new FieldError(field, message)));
			this.key = key;
			this.args = args;
		}

		@Override
		public String messageKey() {
			return key;
		}

		@Override
		public Object[] messageArgs() {
			return args;
		}
	}

	/** 409 with a localised sentence. */
	final class Conflict extends ConflictException implements Localized {

		private final String key;
		private final Object[] args;

		Conflict(String message, String key, Object... args) {
			super(message);
			this.key = key;
			this.args = args;
		}

		@Override
		public String messageKey() {
			return key;
		}

		@Override
		public Object[] messageArgs() {
			return args;
		}
	}
}
