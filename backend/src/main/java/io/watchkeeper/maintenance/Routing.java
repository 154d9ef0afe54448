package io.watchkeeper.maintenance;

/**
 * Who repairs a camera on a given day, as SQL that set-based statements join (no loop over cameras):
 * <ol>
 * <li>under warranty on that day ({@code warranty_end >= day}) and with a known supplier: the supplying
 * vendor ({@code WARRANTY_VENDOR});</li>
 * <li>otherwise the camera's own maintenance contract when it runs on that day, else the contract that covers
 * the camera's precinct on that day (the lowest id when several do): {@code CONTRACT}, with the contract's
 * vendor copied for scoping; the rule is the database function {@code camera_contract_on} (V121), which the camera
 * registry shows as the camera's contract too;</li>
 * <li>otherwise nobody: the order stays {@code NEW} for a dispatcher to route.</li>
 * </ol>
 * Due times follow from the contract's response and restore targets (the precinct contract's for warranty
 * work, the configured defaults when there is none). A dispatcher may later hand a simple fault to a repair
 * squad or reassign; that is {@link WorkOrder}'s business, not this class's.
 */
final class Routing {

	/**
	 * The join for a camera aliased {@code c}: the contract {@code rc} that looks after it on {@code :day}, by the
	 * database's {@code camera_contract_on} (V121), the rule the registry shows as the camera's contract too.
	 */
	static final String JOINS = """
			LEFT JOIN maintenance_contract rc ON rc.id = camera_contract_on(c.contract_id, c.precinct_id, CAST(:day AS date))""";

	/** True when the camera is under its supplier's warranty on {@code :day}. */
	static final String UNDER_WARRANTY = "(c.supplier_vendor_id IS NOT NULL AND c.warranty_end >= CAST(:day AS date))";

	/** The routed columns, in this order: assignee_kind, contract_id, vendor_id, response_hours, restore_hours. */
	static final String COLUMNS = """
			CASE WHEN %1$s THEN 'WARRANTY_VENDOR' WHEN rc.id IS NOT NULL THEN 'CONTRACT' END AS assignee_kind,
			CASE WHEN %1$s THEN NULL ELSE rc.id END AS contract_id,
			CASE WHEN %1$s THEN c.supplier_vendor_id ELSE rc.vendor_id END AS vendor_id,
			coalesce(rc.response_hours, :defaultResponseHours) AS response_hours,
			coalesce(rc.restore_hours, :defaultRestoreHours) AS restore_hours"""
		.formatted(UNDER_WARRANTY);

	private Routing() {
	}
}
