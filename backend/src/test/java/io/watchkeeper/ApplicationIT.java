package io.watchkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ApplicationIT {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void migratesTheSchemaOnPostgis() {
		assertThat(jdbc.queryForObject("SELECT postgis_lib_version()", String.class)).startsWith("3");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void endOfLifeFollowsInstallDateAndServiceLife() {
		jdbc.update("INSERT INTO camera (asset_tag, install_date, service_life_years) VALUES ('SMOKE-EOL-1', DATE '2015-03-30', 8)");
		assertThat(jdbc.queryForObject("SELECT end_of_life::text FROM camera WHERE asset_tag = 'SMOKE-EOL-1'", String.class))
			.isEqualTo("2023-03-30");
		jdbc.update("DELETE FROM camera WHERE asset_tag = 'SMOKE-EOL-1'");
	}
}
