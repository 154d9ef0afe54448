package io.watchkeeper.maintenance;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.watchkeeper.shared.ApiExceptionHandler;

/**
 * The maintenance API's own refusals as problem details, ahead of the shared handler (which answers the rest):
 * a stale version names the current one, a refused action says who may, a too-large photo says the limit.
 */
@RestControllerAdvice(assignableTypes = { WorkOrderApi.class, OutageApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class MaintenanceApiErrors {

	@ExceptionHandler(StaleVersionException.class)
	ProblemDetail stale(StaleVersionException e) {
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Stale version", e.getMessage());
		problem.setProperty("currentVersion", e.currentVersion());
		return problem;
	}

	@ExceptionHandler(WorkOrderRefused.class)
	ProblemDetail refused(WorkOrderRefused e) {
		return ApiExceptionHandler.problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
	}

	@ExceptionHandler(PhotoTooLargeException.class)
	ProblemDetail tooLarge(PhotoTooLargeException e) {
		ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
				e.getMessage());
		problem.setProperty("maxBytes", e.maxBytes());
		return problem;
	}
}
