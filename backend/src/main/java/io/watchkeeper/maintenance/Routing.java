package io.watchkeeper.maintenance;

/**
 * Who repairs a camera on a given day, as SQL that set-based statements join (no loop over cameras):
 * <ol>
 * <li>under warranty on that day ({@code warranty_end >= day}) and with a known supplier: the supplying
 * vendor ({@code WARRANTY_VENDOR});</li>
 * <li>otherwise the camera's own maintenance contract when it runs on that day, else the contract that covers
 * the camera's precinct on that day (the lowest id when several do): {@code CONTRACT}, with the contract's
 * vendor copied for scoping;</li>
 * <li>otherwise nobody: the order stays {@code NEW} for a dispatcher to route.</li>
 * </ol>
 * Due times follow from the contract's response and restore targets (the precinct contract's for warranty
 * work, the configured defaults when there is none). A dispatcher may later hand a simple fault to a repair
 * squad or reassign; that is {@link WorkOrder}'s business, not this class's.
 */
final class Routing {

	/**
	 * A CTE named {@code precinct_contract}: the contract covering each precinct on {@code :day}. Put it in a
	 * WITH clause; join it with {@link #JOINS}.
	 */
	static final String PRECINCT_CONTRACT_CTE = """
			precinct_contract AS (
			    SELECT DISTINCT ON (mp.precinct_id) mp.precinct_id, mc.id, mc.vendor_id, mc.response_hours, mc.restore_hours
			      FROM maintenance_contract_precinct mp JOIN maintenance_contract mc ON mc.id = mp.contract_id
			     WHERE CAST(:day AS date) BETWEEN mc.starts_on AND mc.ends_on
			     ORDER BY mp.precinct_id, mc.id)""";

	/** Joins for a camera aliased {@code c}: its own running contract {@code own}, its precinct's {@code pc}. */
	static final String JOINS = """
			LEFT JOIN maintenance_contract own ON own.id = c.contract_id
			                                  AND CAST(:day AS date) BETWEEN own.starts_on AND own.ends_on
			LEFT JOIN precinct_contract pc ON pc.precinct_id = c.precinct_id""";

	/** True when the camera is under its supplier's warranty on {@code :day}. */
	static final String UNDER_WARRANTY = "(c.supplier_vendor_id IS NOT NULL AND c.warranty_end >= CAST(:day AS date))";

	/** The routed columns, in this order: assignee_kind, contract_id, vendor_id, response_hours, restore_hours. */
	static final String COLUMNS = """
			CASE WHEN %1$s THEN 'WARRANTY_VENDOR' WHEN coalesce(own.id, pc.id) IS NOT NULL THEN 'CONTRACT' END AS assignee_kind,
			CASE WHEN %1$s THEN NULL ELSE coalesce(own.id, pc.id) END AS contract_id,
			CASE WHEN %1$s THEN c.supplier_vendor_id ELSE coalesce(own.vendor_id, pc.vendor_id) END AS vendor_id,
			coalesce(own.response_hours, pc.response_hours, :defaultResponseHours) AS response_hours,
			coalesce(own.restore_hours, pc.restore_hours, :defaultRestoreHours) AS restore_hours"""
		.formatted(UNDER_WARRANTY);

	private Routing() {
	}
}
