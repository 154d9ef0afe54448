package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.maintenance.WarrantyExpiry;

/** Warranty expiry: moves open warranty orders of cameras whose warranty ended to the maintenance contract. */
@DisallowConcurrentExecution
class WarrantyExpiryJob extends ThinJob {

	private final WarrantyExpiry warrantyExpiry;

	WarrantyExpiryJob(WarrantyExpiry warrantyExpiry) {
		this.warrantyExpiry = warrantyExpiry;
	}

	@Override
	public Object run() {
		return warrantyExpiry.transferExpiredWarranties();
	}
}
