package io.watchkeeper.planning;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Splits a whole amount in proportion to weights so that the parts add up to the amount exactly (the largest
 * remainder method, also called Hamilton's): each part first gets the floor of its quota, then the units left over
 * go one each to the parts with the largest remainders. Ties go to the earlier part, so the caller's order (for the
 * maintenance budget: the precincts' codes) decides them and the same input always gives the same split.
 * Products are taken in {@link BigInteger}, so any {@code long} total and weights do not overflow.
 */
public final class LargestRemainder {

	private LargestRemainder() {
	}

	/**
	 * The parts of {@code total} in proportion to {@code weights}, in the same order. When every weight is zero
	 * the total is split evenly (the first parts get the units left over); callers for whom that makes no sense
	 * refuse before calling.
	 *
	 * @throws IllegalArgumentException for a negative total, a negative weight, or no weights with a total above zero
	 */
	public static long[] split(long total, long[] weights) {
		if (total < 0) {
			throw new IllegalArgumentException("The total to split must not be negative: " + total);
		}
		if (weights.length == 0) {
			if (total == 0) {
				return new long[0];
			}
			throw new IllegalArgumentException("Nothing to split " + total + " over");
		}
		BigInteger sum = BigInteger.ZERO;
		for (long w : weights) {
			if (w < 0) {
				throw new IllegalArgumentException("Weights must not be negative: " + w);
			}
			sum = sum.add(BigInteger.valueOf(w));
		}
		boolean even = sum.signum() == 0;
		BigInteger divisor = even ? BigInteger.valueOf(weights.length) : sum;
		BigInteger bigTotal = BigInteger.valueOf(total);
		long[] parts = new long[weights.length];
		BigInteger[] remainders = new BigInteger[weights.length];
		long given = 0;
		for (int i = 0; i < weights.length; i++) {
			BigInteger[] qr = bigTotal.multiply(BigInteger.valueOf(even ? 1 : weights[i])).divideAndRemainder(divisor);
			parts[i] = qr[0].longValueExact(); // a part is at most the total
			remainders[i] = qr[1];
			given += parts[i]; // at most the total: no overflow
		}
		Integer[] order = new Integer[weights.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, (a, b) -> {
			int byRemainder = remainders[b].compareTo(remainders[a]);
			return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
		});
		// fewer units are left than there are parts (each remainder is below the divisor), so one pass suffices
		for (int i = 0; given < total; i++, given++) {
			parts[order[i]]++;
		}
		return parts;
	}

	/** The same over keyed weights; the map's order (a sorted map: its keys' order) breaks ties. */
	public static <K> Map<K, Long> split(long total, SortedMap<K, ? extends Number> weights) {
		List<K> keys = new ArrayList<>(weights.keySet());
		long[] w = new long[keys.size()];
		for (int i = 0; i < w.length; i++) {
			w[i] = weights.get(keys.get(i)).longValue();
		}
		long[] parts = split(total, w);
		Map<K, Long> result = new LinkedHashMap<>();
		for (int i = 0; i < parts.length; i++) {
			result.put(keys.get(i), parts[i]);
		}
		return result;
	}
}
