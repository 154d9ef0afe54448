package io.watchkeeper.placement;

import java.util.Optional;

import io.watchkeeper.placement.QueuedPole.Suggestion;

/**
 * Where the gazetteer would put a pole's address: the best match proposal, to centre the map on. The gazetteer
 * module (issue 13, branch i13-gz) owns address matching; until its proposals are wired in here this answers
 * nothing and the queue centres on the named precinct or district.
 * <p>
 * TODO(lead, after merging i13-gz): answer from io.watchkeeper.gazetteer's best-proposal API for the pole's
 * cameras (by camera id) or its address, with the proposal's quality.
 */
interface AddressHints {

	/** The best proposal for the pole's cameras (any of them) or its address; empty when there is none. */
	Optional<Suggestion> suggest(java.util.List<Long> cameraIds, String address);
}
