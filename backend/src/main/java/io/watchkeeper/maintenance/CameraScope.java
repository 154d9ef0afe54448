package io.watchkeeper.maintenance;

import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which cameras of the registry a person may see: the whole city, or only the cameras they maintain. Resolved from
 * the signed-in user by {@link CameraScopes}; the registry's queries add {@link #where} to their WHERE clause, so the
 * list, its exports, the camera page and the API all follow one rule.
 * <p>
 * A vendor technician maintains, on a given day:
 * <ul>
 * <li>the cameras of the precincts their vendor's contracts running that day cover, and the cameras whose own
 * contract is one of those ({@link Routing}'s contracts; where two contracts cover a precinct both vendors see it,
 * as a dispatcher may route to either);</li>
 * <li>the cameras under their vendor's warranty that day ({@link Routing#UNDER_WARRANTY}: routing sends these to
 * the supplier);</li>
 * <li>the cameras of every order their vendor holds or held ({@link WorkOrderQueries#SCOPE}, the rule that shows
 * them those orders).</li>
 * </ul>
 * A squad member maintains the cameras of their squad's precinct and those of their squad's orders; the HQ squad
 * has no precinct, so only the cameras of its orders. A user with both roles sees both sets.
 *
 * @param wholeCity administrators, dispatchers, procurement, investigators, viewers, and the application's own work
 * @param vendorId the vendor of a vendor technician, else null
 * @param squadId the squad of a squad member, else null
 */
public record CameraScope(boolean wholeCity, Long vendorId, Long squadId) {

	/** No restriction: who works with the whole registry, and the application itself (jobs, imports). */
	public static final CameraScope WHOLE_CITY = new CameraScope(true, null, null);

	/** No camera at all (a technician of no vendor, a squad member of no squad, anyone unknown). */
	public static final CameraScope NOTHING = new CameraScope(false, null, null);

	private static final String RUNNING = "CAST(:day AS date) BETWEEN mc.starts_on AND mc.ends_on";

	/** The cameras (aliased {@code c}) a vendor or squad maintains; each list is computed once (an init plan). */
	private static final String MAINTAINED = """
			(c.precinct_id = ANY (ARRAY(
			     SELECT mp.precinct_id FROM maintenance_contract_precinct mp JOIN maintenance_contract mc ON mc.id = mp.contract_id
			      WHERE mc.vendor_id = CAST(:scopeVendor AS bigint) AND %1$s
			     UNION ALL
			     SELECT s.precinct_id FROM repair_squad s WHERE s.id = CAST(:scopeSquad AS bigint) AND s.precinct_id IS NOT NULL))
			 OR c.contract_id = ANY (ARRAY(
			     SELECT mc.id FROM maintenance_contract mc WHERE mc.vendor_id = CAST(:scopeVendor AS bigint) AND %1$s))
			 OR (%2$s AND c.supplier_vendor_id = CAST(:scopeVendor AS bigint))
			 OR c.id = ANY (ARRAY(SELECT w.camera_id FROM work_order w WHERE %3$s)))"""
		.formatted(RUNNING, Routing.UNDER_WARRANTY, WorkOrderQueries.SCOPE);

	/**
	 * The condition on a camera aliased {@code c} for this scope on {@code day}, its values bound into
	 * {@code params} (as {@code day}, {@code seesAll}, {@code scopeVendor}, {@code scopeSquad}).
	 */
	public String where(LocalDate day, MapSqlParameterSource params) {
		if (wholeCity) {
			return "TRUE";
		}
		if (vendorId == null && squadId == null) {
			return "FALSE";
		}
		params.addValue("day", day).addValue("seesAll", false).addValue("scopeVendor", vendorId)
			.addValue("scopeSquad", squadId);
		return MAINTAINED;
	}
}
