package io.watchkeeper.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.LprCapability;
import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;

/** The price list, write side, and its listing: newest first per kind, with the entry in force on a day. */
@Service
class PriceListEditing {

	/** The list: every entry, newest first within each kind, and the entry of each kind in force on {@code today}. */
	record Listing(LocalDate today, List<PriceEntry> entries, Map<String, PriceEntry> inForce) {
	}

	/** What setting a price did: the entry now, and the price it replaced (null when the date was new). */
	record Saved(PriceEntry entry, Long replacedPriceNtd) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final AuditLog audit;

	PriceListEditing(NamedParameterJdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	Listing list(LocalDate today) {
		List<PriceEntry> entries = jdbc.query("""
				SELECT id, kind, applies_from, unit_price_ntd, note, created_by, created_at FROM price_list_entry
				 ORDER BY CASE kind WHEN 'NONE' THEN 0 WHEN 'LPR' THEN 1 ELSE 2 END, applies_from DESC""",
				(rs, i) -> new PriceEntry(rs.getLong("id"), rs.getString("kind"), rs.getObject("applies_from", LocalDate.class),
						rs.getLong("unit_price_ntd"), rs.getString("note"), rs.getString("created_by"),
						rs.getTimestamp("created_at").toInstant()));
		Map<LprCapability, PriceEntry> inForce = new EnumMap<>(LprCapability.class);
		for (PriceEntry e : entries) { // newest first per kind: the first on or before today is in force
			if (!e.appliesFrom().isAfter(today)) {
				inForce.putIfAbsent(LprCapability.valueOf(e.kind()), e);
			}
		}
		Map<String, PriceEntry> byName = new LinkedHashMap<>();
		inForce.forEach((k, v) -> byName.put(k.name(), v));
		return new Listing(today, entries, byName);
	}

	/** Sets a price; an entry of the same kind and date is replaced. Audited with the old and the new price. */
	@Transactional
	Saved set(PriceRequest price, String actor) {
		List<Long> old = jdbc.queryForList("""
				SELECT unit_price_ntd FROM price_list_entry WHERE kind = :kind AND applies_from = :from FOR UPDATE""",
				params(price, actor), Long.class);
		PriceEntry entry = jdbc.queryForObject("""
				INSERT INTO price_list_entry (kind, applies_from, unit_price_ntd, note, created_by)
				VALUES (:kind, :from, :price, :note, :actor)
				ON CONFLICT (kind, applies_from) DO UPDATE SET unit_price_ntd = EXCLUDED.unit_price_ntd, note = EXCLUDED.note,
				       created_by = EXCLUDED.created_by, created_at = now()
				RETURNING id, kind, applies_from, unit_price_ntd, note, created_by, created_at""", params(price, actor),
				(rs, i) -> new PriceEntry(rs.getLong("id"), rs.getString("kind"), rs.getObject("applies_from", LocalDate.class),
						rs.getLong("unit_price_ntd"), rs.getString("note"), rs.getString("created_by"),
						rs.getTimestamp("created_at").toInstant()));
		Long replaced = old.isEmpty() ? null : old.get(0);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", price.kind().name());
		details.put("appliesFrom", price.appliesFrom().toString());
		details.put("oldPriceNtd", replaced);
		details.put("newPriceNtd", price.unitPriceNtd());
		if (price.note() != null) {
			details.put("note", price.note());
		}
		audit.record(AuditAction.PRICE_SET, "price_list_entry", entry.id(), details);
		return new Saved(entry, replaced);
	}

	private static MapSqlParameterSource params(PriceRequest price, String actor) {
		return new MapSqlParameterSource().addValue("kind", price.kind().name()).addValue("from", price.appliesFrom())
			.addValue("price", price.unitPriceNtd()).addValue("note", price.note()).addValue("actor", actor);
	}

	static List<String> kinds() {
		List<String> kinds = new ArrayList<>();
		for (LprCapability k : LprCapability.values()) {
			kinds.add(k.name());
		}
		return kinds;
	}
}
