package io.watchkeeper.reporting;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The records one figure of the half-year report is counted from (click "120支", see those 120 cameras).
 *
 * @param figure the figure's key ({@link HalfYearReport.Figure#key()})
 * @param total how many records the figure counts (rows may be fewer: at most {@code limit})
 * @param rows the records, each with the path of its own page
 */
public record HalfYearRecords(HalfYear period, String figure, String labelZh, String labelEn, long total, int limit,
		List<Row> rows) {

	/**
	 * One record. {@code kind}: camera, project, work-order, case, contract.
	 */
	public record Row(String kind, long id, String code, String nameZh, @Schema(nullable = true) String nameEn,
			@Schema(nullable = true) String detail, @Schema(nullable = true) LocalDate date,
			@Schema(nullable = true) String href) {
	}
}
