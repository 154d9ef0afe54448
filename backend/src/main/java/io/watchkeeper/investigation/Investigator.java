package io.watchkeeper.investigation;

/**
 * Who works on cases, and which: an administrator every case; an investigator at headquarters ({@code precinctId}
 * null) every case; a precinct's investigator the cases of that precinct only (any other does not exist for them).
 */
record Investigator(String username, boolean admin, Long precinctId) {

	boolean seesAll() {
		return admin || precinctId == null;
	}

	boolean sees(Long casePrecinctId) {
		return seesAll() || precinctId.equals(casePrecinctId);
	}
}
