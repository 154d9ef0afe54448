package io.watchkeeper.planning;

import java.time.LocalDate;
import java.util.Arrays;

import io.watchkeeper.camera.LprCapability;

/**
 * The cameras a plan may buy, column by column (a million cameras fit in a few tens of megabytes this way): each one's
 * end of life, LPR kind and the parts of its priority score. {@link #rank(Weights, int)} orders them once for the
 * whole plan.
 */
final class Candidates {

	final int size;
	final long[] cameraId;
	final int[] endOfLife; // epoch day
	final LprCapability[] lpr;
	final double[] downtimeHours;
	final int[] repairOrders;
	final int[] usefulFootage;
	final boolean[] covered;
	final boolean[] important;

	Candidates(int capacity) {
		this.size = capacity;
		cameraId = new long[capacity];
		endOfLife = new int[capacity];
		lpr = new LprCapability[capacity];
		downtimeHours = new double[capacity];
		repairOrders = new int[capacity];
		usefulFootage = new int[capacity];
		covered = new boolean[capacity];
		important = new boolean[capacity];
	}

	/** The fiscal year a camera is due in: its end of life's, or the first year when it is already past. */
	int dueYear(int i, int firstYear) {
		return Math.max(firstYear, LocalDate.ofEpochDay(endOfLife[i]).getYear());
	}

	double yearsPastEol(int i, int fiscalYear) {
		return PriorityScore.yearsPast(endOfLife[i], LocalDate.of(fiscalYear, 12, 31).toEpochDay());
	}

	double score(int i, Weights weights, int fiscalYear) {
		return PriorityScore.score(weights, yearsPastEol(i, fiscalYear), downtimeHours[i], repairOrders[i], lpr[i],
				usefulFootage[i], covered[i], important[i]);
	}

	/**
	 * The candidates' indexes, best first: by score (measured at the end of {@code fiscalYear}; any year gives the
	 * same order, see {@link PriorityScore}), ties by camera id. Deterministic for the same rows.
	 */
	int[] rank(Weights weights, int fiscalYear) {
		double[] score = new double[size];
		Integer[] order = new Integer[size];
		for (int i = 0; i < size; i++) {
			score[i] = score(i, weights, fiscalYear);
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> {
			int byScore = Double.compare(score[b], score[a]);
			return byScore != 0 ? byScore : Long.compare(cameraId[a], cameraId[b]);
		});
		return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
	}
}
