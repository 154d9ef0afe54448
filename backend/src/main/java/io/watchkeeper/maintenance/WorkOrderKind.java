package io.watchkeeper.maintenance;

/** What a work order is for. */
public enum WorkOrderKind {
	REPAIR, REPLACEMENT, DECOMMISSION, INSPECTION
}
