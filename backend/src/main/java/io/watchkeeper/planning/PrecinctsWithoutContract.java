package io.watchkeeper.planning;

import java.util.List;

import io.watchkeeper.shared.ConflictException;

/** A split cannot be applied: precincts with cameras out of warranty have no contract in the fiscal year (409). */
class PrecinctsWithoutContract extends ConflictException {

	private final int fiscalYear;
	private final List<String> precinctCodes;

	PrecinctsWithoutContract(int fiscalYear, List<String> precinctCodes) {
		super("No maintenance contract of " + fiscalYear + " covers precinct " + String.join(", ", precinctCodes)
				+ ", which has cameras out of warranty; add the contract first");
		this.fiscalYear = fiscalYear;
		this.precinctCodes = List.copyOf(precinctCodes);
	}

	int fiscalYear() {
		return fiscalYear;
	}

	List<String> precinctCodes() {
		return precinctCodes;
	}
}
