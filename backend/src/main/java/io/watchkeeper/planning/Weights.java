package io.watchkeeper.planning;

import java.util.ArrayList;
import java.util.List;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * How much each part of a camera's priority score counts, each 0..10. The score is the sum of weight x normalised
 * part (see {@link ScoreParts}); {@code covered} is subtracted: a camera another working camera covers can wait.
 */
public record Weights(double yearsPastEol, double downtime, double repairs, double lpr, double usefulFootage,
		double covered, double important) {

	public static final Weights DEFAULT = new Weights(3, 2, 2, 1, 1, 2, 3);

	public static final double MAX = 10;

	public Weights {
		List<FieldError> errors = new ArrayList<>();
		check(errors, "yearsPastEol", yearsPastEol);
		check(errors, "downtime", downtime);
		check(errors, "repairs", repairs);
		check(errors, "lpr", lpr);
		check(errors, "usefulFootage", usefulFootage);
		check(errors, "covered", covered);
		check(errors, "important", important);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.get(0).message(), errors);
		}
	}

	private static void check(List<FieldError> errors, String name, double value) {
		if (!(value >= 0 && value <= MAX)) {
			errors.add(new FieldError("weights." + name, "weights." + name + " must be between 0 and 10"));
		}
	}
}
