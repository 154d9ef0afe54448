package io.watchkeeper.procurement;

import java.util.Locale;

/** An amount in New Taiwan dollars, whole dollars only (money is never a floating-point number here). */
record NtDollars(long amount) {

	static final NtDollars ZERO = new NtDollars(0);

	NtDollars {
		if (amount < 0) {
			throw new IllegalArgumentException("A budget amount cannot be negative: " + amount);
		}
	}

	NtDollars plus(NtDollars other) {
		return new NtDollars(Math.addExact(amount, other.amount));
	}

	/** NT$49,955,000: the way the seed report and the city's budget papers write amounts. */
	@Override
	public String toString() {
		return "NT$" + String.format(Locale.ROOT, "%,d", amount);
	}
}
