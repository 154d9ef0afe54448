package io.watchkeeper.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/** The work order list's filters and page, as query parameters of the list, its page and its CSV export. */
public class WorkOrderListParams {

	public static final int MAX_PAGE_SIZE = 200;

	@Schema(description = "A state (NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESTORED, CLOSED, CANCELLED) or OPEN (any but closed and cancelled)")
	private String state;

	@Schema(description = "REPAIR, REPLACEMENT, DECOMMISSION or INSPECTION")
	private String kind;

	@Schema(description = "Precinct id of the camera")
	private Long precinct;

	@Schema(description = "contract:ID, squad:ID, vendor:ID or none (not assigned)")
	private String assignee;

	@Schema(description = "true: only orders past a due time")
	private Boolean overdue;

	@Schema(description = "Beginning of the camera's asset tag")
	private String camera;

	@Schema(description = "Zero-based page")
	private int page = 0;

	@Schema(description = "Page size, 1 to 200")
	private int size = 50;

	/** The checked filter; every value that cannot be used is named in one 400. */
	WorkOrderFilter toFilter() {
		List<FieldError> errors = new ArrayList<>();
		WorkOrderState stateValue = null;
		boolean open = false;
		if (state != null && !state.isBlank()) {
			if (state.equalsIgnoreCase("OPEN")) {
				open = true;
			}
			else {
				try {
					stateValue = WorkOrderState.valueOf(state.strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException e) {
					errors.add(new FieldError("state", "Unknown state '" + state + "'"));
				}
			}
		}
		WorkOrderKind kindValue = null;
		if (kind != null && !kind.isBlank()) {
			try {
				kindValue = WorkOrderKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldError("kind", "Unknown kind '" + kind + "'"));
			}
		}
		String assigneeKind = null;
		Long assigneeId = null;
		if (assignee != null && !assignee.isBlank()) {
			String a = assignee.strip().toLowerCase(Locale.ROOT);
			if (a.equals("none")) {
				assigneeKind = "none";
			}
			else {
				int colon = a.indexOf(':');
				String k = colon < 0 ? a : a.substring(0, colon);
				try {
					if (colon > 0 && List.of("contract", "squad", "vendor").contains(k)) {
						assigneeId = Long.parseLong(a.substring(colon + 1));
						assigneeKind = k;
					}
				}
				catch (NumberFormatException e) {
					// reported below
				}
				if (assigneeKind == null) {
					errors.add(new FieldError("assignee", "assignee must be contract:ID, squad:ID, vendor:ID or none"));
				}
			}
		}
		String cameraPrefix = camera == null || camera.isBlank() ? null : camera.strip();
		if (cameraPrefix != null && cameraPrefix.length() > 40) {
			errors.add(new FieldError("camera", "The asset tag is longer than 40 characters"));
		}
		if (page < 0 || page > 100_000) {
			errors.add(new FieldError("page", "page must be between 0 and 100000"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			errors.add(new FieldError("size", "size must be between 1 and " + MAX_PAGE_SIZE));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Some filters are not valid", errors);
		}
		return new WorkOrderFilter(stateValue, open, kindValue, precinct, assigneeKind, assigneeId,
				Boolean.TRUE.equals(overdue), cameraPrefix);
	}

	public String getState() { return state; }
	public void setState(String state) { this.state = state; }
	public String getKind() { return kind; }
	public void setKind(String kind) { this.kind = kind; }
	public Long getPrecinct() { return precinct; }
	public void setPrecinct(Long precinct) { this.precinct = precinct; }
	public String getAssignee() { return assignee; }
	public void setAssignee(String assignee) { this.assignee = assignee; }
	public Boolean getOverdue() { return overdue; }
	public void setOverdue(Boolean overdue) { this.overdue = overdue; }
	public String getCamera() { return camera; }
	public void setCamera(String camera) { this.camera = camera; }
	public int getPage() { return page; }
	public void setPage(int page) { this.page = page; }
	public int getSize() { return size; }
	public void setSize(int size) { this.size = size; }
}
