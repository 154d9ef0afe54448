package io.watchkeeper.planning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * What a plan is computed from: its first fiscal year, how many years, each year's budget, the weights, the date the
 * 12-month window ends on (asOf) and an optional precinct.
 */
record PlanInputs(int firstYear, int years, long[] budgets, Long budgetPerYear, Weights weights, LocalDate asOf,
		Long precinctId) {

	static final int MAX_YEARS = 10;

	int lastYear() {
		return firstYear + years - 1;
	}

	long budget(int fiscalYear) {
		return budgets[fiscalYear - firstYear];
	}

	/** A year's budget as the request gives it. */
	record Budget(Integer fiscalYear, Long budgetNtd) {
	}

	/** The weights as the request gives them; a missing one takes its default. */
	record WeightsRequest(Double yearsPastEol, Double downtime, Double repairs, Double lpr, Double usefulFootage,
			Double covered, Double important) {

		Weights orDefaults(Weights d) {
			return new Weights(or(yearsPastEol, d.yearsPastEol()), or(downtime, d.downtime()), or(repairs, d.repairs()),
					or(lpr, d.lpr()), or(usefulFootage, d.usefulFootage()), or(covered, d.covered()),
					or(important, d.important()));
		}

		private static double or(Double value, double fallback) {
			return value != null ? value : fallback;
		}
	}

	/** The request body of a preview or a save. */
	record Request(String name, Integer firstYear, Integer years, Long budgetPerYear, List<Budget> budgets,
			WeightsRequest weights, String asOf, Long precinctId) {

		/** Checks every field; refuses with 400 naming the field (weights outside 0..10: {@code weights.<name>}). */
		PlanInputs inputs(LocalDate today, PlanningProperties properties) {
			LocalDate day = today;
			if (asOf != null && !asOf.isBlank()) {
				try {
					day = LocalDate.parse(asOf.strip());
				}
				catch (DateTimeParseException e) {
					throw new InvalidInputException("asOf", "asOf must be a date like 2026-01-31");
				}
				if (day.getYear() < 1990 || day.getYear() > 2100) {
					throw new InvalidInputException("asOf", "asOf must be between 1990 and 2100");
				}
			}
			int first = firstYear != null ? firstYear : day.getYear();
			if (first < 1990 || first > 2091) {
				throw new InvalidInputException("firstYear", "firstYear must be between 1990 and 2091");
			}
			int n = years != null ? years : MAX_YEARS;
			if (n < 1 || n > MAX_YEARS) {
				throw new InvalidInputException("years", "years must be between 1 and " + MAX_YEARS);
			}
			long max = properties.maxBudgetPerYearNtd();
			List<FieldError> errors = new ArrayList<>();
			if (budgetPerYear != null && (budgetPerYear < 0 || budgetPerYear > max)) {
				errors.add(new FieldError("budgetPerYear", budgetMessage("budgetPerYear", max)));
			}
			long[] byYear = new long[n];
			Arrays.fill(byYear, -1);
			if (budgets != null) {
				for (int i = 0; i < budgets.size(); i++) {
					Budget b = budgets.get(i);
					String at = "budgets[" + i + "]";
					if (b == null || b.fiscalYear() == null || b.fiscalYear() < first || b.fiscalYear() > first + n - 1) {
						errors.add(new FieldError(at + ".fiscalYear", at + ".fiscalYear must be a year of the plan, "
								+ first + " to " + (first + n - 1)));
					}
					else if (b.budgetNtd() == null || b.budgetNtd() < 0 || b.budgetNtd() > max) {
						errors.add(new FieldError(at + ".budgetNtd", budgetMessage(at + ".budgetNtd", max)));
					}
					else if (byYear[b.fiscalYear() - first] >= 0) {
						errors.add(new FieldError(at + ".fiscalYear", at + ".fiscalYear " + b.fiscalYear() + " is given twice"));
					}
					else {
						byYear[b.fiscalYear() - first] = b.budgetNtd();
					}
				}
			}
			if (errors.isEmpty()) {
				for (int y = 0; y < n; y++) {
					if (byYear[y] < 0) {
						if (budgetPerYear == null) {
							errors.add(new FieldError(budgets == null || budgets.isEmpty() ? "budgetPerYear" : "budgets",
									"no budget for " + (first + y) + ": give budgetPerYear or a budget for every year"));
							break;
						}
						byYear[y] = budgetPerYear;
					}
				}
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors.get(0).message(), errors);
			}
			Weights w = weights != null ? weights.orDefaults(properties.defaultWeights()) : properties.defaultWeights();
			if (precinctId != null && precinctId < 1) {
				throw new InvalidInputException("precinctId", "precinctId must be a precinct's id");
			}
			return new PlanInputs(first, n, byYear, budgetPerYear, w, day, precinctId);
		}

		private static String budgetMessage(String field, long max) {
			return field + " must be between 0 and " + String.format(java.util.Locale.ROOT, "%,d", max)
					+ " NT$ (a larger budget is taken for a typing error)";
		}
	}
}
