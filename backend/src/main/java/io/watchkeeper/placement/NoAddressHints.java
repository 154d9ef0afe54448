package io.watchkeeper.placement;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.watchkeeper.placement.QueuedPole.Suggestion;

/** No gazetteer proposals (see {@link AddressHints}): the queue centres on the named area. */
@Component
class NoAddressHints implements AddressHints {

	@Override
	public Optional<Suggestion> suggest(List<Long> cameraIds, String address) {
		return Optional.empty();
	}
}
