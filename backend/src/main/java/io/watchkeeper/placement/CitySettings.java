package io.watchkeeper.placement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;

/**
 * The department the installation serves (its name in zh-TW and English), set by an administrator on the city
 * set-up page and shown in every page's header. Read on every page, so kept for a few seconds in memory; another
 * node sees a change within that time.
 */
@Service
public class CitySettings {

	/** The department's name; either may be null. */
	public record Department(String nameZh, String nameEn) {

		/** The name in the reader's language, falling back to the other one. */
		public String name(Locale locale) {
			boolean english = locale != null && "en".equals(locale.getLanguage());
			String first = english ? nameEn : nameZh;
			return first != null ? first : english ? nameZh : nameEn;
		}

		boolean isSet() {
			return nameZh != null || nameEn != null;
		}
	}

	static final int MAX_NAME = 100;

	private static final Duration KEEP = Duration.ofSeconds(10);

	private final JdbcTemplate jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private volatile Department cached;
	private volatile Instant cachedAt = Instant.EPOCH;

	CitySettings(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The department's name, when an administrator has set one (none while the database cannot be read). */
	public Optional<Department> department() {
		Instant now = Instant.now(clock);
		Department d = cached;
		if (d == null || now.isAfter(cachedAt.plus(KEEP)) || now.isBefore(cachedAt)) {
			try {
				d = read();
			}
			catch (org.springframework.dao.DataAccessException e) {
				return Optional.ofNullable(cached).filter(Department::isSet);
			}
			cached = d;
			cachedAt = now;
		}
		return d.isSet() ? Optional.of(d) : Optional.empty();
	}

	private Department read() {
		return jdbc.query("SELECT department_zh, department_en FROM city_setting WHERE id = 1",
					(rs, n) -> new Department(rs.getString(1), rs.getString(2))).stream().findFirst()
				.orElse(new Department(null, null));
	}

	/** Sets (or, with blank names, clears) the department's name; audited. */
	@Transactional
	public Department rename(String nameZh, String nameEn, String actor, String remoteAddress) {
		String zh = clean("departmentZh", nameZh);
		String en = clean("departmentEn", nameEn);
		jdbc.update("""
				INSERT INTO city_setting (id, department_zh, department_en, updated_by, updated_at) VALUES (1, ?, ?, ?, now())
				ON CONFLICT (id) DO UPDATE SET department_zh = EXCLUDED.department_zh, department_en = EXCLUDED.department_en,
				       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""", zh, en, actor);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("departmentZh", zh);
		details.put("departmentEn", en);
		audit.record(actor, "city.renamed", "city_setting", 1, details, remoteAddress);
		cached = new Department(zh, en);
		cachedAt = Instant.now(clock);
		return cached;
	}

	private static String clean(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
			throw new InvalidInputException(field, field + " may not hold control characters or < >");
		}
		if (text.codePointCount(0, text.length()) > MAX_NAME) {
			throw new InvalidInputException(field, field + " may be at most " + MAX_NAME + " characters long");
		}
		return text;
	}
}
