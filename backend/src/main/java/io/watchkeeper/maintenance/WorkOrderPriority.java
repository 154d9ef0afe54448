package io.watchkeeper.maintenance;

/** How urgent an order is; the SLA escalation raises it. */
public enum WorkOrderPriority {
	LOW, NORMAL, HIGH, URGENT
}
