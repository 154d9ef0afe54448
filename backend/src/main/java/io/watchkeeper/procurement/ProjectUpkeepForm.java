package io.watchkeeper.procurement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/** The project page's upkeep form: milestone dates, the vendor awarded and the warranty years, as typed. */
public class ProjectUpkeepForm {

	private String budgetedOn;
	private String tenderingOn;
	private String awardedOn;
	private String startedOn;
	private String completionDueOn;
	private String completedOn;
	private String acceptedOn;
	private String vendorCode;
	private String warrantyYears;

	static ProjectUpkeepForm of(Project p, String vendorCode, Integer warrantyYears) {
		ProjectUpkeepForm f = new ProjectUpkeepForm();
		f.budgetedOn = text(p.budgetedOn());
		f.tenderingOn = text(p.tenderingOn());
		f.awardedOn = text(p.awardedOn());
		f.startedOn = text(p.startedOn());
		f.completionDueOn = text(p.completionDueOn());
		f.completedOn = text(p.completedOn());
		f.acceptedOn = text(p.acceptedOn());
		f.vendorCode = vendorCode;
		f.warrantyYears = warrantyYears == null ? null : warrantyYears.toString();
		return f;
	}

	/** The upkeep this form asks for; 400 naming each field that is not a date or a number. */
	ProcurementProjects.Upkeep upkeep() {
		List<FieldError> errors = new ArrayList<>();
		ProjectMilestones m = new ProjectMilestones(date("budgetedOn", budgetedOn, errors),
				date("tenderingOn", tenderingOn, errors), date("awardedOn", awardedOn, errors),
				date("startedOn", startedOn, errors), date("completionDueOn", completionDueOn, errors),
				date("completedOn", completedOn, errors), date("acceptedOn", acceptedOn, errors));
		Integer years = null;
		if (warrantyYears != null && !warrantyYears.isBlank()) {
			try {
				years = Integer.valueOf(warrantyYears.strip());
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError("warrantyYears", "not a number of years: " + warrantyYears));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Some fields are not valid", errors);
		}
		return new ProcurementProjects.Upkeep(m, vendorCode, years);
	}

	private static LocalDate date(String field, String raw, List<FieldError> errors) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(raw.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError(field, "not a date (YYYY-MM-DD): " + raw));
			return null;
		}
	}

	private static String text(LocalDate d) {
		return d == null ? null : d.toString();
	}

	public String getBudgetedOn() { return budgetedOn; }
	public void setBudgetedOn(String v) { budgetedOn = v; }
	public String getTenderingOn() { return tenderingOn; }
	public void setTenderingOn(String v) { tenderingOn = v; }
	public String getAwardedOn() { return awardedOn; }
	public void setAwardedOn(String v) { awardedOn = v; }
	public String getStartedOn() { return startedOn; }
	public void setStartedOn(String v) { startedOn = v; }
	public String getCompletionDueOn() { return completionDueOn; }
	public void setCompletionDueOn(String v) { completionDueOn = v; }
	public String getCompletedOn() { return completedOn; }
	public void setCompletedOn(String v) { completedOn = v; }
	public String getAcceptedOn() { return acceptedOn; }
	public void setAcceptedOn(String v) { acceptedOn = v; }
	public String getVendorCode() { return vendorCode; }
	public void setVendorCode(String v) { vendorCode = v; }
	public String getWarrantyYears() { return warrantyYears; }
	public void setWarrantyYears(String v) { warrantyYears = v; }
}
