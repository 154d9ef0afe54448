package io.watchkeeper.maintenance;

import java.util.Objects;

/**
 * Who a work order is assigned to. A contract carries its vendor (copied so that vendor technicians are scoped
 * by one column, {@code work_order.vendor_id}); a warranty repair names only the supplying vendor; a squad only
 * the squad.
 */
record Assignee(AssigneeKind kind, Long contractId, Long vendorId, Long squadId) {

	Assignee {
		Objects.requireNonNull(kind, "kind");
		switch (kind) {
			case CONTRACT -> {
				Objects.requireNonNull(contractId, "contractId");
				Objects.requireNonNull(vendorId, "vendorId");
				squadId = null;
			}
			case WARRANTY_VENDOR -> {
				Objects.requireNonNull(vendorId, "vendorId");
				contractId = null;
				squadId = null;
			}
			case SQUAD -> {
				Objects.requireNonNull(squadId, "squadId");
				contractId = null;
				vendorId = null;
			}
		}
	}

	static Assignee contract(long contractId, long vendorId) {
		return new Assignee(AssigneeKind.CONTRACT, contractId, vendorId, null);
	}

	static Assignee warrantyVendor(long vendorId) {
		return new Assignee(AssigneeKind.WARRANTY_VENDOR, null, vendorId, null);
	}

	static Assignee squad(long squadId) {
		return new Assignee(AssigneeKind.SQUAD, null, null, squadId);
	}

	/** Rebuilds an assignee from the table's columns; null when the order has none. */
	static Assignee of(String kind, Long contractId, Long vendorId, Long squadId) {
		return kind == null ? null : new Assignee(AssigneeKind.valueOf(kind), contractId, vendorId, squadId);
	}

	boolean isSquad() {
		return kind == AssigneeKind.SQUAD;
	}
}
