package io.watchkeeper.maintenance;

/** What raised a work order. */
public enum WorkOrderOrigin {
	OUTAGE, LIFECYCLE, WARRANTY, MANUAL, REPORT
}
