package io.watchkeeper.maintenance;

import io.watchkeeper.shared.ConflictException;

/** The caller sent a version of the order that is no longer the current one; answered with 409 naming it. */
public class StaleVersionException extends ConflictException implements Localized {

	private final long id;
	private final long currentVersion;
	private final long sentVersion;

	StaleVersionException(long id, long sentVersion, long currentVersion) {
		super("Work order " + id + " has changed since you loaded it (you sent version " + sentVersion
				+ ", the current version is " + currentVersion + "); reload it and try again");
		this.id = id;
		this.currentVersion = currentVersion;
		this.sentVersion = sentVersion;
	}

	@Override
	public String messageKey() {
		return "maintenance.detail.stale";
	}

	@Override
	public Object[] messageArgs() {
		return new Object[] { String.valueOf(id), String.valueOf(sentVersion), String.valueOf(currentVersion) };
	}

	public long id() {
		return id;
	}

	public long currentVersion() {
		return currentVersion;
	}
}
