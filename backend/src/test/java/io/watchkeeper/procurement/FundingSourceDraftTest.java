package io.watchkeeper.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class FundingSourceDraftTest {

	@Test
	void aFiscalYearIsReadAsTheRocOrTheGregorianYear() {
		for (String typed : new String[] { "112", "民國112年", "112年度", " 2023 ", "ROC 112" }) {
			assertThat(FundingSourceDraft.parse(form("F-1", typed, "1")).fiscalYear()).as(typed).isEqualTo(2023);
		}
		for (String wrong : new String[] { "1989", "2101", "0", "三年", "2023.5", "20231" }) {
			assertThat(fields(form("F-1", wrong, "1"))).as(wrong).containsExactly("fiscalYear");
		}
	}

	@Test
	void anAmountIsWholeNewTaiwanDollars() {
		assertThat(FundingSourceDraft.parse(form("F-1", "2023", "NT$20,526,000")).amount()).isEqualTo(new NtDollars(20_526_000));
		assertThat(FundingSourceDraft.parse(form("F-1", "2023", "3,500,000 元")).amount()).isEqualTo(new NtDollars(3_500_000));
		assertThat(FundingSourceDraft.parse(form("F-1", "2023", "0")).amount()).isEqualTo(NtDollars.ZERO);
		for (String wrong : new String[] { "-5", "1.5", "abc", "10000000000000" }) {
			assertThat(fields(form("F-1", "2023", wrong))).as(wrong).containsExactly("amount");
		}
	}

	@Test
	void theCodeIsStoredInCapitalsAndEveryMissingOrBadFieldIsNamed() {
		assertThat(FundingSourceDraft.parse(form("f2024-city", "2024", "1")).code()).isEqualTo("F2024-CITY");
		FundingSourceForm empty = new FundingSourceForm();
		assertThat(fields(empty)).containsExactly("code", "kind", "nameZh", "fiscalYear", "amount");
		FundingSourceForm bad = form("has space", "2024", "1");
		bad.setKind("MONEY");
		bad.setSponsor("a\u0000b");
		assertThat(fields(bad)).containsExactly("code", "kind", "sponsor");
	}

	private static FundingSourceForm form(String code, String year, String amount) {
		FundingSourceForm form = new FundingSourceForm();
		form.setCode(code);
		form.setKind("CITY_BUDGET");
		form.setNameZh("測試經費");
		form.setFiscalYear(year);
		form.setAmount(amount);
		return form;
	}

	private static java.util.List<String> fields(FundingSourceForm form) {
		ProcurementInputRefused refused = catchThrowableOfType(ProcurementInputRefused.class, () -> FundingSourceDraft.parse(form));
		assertThat(refused).as("refused").isNotNull();
		return refused.violations().stream().map(ProcurementInputRefused.Violation::field).toList();
	}
}
