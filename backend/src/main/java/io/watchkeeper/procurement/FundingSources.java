package io.watchkeeper.procurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.procurement.ProcurementInputRefused.Violation;
import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.NotFoundException;

/**
 * Adds and changes funding sources (the camera import names them by code). A code is taken once, whatever its
 * case, and the same source (kind, sponsor, fiscal year and Chinese name) is not added twice. Every change is
 * audited with what it changed.
 */
@Service
class FundingSources {

	private static final String COLUMNS = "code, kind, name_zh, name_en, sponsor, fiscal_year, amount_ntd";

	private final JdbcTemplate jdbc;
	private final AuditLog audit;

	FundingSources(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	Optional<FundingSourceDraft> find(long id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM funding_source WHERE id = ?", (rs, n) -> new FundingSourceDraft(
				rs.getString("code"), rs.getString("kind"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getString("sponsor"), rs.getInt("fiscal_year"), new NtDollars(rs.getLong("amount_ntd"))), id)
			.stream().findFirst();
	}

	@Transactional
	long create(FundingSourceDraft source) {
		refuseDuplicates(source, null);
		long id;
		try {
			id = jdbc.queryForObject("INSERT INTO funding_source (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
					Long.class, source.code(), source.kind(), source.nameZh(), source.nameEn(), source.sponsor(),
					source.fiscalYear(), source.amount().amount());
		}
		catch (DuplicateKeyException e) { // the same code added by someone else a moment ago
			throw duplicateCode(source.code());
		}
		audit.record(AuditAction.FUNDING_SOURCE_CREATED, "funding_source", id, fields(source));
		return id;
	}

	@Transactional
	void update(long id, FundingSourceDraft source) {
		FundingSourceDraft before = jdbc.query("SELECT " + COLUMNS + " FROM funding_source WHERE id = ? FOR UPDATE",
				(rs, n) -> new FundingSourceDraft(rs.getString("code"), rs.getString("kind"), rs.getString("name_zh"),
						rs.getString("name_en"), rs.getString("sponsor"), rs.getInt("fiscal_year"),
						new NtDollars(rs.getLong("amount_ntd"))), id)
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Funding source", id));
		refuseDuplicates(source, id);
		try {
			jdbc.update("""
					UPDATE funding_source SET code = ?, kind = ?, name_zh = ?, name_en = ?, sponsor = ?, fiscal_year = ?,
					       amount_ntd = ? WHERE id = ?""", source.code(), source.kind(), source.nameZh(), source.nameEn(),
					source.sponsor(), source.fiscalYear(), source.amount().amount(), id);
		}
		catch (DuplicateKeyException e) {
			throw duplicateCode(source.code());
		}
		Map<String, Object> changes = new LinkedHashMap<>();
		Map<String, Object> old = fields(before);
		fields(source).forEach((field, value) -> {
			if (!Objects.equals(old.get(field), value)) {
				changes.put(field, java.util.Arrays.asList(old.get(field), value));
			}
		});
		if (!changes.isEmpty()) {
			audit.record(AuditAction.FUNDING_SOURCE_UPDATED, "funding_source", id, changes);
		}
	}

	private void refuseDuplicates(FundingSourceDraft source, Long self) {
		Long other = jdbc.query("SELECT id FROM funding_source WHERE upper(code) = ? AND id <> coalesce(CAST(? AS bigint), -1)",
				(rs, n) -> rs.getLong(1), source.code(), self).stream().findFirst().orElse(null);
		if (other != null) {
			throw duplicateCode(source.code());
		}
		List<String> same = jdbc.queryForList("""
				SELECT code FROM funding_source
				 WHERE kind = ? AND fiscal_year = ? AND name_zh = ? AND sponsor IS NOT DISTINCT FROM CAST(? AS varchar)
				   AND id <> coalesce(CAST(? AS bigint), -1)""", String.class, source.kind(), source.fiscalYear(), source.nameZh(),
				source.sponsor(), self);
		if (!same.isEmpty()) {
			throw new ProcurementInputRefused(List.of(new Violation("nameZh", "procurement.form.error.sameSource",
					new Object[] { same.get(0) }, "the same source (kind, sponsor, fiscal year and name) exists already as "
							+ same.get(0))), true);
		}
	}

	private static ProcurementInputRefused duplicateCode(String code) {
		return new ProcurementInputRefused(List.of(new Violation("code", "procurement.form.error.duplicateCode",
				new Object[] { code }, "another funding source has the code " + code)), true);
	}

	private static Map<String, Object> fields(FundingSourceDraft source) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("code", source.code());
		fields.put("kind", source.kind());
		fields.put("nameZh", source.nameZh());
		fields.put("nameEn", source.nameEn());
		fields.put("sponsor", source.sponsor());
		fields.put("fiscalYear", source.fiscalYear());
		fields.put("amountNtd", source.amount().amount());
		return fields;
	}
}
