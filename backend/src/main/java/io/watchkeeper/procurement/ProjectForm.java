package io.watchkeeper.procurement;

/** A new procurement project as typed on the form or sent to the API ({@link ProjectDraft} reads it). */
public class ProjectForm {

	private String code;
	private String purpose;
	private String nameZh;
	private String nameEn;
	private String fiscalYear;
	private String budget;
	private String plannedCameraCount;
	private String fundingSourceCode;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getPurpose() {
		return purpose;
	}

	public void setPurpose(String purpose) {
		this.purpose = purpose;
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

	public String getFiscalYear() {
		return fiscalYear;
	}

	public void setFiscalYear(String fiscalYear) {
		this.fiscalYear = fiscalYear;
	}

	public String getBudget() {
		return budget;
	}

	public void setBudget(String budget) {
		this.budget = budget;
	}

	public String getPlannedCameraCount() {
		return plannedCameraCount;
	}

	public void setPlannedCameraCount(String plannedCameraCount) {
		this.plannedCameraCount = plannedCameraCount;
	}

	public String getFundingSourceCode() {
		return fundingSourceCode;
	}

	public void setFundingSourceCode(String fundingSourceCode) {
		this.fundingSourceCode = fundingSourceCode;
	}
}
