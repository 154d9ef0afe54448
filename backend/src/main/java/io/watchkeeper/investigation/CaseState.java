package io.watchkeeper.investigation;

/** Where a case stands: open, or closed as solved or unsolved. */
public enum CaseState {
	OPEN, SOLVED, UNSOLVED
}
