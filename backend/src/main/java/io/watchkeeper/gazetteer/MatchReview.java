package io.watchkeeper.gazetteer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.CameraPlacement;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.NotFoundException;

/**
 * Reviewing matches: list them by quality and status, accept a proposal (its cameras are placed), reject a match
 * (an applied one's cameras lose the position it gave them and return to the placement queue). Decisions are kept
 * with who and when; the camera module audits each placement.
 */
@Service
class MatchReview {

	/** A match as the review page and the API show it. */
	record MatchView(long id, long runId, Long siteId, String siteCode, List<Long> cameraIds, String firstTag,
			String address, String normalised, MatchQuality quality, String reason, String matchedText, Double longitude,
			Double latitude, Integer numberGap, Double distanceMetres, String status, String decidedBy,
			Instant decidedAt) {
	}

	/** Filters of the list: each null for any. */
	record Filter(MatchQuality quality, String status, Long runId, String q) {
	}

	static final int PAGE = 200;

	private final NamedParameterJdbcTemplate jdbc;

	private final CameraPlacement placement;

	MatchReview(NamedParameterJdbcTemplate jdbc, CameraPlacement placement) {
		this.jdbc = jdbc;
		this.placement = placement;
	}

	private static final String SELECT = """
			SELECT m.id, m.run_id, m.site_id, s.code, m.camera_ids, (SELECT c.asset_tag FROM camera c WHERE c.id = m.camera_ids[1]),
			       m.address, m.normalised, m.quality, m.reason, m.matched_text, ST_X(m.point), ST_Y(m.point), m.number_gap,
			       m.distance_m, m.status, m.decided_by, m.decided_at
			  FROM address_match m LEFT JOIN site s ON s.id = m.site_id""";

	@Transactional(readOnly = true)
	List<MatchView> list(Filter f, int offset) {
		MapSqlParameterSource p = params(f).addValue("limit", PAGE).addValue("offset", Math.max(0, offset));
		// the text block's indentation is stripped whole: the space before ORDER BY must be written out
		return jdbc.query(SELECT + where(f) + " " + """
				ORDER BY array_position(ARRAY['EXACT', 'NEAREST', 'INTERSECTION', 'ROAD', 'NONE']::varchar[], m.quality), m.id
				 LIMIT :limit OFFSET :offset""", p, (rs, i) -> view(rs));
	}

	@Transactional(readOnly = true)
	Map<String, Map<String, Long>> counts() {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		for (MatchQuality q : MatchQuality.values()) {
			counts.put(q.name(), new LinkedHashMap<>());
		}
		jdbc.query("SELECT quality, status, count(*) FROM address_match GROUP BY quality, status", rs -> {
			counts.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3));
		});
		return counts;
	}

	@Transactional(readOnly = true)
	long count(Filter f) {
		return jdbc.queryForObject("SELECT count(*) FROM address_match m" + where(f), params(f), Long.class);
	}

	@Transactional(readOnly = true)
	MatchView get(long id) {
		return jdbc.query(SELECT + " WHERE m.id = :id", Map.of("id", id), (rs, i) -> view(rs)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("address match", id));
	}

	/** Places the cameras of a proposal (those still without a position) at its point. */
	@Transactional
	MatchView accept(long id, String actor, String remoteAddress) {
		MatchView m = lock(id);
		if (!"PROPOSED".equals(m.status()) || m.longitude() == null) {
			throw new ConflictException("match " + id + " is " + m.status() + ", only a proposal can be accepted");
		}
		GeoPoint point = new GeoPoint(m.longitude(), m.latitude());
		Map<Long, GeoPoint> points = new HashMap<>();
		m.cameraIds().forEach(c -> points.put(c, point));
		List<Long> moved = placement.placeMany(points, "address:" + m.quality(), trail(m), actor, remoteAddress);
		if (moved.isEmpty()) {
			throw new ConflictException("the cameras of match " + id + " have been placed meanwhile or are decommissioned");
		}
		decide(List.of(id), "APPLIED", actor);
		return get(id);
	}

	/** Rejects one match; an applied one's cameras that still stand where it put them lose that position. */
	@Transactional
	MatchView reject(long id, String actor, String remoteAddress) {
		MatchView m = lock(id);
		if ("REJECTED".equals(m.status())) {
			throw new ConflictException("match " + id + " is already rejected");
		}
		rejectAll(List.of(m), actor, remoteAddress);
		return get(id);
	}

	/** Rejects every match the filter selects that is not rejected yet; returns how many. */
	@Transactional
	int rejectWhere(Filter f, String actor, String remoteAddress) {
		MapSqlParameterSource p = params(f);
		List<MatchView> matches = jdbc.query(SELECT + where(f) + " AND m.status <> 'REJECTED' ORDER BY m.id FOR UPDATE OF m",
				p, (rs, i) -> view(rs));
		rejectAll(matches, actor, remoteAddress);
		return matches.size();
	}

	private void rejectAll(List<MatchView> matches, String actor, String remoteAddress) {
		Map<Long, GeoPoint> applied = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		for (MatchView m : matches) {
			ids.add(m.id());
			if ("APPLIED".equals(m.status()) && m.longitude() != null) {
				GeoPoint point = new GeoPoint(m.longitude(), m.latitude());
				m.cameraIds().forEach(c -> applied.put(c, point));
			}
		}
		if (!applied.isEmpty()) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("matches", ids.size() == 1 ? ids.get(0) : ids.size());
			placement.unplace(applied, "address match rejected", details, actor, remoteAddress);
		}
		decide(ids, "REJECTED", actor);
	}

	private void decide(List<Long> ids, String status, String actor) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.update("""
				UPDATE address_match SET status = :status, decided_by = :by, decided_at = now() WHERE id = ANY(CAST(:ids AS bigint[]))""",
				new MapSqlParameterSource("status", status).addValue("by", actor).addValue("ids", ids.toArray(Long[]::new)));
	}

	private MatchView lock(long id) {
		return jdbc.query(SELECT + " WHERE m.id = :id FOR UPDATE OF m", Map.of("id", id), (rs, i) -> view(rs)).stream()
			.findFirst().orElseThrow(() -> new NotFoundException("address match", id));
	}

	private static Map<String, Object> trail(MatchView m) {
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("match", m.id());
		t.put("address", m.address());
		t.put("quality", m.quality().name());
		t.put("doorPlate", m.matchedText());
		return t;
	}

	private static String where(Filter f) {
		StringBuilder w = new StringBuilder(" WHERE true");
		if (f.quality() != null) {
			w.append(" AND m.quality = :quality");
		}
		if (f.status() != null) {
			w.append(" AND m.status = :status");
		}
		if (f.runId() != null) {
			w.append(" AND m.run_id = :run");
		}
		if (f.q() != null) {
			w.append(" AND (m.address ILIKE :q ESCAPE '\\' OR m.normalised ILIKE :q ESCAPE '\\' OR m.matched_text ILIKE :q ESCAPE '\\')");
		}
		return w.toString();
	}

	private static MapSqlParameterSource params(Filter f) {
		return new MapSqlParameterSource().addValue("quality", f.quality() == null ? null : f.quality().name())
			.addValue("status", f.status()).addValue("run", f.runId())
			.addValue("q", f.q() == null ? null : "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
	}

	private static MatchView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		Long[] cams = (Long[]) rs.getArray(5).getArray();
		java.sql.Timestamp decided = rs.getTimestamp(18);
		return new MatchView(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), List.of(cams),
				rs.getString(6), rs.getString(7), rs.getString(8), MatchQuality.valueOf(rs.getString(9)), rs.getString(10),
				rs.getString(11), (Double) rs.getObject(12), (Double) rs.getObject(13), (Integer) rs.getObject(14),
				(Double) rs.getObject(15), rs.getString(16), rs.getString(17), decided == null ? null : decided.toInstant());
	}
}
