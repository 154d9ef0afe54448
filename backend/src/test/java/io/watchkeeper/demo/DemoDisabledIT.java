package io.watchkeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** With the demo switched off (the default) a start loads boundaries but never demo users or a fleet. */
@SpringBootTest
class DemoDisabledIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoProperties properties;

	@Test
	void noDemoUsersNoDemoDataButBoundaries() {
		assertThat(properties.enabled()).isFalse();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE demo", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM demo_dataset", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM vendor WHERE code LIKE 'V-%'", Integer.class)).isZero();
		// the 17 precincts of the boundary data; integration tests may add their own (codes starting with IT)
		assertThat(jdbc.queryForObject("SELECT count(*) FROM precinct WHERE code NOT LIKE 'IT%'", Integer.class)).isEqualTo(17);
	}
}
