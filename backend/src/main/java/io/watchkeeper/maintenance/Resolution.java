package io.watchkeeper.maintenance;

/**
 * How a work order ended. {@code RESTORED_BY_VENDOR} and {@code RESTORED_IN_HOUSE} are the seed report's
 * "restored by vendors" and "restored by the in-house squads" figures.
 */
public enum Resolution {
	RESTORED_BY_VENDOR, RESTORED_IN_HOUSE, REPLACED, DECOMMISSIONED, NO_FAULT_FOUND;

	/**
	 * What an assignee may propose on restoring: a squad member never {@code RESTORED_BY_VENDOR}, a vendor's
	 * technician never {@code RESTORED_IN_HOUSE}.
	 */
	public static java.util.List<Resolution> forRestore(boolean bySquad) {
		return java.util.Arrays.stream(values())
			.filter(r -> r != (bySquad ? RESTORED_BY_VENDOR : RESTORED_IN_HOUSE))
			.toList();
	}
}
