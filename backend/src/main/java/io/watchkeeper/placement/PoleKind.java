package io.watchkeeper.placement;

import java.util.Locale;
import java.util.Optional;

/** What a pole in the queue is: a site whose cameras have no position, or a camera without a site, alone. */
public enum PoleKind {
	SITE, CAMERA;

	/** The kind as a path or parameter writes it ({@code site}, {@code CAMERA}); empty for anything else. */
	static Optional<PoleKind> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return switch (text.strip().toUpperCase(Locale.ROOT)) {
			case "SITE" -> Optional.of(SITE);
			case "CAMERA" -> Optional.of(CAMERA);
			default -> Optional.empty();
		};
	}
}
