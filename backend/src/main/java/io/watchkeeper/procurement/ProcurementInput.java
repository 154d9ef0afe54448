package io.watchkeeper.procurement;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.watchkeeper.procurement.ProcurementInputRefused.Violation;

/**
 * Reads the text of the funding-source and project forms: codes, names, fiscal years typed as ROC or Gregorian
 * years, amounts in whole New Taiwan dollars. Each reader adds a violation naming its field instead of throwing,
 * so one answer lists every mistake.
 */
final class ProcurementInput {

	static final int ROC_EPOCH = 1911;
	static final int FIRST_YEAR = 1990;
	static final int LAST_YEAR = 2100;
	static final int MAX_CODE = 40;
	static final int MAX_TEXT = 200;
	/** A trillion dollars: more than the city's whole budget, so a slip of the keyboard is caught. */
	static final long MAX_AMOUNT = 1_000_000_000_000L;

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]*");
	private static final Pattern YEAR = Pattern.compile("(?:民國|ROC)?\\s*(\\d{1,4})\\s*(?:年度|年)?", Pattern.CASE_INSENSITIVE);
	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private ProcurementInput() {
	}

	/** An upper-case code of letters, digits and dashes (imports name sources and projects by it). */
	static String code(String raw, List<Violation> violations) {
		String code = clean(raw);
		if (code == null) {
			violations.add(required("code"));
			return null;
		}
		code = code.toUpperCase(Locale.ROOT);
		if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
			violations.add(new Violation("code", "procurement.form.error.code", new Object[] { MAX_CODE },
					"use letters, digits and dashes, at most " + MAX_CODE + " characters (F2024-CITY)"));
		}
		return code;
	}

	/** One of {@code allowed}. */
	static String choice(String raw, String field, List<String> allowed, List<Violation> violations) {
		String value = clean(raw);
		if (value == null) {
			violations.add(required(field));
		}
		else if (!allowed.contains(value)) {
			violations.add(new Violation(field, "procurement.form.error.choice", new Object[0],
					"not one of " + String.join(", ", allowed)));
		}
		return value;
	}

	static String text(String raw, String field, boolean required, List<Violation> violations) {
		String value = clean(raw);
		if (value == null) {
			if (required) {
				violations.add(required(field));
			}
			return null;
		}
		if (value.length() > MAX_TEXT) {
			violations.add(new Violation(field, "procurement.form.error.long", new Object[] { MAX_TEXT },
					"at most " + MAX_TEXT + " characters"));
		}
		else if (CONTROL.matcher(value).find()) {
			violations.add(new Violation(field, "procurement.form.error.control", new Object[0],
					"must not contain control characters"));
		}
		return value;
	}

	/** 2023, 112, 民國112年 and 112年度 all mean 2023: years up to 200 are ROC years. */
	static Integer year(String raw, String field, List<Violation> violations) {
		String value = clean(raw);
		if (value == null) {
			violations.add(required(field));
			return null;
		}
		Matcher m = YEAR.matcher(value);
		if (m.matches()) {
			int year = Integer.parseInt(m.group(1));
			if (year <= 200) {
				year += ROC_EPOCH;
			}
			if (year >= FIRST_YEAR && year <= LAST_YEAR) {
				return year;
			}
		}
		violations.add(new Violation(field, "procurement.form.error.year",
				new Object[] { value, String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR), FIRST_YEAR - ROC_EPOCH,
						LAST_YEAR - ROC_EPOCH },
				"not a fiscal year between " + FIRST_YEAR + " and " + LAST_YEAR + " (or ROC " + (FIRST_YEAR - ROC_EPOCH)
						+ " to " + (LAST_YEAR - ROC_EPOCH) + "): " + value));
		return null;
	}

	/** Whole dollars; NT$, thousands separators and 元 are allowed, decimals are not. */
	static NtDollars amount(String raw, String field, List<Violation> violations) {
		String value = clean(raw);
		if (value == null) {
			violations.add(required(field));
			return null;
		}
		String digits = value.replaceFirst("(?i)^(NT\\$|NTD|\\$)\\s*", "").replaceFirst("\\s*元$", "")
			.replaceAll("[,，\\s]", "");
		if (digits.matches("\\d{1,13}")) {
			long amount = Long.parseLong(digits);
			if (amount <= MAX_AMOUNT) {
				return new NtDollars(amount);
			}
		}
		violations.add(new Violation(field, "procurement.form.error.amount", new Object[] { value },
				"not an amount in whole New Taiwan dollars (0 to 1,000,000,000,000): " + value));
		return null;
	}

	/** A count of cameras, or null when left empty. */
	static Integer count(String raw, String field, List<Violation> violations) {
		String value = clean(raw);
		if (value == null) {
			return null;
		}
		String digits = value.replaceAll("[,，\\s]", "");
		if (digits.matches("\\d{1,6}")) {
			return Integer.parseInt(digits);
		}
		violations.add(new Violation(field, "procurement.form.error.count", new Object[] { value },
				"not a number of cameras (0 to 999,999): " + value));
		return null;
	}

	static Violation required(String field) {
		return new Violation(field, "procurement.form.error.required", new Object[0], "required");
	}

	static String clean(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.strip();
		return value.isEmpty() ? null : value;
	}
}
