package io.watchkeeper.investigation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.shared.InvalidInputException;

/**
 * The "cases solved with footage" figures, each one statement over the cases and requests. A case counts in a period
 * by the date it was closed (in the city's time zone) with state SOLVED; footage contributed by
 * {@link CaseQueries#FOOTAGE_CONTRIBUTED}; share = solved with footage / solved, to one decimal (half up). Requests
 * count by the date they were made.
 */
@Repository
class CaseFigures implements SolvedCases {

	static final int TOP_CAMERAS = 20;
	static final int MAX_DAYS = 5 * 366;

	enum GroupBy {
		MONTH, HALF, PRECINCT
	}

	record Query(LocalDate from, LocalDate to, Long precinctId, GroupBy groupBy) {
	}

	record Row(String key, String label, Long precinctId, long solvedCases, long solvedWithFootage, BigDecimal share) {
	}

	record TopCamera(long cameraId, String assetTag, long useful) {
	}

	record Figures(LocalDate from, LocalDate to, Long precinctId, GroupBy groupBy, long solvedCases,
			long solvedWithFootage, BigDecimal share, List<Row> rows, Map<String, Long> requestsByOutcome,
			Map<String, Long> requestsByState, Map<String, Long> notAvailableByReason, List<TopCamera> topCameras) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final MessageSource messages;
	private final ZoneId zone;
	private final SolvedCaseSums sums;

	CaseFigures(NamedParameterJdbcTemplate jdbc, MessageSource messages,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone, SolvedCaseSums sums) {
		this.jdbc = jdbc;
		this.sums = sums;
		this.messages = messages;
		this.zone = zone;
	}

	/** Reads the request's parameters; the default period is the half year that holds {@code today}. */
	static Query query(String from, String to, String precinctId, String groupBy, LocalDate today) {
		LocalDate halfStart = LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);
		LocalDate start = blank(from) ? halfStart : date("from", from);
		LocalDate end = blank(to) ? (blank(from) ? halfStart.plusMonths(6).minusDays(1) : start.plusMonths(6).minusDays(1))
				: date("to", to);
		if (end.isBefore(start)) {
			throw new InvalidInputException("to", "to (" + end + ") is before from (" + start + ")");
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			throw new InvalidInputException("to", "the period may be at most " + MAX_DAYS + " days long");
		}
		Long precinct = null;
		if (!blank(precinctId)) {
			try {
				precinct = Long.valueOf(precinctId.strip());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("precinctId", "precinctId must be a number");
			}
		}
		GroupBy group;
		try {
			group = blank(groupBy) ? GroupBy.MONTH : GroupBy.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("groupBy", "groupBy must be month, half or precinct");
		}
		return new Query(start, end, precinct, group);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static LocalDate date(String field, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, field + " must be a date such as 2023-01-01");
		}
	}

	private static final String SOLVED = """
			WITH solved AS (
			  SELECT c.id, c.precinct_id, (c.closed_at AT TIME ZONE :zone)::date AS closed_on, %s AS footage
			    FROM investigation_case c
			   WHERE c.state = 'SOLVED' AND c.closed_at >= :fromTs AND c.closed_at < :toTs
			     AND (CAST(:precinct AS bigint) IS NULL OR c.precinct_id = :precinct))
			""".formatted(CaseQueries.FOOTAGE_CONTRIBUTED);

	@Transactional(readOnly = true)
	Figures figures(Query q, Locale locale) {
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("zone", zone.getId())
			.addValue("from", q.from())
			.addValue("to", q.to())
			.addValue("fromTs", Timestamp.from(q.from().atStartOfDay(zone).toInstant()))
			.addValue("toTs", Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.addValue("precinct", q.precinctId(), java.sql.Types.BIGINT);
		long[] total = jdbc.queryForObject(SOLVED + "SELECT count(*), count(*) FILTER (WHERE footage) FROM solved", p,
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
		List<Row> rows = switch (q.groupBy()) {
			case MONTH, HALF -> jdbc.query(SOLVED + """
					, periods AS (
					  SELECT d::date AS start, (d + CAST(:step AS interval))::date AS next
					    FROM generate_series(CAST(:first AS date), CAST(:to AS date), CAST(:step AS interval)) d)
					SELECT p.start, count(s.id) AS solved, count(s.id) FILTER (WHERE s.footage) AS with_footage
					  FROM periods p LEFT JOIN solved s ON s.closed_on >= p.start AND s.closed_on < p.next
					 GROUP BY p.start ORDER BY p.start""", new MapSqlParameterSource(p.getValues())
				.addValue("step", q.groupBy() == GroupBy.MONTH ? "1 month" : "6 months")
				.addValue("first", q.groupBy() == GroupBy.MONTH ? q.from().withDayOfMonth(1)
						: LocalDate.of(q.from().getYear(), q.from().getMonthValue() <= 6 ? 1 : 7, 1)),
					(rs, n) -> {
						LocalDate start = rs.getObject("start", LocalDate.class);
						boolean half = q.groupBy() == GroupBy.HALF;
						String key = half ? start.getYear() + "-H" + (start.getMonthValue() <= 6 ? 1 : 2)
								: start.toString().substring(0, 7);
						String label = half ? halfLabel(start, locale) : key;
						return row(key, label, null, rs.getLong("solved"), rs.getLong("with_footage"));
					});
			case PRECINCT -> jdbc.query(SOLVED + """
					SELECT s.precinct_id, pr.code, pr.name_zh, pr.name_en, count(*) AS solved,
					       count(*) FILTER (WHERE s.footage) AS with_footage
					  FROM solved s LEFT JOIN precinct pr ON pr.id = s.precinct_id
					 GROUP BY s.precinct_id, pr.code, pr.name_zh, pr.name_en ORDER BY pr.code NULLS FIRST""", p,
					(rs, n) -> {
						Long precinct = rs.getObject("precinct_id") == null ? null : rs.getLong("precinct_id");
						String name = precinct == null ? messages.getMessage("investigation.hq", null, "HQ", locale)
								: rs.getString("zh".equals(locale.getLanguage()) ? "name_zh" : "name_en");
						return row(precinct == null ? "HQ" : rs.getString("code"), name, precinct, rs.getLong("solved"),
								rs.getLong("with_footage"));
					});
		};
		Map<String, Long> byOutcome = new LinkedHashMap<>();
		byOutcome.put("USEFUL", 0L);
		byOutcome.put("NOT_USEFUL", 0L);
		byOutcome.put("PENDING", 0L);
		Map<String, Long> byState = new LinkedHashMap<>();
		for (FootageRequest.State s : FootageRequest.State.values()) {
			byState.put(s.name(), 0L);
		}
		Map<String, Long> byReason = new LinkedHashMap<>();
		for (FootageRequest.NotAvailableReason r : FootageRequest.NotAvailableReason.values()) {
			byReason.put(r.name(), 0L);
		}
		jdbc.query("""
				SELECT r.state, r.outcome, r.not_available_reason, count(*) AS n
				  FROM footage_request r JOIN investigation_case c ON c.id = r.case_id
				 WHERE r.requested_at >= :fromTs AND r.requested_at < :toTs
				   AND (CAST(:precinct AS bigint) IS NULL OR c.precinct_id = :precinct)
				 GROUP BY r.state, r.outcome, r.not_available_reason""", p, rs -> {
					long n = rs.getLong("n");
					byState.merge(rs.getString("state"), n, Long::sum);
					if ("DELIVERED".equals(rs.getString("state"))) {
						String outcome = rs.getString("outcome");
						byOutcome.merge(outcome == null ? "PENDING" : outcome, n, Long::sum);
					}
					if (rs.getString("not_available_reason") != null) {
						byReason.merge(rs.getString("not_available_reason"), n, Long::sum);
					}
				});
		List<TopCamera> top = jdbc.query("""
				SELECT r.camera_id, cam.asset_tag, count(*) AS useful
				  FROM footage_request r JOIN investigation_case c ON c.id = r.case_id JOIN camera cam ON cam.id = r.camera_id
				 WHERE r.outcome = 'USEFUL' AND r.requested_at >= :fromTs AND r.requested_at < :toTs
				   AND (CAST(:precinct AS bigint) IS NULL OR c.precinct_id = :precinct)
				 GROUP BY r.camera_id, cam.asset_tag ORDER BY useful DESC, cam.asset_tag LIMIT %d""".formatted(TOP_CAMERAS), p,
				(rs, n) -> new TopCamera(rs.getLong("camera_id"), rs.getString("asset_tag"), rs.getLong("useful")));
		return new Figures(q.from(), q.to(), q.precinctId(), q.groupBy(), total[0], total[1], share(total[1], total[0]),
				rows, byOutcome, byState, byReason, top);
	}

	@Override
	@Transactional(readOnly = true)
	public Counts solved(LocalDate from, LocalDate to) {
		long[] counts = sums.counts(from, to);
		return new Counts(counts[0], counts[1], share(counts[1], counts[0]));
	}

	@Override
	@Transactional(readOnly = true)
	public List<PrecinctCounts> solvedByPrecinct(LocalDate from, LocalDate to) {
		return sums.byPrecinct(from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SolvedCase> records(LocalDate from, LocalDate to, boolean withFootageOnly, int limit) {
		return jdbc.query(SOLVED + """
				SELECT s.id, c.case_number, c.title, s.precinct_id, pr.name_zh, pr.name_en, s.closed_on, s.footage
				  FROM solved s JOIN investigation_case c ON c.id = s.id LEFT JOIN precinct pr ON pr.id = s.precinct_id
				 WHERE s.footage OR NOT :footageOnly
				 ORDER BY c.closed_at, c.id LIMIT :limit""",
				solvedParams(from, to).addValue("footageOnly", withFootageOnly).addValue("limit", limit),
				(rs, n) -> new SolvedCase(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6),
						rs.getObject(7, LocalDate.class), rs.getBoolean(8)));
	}

	private MapSqlParameterSource solvedParams(LocalDate from, LocalDate to) {
		return new MapSqlParameterSource().addValue("zone", zone.getId())
			.addValue("fromTs", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.addValue("toTs", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.addValue("precinct", null, java.sql.Types.BIGINT);
	}

	private static Row row(String key, String label, Long precinct, long solved, long withFootage) {
		return new Row(key, label, precinct, solved, withFootage, share(withFootage, solved));
	}

	/** Percent to one decimal, half up; null when nothing was solved. */
	static BigDecimal share(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** 112年上半年 (zh-TW), "2023 H1 (ROC 112)" (English): the ROC year is the Gregorian year minus 1911. */
	private String halfLabel(LocalDate start, Locale locale) {
		int half = start.getMonthValue() <= 6 ? 1 : 2;
		return messages.getMessage("investigation.figures.half" + half,
				new Object[] { String.valueOf(start.getYear() - 1911), String.valueOf(start.getYear()) },
				start.getYear() + " H" + half, locale);
	}
}
