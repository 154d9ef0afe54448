package io.watchkeeper.demo;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data on start when {@code watchkeeper.demo.enabled} and the database has no cameras; with
 * {@code watchkeeper.demo.generate-and-exit} (what {@code scripts/generate-demo} passes) it loads and exits.
 * Runs after the boundary loader.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class DemoStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	/** Exit status of generate-and-exit when the database already had cameras. */
	static final int EXIT_ALREADY_LOADED = 3;

	private final DemoProperties properties;
	private final DemoDataLoader loader;
	private final ConfigurableApplicationContext context;

	DemoStartup(DemoProperties properties, DemoDataLoader loader, ConfigurableApplicationContext context) {
		this.properties = properties;
		this.loader = loader;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.generateAndExit()) {
			int status;
			try {
				Optional<DemoDataLoader.Result> result = loader.loadIfNoCameras(properties.cameras(), properties.seed(),
						properties.password(), properties.bulkLoadFrom());
				if (result.isPresent()) {
					System.out.println(summary(result.get()));
					status = 0;
				}
				else {
					System.out.println("The database has cameras already; nothing was generated. "
							+ "Use scripts/generate-demo --fresh to drop and re-create it first.");
					status = EXIT_ALREADY_LOADED;
				}
			}
			catch (IllegalArgumentException e) {
				System.out.println("Demo data not generated: " + e.getMessage());
				status = 2;
			}
			int exit = status;
			System.exit(SpringApplication.exit(context, () -> exit));
		}
		else if (properties.enabled()) {
			loader.loadIfNoCameras(properties.cameras(), properties.seed(), properties.password(), properties.bulkLoadFrom())
				.ifPresent(result -> log.info(summary(result)));
		}
	}

	static String summary(DemoDataLoader.Result r) {
		return String.format(Locale.ROOT,
				"Generated %,d cameras on %,d sites (seed %d) in %.1f s (sites %.1f s, cameras %.1f s, indexes and keys %.1f s, "
						+ "maintenance history %.1f s: %s; health coverage of %,d cameras; investigations %.1f s: %s); demo users: %s",
				r.cameras(), r.sites(), r.seed(), r.took().toMillis() / 1000.0, r.sitesTook().toMillis() / 1000.0,
				r.camerasTook().toMillis() / 1000.0, r.indexesTook().toMillis() / 1000.0,
				r.maintenance().took().toMillis() / 1000.0, r.maintenance(), r.healthCovered(),
				r.investigations().took().toMillis() / 1000.0, r.investigations(), String.join(", ", r.users()));
	}
}
