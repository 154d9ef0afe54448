package io.watchkeeper.planning;

import io.watchkeeper.camera.LprCapability;

/**
 * How each part of a camera's replacement priority is normalised, and the score: the sum of weight x normalised
 * part, with {@code covered} subtracted.
 * <ul>
 * <li>years past end of life, measured at the end (Dec 31) of the year being filled: years / 5, not capped. It grows
 * by the same amount for every candidate from one year to the next, so one ranking serves every year of a plan (a
 * cap would let two cameras swap places between years);</li>
 * <li>downtime hours in the 12 months before asOf: min(hours, 720) / 720 (a month down counts fully);</li>
 * <li>repair orders opened in those 12 months: min(n, 5) / 5;</li>
 * <li>LPR kind: none 0, LPR 0.5, real-time LPR 1;</li>
 * <li>footage requests an investigator marked USEFUL: min(n, 5) / 5;</li>
 * <li>covered by another working camera: 1 (subtracted), important site: 1.</li>
 * </ul>
 */
final class PriorityScore {

	static final double YEARS_UNIT = 5;
	static final double DOWNTIME_FULL_HOURS = 720;
	static final int REPAIRS_FULL = 5;
	static final int FOOTAGE_FULL = 5;
	static final double DAYS_PER_YEAR = 365.25;

	private PriorityScore() {
	}

	/** Years from {@code endOfLifeEpochDay} to {@code dayEpochDay} (negative before end of life). */
	static double yearsPast(long endOfLifeEpochDay, long dayEpochDay) {
		return (dayEpochDay - endOfLifeEpochDay) / DAYS_PER_YEAR;
	}

	static double lprPart(LprCapability lpr) {
		return switch (lpr) {
			case NONE -> 0;
			case LPR -> 0.5;
			case REALTIME_LPR -> 1;
		};
	}

	static double score(Weights w, double yearsPastEol, double downtimeHours, int repairOrders, LprCapability lpr,
			int usefulFootage, boolean covered, boolean important) {
		return w.yearsPastEol() * yearsPastEol / YEARS_UNIT
				+ w.downtime() * Math.min(Math.max(downtimeHours, 0), DOWNTIME_FULL_HOURS) / DOWNTIME_FULL_HOURS
				+ w.repairs() * Math.min(repairOrders, REPAIRS_FULL) / (double) REPAIRS_FULL
				+ w.lpr() * lprPart(lpr)
				+ w.usefulFootage() * Math.min(usefulFootage, FOOTAGE_FULL) / (double) FOOTAGE_FULL
				- (covered ? w.covered() : 0)
				+ (important ? w.important() : 0);
	}
}
