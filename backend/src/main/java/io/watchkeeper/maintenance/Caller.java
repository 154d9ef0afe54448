package io.watchkeeper.maintenance;

/**
 * Who is asking, and what of the maintenance work they may see: dispatchers and administrators everything;
 * a vendor technician the orders of their vendor ({@code app_user.vendor_id}); a squad member the orders of
 * their squad ({@code app_user.squad_id}); anyone else nothing. Resolved per request by {@link Callers}.
 *
 * @param username the user name recorded in history and the audit log
 * @param dispatches an administrator or dispatcher: sees every order, assigns, verifies, cancels
 * @param vendorId the vendor a vendor technician works for (null for anyone else)
 * @param squadId the squad a squad member belongs to (null for anyone else)
 */
public record Caller(String username, boolean dispatches, Long vendorId, Long squadId) {

	static Caller dispatcher(String username) {
		return new Caller(username, true, null, null);
	}

	static Caller technician(String username, long vendorId) {
		return new Caller(username, false, vendorId, null);
	}

	static Caller squadMember(String username, long squadId) {
		return new Caller(username, false, null, squadId);
	}

	/** True when this caller works on orders at all (a dispatcher, a technician of a vendor, a squad member). */
	boolean maintains() {
		return dispatches || vendorId != null || squadId != null;
	}
}
