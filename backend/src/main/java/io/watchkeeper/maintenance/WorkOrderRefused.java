package io.watchkeeper.maintenance;

/**
 * The caller may see the order but their role may not take this action on it (a technician closing, a
 * squad member reassigning); answered with 403 and the reason.
 */
public class WorkOrderRefused extends RuntimeException implements Localized {

	private final String key;
	private final Object[] args;

	WorkOrderRefused(String message) {
		this(message, "maintenance.detail.refused.dispatcherOnly");
	}

	WorkOrderRefused(String message, String key, Object... args) {
		super(message);
		this.key = key;
		this.args = args;
	}

	@Override
	public String messageKey() {
		return key;
	}

	@Override
	public Object[] messageArgs() {
		return args;
	}
}
