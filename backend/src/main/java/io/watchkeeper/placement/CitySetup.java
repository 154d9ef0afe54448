package io.watchkeeper.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist for setting up another city from the admin pages: each step with its state, what was counted and
 * where to do it. Every state is derived from the tables at the time asked (nothing is ticked by hand).
 */
@Service
public class CitySetup {

	/** A step's state: DONE; TODO (not started); PARTLY (started, something left); OPEN (no state known here). */
	public enum State {
		DONE, TODO, PARTLY, OPEN
	}

	/**
	 * One step of the checklist.
	 *
	 * @param key the step's name (message key {@code setup.step.KEY})
	 * @param state its state
	 * @param count what was counted (areas, stations, imports, cameras; null when nothing)
	 * @param left what is left (cameras without position, cameras outside every precinct; null when nothing)
	 * @param link the page where the step is done
	 * @param details further figures by name, in order (door plates: datasets; matching: the matches kept by quality
	 *        EXACT, NEAREST, INTERSECTION, ROAD, then REJECTED and UNMATCHED); empty when none
	 */
	public record Step(String key, State state, Long count, Long left, String link, Map<String, Long> details) {

		Step(String key, State state, Long count, Long left, String link) {
			this(key, state, count, left, link, Map.of());
		}
	}

	private final JdbcTemplate jdbc;
	private final CitySettings settings;

	CitySetup(JdbcTemplate jdbc, CitySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public List<Step> steps() {
		List<Step> steps = new ArrayList<>();
		steps.add(new Step("department", settings.department().isPresent() ? State.DONE : State.TODO, null, null,
				"/admin/setup#department"));
		long precincts = count("SELECT count(*) FROM precinct");
		long districts = count("SELECT count(*) FROM district");
		steps.add(new Step("precincts", precincts > 0 ? State.DONE : State.TODO, precincts, null, "/admin/boundaries"));
		steps.add(new Step("districts", districts > 0 ? State.DONE : State.TODO, districts, null, "/admin/boundaries"));
		long stations = count("SELECT count(*) FROM station");
		long precinctsWithout = count("SELECT count(*) FROM precinct p WHERE NOT EXISTS (SELECT 1 FROM station s WHERE s.precinct_id = p.id)");
		steps.add(new Step("stations", stations == 0 ? State.TODO : precinctsWithout > 0 ? State.PARTLY : State.DONE,
				stations, stations == 0 ? null : precinctsWithout, "/admin/stations"));
		long datasets = count("SELECT count(*) FROM gazetteer_dataset");
		long doorPlates = count("SELECT coalesce(sum(row_count), 0) FROM gazetteer_dataset");
		steps.add(new Step("doorPlates", doorPlates > 0 ? State.DONE : State.TODO, doorPlates, null, "/admin/gazetteer",
				Map.of("datasets", datasets)));
		long imports = count("SELECT count(*) FROM import_job WHERE status = 'APPLIED' AND dry_run IS NOT TRUE");
		long cameras = count("SELECT count(*) FROM camera WHERE status <> 'DECOMMISSIONED'");
		steps.add(new Step("import", imports > 0 || cameras > 0 ? State.DONE : State.TODO, cameras, null, "/imports"));
		long unplaced = count("SELECT count(*) FROM camera WHERE location IS NULL AND status <> 'DECOMMISSIONED'");
		// matches kept from every run (a new run replaces the proposals and unmatched ones of the ones before)
		Map<String, Long> matches = new LinkedHashMap<>();
		for (String quality : List.of("EXACT", "NEAREST", "INTERSECTION", "ROAD")) {
			matches.put(quality, 0L);
		}
		matches.put("REJECTED", 0L);
		matches.put("UNMATCHED", 0L);
		jdbc.query("""
				SELECT CASE WHEN status IN ('REJECTED', 'UNMATCHED') THEN status ELSE quality END, count(*)
				  FROM address_match GROUP BY 1""", rs -> {
			matches.merge(rs.getString(1), rs.getLong(2), Long::sum);
		});
		long matched = matches.entrySet().stream().filter(e -> !List.of("REJECTED", "UNMATCHED", "NONE").contains(e.getKey()))
			.mapToLong(Map.Entry::getValue).sum();
		long runs = count("SELECT count(*) FROM address_match_run WHERE finished_at IS NOT NULL");
		State matching = cameras == 0 || runs == 0 ? State.TODO : unplaced == 0 ? State.DONE : State.PARTLY;
		steps.add(new Step("matching", matching, matched, unplaced, "/placement/matches", matches));
		steps.add(new Step("placement", cameras == 0 ? State.TODO : unplaced == 0 ? State.DONE : State.PARTLY,
				cameras - unplaced, unplaced, "/placement"));
		long outside = count("SELECT count(*) FROM camera WHERE location IS NOT NULL AND precinct_id IS NULL AND status <> 'DECOMMISSIONED'");
		steps.add(new Step("areas", cameras == 0 ? State.TODO : outside == 0 && unplaced == 0 ? State.DONE : State.PARTLY,
				cameras - unplaced - outside, outside, "/cameras"));
		return steps;
	}

	private long count(String sql) {
		Long n = jdbc.queryForObject(sql, Long.class);
		return n == null ? 0 : n;
	}
}
