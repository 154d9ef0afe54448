package io.watchkeeper.procurement;

/**
 * A funding source as typed on the form or sent to the API: text as entered, so that a fiscal year of 112 (ROC)
 * or an amount of "NT$20,526,000" can be read and a mistake shown next to its field ({@link FundingSourceDraft}).
 */
public class FundingSourceForm {

	private String code;
	private String kind;
	private String nameZh;
	private String nameEn;
	private String sponsor;
	private String fiscalYear;
	private String amount;

	static FundingSourceForm of(FundingSourceDraft draft) {
		FundingSourceForm form = new FundingSourceForm();
		form.code = draft.code();
		form.kind = draft.kind();
		form.nameZh = draft.nameZh();
		form.nameEn = draft.nameEn();
		form.sponsor = draft.sponsor();
		form.fiscalYear = String.valueOf(draft.fiscalYear());
		form.amount = String.valueOf(draft.amount().amount());
		return form;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getNameZh() {
		return nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getSponsor() {
		return sponsor;
	}

	public void setSponsor(String sponsor) {
		this.sponsor = sponsor;
	}

	public String getFiscalYear() {
		return fiscalYear;
	}

	public void setFiscalYear(String fiscalYear) {
		this.fiscalYear = fiscalYear;
	}

	public String getAmount() {
		return amount;
	}

	public void setAmount(String amount) {
		this.amount = amount;
	}
}
