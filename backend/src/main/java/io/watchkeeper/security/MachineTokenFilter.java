package io.watchkeeper.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Authorization: Bearer <token>} on {@code /api/health/**}: the request is the machine the token was issued
 * to, with the token's authority ({@code HEALTH_FEED}), for this request only (no session). An unknown or revoked
 * token is answered 401 at once. Not a bean, so that the servlet container does not run it outside the chain.
 */
class MachineTokenFilter extends OncePerRequestFilter {

	private static final RequestMatcher HEALTH_API = PathPatternRequestMatcher.withDefaults().matcher("/api/health/**");

	private final MachineTokens tokens;
	private final AuthenticationEntryPoint refusal;

	MachineTokenFilter(MachineTokens tokens, AuthenticationEntryPoint refusal) {
		this.tokens = tokens;
		this.refusal = refusal;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| !HEALTH_API.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<MachineTokens.TokenIdentity> identity = tokens.authenticate(authorization.substring(7).strip());
		if (identity.isEmpty()) {
			SecurityContextHolder.clearContext();
			refusal.commence(request, response, new BadCredentialsException("Unknown or revoked token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new MachineAuthentication(identity.get()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** A machine authenticated by its token; its name is {@code token:<name>} (what the audit log and sources show). */
	static final class MachineAuthentication extends AbstractAuthenticationToken {

		private final MachineTokens.TokenIdentity identity;

		MachineAuthentication(MachineTokens.TokenIdentity identity) {
			super(List.of(new SimpleGrantedAuthority(identity.authority())));
			this.identity = identity;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return identity.name();
		}

		@Override
		public String getName() {
			return "token:" + identity.name();
		}
	}
}
