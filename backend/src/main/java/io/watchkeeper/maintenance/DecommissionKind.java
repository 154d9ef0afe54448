package io.watchkeeper.maintenance;

/**
 * Why a camera left service, as the figures count it ({@code camera.decommission_kind}). {@code REPLACED} is set by a
 * delivered replacement; the others are chosen when a decommission order closes.
 */
public enum DecommissionKind {
	REPLACED, END_OF_LIFE_FAULTY, NOT_NEEDED, NOT_WORTH_REPAIRING, OTHER;

	/** The kinds a person chooses when closing a decommission order. */
	public static final java.util.List<DecommissionKind> CHOSEN = java.util.List.of(END_OF_LIFE_FAULTY, NOT_NEEDED,
			NOT_WORTH_REPAIRING, OTHER);
}
