package io.watchkeeper.maintenance;

/** Who holds a work order: a maintenance contract (its vendor), the supplying vendor under warranty, or a squad. */
public enum AssigneeKind {
	CONTRACT, WARRANTY_VENDOR, SQUAD
}
