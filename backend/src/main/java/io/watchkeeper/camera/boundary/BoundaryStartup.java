package io.watchkeeper.camera.boundary;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On every start: empty precinct or district tables get the bundled Kaohsiung boundaries. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class BoundaryStartup implements ApplicationRunner {

	private final Boundaries boundaries;

	BoundaryStartup(Boundaries boundaries) {
		this.boundaries = boundaries;
	}

	@Override
	public void run(ApplicationArguments args) {
		boundaries.loadBundledIfEmpty();
	}
}
