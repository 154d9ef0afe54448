package io.watchkeeper.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The API's last rule: a path no controller serves is let through for any logged-in user, so that it ends in an
 * honest 404 problem instead of "your role may not do this"; every path a controller does serve (and no rule
 * above opened) stays ADMIN only. Anonymous requests still get 401 whatever the path, so the API's shape is not
 * shown to strangers.
 */
final class UnknownApiPaths implements AuthorizationManager<RequestAuthorizationContext> {

	private final ApplicationContext context;
	private final AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager
		.hasRole(Role.ADMIN.name());
	private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
	private volatile RequestMappingHandlerMapping mapping;

	UnknownApiPaths(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext request) {
		Authentication user = authentication.get();
		if (user != null && user.isAuthenticated() && !trust.isAnonymous(user) && !served(request.getRequest())) {
			return new AuthorizationDecision(true);
		}
		return admin.authorize(authentication, request);
	}

	/** Whether a controller maps this path; when unsure (a 405 or 415 mismatch, an error), it does. */
	boolean served(HttpServletRequest request) {
		RequestMappingHandlerMapping handlers = mapping;
		if (handlers == null) {
			handlers = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
			mapping = handlers;
		}
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		if (!parsed) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			HandlerExecutionChain chain = handlers.getHandler(request);
			return chain != null;
		}
		catch (Exception e) {
			return true;
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}
}
