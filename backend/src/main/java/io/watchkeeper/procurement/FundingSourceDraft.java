package io.watchkeeper.procurement;

import java.util.ArrayList;
import java.util.List;

import io.watchkeeper.procurement.ProcurementInputRefused.Violation;

/**
 * A funding source that has passed its checks: an upper-case code (imports name sources by it), a known kind, a
 * Chinese name, a fiscal year as the Gregorian year (typed as 2023 or as the ROC year 112), an amount in whole
 * New Taiwan dollars.
 */
record FundingSourceDraft(String code, String kind, String nameZh, String nameEn, String sponsor, int fiscalYear,
		NtDollars amount) {

	/** Reads the form; throws naming every field at fault. */
	static FundingSourceDraft parse(FundingSourceForm form) {
		List<Violation> violations = new ArrayList<>();
		String code = ProcurementInput.code(form.getCode(), violations);
		String kind = ProcurementInput.choice(form.getKind(), "kind", ProcurementOverview.KINDS, violations);
		String nameZh = ProcurementInput.text(form.getNameZh(), "nameZh", true, violations);
		String nameEn = ProcurementInput.text(form.getNameEn(), "nameEn", false, violations);
		String sponsor = ProcurementInput.text(form.getSponsor(), "sponsor", false, violations);
		Integer year = ProcurementInput.year(form.getFiscalYear(), "fiscalYear", violations);
		NtDollars amount = ProcurementInput.amount(form.getAmount(), "amount", violations);
		if (!violations.isEmpty()) {
			throw new ProcurementInputRefused(violations, false);
		}
		return new FundingSourceDraft(code, kind, nameZh, nameEn, sponsor, year, amount);
	}
}
