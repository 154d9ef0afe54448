package io.watchkeeper.gazetteer;

import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.GeoPoint;

/**
 * What address matching proposes for a pole or camera that is still to be placed, for the placement queue to show
 * beside the map: the best match of the latest runs that found a point. A match a reviewer rejected comes last but
 * still counts (its road or door plate is usually near the pole, a better start than the whole precinct); the
 * {@code status} says which it is.
 */
@Service
public class AddressSuggestions {

	/** A proposed position: the point, how good the match is, and the door plate (or the two roads) it came from. */
	public record Suggestion(long matchId, GeoPoint point, MatchQuality quality, String doorPlate, String status) {
	}

	private static final String BEST = """
			SELECT m.id, ST_X(m.point), ST_Y(m.point), m.quality, m.matched_text, m.status FROM address_match m
			 WHERE %s AND m.status IN ('PROPOSED', 'APPLIED', 'REJECTED') AND m.point IS NOT NULL
			 ORDER BY m.status = 'REJECTED', m.run_id DESC, array_position(ARRAY['EXACT', 'NEAREST', 'INTERSECTION', 'ROAD']::varchar[], m.quality) LIMIT 1""";

	private final NamedParameterJdbcTemplate jdbc;

	AddressSuggestions(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The best proposal for a site (a pole), if any. */
	@Transactional(readOnly = true)
	public Optional<Suggestion> forSite(long siteId) {
		return best("m.site_id = :id", siteId);
	}

	/** The best proposal for a camera: its site's, or its own when it has no site. */
	@Transactional(readOnly = true)
	public Optional<Suggestion> forCamera(long cameraId) {
		// by the two indexed keys a match row has (its own camera, or its site), not by a scan of camera_ids
		return best("""
				(m.camera_id = :id OR m.site_id = (SELECT c.site_id FROM camera c WHERE c.id = :id))
				   AND m.camera_ids @> ARRAY[CAST(:id AS bigint)]""", cameraId);
	}

	private Optional<Suggestion> best(String where, long id) {
		return jdbc.query(BEST.formatted(where), new MapSqlParameterSource("id", id),
				(rs, i) -> new Suggestion(rs.getLong(1), new GeoPoint(rs.getDouble(2), rs.getDouble(3)),
						MatchQuality.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)))
			.stream().findFirst();
	}
}
