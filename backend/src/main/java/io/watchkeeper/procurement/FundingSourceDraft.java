package io.watchkeeper.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.watchkeeper.procurement.FundingSourceRefused.Violation;

/**
 * A funding source that has passed its checks: an upper-case code (imports name sources by it), a known kind, a
 * Chinese name, a fiscal year as the Gregorian year (typed as 2023 or as the ROC year 112), an amount in whole
 * New Taiwan dollars.
 */
record FundingSourceDraft(String code, String kind, String nameZh, String nameEn, String sponsor, int fiscalYear,
		NtDollars amount) {

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

	/** Reads the form; throws naming every field at fault. */
	static FundingSourceDraft parse(FundingSourceForm form) {
		List<Violation> violations = new ArrayList<>();
		String code = clean(form.getCode());
		if (code != null) {
			code = code.toUpperCase(Locale.ROOT);
		}
		if (code == null) {
			violations.add(required("code"));
		}
		else if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
			violations.add(new Violation("code", "procurement.fundingForm.error.code", new Object[] { MAX_CODE },
					"use letters, digits and dashes, at most " + MAX_CODE + " characters (F2024-CITY)"));
		}
		String kind = clean(form.getKind());
		if (kind == null) {
			violations.add(required("kind"));
		}
		else if (!ProcurementOverview.KINDS.contains(kind)) {
			violations.add(new Violation("kind", "procurement.fundingForm.error.kind", new Object[0],
					"not a funding kind; one of " + String.join(", ", ProcurementOverview.KINDS)));
		}
		String nameZh = text(form.getNameZh(), "nameZh", true, violations);
		String nameEn = text(form.getNameEn(), "nameEn", false, violations);
		String sponsor = text(form.getSponsor(), "sponsor", false, violations);
		Integer year = year(form.getFiscalYear(), violations);
		Long amount = amount(form.getAmount(), violations);
		if (!violations.isEmpty()) {
			throw new FundingSourceRefused(violations, false);
		}
		return new FundingSourceDraft(code, kind, nameZh, nameEn, sponsor, year, new NtDollars(amount));
	}

	private static String text(String raw, String field, boolean required, List<Violation> violations) {
		String value = clean(raw);
		if (value == null) {
			if (required) {
				violations.add(required(field));
			}
			return null;
		}
		if (value.length() > MAX_TEXT) {
			violations.add(new Violation(field, "procurement.fundingForm.error.long", new Object[] { MAX_TEXT },
					"at most " + MAX_TEXT + " characters"));
		}
		else if (CONTROL.matcher(value).find()) {
			violations.add(new Violation(field, "procurement.fundingForm.error.control", new Object[0],
					"must not contain control characters"));
		}
		return value;
	}

	/** 2023, 112, 民國112年 and 112年度 all mean 2023: years up to 200 are ROC years. */
	private static Integer year(String raw, List<Violation> violations) {
		String value = clean(raw);
		if (value == null) {
			violations.add(required("fiscalYear"));
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
		violations.add(new Violation("fiscalYear", "procurement.fundingForm.error.year",
				new Object[] { value, String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR), FIRST_YEAR - ROC_EPOCH,
						LAST_YEAR - ROC_EPOCH },
				"not a fiscal year between " + FIRST_YEAR + " and " + LAST_YEAR + " (or ROC " + (FIRST_YEAR - ROC_EPOCH)
						+ " to " + (LAST_YEAR - ROC_EPOCH) + "): " + value));
		return null;
	}

	/** Whole dollars; NT$, thousands separators and 元 are allowed, decimals are not. */
	private static Long amount(String raw, List<Violation> violations) {
		String value = clean(raw);
		if (value == null) {
			violations.add(required("amount"));
			return null;
		}
		String digits = value.replaceFirst("(?i)^(NT\\$|NTD|\\$)\\s*", "").replaceFirst("\\s*元$", "")
			.replaceAll("[,，\\s]", "");
		if (digits.matches("\\d{1,13}")) {
			long amount = Long.parseLong(digits);
			if (amount <= MAX_AMOUNT) {
				return amount;
			}
		}
		violations.add(new Violation("amount", "procurement.fundingForm.error.amount", new Object[] { value },
				"not an amount in whole New Taiwan dollars (0 to 1,000,000,000,000): " + value));
		return null;
	}

	private static Violation required(String field) {
		return new Violation(field, "procurement.fundingForm.error.required", new Object[0], "required");
	}

	private static String clean(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.strip();
		return value.isEmpty() ? null : value;
	}
}
