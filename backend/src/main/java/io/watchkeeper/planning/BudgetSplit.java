package io.watchkeeper.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A maintenance budget split over the precincts by their cameras out of warranty on the reference date: a preview
 * (id null) or one applied to the fiscal year's contracts. The parts add up to the total exactly.
 *
 * @param id the applied split's id; null for a preview
 * @param fiscalYear western fiscal year (Taiwan's is the calendar year)
 * @param rocYear the same year in the ROC calendar (112 = 2023)
 * @param totalNtd the whole budget, NT$
 * @param referenceDate the day the cameras out of warranty are counted on
 * @param appliedBy who applied it; null for a preview
 * @param appliedAt when; null for a preview
 * @param parts one per precinct, by precinct code
 */
public record BudgetSplit(@Schema(nullable = true) Long id, int fiscalYear, int rocYear, long totalNtd,
		LocalDate referenceDate, @Schema(nullable = true) String appliedBy, @Schema(nullable = true) Instant appliedAt,
		List<Part> parts) {

	/**
	 * One precinct's part.
	 *
	 * @param outOfWarranty its cameras out of warranty on the reference date
	 * @param amountNtd its share of the total, NT$
	 * @param contractId its maintenance contract of the fiscal year; null when it has none
	 */
	public record Part(long precinctId, String precinctCode, String precinctName, String precinctNameEn,
			int outOfWarranty, long amountNtd, @Schema(nullable = true) Long contractId,
			@Schema(nullable = true) String contractCode) {
	}

	public BudgetSplit {
		parts = List.copyOf(parts);
	}

	/** Cameras out of warranty in all precincts. */
	public long outOfWarranty() {
		return parts.stream().mapToLong(Part::outOfWarranty).sum();
	}

	/** The parts' sum: always the total. */
	public long sumNtd() {
		return parts.stream().mapToLong(Part::amountNtd).sum();
	}

	/** A part's share of the total in percent, two decimals. */
	public java.math.BigDecimal sharePercent(Part part) {
		return java.math.BigDecimal.valueOf(part.amountNtd() * 100L, 0)
			.divide(java.math.BigDecimal.valueOf(totalNtd), 2, java.math.RoundingMode.HALF_UP);
	}
}
