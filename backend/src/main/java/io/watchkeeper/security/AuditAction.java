package io.watchkeeper.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every action the audit log records, by the code stored in {@code audit_event.action} (which the API and CSV
 * keep). The audit page shows each by its label {@code audit.label.<code>} in zh-TW and English;
 * {@code AuditActionsTest} fails when code writes an action that is missing here or lacks a label.
 */
public enum AuditAction {

	AUTH_LOGIN("auth.login"), AUTH_LOGIN_FAILED("auth.login_failed"), AUTH_LOCKED("auth.locked"),
	AUTH_SLOWED_DOWN("auth.slowed_down"),
	CAMERA_CREATED("camera.created"), CAMERA_UPDATED("camera.updated"), CAMERA_DECOMMISSIONED("camera.decommissioned"),
	/** Not written: a camera page shows the import that created the camera under this code. */
	CAMERA_IMPORTED("camera.imported"),
	IMPORT_APPLIED("import.applied"), IMPORT_DRY_RUN("import.dry_run"), IMPORT_REJECTED("import.rejected"),
	BOUNDARIES_REPLACED("boundaries.replaced"),
	/** Cameras given a position (placement queue, address matching) or a proposed one taken back (issue 13). */
	CAMERA_PLACED("camera.placed"), CAMERA_PLACED_MANY("camera.placed_many"), CAMERA_UNPLACED("camera.unplaced"),
	/** Door-plate datasets and saved import profiles (issue 13). */
	GAZETTEER_IMPORTED("gazetteer.imported"), GAZETTEER_REMOVED("gazetteer.removed"),
	IMPORT_PROFILE_SAVED("import_profile.saved"), IMPORT_PROFILE_DELETED("import_profile.deleted"),
	STATION_CREATED("station.created"), STATION_UPDATED("station.updated"), STATION_DELETED("station.deleted"),
	STATION_UPLOADED("station.uploaded"),
	USER_CREATED("user.created"), USER_UPDATED("user.updated"), USER_ENABLED("user.enabled"),
	USER_DISABLED("user.disabled"), USER_UNLOCKED("user.unlocked"), USER_PASSWORD_RESET("user.password_reset"),
	TOKEN_ISSUED("token.issued"), TOKEN_REVOKED("token.revoked"),
	WORK_ORDER_OPEN("work_order.open"), WORK_ORDER_ASSIGN("work_order.assign"), WORK_ORDER_CLOSE("work_order.close"),
	WORK_ORDER_CANCEL("work_order.cancel"),
	FUNDING_SOURCE_CREATED("funding_source.created"), FUNDING_SOURCE_UPDATED("funding_source.updated"),
	PROJECT_CREATED("procurement_project.created"),
	CASE_OPENED("case.opened"), CASE_CLOSED("case.closed"), CASE_VIEWED("case.viewed"),
	CANVASS_RUN("canvass.run"), ROUTE_RUN("canvass.route_run"), CANVASS_VIEWED("canvass.viewed"),
	CANVASS_EXPORTED("canvass.exported"), CANVASS_PRINTED("canvass.printed"), CANVASS_PREVIEWED("canvass.previewed"),
	FOOTAGE_REQUESTED("footage.requested"), FOOTAGE_ANSWERED("footage.answered"), FOOTAGE_OUTCOME("footage.outcome"),
	PRICE_SET("planning.price_set"), PLAN_SAVED("planning.plan_saved"), PLAN_DELETED("planning.plan_deleted"),
	IMPORTANT_SITE_SET("planning.important_set"), PLAN_PROJECT_CREATED("planning.project_created"),
	FORECAST_EXPORTED("planning.forecast_exported"), BUDGET_SPLIT_APPLIED("planning.budget_split_applied"),
	PROJECT_UPDATED("procurement_project.updated"), CAMERA_REPLACED("camera.replaced"),
	/** The placement queue and the city set-up (issue 13). */
	PLACEMENT_SKIPPED("placement.skipped"), CITY_RENAMED("city.renamed"),
	AUDIT_VIEWED("audit.viewed");

	private final String code;

	AuditAction(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	/** The message key of the action's label. */
	public String labelKey() {
		return "audit.label." + code;
	}

	public static Optional<AuditAction> of(String code) {
		return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
	}

	/** What the audit page's action field offers: each family ({@code camera.*}) followed by its actions. */
	static List<String> filterChoices() {
		Set<String> choices = new LinkedHashSet<>();
		for (AuditAction action : values()) {
			choices.add(action.code.substring(0, action.code.indexOf('.')) + ".*");
			choices.add(action.code);
		}
		return List.copyOf(choices);
	}
}
