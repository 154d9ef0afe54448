package io.watchkeeper.planning;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;

/**
 * The maintenance budget split (seed report 八.8): a total shared among the precincts in proportion to their
 * cameras out of warranty on a reference date ({@link OutOfWarrantyCounts}), rounded by {@link LargestRemainder}
 * with ties going by precinct code, so the parts add up to the total exactly. Previewed, then applied: the split is
 * recorded, each precinct's contract of the fiscal year gets its part as its budget (a contract covering several
 * precincts gets the sum of theirs), and the audit log keeps the parts.
 */
@Service
public class BudgetSplits {

	private final OutOfWarrantyCounts counts;
	private final NamedParameterJdbcTemplate jdbc;
	private final AuditLog audit;

	BudgetSplits(OutOfWarrantyCounts counts, NamedParameterJdbcTemplate jdbc, AuditLog audit) {
		this.counts = counts;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The split of {@code totalNtd} for {@code fiscalYear} by the cameras out of warranty on {@code referenceDate};
	 * writes nothing. Refused (400 naming {@code referenceDate}) when no camera is out of warranty that day: an
	 * even split would have no ground in the counts.
	 */
	@Transactional(readOnly = true)
	public BudgetSplit preview(int fiscalYear, long totalNtd, LocalDate referenceDate) {
		return compute(new BudgetSplitInput(fiscalYear, totalNtd, referenceDate));
	}

	BudgetSplit preview(BudgetSplitInput input) {
		return preview(input.fiscalYear(), input.totalNtd(), input.referenceDate());
	}

	/**
	 * Computes the split again and applies it: records it with its parts, sets the budget of each precinct's contract
	 * of the fiscal year and audits {@code BUDGET_SPLIT_APPLIED}. Refused (409 naming the precinct, nothing written)
	 * when a precinct with cameras out of warranty has no contract that year.
	 */
	@Transactional
	public BudgetSplit apply(int fiscalYear, long totalNtd, LocalDate referenceDate, String appliedBy) {
		BudgetSplit split = compute(new BudgetSplitInput(fiscalYear, totalNtd, referenceDate));
		List<String> uncovered = split.parts().stream().filter(p -> p.outOfWarranty() > 0 && p.contractId() == null)
			.map(BudgetSplit.Part::precinctCode).toList();
		if (!uncovered.isEmpty()) {
			throw new PrecinctsWithoutContract(fiscalYear, uncovered);
		}
		long id = jdbc.queryForObject("""
				INSERT INTO maintenance_budget_split (fiscal_year, total_ntd, reference_date, applied_by)
				VALUES (:fy, :total, :d, :by) RETURNING id""", new MapSqlParameterSource().addValue("fy", fiscalYear)
			.addValue("total", totalNtd).addValue("d", Date.valueOf(referenceDate)).addValue("by", appliedBy), Long.class);
		MapSqlParameterSource[] rows = split.parts().stream().map(p -> new MapSqlParameterSource().addValue("id", id)
			.addValue("precinct", p.precinctId()).addValue("n", p.outOfWarranty()).addValue("amount", p.amountNtd())
			.addValue("contract", p.contractId())).toArray(MapSqlParameterSource[]::new);
		jdbc.batchUpdate("""
				INSERT INTO maintenance_budget_split_part (split_id, precinct_id, out_of_warranty, amount_ntd, contract_id)
				VALUES (:id, :precinct, :n, :amount, :contract)""", rows);
		jdbc.update("""
				UPDATE maintenance_contract mc SET budget_ntd = s.amount
				  FROM (SELECT contract_id, sum(amount_ntd) AS amount FROM maintenance_budget_split_part
				         WHERE split_id = :id AND contract_id IS NOT NULL GROUP BY contract_id) s
				 WHERE mc.id = s.contract_id""", Map.of("id", id));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("fiscalYear", fiscalYear);
		details.put("totalNtd", totalNtd);
		details.put("referenceDate", referenceDate.toString());
		List<Map<String, Object>> parts = new ArrayList<>();
		for (BudgetSplit.Part p : split.parts()) {
			if (p.outOfWarranty() > 0 || p.contractId() != null) {
				Map<String, Object> part = new LinkedHashMap<>();
				part.put("precinctCode", p.precinctCode());
				part.put("outOfWarranty", p.outOfWarranty());
				part.put("amountNtd", p.amountNtd());
				part.put("contractCode", p.contractCode());
				parts.add(part);
			}
		}
		details.put("parts", parts);
		audit.record(AuditAction.BUDGET_SPLIT_APPLIED, "maintenance_budget_split", id, details);
		return find(id).orElseThrow();
	}

	/** The applied splits, newest first (without their parts). */
	@Transactional(readOnly = true)
	public List<BudgetSplit> history(int limit) {
		return jdbc.query("""
				SELECT id, fiscal_year, total_ntd, reference_date, applied_by, applied_at FROM maintenance_budget_split
				 ORDER BY applied_at DESC, id DESC LIMIT :limit""", Map.of("limit", limit),
				(rs, i) -> new BudgetSplit(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getInt("fiscal_year") - 1911,
						rs.getLong("total_ntd"), rs.getObject("reference_date", LocalDate.class), rs.getString("applied_by"),
						rs.getTimestamp("applied_at").toInstant(), List.of()));
	}

	/** An applied split with its parts as they were applied. */
	@Transactional(readOnly = true)
	public Optional<BudgetSplit> find(long id) {
		List<BudgetSplit.Part> parts = jdbc.query("""
				SELECT p.precinct_id, pr.code, pr.name_zh, pr.name_en, p.out_of_warranty, p.amount_ntd, p.contract_id, mc.code AS contract_code
				  FROM maintenance_budget_split_part p JOIN precinct pr ON pr.id = p.precinct_id
				  LEFT JOIN maintenance_contract mc ON mc.id = p.contract_id
				 WHERE p.split_id = :id ORDER BY pr.code COLLATE "C\"""", Map.of("id", id),
				(rs, i) -> new BudgetSplit.Part(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
						rs.getLong(6), (Long) rs.getObject(7, Long.class), rs.getString(8)));
		return jdbc.query("""
				SELECT id, fiscal_year, total_ntd, reference_date, applied_by, applied_at FROM maintenance_budget_split
				 WHERE id = :id""", Map.of("id", id),
				(rs, i) -> new BudgetSplit(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getInt("fiscal_year") - 1911,
						rs.getLong("total_ntd"), rs.getObject("reference_date", LocalDate.class), rs.getString("applied_by"),
						rs.getTimestamp("applied_at").toInstant(), parts)).stream().findFirst();
	}

	private BudgetSplit compute(BudgetSplitInput input) {
		List<OutOfWarrantyCounts.PrecinctCount> byPrecinct = counts.byPrecinct(input.referenceDate(), input.fiscalYear());
		long[] weights = byPrecinct.stream().mapToLong(OutOfWarrantyCounts.PrecinctCount::outOfWarranty).toArray();
		if (byPrecinct.isEmpty() || java.util.Arrays.stream(weights).sum() == 0) {
			throw new InvalidInputException("referenceDate", "No camera is out of warranty on " + input.referenceDate()
					+ ", so there is nothing to split the budget by; choose another reference date");
		}
		long[] amounts = LargestRemainder.split(input.totalNtd(), weights); // rows come by precinct code: ties by code
		List<BudgetSplit.Part> parts = new ArrayList<>();
		for (int i = 0; i < amounts.length; i++) {
			OutOfWarrantyCounts.PrecinctCount p = byPrecinct.get(i);
			parts.add(new BudgetSplit.Part(p.precinctId(), p.precinctCode(), p.nameZh(), p.nameEn(), p.outOfWarranty(),
					amounts[i], p.contractId(), p.contractCode()));
		}
		return new BudgetSplit(null, input.fiscalYear(), input.fiscalYear() - 1911, input.totalNtd(),
				input.referenceDate(), null, null, parts);
	}
}
