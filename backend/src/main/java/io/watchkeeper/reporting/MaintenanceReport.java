package io.watchkeeper.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The maintenance figures of one period, grouped, with the city's totals.
 *
 * @param from first day of the period (Asia/Taipei)
 * @param to last day of the period, included
 * @param rocYearFrom Minguo year of {@code from} (112 = 2023)
 * @param rocYearTo Minguo year of {@code to}
 * @param span the preset the period is (Y, H1, H2, Q1..Q4, M01..M12) or null
 * @param periodStart the period's first instant
 * @param periodEnd the instant after its last day
 * @param measuredUntil the end of what is counted: the period's end, or now while the period runs
 * @param periodHours hours from periodStart to measuredUntil
 * @param groupBy the grouping of the rows
 * @param rows one per group, then (key null) what belongs to no group, when there is any
 * @param totals the whole city, whatever the grouping
 */
public record MaintenanceReport(LocalDate from, LocalDate to, int rocYearFrom, int rocYearTo, String span,
		Instant periodStart, Instant periodEnd, Instant measuredUntil, BigDecimal periodHours, String groupBy,
		List<Row> rows, Row totals) {

	/**
	 * Figures of one group.
	 *
	 * @param key id of the precinct, contract, vendor or squad; null for the row of what has none
	 * @param code its code
	 * @param nameZh its name in Chinese
	 * @param nameEn its name in English
	 * @param camerasInService cameras installed on or before the last day and not decommissioned before the first
	 *        day of the period (for a contract: of its term within the period), in the precincts the group covers;
	 *        null where the group covers no area (HQ squad, the row of orders without a group)
	 * @param cameraHours cameras in service × hours measured (summed over the group's precincts and terms)
	 * @param outages outages that started in the period
	 * @param downtimeHours hours cameras in service were down within the period (outages clipped to it; open
	 *        ones counted until now or the period's end)
	 * @param availabilityPercent 100 × (1 − downtimeHours / cameraHours), null without cameras
	 * @param outagesEnded outages that ended in the period
	 * @param outageMttrHours mean length of the outages that ended in the period, hours
	 * @param ordersOpened work orders of any kind opened in the period
	 * @param ordersClosed work orders closed in the period
	 * @param repairsRestored repair orders restored in the period
	 * @param mttrHours mean time to restore: mean of restored − opened of those repair orders, hours
	 * @param restoredByVendors closed orders with resolution RESTORED_BY_VENDOR restored in the period
	 * @param restoredInHouse closed orders with resolution RESTORED_IN_HOUSE restored in the period
	 * @param decommissioned cameras decommissioned in the period for any reason but a replacement
	 *        (decommissioned_on in the period, decommission_kind not REPLACED)
	 * @param replaced cameras decommissioned in the period because a new camera replaced them
	 */
	public record Row(Long key, String code, String nameZh, String nameEn, Long camerasInService,
			@Schema(nullable = true) BigDecimal cameraHours, long outages, BigDecimal downtimeHours,
			@Schema(nullable = true) BigDecimal availabilityPercent, long outagesEnded,
			@Schema(nullable = true) BigDecimal outageMttrHours, long ordersOpened, long ordersClosed, long repairsRestored,
			@Schema(nullable = true) BigDecimal mttrHours, long restoredByVendors, long restoredInHouse,
			long decommissioned, long replaced) {
	}
}
