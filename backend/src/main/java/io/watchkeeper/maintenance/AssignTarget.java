package io.watchkeeper.maintenance;

import io.watchkeeper.shared.InvalidInputException;

/**
 * Where a dispatcher sends an order: a maintenance contract, a repair squad, or back to automatic routing
 * (warranty vendor or the contract covering the camera today). Exactly one.
 */
public record AssignTarget(Long contractId, Long squadId, boolean automatic) {

	public AssignTarget {
		int chosen = (contractId != null ? 1 : 0) + (squadId != null ? 1 : 0) + (automatic ? 1 : 0);
		if (chosen != 1) {
			throw new InvalidInputException("contractId",
					"Name exactly one of contractId, squadId or automatic: true (where the order should go)");
		}
	}

	public static AssignTarget contract(long id) {
		return new AssignTarget(id, null, false);
	}

	public static AssignTarget squad(long id) {
		return new AssignTarget(null, id, false);
	}

	/** Parses a page's select value: {@code contract:12}, {@code squad:3} or {@code auto}. */
	public static AssignTarget parse(String value) {
		if (value != null) {
			try {
				if (value.startsWith("contract:")) {
					return contract(Long.parseLong(value.substring(9)));
				}
				if (value.startsWith("squad:")) {
					return squad(Long.parseLong(value.substring(6)));
				}
			}
			catch (NumberFormatException e) {
				// fall through to the error below
			}
			if (value.equals("auto")) {
				return new AssignTarget(null, null, true);
			}
		}
		throw new InvalidInputException("target", "Choose a contract or a squad to assign to");
	}
}
