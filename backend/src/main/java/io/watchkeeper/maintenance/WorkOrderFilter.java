package io.watchkeeper.maintenance;

/** Checked list filters (see {@link WorkOrderListParams}); null or false means "any". */
record WorkOrderFilter(WorkOrderState state, boolean open, WorkOrderKind kind, Long precinctId, String assigneeKind,
		Long assigneeId, boolean overdue, String cameraPrefix) {

	static WorkOrderFilter openOrders() {
		return new WorkOrderFilter(null, true, null, null, null, null, false, null);
	}
}
