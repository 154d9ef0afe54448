package io.watchkeeper.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchkeeper.demo.*}: whether to load the demo data on first start (env {@code WK_DEMO}), how many
 * cameras ({@code WK_DEMO_CAMERAS}), the generator's seed, the one password of all demo users, and
 * {@code generate-and-exit} for {@code scripts/generate-demo}, and from which fleet size the camera table's
 * secondary indexes and foreign keys are dropped during the load and restored at the end.
 */
@ConfigurationProperties("watchkeeper.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("20000") int cameras,
		@DefaultValue("20230630") long seed, @DefaultValue("watchkeeper") String password,
		@DefaultValue("false") boolean generateAndExit, @DefaultValue("100000") int bulkLoadFrom) {
}
