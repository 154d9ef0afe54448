package io.watchkeeper.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class LargestRemainderTest {

	@Test
	void awkwardTotalsAddUpExactly() {
		long[] weights = { 7, 3, 0, 11, 5 };
		for (long total : new long[] { 1, 2, 3, 4, 97, 7919, 69_769_000L, 1_000_000_007L }) {
			long[] parts = LargestRemainder.split(total, weights);
			assertThat(Arrays.stream(parts).sum()).as("total %d", total).isEqualTo(total);
			assertThat(parts[2]).as("a zero weight gets nothing").isZero();
		}
	}

	@Test
	void eachPartIsItsQuotaRoundedDownOrUp() {
		SplittableRandom random = new SplittableRandom(11);
		for (int run = 0; run < 200; run++) {
			long[] weights = random.longs(1 + random.nextInt(20), 0, 5_000).toArray();
			weights[0]++; // at least one weight above zero
			long total = random.nextLong(1, 100_000_000L);
			long[] parts = LargestRemainder.split(total, weights);
			long sum = Arrays.stream(weights).sum();
			assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
			for (int i = 0; i < parts.length; i++) {
				long floor = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])).divide(BigInteger.valueOf(sum)).longValueExact();
				assertThat(parts[i]).isBetween(floor, floor + 1);
			}
		}
	}

	@Test
	void aTotalSmallerThanThePartsGoesToTheLargestRemaindersThenTheEarlierKeys() {
		assertThat(LargestRemainder.split(1, new long[] { 1, 1, 1 })).containsExactly(1, 0, 0);
		assertThat(LargestRemainder.split(2, new long[] { 1, 3, 1, 3 })).containsExactly(0, 1, 0, 1);
		assertThat(LargestRemainder.split(10, new long[] { 1, 1, 1 })).containsExactly(4, 3, 3);
		Map<String, Long> byCode = LargestRemainder.split(2, new TreeMap<>(Map.of("ZUOYING", 1, "GUSHAN", 1, "NANZI", 1)));
		assertThat(byCode).containsExactly(Map.entry("GUSHAN", 1L), Map.entry("NANZI", 1L), Map.entry("ZUOYING", 0L));
	}

	@Test
	void everyWeightZeroSplitsEvenly() {
		assertThat(LargestRemainder.split(10, new long[] { 0, 0 })).containsExactly(5, 5);
		assertThat(LargestRemainder.split(11, new long[] { 0, 0, 0 })).containsExactly(4, 4, 3);
	}

	@Test
	void hugeTotalsAndWeightsDoNotOverflow() {
		long[] parts = LargestRemainder.split(Long.MAX_VALUE, new long[] { Long.MAX_VALUE / 2, Long.MAX_VALUE / 3, 5 });
		assertThat(BigInteger.valueOf(parts[0]).add(BigInteger.valueOf(parts[1])).add(BigInteger.valueOf(parts[2])))
			.isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
		assertThat(parts[0]).isGreaterThan(parts[1]).isGreaterThan(parts[2]);
	}

	@Test
	void refusesWhatCannotBeSplit() {
		assertThatThrownBy(() -> LargestRemainder.split(-1, new long[] { 1 })).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> LargestRemainder.split(5, new long[] { 1, -1 })).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> LargestRemainder.split(5, new long[0])).isInstanceOf(IllegalArgumentException.class);
		assertThat(LargestRemainder.split(0, new long[] { 3, 4 })).containsExactly(0, 0);
	}
}
