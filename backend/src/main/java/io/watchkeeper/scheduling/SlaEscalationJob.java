package io.watchkeeper.scheduling;

import org.quartz.DisallowConcurrentExecution;

import io.watchkeeper.maintenance.SlaEscalation;

/** SLA escalation: raises the priority of overdue orders and notifies. */
@DisallowConcurrentExecution
class SlaEscalationJob extends ThinJob {

	private final SlaEscalation slaEscalation;

	SlaEscalationJob(SlaEscalation slaEscalation) {
		this.slaEscalation = slaEscalation;
	}

	@Override
	public Object run() {
		return slaEscalation.escalateOverdueOrders();
	}
}
