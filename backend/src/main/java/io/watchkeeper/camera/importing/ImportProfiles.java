package io.watchkeeper.camera.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.shared.ConflictException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code import_profile} table. */
@Repository
class ImportProfiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = """
			id, name, mapping, derivations, options, created_by, created_at, updated_by, updated_at, version""";

	private final JdbcTemplate jdbc;

	ImportProfiles(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<ImportProfile> all() {
		return jdbc.query("SELECT " + COLUMNS + " FROM import_profile ORDER BY lower(name), id", this::map);
	}

	Optional<ImportProfile> find(long id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM import_profile WHERE id = ?", this::map, id).stream().findFirst();
	}

	Optional<ImportProfile> findByName(String name) {
		return jdbc.query("SELECT " + COLUMNS + " FROM import_profile WHERE lower(btrim(name)) = lower(btrim(?))", this::map,
				name).stream().findFirst();
	}

	/** @throws ConflictException when a profile of that name exists */
	long create(ImportProfileDraft p, String actor) {
		try {
			return jdbc.queryForObject("""
					INSERT INTO import_profile (name, mapping, derivations, options, created_by, updated_by)
					VALUES (?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?) RETURNING id""", Long.class, p.name(), json(p.mapping()),
					json(p.derivations()), json(p.options()), actor, actor);
		}
		catch (DuplicateKeyException e) {
			throw nameTaken(p.name());
		}
	}

	/** @return false when the version is not the stored one (someone changed it meanwhile) */
	boolean update(long id, long version, ImportProfileDraft p, String actor) {
		try {
			return jdbc.update("""
					UPDATE import_profile
					   SET name = ?, mapping = ?::jsonb, derivations = ?::jsonb, options = ?::jsonb, updated_by = ?,
					       updated_at = now(), version = version + 1
					 WHERE id = ? AND version = ?""", p.name(), json(p.mapping()), json(p.derivations()), json(p.options()),
					actor, id, version) == 1;
		}
		catch (DuplicateKeyException e) {
			throw nameTaken(p.name());
		}
	}

	boolean delete(long id) {
		return jdbc.update("DELETE FROM import_profile WHERE id = ?", id) == 1;
	}

	private static ConflictException nameTaken(String name) {
		return new ConflictException("An import profile named \"" + name + "\" exists already; choose another name or change that one");
	}

	private ImportProfile map(ResultSet rs, int n) throws SQLException {
		return new ImportProfile(rs.getLong("id"), rs.getString("name"),
				JSON.readValue(rs.getString("mapping"), new TypeReference<Map<String, String>>() {
				}), JSON.readValue(rs.getString("derivations"), new TypeReference<List<Derivations.Derivation>>() {
				}), JSON.readValue(rs.getString("options"), ImportProfile.Options.class), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}
}
