package io.watchkeeper.placement;

import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The precincts the queue filters by. */
@Repository
class PlacementAreas {

	private final NamedParameterJdbcTemplate jdbc;

	PlacementAreas(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> precinctId(String code) {
		return jdbc.queryForList("SELECT id FROM precinct WHERE code = :code", new MapSqlParameterSource("code", code),
				Long.class).stream().findFirst();
	}
}
