package io.watchkeeper.maintenance;

/**
 * The caller may see the order but their role may not take this action on it (a technician closing, a
 * squad member reassigning); answered with 403 and the reason.
 */
public class WorkOrderRefused extends RuntimeException {

	WorkOrderRefused(String message) {
		super(message);
	}
}
