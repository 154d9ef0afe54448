package io.watchkeeper.investigation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The "cases solved with footage" figure for other modules (the half-year report): cases closed SOLVED in a period
 * (by the closing day in the city's time zone, both days included), those with footage contributing (a request
 * recorded as useful, or the investigator's override), and their share in % to one decimal, half up.
 */
public interface SolvedCases {

	/** Counts of the cases closed SOLVED from {@code from} to {@code to}. */
	Counts solved(LocalDate from, LocalDate to);

	/**
	 * The cases counted by {@link #solved}: all of them, or only those with footage contributing; oldest closing
	 * first, at most {@code limit}.
	 */
	List<SolvedCase> records(LocalDate from, LocalDate to, boolean withFootageOnly, int limit);

	/**
	 * The counts of {@link #solved} per precinct (precinct null: headquarters), for readers who may know how many
	 * cases were solved but not which.
	 */
	List<PrecinctCounts> solvedByPrecinct(LocalDate from, LocalDate to);

	record PrecinctCounts(@Schema(nullable = true) Long precinctId, @Schema(nullable = true) String code,
			@Schema(nullable = true) String nameZh, @Schema(nullable = true) String nameEn, long solved,
			long solvedWithFootage) {
	}

	/** @param sharePercent withFootage / solved in %, one decimal half up; null when none was solved */
	record Counts(long solved, long solvedWithFootage, @Schema(nullable = true) BigDecimal sharePercent) {
	}

	/** One solved case; {@code precinctId} null for a headquarters case. */
	record SolvedCase(long id, String caseNumber, String title, @Schema(nullable = true) Long precinctId,
			@Schema(nullable = true) String precinctZh, @Schema(nullable = true) String precinctEn, LocalDate closedOn,
			boolean footageContributed) {
	}
}
