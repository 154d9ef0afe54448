package io.watchkeeper.maintenance;

import java.util.List;

/** A page of the work order list. */
public record WorkOrderPage(List<WorkOrderListItem> items, int page, int size, long total, boolean hasNext) {

	public int lastPage() {
		return total == 0 ? 0 : (int) ((total - 1) / size);
	}
}
