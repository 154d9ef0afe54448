package io.watchkeeper.camera;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the API tells about the money behind cameras: funding sources and procurement projects. */
public final class Procurement {

	private Procurement() {
	}

	/**
	 * A funding source with its amount in whole New Taiwan dollars.
	 *
	 * @param allocatedNtd how much of it the procurement projects draw (sum of their shares)
	 */
	record FundingSourceView(long id, String code, String nameZh, String nameEn, String kind, int fiscalYear,
			@JsonInclude(JsonInclude.Include.NON_NULL) String sponsor, long amountNtd, long allocatedNtd) {
	}

	/** A procurement project's dates, each {@code null} until reached. */
	record Milestones(LocalDate budgeted, LocalDate tendering, LocalDate awarded, LocalDate started,
			LocalDate completionDue, LocalDate completed, LocalDate accepted) {
	}

	/** One funding source's share of a project. */
	record Share(Reference fundingSource, long amountNtd) {
	}

	/**
	 * A procurement project.
	 *
	 * @param kind the purpose again, as the earlier API named it
	 * @param deliveredCameraCount cameras in the registry that name this project
	 * @param overdue past its completion date and neither completed nor accepted (the procurement pages' rule)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProjectView(long id, String code, String nameZh, String nameEn, String purpose, String kind, int fiscalYear,
			long budgetNtd, Integer plannedCameraCount, long deliveredCameraCount, Reference vendor, Reference precinct,
			Milestones milestones, boolean overdue, List<Share> funding, String notes) {
	}
}
