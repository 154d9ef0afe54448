package io.watchkeeper.placement;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The precincts the queue filters by. */
@Repository
class PlacementAreas {

	/** A precinct for the filter: code and name in both languages. */
	record Choice(long id, String code, String nameZh, String nameEn) {
		String name(java.util.Locale locale) {
			return "zh".equals(locale.getLanguage()) || nameEn == null || nameEn.isBlank() ? nameZh : nameEn;
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	PlacementAreas(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> precinctId(String code) {
		return jdbc.queryForList("SELECT id FROM precinct WHERE code = :code", new MapSqlParameterSource("code", code),
				Long.class).stream().findFirst();
	}

	List<Choice> precincts() {
		return jdbc.query("SELECT id, code, name_zh, name_en FROM precinct ORDER BY code", (rs, n) ->
				new Choice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
	}
}
