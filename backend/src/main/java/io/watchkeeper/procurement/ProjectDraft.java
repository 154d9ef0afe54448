package io.watchkeeper.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.watchkeeper.procurement.ProcurementInputRefused.Violation;

/** A new procurement project that has passed its checks; its milestones are dated later. */
record ProjectDraft(String code, String purpose, String nameZh, String nameEn, int fiscalYear, NtDollars budget,
		Integer plannedCameraCount, String fundingSourceCode) {

	static final List<String> PURPOSES = List.of("REPLACEMENT", "NEW_INSTALLATION", "LPR_UPGRADE");

	static ProjectDraft parse(ProjectForm form) {
		List<Violation> violations = new ArrayList<>();
		String code = ProcurementInput.code(form.getCode(), violations);
		String purpose = ProcurementInput.choice(form.getPurpose(), "purpose", PURPOSES, violations);
		String nameZh = ProcurementInput.text(form.getNameZh(), "nameZh", true, violations);
		String nameEn = ProcurementInput.text(form.getNameEn(), "nameEn", false, violations);
		Integer year = ProcurementInput.year(form.getFiscalYear(), "fiscalYear", violations);
		NtDollars budget = ProcurementInput.amount(form.getBudget(), "budget", violations);
		Integer planned = ProcurementInput.count(form.getPlannedCameraCount(), "plannedCameraCount", violations);
		String source = ProcurementInput.clean(form.getFundingSourceCode());
		if (!violations.isEmpty()) {
			throw new ProcurementInputRefused(violations, false);
		}
		return new ProjectDraft(code, purpose, nameZh, nameEn, year, budget, planned,
				source == null ? null : source.toUpperCase(Locale.ROOT));
	}
}
