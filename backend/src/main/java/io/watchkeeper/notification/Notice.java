package io.watchkeeper.notification;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something to tell people about a work order. Recipients: the dispatchers (those of the camera's precinct and
 * those without a precinct), the users of the assignee's vendor (vendor technicians) and of its repair squad.
 *
 * @param kind the kind, e.g. {@code SLA_RESTORE_OVERDUE}; the page shows message {@code notification.kind.<kind>}
 * @param workOrderId the order it is about
 * @param precinctId the camera's precinct (chooses the precinct dispatchers), may be null
 * @param vendorId the assignee's vendor, may be null
 * @param squadId the assignee's repair squad, may be null
 * @param args the message's arguments, in order
 * @param dedupKey raising a notice with the same key again notifies nobody twice
 * @param data what the outgoing webhook sends besides the kind and time
 */
public record Notice(String kind, long workOrderId, Long precinctId, Long vendorId, Long squadId, List<String> args,
		String dedupKey, Map<String, Object> data) {

	public Notice {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(dedupKey, "dedupKey");
		args = args == null ? List.of() : List.copyOf(args);
		data = data == null ? Map.of() : data;
	}
}
