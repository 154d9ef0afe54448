package io.watchkeeper.camera.importing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.camera.importing.DerivedValue.Programmes;

/**
 * The funding sources and procurement projects a programme label in a camera's name may mean, by code
 * and by Chinese or English name, read once per run or preview.
 */
@Repository
class ProgrammeNames {

	private final JdbcTemplate jdbc;

	ProgrammeNames(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Programmes load() {
		return new Programmes(byKey("funding_source"), byKey("procurement_project"));
	}

	private Map<String, String> byKey(String table) {
		Map<String, String> codes = new HashMap<>();
		// names first, codes last: a label equal to one record's code and another's name means the code
		jdbc.query("SELECT code, name_zh, name_en FROM " + table + " ORDER BY id", rs -> {
			for (String name : new String[] { rs.getString(2), rs.getString(3) }) {
				if (name != null) {
					codes.putIfAbsent(Programmes.key(name), rs.getString(1));
				}
			}
		});
		jdbc.query("SELECT code FROM " + table, rs -> {
			codes.put(Programmes.key(rs.getString(1)), rs.getString(1));
		});
		codes.remove("");
		return codes;
	}
}
