package io.watchkeeper.maintenance;

/**
 * How a work order ended. {@code RESTORED_BY_VENDOR} and {@code RESTORED_IN_HOUSE} are the seed report's
 * "restored by vendors" and "restored by the in-house squads" figures.
 */
public enum Resolution {
	RESTORED_BY_VENDOR, RESTORED_IN_HOUSE, REPLACED, DECOMMISSIONED, NO_FAULT_FOUND
}
