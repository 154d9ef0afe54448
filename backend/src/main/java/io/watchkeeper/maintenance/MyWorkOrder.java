package io.watchkeeper.maintenance;

import java.util.List;

/** One card of "my work orders": the order and what the technician may do on it now. */
public record MyWorkOrder(WorkOrderListItem item, List<WorkOrderAction> actions) {

	public long id() {
		return item.id();
	}

	public WorkOrderKind kind() {
		return item.kind();
	}

	public long version() {
		return item.version();
	}

	public boolean may(String action) {
		return actions.stream().anyMatch(a -> a.name().equalsIgnoreCase(action));
	}

	/** The resolutions the restore form offers: a squad's never "by the vendor", a vendor's never "in-house". */
	public List<Resolution> restoreResolutions() {
		return Resolution.forRestore(item.assigneeKind() == AssigneeKind.SQUAD);
	}
}
