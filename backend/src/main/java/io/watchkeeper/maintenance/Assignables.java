package io.watchkeeper.maintenance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The contracts and squads a dispatcher can hand work to, for selects and for checking an assignment. */
@Repository
class Assignables {

	/** A maintenance contract with its vendor, period and targets. */
	record Contract(long id, String code, String nameZh, String nameEn, long vendorId, String vendorNameZh,
			String vendorNameEn, LocalDate startsOn, LocalDate endsOn, int responseHours, int restoreHours) {

		public Named named() {
			return new Named(id, code, nameZh, nameEn);
		}

		boolean runsOn(LocalDate day) {
			return !day.isBefore(startsOn) && !day.isAfter(endsOn);
		}
	}

	/** A repair squad: HQ's ({@code precinctId} null) or a precinct's. */
	record Squad(long id, String code, String nameZh, String nameEn, Long precinctId, String precinctNameZh,
			String precinctNameEn) {

		public Named named() {
			return new Named(id, code, nameZh, nameEn);
		}

		boolean headquarters() {
			return precinctId == null;
		}
	}

	private static final String CONTRACT_SELECT = """
			SELECT mc.id, mc.code, mc.name_zh, mc.name_en, mc.vendor_id, v.name_zh AS vendor_name_zh,
			       v.name_en AS vendor_name_en, mc.starts_on, mc.ends_on, mc.response_hours, mc.restore_hours
			  FROM maintenance_contract mc JOIN vendor v ON v.id = mc.vendor_id""";

	private static final String SQUAD_SELECT = """
			SELECT s.id, s.code, s.name_zh, s.name_en, s.precinct_id, p.name_zh AS precinct_name_zh,
			       p.name_en AS precinct_name_en
			  FROM repair_squad s LEFT JOIN precinct p ON p.id = s.precinct_id""";

	private final NamedParameterJdbcTemplate jdbc;

	Assignables(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Contract> contract(long id) {
		return jdbc.query(CONTRACT_SELECT + " WHERE mc.id = :id", Map.of("id", id), (rs, n) -> contract(rs))
			.stream().findFirst();
	}

	/** Contracts running on the day, by code. */
	List<Contract> contractsOn(LocalDate day) {
		return jdbc.query(CONTRACT_SELECT + " WHERE CAST(:day AS date) BETWEEN mc.starts_on AND mc.ends_on ORDER BY mc.code",
				new MapSqlParameterSource("day", day), (rs, n) -> contract(rs));
	}

	/** Every contract, newest first (for filters over past orders). */
	List<Contract> allContracts() {
		return jdbc.query(CONTRACT_SELECT + " ORDER BY mc.ends_on DESC, mc.code", Map.of(), (rs, n) -> contract(rs));
	}

	Optional<Squad> squad(long id) {
		return jdbc.query(SQUAD_SELECT + " WHERE s.id = :id", Map.of("id", id), (rs, n) -> squad(rs)).stream().findFirst();
	}

	/** Every squad: HQ's first, then by code. */
	List<Squad> squads() {
		return jdbc.query(SQUAD_SELECT + " ORDER BY s.precinct_id IS NOT NULL, s.code", Map.of(), (rs, n) -> squad(rs));
	}

	List<Named> precincts() {
		return jdbc.query("SELECT id, code, name_zh, name_en FROM precinct ORDER BY code", Map.of(),
				(rs, n) -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
	}

	private static Contract contract(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Contract(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getLong("vendor_id"), rs.getString("vendor_name_zh"), rs.getString("vendor_name_en"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getInt("response_hours"), rs.getInt("restore_hours"));
	}

	private static Squad squad(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Squad(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				(Long) rs.getObject("precinct_id"), rs.getString("precinct_name_zh"), rs.getString("precinct_name_en"));
	}
}
